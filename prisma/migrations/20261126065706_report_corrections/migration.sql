-- AlterEnum
ALTER TYPE "ReportStatus" ADD VALUE 'SUPERSEDED';

-- DropIndex
DROP INDEX "LandReleaseReport_supersedesId_key";

-- CreateIndex
CREATE INDEX "LandReleaseReport_supersedesId_idx" ON "LandReleaseReport"("supersedesId");
