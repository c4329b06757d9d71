-- AlterTable
ALTER TABLE "LandReleaseReport" ADD COLUMN     "clientRef" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "LandReleaseReport_partnerId_clientRef_key" ON "LandReleaseReport"("partnerId", "clientRef");
