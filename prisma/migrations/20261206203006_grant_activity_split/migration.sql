-- CreateTable
CREATE TABLE "GrantActivitySplit" (
    "grantId" TEXT NOT NULL,
    "landReleaseBp" INTEGER NOT NULL,
    "eoreBp" INTEGER NOT NULL,
    "victimAssistanceBp" INTEGER NOT NULL,
    "capacityBp" INTEGER NOT NULL,

    CONSTRAINT "GrantActivitySplit_pkey" PRIMARY KEY ("grantId")
);

-- AddForeignKey
ALTER TABLE "GrantActivitySplit" ADD CONSTRAINT "GrantActivitySplit_grantId_fkey" FOREIGN KEY ("grantId") REFERENCES "Grant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A stated split covers the whole grant: four shares, none negative, adding up to 10000 basis points.
ALTER TABLE "GrantActivitySplit" ADD CONSTRAINT "GrantActivitySplit_shares_check"
  CHECK ("landReleaseBp" >= 0 AND "eoreBp" >= 0 AND "victimAssistanceBp" >= 0 AND "capacityBp" >= 0
    AND "landReleaseBp" + "eoreBp" + "victimAssistanceBp" + "capacityBp" = 10000);
