-- CreateEnum
CREATE TYPE "HazardAreaStatus" AS ENUM ('ACTIVE', 'SUSPENDED', 'CLOSED', 'SUPERSEDED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "HazardAreaChangeKind" AS ENUM ('RECLASSIFIED', 'BOUNDARY_REVISED', 'SPLIT', 'MERGED', 'SUSPENDED', 'REOPENED', 'CLOSED', 'WITHDRAWN', 'FOUND_ON_RELEASED_LAND', 'INVESTIGATION_CLOSED');

-- AlterTable
ALTER TABLE "HazardArea" ADD COLUMN     "needsInvestigation" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "newlyFound" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "status" "HazardAreaStatus" NOT NULL DEFAULT 'ACTIVE';

-- CreateTable
CREATE TABLE "HazardAreaChange" (
    "id" TEXT NOT NULL,
    "hazardAreaId" TEXT NOT NULL,
    "kind" "HazardAreaChangeKind" NOT NULL,
    "effectiveDate" DATE NOT NULL,
    "evidence" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "relatedAreaIds" TEXT[],
    "byId" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HazardAreaChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InheritedRelease" (
    "hazardAreaId" TEXT NOT NULL,
    "reportId" TEXT NOT NULL,
    "m2" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "InheritedRelease_pkey" PRIMARY KEY ("hazardAreaId","reportId")
);

-- CreateIndex
CREATE INDEX "HazardAreaChange_hazardAreaId_at_idx" ON "HazardAreaChange"("hazardAreaId", "at");

-- CreateIndex
CREATE INDEX "InheritedRelease_reportId_idx" ON "InheritedRelease"("reportId");

-- CreateIndex
CREATE INDEX "HazardArea_status_idx" ON "HazardArea"("status");

-- AddForeignKey
ALTER TABLE "HazardAreaChange" ADD CONSTRAINT "HazardAreaChange_hazardAreaId_fkey" FOREIGN KEY ("hazardAreaId") REFERENCES "HazardArea"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InheritedRelease" ADD CONSTRAINT "InheritedRelease_hazardAreaId_fkey" FOREIGN KEY ("hazardAreaId") REFERENCES "HazardArea"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InheritedRelease" ADD CONSTRAINT "InheritedRelease_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "LandReleaseReport"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Areas whose land is all released are closed, as an approval releasing the last of an area now closes it.
UPDATE "HazardArea" SET "status" = 'CLOSED' WHERE "areaM2" - "releasedM2" < 0.01;
