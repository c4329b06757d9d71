-- AlterTable
ALTER TABLE "CasualtyIncident" ADD COLUMN     "correctionNote" TEXT,
ADD COLUMN     "isDemo" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "supersedesId" TEXT,
ADD COLUMN     "withdrawn" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "RiskEducationSession" ADD COLUMN     "correctionNote" TEXT,
ADD COLUMN     "isDemo" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "supersedesId" TEXT,
ADD COLUMN     "withdrawn" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE UNIQUE INDEX "CasualtyIncident_supersedesId_key" ON "CasualtyIncident"("supersedesId");

-- CreateIndex
CREATE UNIQUE INDEX "RiskEducationSession_supersedesId_key" ON "RiskEducationSession"("supersedesId");

-- AddForeignKey
ALTER TABLE "RiskEducationSession" ADD CONSTRAINT "RiskEducationSession_supersedesId_fkey" FOREIGN KEY ("supersedesId") REFERENCES "RiskEducationSession"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CasualtyIncident" ADD CONSTRAINT "CasualtyIncident_supersedesId_fkey" FOREIGN KEY ("supersedesId") REFERENCES "CasualtyIncident"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- A withdrawal counts nobody and always names the record it withdraws, and any
-- other record still counts somebody. Counts are never negative.
ALTER TABLE "RiskEducationSession" DROP CONSTRAINT "RiskEducationSession_counts_check";
ALTER TABLE "RiskEducationSession" ADD CONSTRAINT "RiskEducationSession_counts_check"
  CHECK ("women" >= 0 AND "men" >= 0 AND "girls" >= 0 AND "boys" >= 0
     AND ("withdrawn" OR "women" + "men" + "girls" + "boys" > 0)
     AND (NOT "withdrawn" OR ("supersedesId" IS NOT NULL AND "women" + "men" + "girls" + "boys" = 0)));
ALTER TABLE "RiskEducationSession" ADD CONSTRAINT "RiskEducationSession_supersedes_other_check" CHECK ("supersedesId" <> "id");
ALTER TABLE "CasualtyIncident" DROP CONSTRAINT "CasualtyIncident_counts_check";
ALTER TABLE "CasualtyIncident" ADD CONSTRAINT "CasualtyIncident_counts_check"
  CHECK ("killedWomen" >= 0 AND "killedMen" >= 0 AND "killedGirls" >= 0 AND "killedBoys" >= 0
     AND "injuredWomen" >= 0 AND "injuredMen" >= 0 AND "injuredGirls" >= 0 AND "injuredBoys" >= 0
     AND ("withdrawn" OR "killedWomen" + "killedMen" + "killedGirls" + "killedBoys" + "injuredWomen" + "injuredMen" + "injuredGirls" + "injuredBoys" > 0)
     AND (NOT "withdrawn" OR ("supersedesId" IS NOT NULL
          AND "killedWomen" + "killedMen" + "killedGirls" + "killedBoys" + "injuredWomen" + "injuredMen" + "injuredGirls" + "injuredBoys" = 0)));
ALTER TABLE "CasualtyIncident" ADD CONSTRAINT "CasualtyIncident_supersedes_other_check" CHECK ("supersedesId" <> "id");
