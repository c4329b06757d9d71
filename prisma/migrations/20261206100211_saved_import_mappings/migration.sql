-- CreateTable
CREATE TABLE "SavedImportMapping" (
    "id" TEXT NOT NULL,
    "authorityId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "mapping" JSONB NOT NULL,
    "savedById" TEXT NOT NULL,
    "savedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SavedImportMapping_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SavedImportMapping_authorityId_name_key" ON "SavedImportMapping"("authorityId", "name");

-- AddForeignKey
ALTER TABLE "SavedImportMapping" ADD CONSTRAINT "SavedImportMapping_authorityId_fkey" FOREIGN KEY ("authorityId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
