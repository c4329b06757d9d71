-- AlterTable
ALTER TABLE "CasualtyIncident" ADD COLUMN     "clientRef" TEXT;

-- AlterTable
ALTER TABLE "RiskEducationSession" ADD COLUMN     "clientRef" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "CasualtyIncident_authorityId_clientRef_key" ON "CasualtyIncident"("authorityId", "clientRef");

-- CreateIndex
CREATE UNIQUE INDEX "RiskEducationSession_partnerId_clientRef_key" ON "RiskEducationSession"("partnerId", "clientRef");
