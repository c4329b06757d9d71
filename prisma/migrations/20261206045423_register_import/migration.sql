-- CreateEnum
CREATE TYPE "RegisterImportStatus" AS ENUM ('PREVIEWED', 'COMMITTING', 'COMMITTED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "RegisterImportRowStatus" AS ENUM ('PENDING', 'CREATED', 'SKIPPED');

-- AlterTable
ALTER TABLE "HazardArea" ADD COLUMN     "importId" TEXT,
ADD COLUMN     "informationDate" DATE,
ADD COLUMN     "sourceReference" TEXT;

-- CreateTable
CREATE TABLE "RegisterImport" (
    "id" TEXT NOT NULL,
    "status" "RegisterImportStatus" NOT NULL DEFAULT 'PREVIEWED',
    "fileName" TEXT NOT NULL,
    "sourceCrs" TEXT NOT NULL,
    "authorityId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "mapping" JSONB NOT NULL,
    "columns" JSONB NOT NULL,
    "problems" JSONB NOT NULL,
    "rowCount" INTEGER NOT NULL,
    "acceptedCount" INTEGER NOT NULL,
    "overlappingCount" INTEGER NOT NULL DEFAULT 0,
    "overlapDecision" TEXT,
    "committedAt" TIMESTAMP(3),
    "withdrawnAt" TIMESTAMP(3),
    "withdrawnById" TEXT,

    CONSTRAINT "RegisterImport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RegisterImportRow" (
    "id" TEXT NOT NULL,
    "importId" TEXT NOT NULL,
    "row" INTEGER NOT NULL,
    "status" "RegisterImportRowStatus" NOT NULL DEFAULT 'PENDING',
    "value" JSONB NOT NULL,
    "geometry" JSONB NOT NULL,
    "areaM2" DOUBLE PRECISION NOT NULL,
    "governoratePcode" TEXT NOT NULL,
    "overlaps" JSONB NOT NULL,
    "outcome" JSONB,
    "hazardAreaId" TEXT,

    CONSTRAINT "RegisterImportRow_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RegisterImportRow_importId_status_idx" ON "RegisterImportRow"("importId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "RegisterImportRow_importId_row_key" ON "RegisterImportRow"("importId", "row");

-- CreateIndex
CREATE INDEX "HazardArea_importId_idx" ON "HazardArea"("importId");

-- AddForeignKey
ALTER TABLE "HazardArea" ADD CONSTRAINT "HazardArea_importId_fkey" FOREIGN KEY ("importId") REFERENCES "RegisterImport"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegisterImport" ADD CONSTRAINT "RegisterImport_authorityId_fkey" FOREIGN KEY ("authorityId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegisterImportRow" ADD CONSTRAINT "RegisterImportRow_importId_fkey" FOREIGN KEY ("importId") REFERENCES "RegisterImport"("id") ON DELETE CASCADE ON UPDATE CASCADE;
