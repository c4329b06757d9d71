-- CreateEnum
CREATE TYPE "RegisterImportKind" AS ENUM ('HAZARD_AREAS', 'RELEASES');

-- AlterEnum
ALTER TYPE "ReportStatus" ADD VALUE 'WITHDRAWN';

-- AlterTable
ALTER TABLE "LandReleaseReport" ADD COLUMN     "importId" TEXT,
ADD COLUMN     "sourceReference" TEXT,
ALTER COLUMN "taskId" DROP NOT NULL;

-- AlterTable
ALTER TABLE "RegisterImport" ADD COLUMN     "kind" "RegisterImportKind" NOT NULL DEFAULT 'HAZARD_AREAS';

-- AlterTable
ALTER TABLE "RegisterImportRow" ADD COLUMN     "commitOrder" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "LandReleaseReport_importId_idx" ON "LandReleaseReport"("importId");

-- AddForeignKey
ALTER TABLE "LandReleaseReport" ADD CONSTRAINT "LandReleaseReport_importId_fkey" FOREIGN KEY ("importId") REFERENCES "RegisterImport"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
