-- CreateEnum
CREATE TYPE "CasualtyOutcome" AS ENUM ('KILLED', 'INJURED', 'UNKNOWN');

-- CreateEnum
CREATE TYPE "CasualtySex" AS ENUM ('FEMALE', 'MALE', 'UNKNOWN');

-- CreateEnum
CREATE TYPE "CasualtyAge" AS ENUM ('ADULT', 'CHILD', 'UNKNOWN');

-- CreateEnum
CREATE TYPE "CasualtyStatus" AS ENUM ('CIVILIAN', 'DEMINER', 'SECURITY_FORCES', 'UNKNOWN');

-- CreateEnum
CREATE TYPE "VictimAssistanceService" AS ENUM ('MEDICAL_CARE', 'PHYSICAL_REHABILITATION', 'PSYCHOLOGICAL_SUPPORT', 'ECONOMIC_INCLUSION');

-- AlterTable: the new columns first, the old ones go once their figures are copied (below). No semicolon in a
-- comment: the migration runner splits the script on them.
ALTER TABLE "CasualtyIncident" ADD COLUMN     "deviceCategories" "DeviceCategory"[],
ADD COLUMN     "location" JSONB;

-- CreateTable
CREATE TABLE "CasualtyCount" (
    "id" TEXT NOT NULL,
    "incidentId" TEXT NOT NULL,
    "outcome" "CasualtyOutcome" NOT NULL,
    "sex" "CasualtySex" NOT NULL,
    "age" "CasualtyAge" NOT NULL,
    "status" "CasualtyStatus" NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "CasualtyCount_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VictimAssistanceRecord" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "governoratePcode" TEXT NOT NULL,
    "periodStart" DATE NOT NULL,
    "periodEnd" DATE NOT NULL,
    "service" "VictimAssistanceService" NOT NULL,
    "women" INTEGER NOT NULL,
    "men" INTEGER NOT NULL,
    "girls" INTEGER NOT NULL,
    "boys" INTEGER NOT NULL,
    "unknown" INTEGER NOT NULL,
    "incidentId" TEXT,
    "recordedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "supersedesId" TEXT,
    "withdrawn" BOOLEAN NOT NULL DEFAULT false,
    "correctionNote" TEXT,
    "clientRef" TEXT,

    CONSTRAINT "VictimAssistanceRecord_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CasualtyCount_incidentId_outcome_sex_age_status_key" ON "CasualtyCount"("incidentId", "outcome", "sex", "age", "status");

-- CreateIndex
CREATE UNIQUE INDEX "VictimAssistanceRecord_supersedesId_key" ON "VictimAssistanceRecord"("supersedesId");

-- CreateIndex
CREATE INDEX "VictimAssistanceRecord_governoratePcode_periodEnd_idx" ON "VictimAssistanceRecord"("governoratePcode", "periodEnd");

-- CreateIndex
CREATE UNIQUE INDEX "VictimAssistanceRecord_organisationId_clientRef_key" ON "VictimAssistanceRecord"("organisationId", "clientRef");

-- AddForeignKey
ALTER TABLE "CasualtyCount" ADD CONSTRAINT "CasualtyCount_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "CasualtyIncident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VictimAssistanceRecord" ADD CONSTRAINT "VictimAssistanceRecord_governoratePcode_fkey" FOREIGN KEY ("governoratePcode") REFERENCES "Governorate"("pcode") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VictimAssistanceRecord" ADD CONSTRAINT "VictimAssistanceRecord_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "CasualtyIncident"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VictimAssistanceRecord" ADD CONSTRAINT "VictimAssistanceRecord_supersedesId_fkey" FOREIGN KEY ("supersedesId") REFERENCES "VictimAssistanceRecord"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- An accident's one device becomes its list of devices.
UPDATE "CasualtyIncident" SET "deviceCategories" = ARRAY["deviceCategory"];

-- Each accident's killed and injured women, men, girls and boys become a row per group with people in it:
-- a woman is a female adult, a girl a female child (under 18). The old records did not say whether the people
-- were civilians, deminers or security forces, so their status is UNKNOWN. A withdrawal counted nobody: no rows.
INSERT INTO "CasualtyCount" ("id", "incidentId", "outcome", "sex", "age", "status", "count")
SELECT 'cc_' || md5(x.id || ':' || g.outcome || ':' || g.sex || ':' || g.age), x.id,
       g.outcome::"CasualtyOutcome", g.sex::"CasualtySex", g.age::"CasualtyAge", 'UNKNOWN'::"CasualtyStatus", g.n
FROM "CasualtyIncident" x
CROSS JOIN LATERAL (VALUES
  ('KILLED', 'FEMALE', 'ADULT', x."killedWomen"),
  ('KILLED', 'MALE', 'ADULT', x."killedMen"),
  ('KILLED', 'FEMALE', 'CHILD', x."killedGirls"),
  ('KILLED', 'MALE', 'CHILD', x."killedBoys"),
  ('INJURED', 'FEMALE', 'ADULT', x."injuredWomen"),
  ('INJURED', 'MALE', 'ADULT', x."injuredMen"),
  ('INJURED', 'FEMALE', 'CHILD', x."injuredGirls"),
  ('INJURED', 'MALE', 'CHILD', x."injuredBoys")
) AS g(outcome, sex, age, n)
WHERE g.n > 0;

-- Copied: the old columns (and the check on them) go.
ALTER TABLE "CasualtyIncident" DROP CONSTRAINT "CasualtyIncident_counts_check";
ALTER TABLE "CasualtyIncident" DROP COLUMN "deviceCategory",
DROP COLUMN "injuredBoys",
DROP COLUMN "injuredGirls",
DROP COLUMN "injuredMen",
DROP COLUMN "injuredWomen",
DROP COLUMN "killedBoys",
DROP COLUMN "killedGirls",
DROP COLUMN "killedMen",
DROP COLUMN "killedWomen";

-- A group counts somebody (a group of no one is no row). Survivors assisted are never negative, and a record
-- other than a withdrawal counts somebody.
ALTER TABLE "CasualtyCount" ADD CONSTRAINT "CasualtyCount_count_check" CHECK ("count" > 0);
ALTER TABLE "VictimAssistanceRecord" ADD CONSTRAINT "VictimAssistanceRecord_counts_check"
  CHECK ("women" >= 0 AND "men" >= 0 AND "girls" >= 0 AND "boys" >= 0 AND "unknown" >= 0
     AND ("withdrawn" OR "women" + "men" + "girls" + "boys" + "unknown" > 0)
     AND (NOT "withdrawn" OR ("supersedesId" IS NOT NULL AND "women" + "men" + "girls" + "boys" + "unknown" = 0)));
ALTER TABLE "VictimAssistanceRecord" ADD CONSTRAINT "VictimAssistanceRecord_period_check" CHECK ("periodStart" <= "periodEnd");
ALTER TABLE "VictimAssistanceRecord" ADD CONSTRAINT "VictimAssistanceRecord_supersedes_other_check" CHECK ("supersedesId" <> "id");
