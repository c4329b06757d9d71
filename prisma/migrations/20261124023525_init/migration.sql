-- CreateEnum
CREATE TYPE "OrganisationType" AS ENUM ('AUTHORITY', 'PARTNER', 'DONOR');

-- CreateEnum
CREATE TYPE "Region" AS ENUM ('FEDERAL', 'KURDISTAN');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'AUTHORITY', 'PARTNER', 'DONOR');

-- CreateEnum
CREATE TYPE "BaselineKind" AS ENUM ('BASELINE', 'NEWLY_FOUND');

-- CreateEnum
CREATE TYPE "HazardKind" AS ENUM ('SHA', 'CHA');

-- CreateEnum
CREATE TYPE "ContaminationType" AS ENUM ('AP_MINES', 'AT_MINES', 'IMPROVISED_AP_MINES', 'IEDS', 'UXO', 'CLUSTER_MUNITION_REMNANTS', 'OTHER_ERW');

-- CreateEnum
CREATE TYPE "LandUse" AS ENUM ('CRITICAL_INFRASTRUCTURE', 'SCHOOL', 'ENERGY', 'AGRICULTURE', 'HOUSING', 'OTHER');

-- CreateEnum
CREATE TYPE "TaskStatus" AS ENUM ('PLANNED', 'ASSIGNED', 'IN_PROGRESS', 'COMPLETED', 'HANDED_OVER', 'CANCELLED');

-- CreateEnum
CREATE TYPE "ReleaseMethod" AS ENUM ('CANCELLED', 'REDUCED', 'CLEARED');

-- CreateEnum
CREATE TYPE "ReportStatus" AS ENUM ('SUBMITTED', 'APPROVED', 'REJECTED');

-- CreateEnum
CREATE TYPE "DeviceCategory" AS ENUM ('AP_MINE', 'AT_MINE', 'IMPROVISED_AP_MINE', 'IED', 'UXO', 'CLUSTER_SUBMUNITION', 'AXO', 'SMALL_ARMS_AMMUNITION', 'OTHER');

-- CreateEnum
CREATE TYPE "TransactionType" AS ENUM ('INCOMING_COMMITMENT', 'OUTGOING_COMMITMENT', 'DISBURSEMENT', 'EXPENDITURE');

-- CreateTable
CREATE TABLE "Organisation" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "shortName" TEXT,
    "type" "OrganisationType" NOT NULL,
    "region" "Region",
    "country" TEXT,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Organisation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "organisationId" TEXT NOT NULL,
    "locale" TEXT NOT NULL DEFAULT 'en',
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "disabledAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Governorate" (
    "pcode" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "nameAr" TEXT NOT NULL,
    "nameCkb" TEXT NOT NULL,
    "iso3166_2" TEXT,
    "region" "Region" NOT NULL,
    "authorityId" TEXT,
    "boundary" JSONB NOT NULL,
    "areaM2" DOUBLE PRECISION NOT NULL,
    "source" TEXT NOT NULL,

    CONSTRAINT "Governorate_pkey" PRIMARY KEY ("pcode")
);

-- CreateTable
CREATE TABLE "ContaminationBaseline" (
    "id" TEXT NOT NULL,
    "kind" "BaselineKind" NOT NULL DEFAULT 'BASELINE',
    "areaM2" DOUBLE PRECISION NOT NULL,
    "asOf" DATE NOT NULL,
    "source" TEXT NOT NULL,
    "note" TEXT,
    "governoratePcode" TEXT,
    "hazardAreaId" TEXT,
    "recordedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ContaminationBaseline_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HazardArea" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "HazardKind" NOT NULL,
    "contamination" "ContaminationType"[],
    "landUse" "LandUse" NOT NULL,
    "priorityRank" INTEGER NOT NULL,
    "governoratePcode" TEXT NOT NULL,
    "authorityId" TEXT NOT NULL,
    "geometry" JSONB NOT NULL,
    "areaM2" DOUBLE PRECISION NOT NULL,
    "releasedGeometry" JSONB,
    "releasedM2" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HazardArea_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Task" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "authorityId" TEXT NOT NULL,
    "partnerId" TEXT,
    "priority" INTEGER NOT NULL,
    "status" "TaskStatus" NOT NULL DEFAULT 'PLANNED',
    "plannedStart" DATE,
    "plannedEnd" DATE,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Task_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TaskHazardArea" (
    "taskId" TEXT NOT NULL,
    "hazardAreaId" TEXT NOT NULL,

    CONSTRAINT "TaskHazardArea_pkey" PRIMARY KEY ("taskId","hazardAreaId")
);

-- CreateTable
CREATE TABLE "TaskStatusChange" (
    "id" TEXT NOT NULL,
    "taskId" TEXT NOT NULL,
    "fromStatus" "TaskStatus",
    "toStatus" "TaskStatus" NOT NULL,
    "byUserId" TEXT,
    "note" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TaskStatusChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LandReleaseReport" (
    "id" TEXT NOT NULL,
    "taskId" TEXT NOT NULL,
    "hazardAreaId" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "method" "ReleaseMethod" NOT NULL,
    "periodStart" DATE NOT NULL,
    "periodEnd" DATE NOT NULL,
    "submittedGeometry" JSONB NOT NULL,
    "submittedAreaM2" DOUBLE PRECISION NOT NULL,
    "outsideHazardM2" DOUBLE PRECISION NOT NULL,
    "alreadyReleasedM2" DOUBLE PRECISION NOT NULL,
    "countedAreaM2" DOUBLE PRECISION NOT NULL,
    "countedGeometry" JSONB,
    "clearanceDepthCm" INTEGER,
    "status" "ReportStatus" NOT NULL DEFAULT 'SUBMITTED',
    "submittedById" TEXT,
    "submittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reviewedById" TEXT,
    "reviewedAt" TIMESTAMP(3),
    "reviewReason" TEXT,
    "supersedesId" TEXT,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "LandReleaseReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DeviceFound" (
    "id" TEXT NOT NULL,
    "reportId" TEXT NOT NULL,
    "category" "DeviceCategory" NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "DeviceFound_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CompletionReport" (
    "id" TEXT NOT NULL,
    "taskId" TEXT NOT NULL,
    "completedOn" DATE NOT NULL,
    "clearanceDepthCm" INTEGER,
    "geometry" JSONB,
    "qaNotes" TEXT,
    "handoverDate" DATE,
    "recipient" TEXT,
    "attendeesWomen" INTEGER NOT NULL DEFAULT 0,
    "attendeesMen" INTEGER NOT NULL DEFAULT 0,
    "attendeesGirls" INTEGER NOT NULL DEFAULT 0,
    "attendeesBoys" INTEGER NOT NULL DEFAULT 0,
    "submittedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CompletionReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Grant" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "donorId" TEXT NOT NULL,
    "partnerId" TEXT,
    "amountMinor" BIGINT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "amountUsdCents" BIGINT NOT NULL,
    "fiscalYear" INTEGER NOT NULL,
    "periodStart" DATE,
    "periodEnd" DATE,
    "region" "Region",
    "source" TEXT,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Grant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GrantTask" (
    "grantId" TEXT NOT NULL,
    "taskId" TEXT NOT NULL,
    "shareBp" INTEGER NOT NULL DEFAULT 10000,

    CONSTRAINT "GrantTask_pkey" PRIMARY KEY ("grantId","taskId")
);

-- CreateTable
CREATE TABLE "FundingTransaction" (
    "id" TEXT NOT NULL,
    "grantId" TEXT,
    "donorId" TEXT NOT NULL,
    "type" "TransactionType" NOT NULL,
    "date" DATE NOT NULL,
    "amountMinor" BIGINT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "amountUsdCents" BIGINT NOT NULL,
    "description" TEXT,
    "source" TEXT,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FundingTransaction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorUserId" TEXT,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Setting" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Setting_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "Organisation_name_key" ON "Organisation"("name");

-- CreateIndex
CREATE INDEX "Organisation_type_idx" ON "Organisation"("type");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "User_organisationId_idx" ON "User"("organisationId");

-- CreateIndex
CREATE INDEX "ContaminationBaseline_kind_asOf_idx" ON "ContaminationBaseline"("kind", "asOf");

-- CreateIndex
CREATE UNIQUE INDEX "HazardArea_code_key" ON "HazardArea"("code");

-- CreateIndex
CREATE INDEX "HazardArea_governoratePcode_idx" ON "HazardArea"("governoratePcode");

-- CreateIndex
CREATE INDEX "HazardArea_authorityId_idx" ON "HazardArea"("authorityId");

-- CreateIndex
CREATE UNIQUE INDEX "Task_code_key" ON "Task"("code");

-- CreateIndex
CREATE INDEX "Task_partnerId_status_idx" ON "Task"("partnerId", "status");

-- CreateIndex
CREATE INDEX "Task_authorityId_status_idx" ON "Task"("authorityId", "status");

-- CreateIndex
CREATE INDEX "TaskHazardArea_hazardAreaId_idx" ON "TaskHazardArea"("hazardAreaId");

-- CreateIndex
CREATE INDEX "TaskStatusChange_taskId_at_idx" ON "TaskStatusChange"("taskId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "LandReleaseReport_supersedesId_key" ON "LandReleaseReport"("supersedesId");

-- CreateIndex
CREATE INDEX "LandReleaseReport_status_method_idx" ON "LandReleaseReport"("status", "method");

-- CreateIndex
CREATE INDEX "LandReleaseReport_hazardAreaId_status_idx" ON "LandReleaseReport"("hazardAreaId", "status");

-- CreateIndex
CREATE INDEX "LandReleaseReport_partnerId_status_idx" ON "LandReleaseReport"("partnerId", "status");

-- CreateIndex
CREATE INDEX "LandReleaseReport_periodEnd_idx" ON "LandReleaseReport"("periodEnd");

-- CreateIndex
CREATE INDEX "DeviceFound_reportId_idx" ON "DeviceFound"("reportId");

-- CreateIndex
CREATE UNIQUE INDEX "CompletionReport_taskId_key" ON "CompletionReport"("taskId");

-- CreateIndex
CREATE UNIQUE INDEX "Grant_code_key" ON "Grant"("code");

-- CreateIndex
CREATE INDEX "Grant_donorId_fiscalYear_idx" ON "Grant"("donorId", "fiscalYear");

-- CreateIndex
CREATE INDEX "Grant_partnerId_idx" ON "Grant"("partnerId");

-- CreateIndex
CREATE INDEX "GrantTask_taskId_idx" ON "GrantTask"("taskId");

-- CreateIndex
CREATE INDEX "FundingTransaction_grantId_type_idx" ON "FundingTransaction"("grantId", "type");

-- CreateIndex
CREATE INDEX "FundingTransaction_donorId_date_idx" ON "FundingTransaction"("donorId", "date");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- CreateIndex
CREATE INDEX "ApiToken_userId_idx" ON "ApiToken"("userId");

-- CreateIndex
CREATE INDEX "AuditEvent_entityType_entityId_idx" ON "AuditEvent"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "AuditEvent_actorUserId_at_idx" ON "AuditEvent"("actorUserId", "at");

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Governorate" ADD CONSTRAINT "Governorate_authorityId_fkey" FOREIGN KEY ("authorityId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContaminationBaseline" ADD CONSTRAINT "ContaminationBaseline_governoratePcode_fkey" FOREIGN KEY ("governoratePcode") REFERENCES "Governorate"("pcode") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HazardArea" ADD CONSTRAINT "HazardArea_governoratePcode_fkey" FOREIGN KEY ("governoratePcode") REFERENCES "Governorate"("pcode") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HazardArea" ADD CONSTRAINT "HazardArea_authorityId_fkey" FOREIGN KEY ("authorityId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_authorityId_fkey" FOREIGN KEY ("authorityId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskHazardArea" ADD CONSTRAINT "TaskHazardArea_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "Task"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskHazardArea" ADD CONSTRAINT "TaskHazardArea_hazardAreaId_fkey" FOREIGN KEY ("hazardAreaId") REFERENCES "HazardArea"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskStatusChange" ADD CONSTRAINT "TaskStatusChange_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "Task"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LandReleaseReport" ADD CONSTRAINT "LandReleaseReport_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "Task"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LandReleaseReport" ADD CONSTRAINT "LandReleaseReport_hazardAreaId_fkey" FOREIGN KEY ("hazardAreaId") REFERENCES "HazardArea"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LandReleaseReport" ADD CONSTRAINT "LandReleaseReport_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LandReleaseReport" ADD CONSTRAINT "LandReleaseReport_supersedesId_fkey" FOREIGN KEY ("supersedesId") REFERENCES "LandReleaseReport"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeviceFound" ADD CONSTRAINT "DeviceFound_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "LandReleaseReport"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CompletionReport" ADD CONSTRAINT "CompletionReport_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "Task"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Grant" ADD CONSTRAINT "Grant_donorId_fkey" FOREIGN KEY ("donorId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Grant" ADD CONSTRAINT "Grant_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GrantTask" ADD CONSTRAINT "GrantTask_grantId_fkey" FOREIGN KEY ("grantId") REFERENCES "Grant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GrantTask" ADD CONSTRAINT "GrantTask_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "Task"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FundingTransaction" ADD CONSTRAINT "FundingTransaction_grantId_fkey" FOREIGN KEY ("grantId") REFERENCES "Grant"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FundingTransaction" ADD CONSTRAINT "FundingTransaction_donorId_fkey" FOREIGN KEY ("donorId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_actorUserId_fkey" FOREIGN KEY ("actorUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
