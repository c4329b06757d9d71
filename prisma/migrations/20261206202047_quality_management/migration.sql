-- CreateEnum
CREATE TYPE "LandReleaseKind" AS ENUM ('RELEASE', 'REOPENING');

-- CreateEnum
CREATE TYPE "NonConformitySeverity" AS ENUM ('MINOR', 'MAJOR', 'CRITICAL');

-- CreateEnum
CREATE TYPE "InspectionResult" AS ENUM ('PASSED', 'FAILED');

-- AlterTable
ALTER TABLE "LandReleaseReport" ADD COLUMN     "inspectionId" TEXT,
ADD COLUMN     "kind" "LandReleaseKind" NOT NULL DEFAULT 'RELEASE',
ADD COLUMN     "reopensId" TEXT;

-- CreateTable
CREATE TABLE "MonitoringVisit" (
    "id" TEXT NOT NULL,
    "taskId" TEXT NOT NULL,
    "operatorId" TEXT NOT NULL,
    "team" TEXT NOT NULL,
    "visitedOn" DATE NOT NULL,
    "inspector" TEXT NOT NULL,
    "findings" TEXT NOT NULL,
    "recordedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MonitoringVisit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NonConformity" (
    "id" TEXT NOT NULL,
    "visitId" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "severity" "NonConformitySeverity" NOT NULL,
    "correctiveAction" TEXT NOT NULL,
    "deadline" DATE NOT NULL,
    "closedOn" DATE,
    "closureNote" TEXT,
    "closedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NonConformity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Inspection" (
    "id" TEXT NOT NULL,
    "taskId" TEXT NOT NULL,
    "inspectedOn" DATE NOT NULL,
    "inspector" TEXT NOT NULL,
    "sampledGeometry" JSONB NOT NULL,
    "sampledAreaM2" DOUBLE PRECISION NOT NULL,
    "itemsFound" INTEGER NOT NULL,
    "result" "InspectionResult" NOT NULL,
    "findings" TEXT,
    "reopenedM2" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "recordedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Inspection_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MonitoringVisit_taskId_visitedOn_idx" ON "MonitoringVisit"("taskId", "visitedOn");

-- CreateIndex
CREATE INDEX "MonitoringVisit_operatorId_visitedOn_idx" ON "MonitoringVisit"("operatorId", "visitedOn");

-- CreateIndex
CREATE INDEX "NonConformity_visitId_idx" ON "NonConformity"("visitId");

-- CreateIndex
CREATE INDEX "NonConformity_closedOn_idx" ON "NonConformity"("closedOn");

-- CreateIndex
CREATE INDEX "Inspection_taskId_inspectedOn_idx" ON "Inspection"("taskId", "inspectedOn");

-- CreateIndex
CREATE INDEX "LandReleaseReport_reopensId_idx" ON "LandReleaseReport"("reopensId");

-- CreateIndex
CREATE INDEX "LandReleaseReport_inspectionId_idx" ON "LandReleaseReport"("inspectionId");

-- AddForeignKey
ALTER TABLE "LandReleaseReport" ADD CONSTRAINT "LandReleaseReport_reopensId_fkey" FOREIGN KEY ("reopensId") REFERENCES "LandReleaseReport"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LandReleaseReport" ADD CONSTRAINT "LandReleaseReport_inspectionId_fkey" FOREIGN KEY ("inspectionId") REFERENCES "Inspection"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MonitoringVisit" ADD CONSTRAINT "MonitoringVisit_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "Task"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MonitoringVisit" ADD CONSTRAINT "MonitoringVisit_operatorId_fkey" FOREIGN KEY ("operatorId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NonConformity" ADD CONSTRAINT "NonConformity_visitId_fkey" FOREIGN KEY ("visitId") REFERENCES "MonitoringVisit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Inspection" ADD CONSTRAINT "Inspection_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "Task"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
