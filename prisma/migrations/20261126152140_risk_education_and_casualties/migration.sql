-- CreateTable
CREATE TABLE "RiskEducationSession" (
    "id" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "governoratePcode" TEXT NOT NULL,
    "heldOn" DATE NOT NULL,
    "place" TEXT NOT NULL,
    "women" INTEGER NOT NULL,
    "men" INTEGER NOT NULL,
    "girls" INTEGER NOT NULL,
    "boys" INTEGER NOT NULL,
    "recordedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RiskEducationSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CasualtyIncident" (
    "id" TEXT NOT NULL,
    "authorityId" TEXT NOT NULL,
    "governoratePcode" TEXT NOT NULL,
    "occurredOn" DATE NOT NULL,
    "place" TEXT NOT NULL,
    "deviceCategory" "DeviceCategory" NOT NULL,
    "killedWomen" INTEGER NOT NULL,
    "killedMen" INTEGER NOT NULL,
    "killedGirls" INTEGER NOT NULL,
    "killedBoys" INTEGER NOT NULL,
    "injuredWomen" INTEGER NOT NULL,
    "injuredMen" INTEGER NOT NULL,
    "injuredGirls" INTEGER NOT NULL,
    "injuredBoys" INTEGER NOT NULL,
    "recordedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CasualtyIncident_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RiskEducationSession_governoratePcode_heldOn_idx" ON "RiskEducationSession"("governoratePcode", "heldOn");

-- CreateIndex
CREATE INDEX "RiskEducationSession_partnerId_heldOn_idx" ON "RiskEducationSession"("partnerId", "heldOn");

-- CreateIndex
CREATE INDEX "CasualtyIncident_governoratePcode_occurredOn_idx" ON "CasualtyIncident"("governoratePcode", "occurredOn");

-- AddForeignKey
ALTER TABLE "RiskEducationSession" ADD CONSTRAINT "RiskEducationSession_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RiskEducationSession" ADD CONSTRAINT "RiskEducationSession_governoratePcode_fkey" FOREIGN KEY ("governoratePcode") REFERENCES "Governorate"("pcode") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CasualtyIncident" ADD CONSTRAINT "CasualtyIncident_authorityId_fkey" FOREIGN KEY ("authorityId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CasualtyIncident" ADD CONSTRAINT "CasualtyIncident_governoratePcode_fkey" FOREIGN KEY ("governoratePcode") REFERENCES "Governorate"("pcode") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Counts of people are never negative, and a record counts somebody (zod says so first, with the field).
ALTER TABLE "RiskEducationSession" ADD CONSTRAINT "RiskEducationSession_counts_check"
  CHECK ("women" >= 0 AND "men" >= 0 AND "girls" >= 0 AND "boys" >= 0 AND "women" + "men" + "girls" + "boys" > 0);
ALTER TABLE "CasualtyIncident" ADD CONSTRAINT "CasualtyIncident_counts_check"
  CHECK ("killedWomen" >= 0 AND "killedMen" >= 0 AND "killedGirls" >= 0 AND "killedBoys" >= 0
     AND "injuredWomen" >= 0 AND "injuredMen" >= 0 AND "injuredGirls" >= 0 AND "injuredBoys" >= 0
     AND "killedWomen" + "killedMen" + "killedGirls" + "killedBoys" + "injuredWomen" + "injuredMen" + "injuredGirls" + "injuredBoys" > 0);
