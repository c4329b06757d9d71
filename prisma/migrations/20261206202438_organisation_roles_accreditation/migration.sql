-- CreateEnum
CREATE TYPE "OrganisationRole" AS ENUM ('AUTHORITY', 'OPERATOR', 'DONOR');

-- CreateEnum
CREATE TYPE "OperatorKind" AS ENUM ('NGO', 'COMMERCIAL', 'NATIONAL');

-- CreateEnum
CREATE TYPE "AccreditationScope" AS ENUM ('NTS', 'TS', 'CLEARANCE', 'EOD', 'EORE');

-- DropIndex
DROP INDEX "Organisation_type_idx";

-- AlterTable
ALTER TABLE "LandReleaseReport" ADD COLUMN     "reviewedByOwnAuthority" BOOLEAN NOT NULL DEFAULT false;

-- Written by hand: reports already reviewed by someone of the report's own operator (an authority's own teams).
UPDATE "LandReleaseReport" r SET "reviewedByOwnAuthority" = true
FROM "User" u WHERE u."id" = r."reviewedById" AND u."organisationId" = r."partnerId";

-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "operatorKind" "OperatorKind",
ADD COLUMN     "roles" "OrganisationRole"[];

-- Written by hand: the single type becomes roles, and every partner so far is taken for an NGO.
UPDATE "Organisation" SET "roles" = ARRAY['AUTHORITY']::"OrganisationRole"[] WHERE "type" = 'AUTHORITY';
UPDATE "Organisation" SET "roles" = ARRAY['OPERATOR']::"OrganisationRole"[], "operatorKind" = 'NGO'
WHERE "type" = 'PARTNER';
UPDATE "Organisation" SET "roles" = ARRAY['DONOR']::"OrganisationRole"[] WHERE "type" = 'DONOR';

ALTER TABLE "Organisation" DROP COLUMN "type";

-- AlterTable
ALTER TABLE "Task" ADD COLUMN     "workScopes" "AccreditationScope"[];

-- Written by hand: a task asks for the kinds of work reported on it (cancelled by NTS, reduced by TS, cleared by
-- clearance), or clearance when nothing was reported yet.
UPDATE "Task" t SET "workScopes" = COALESCE(
  (SELECT array_agg(DISTINCT CASE r."method"
      WHEN 'CANCELLED' THEN 'NTS'::"AccreditationScope"
      WHEN 'REDUCED' THEN 'TS'::"AccreditationScope"
      ELSE 'CLEARANCE'::"AccreditationScope" END)
   FROM "LandReleaseReport" r WHERE r."taskId" = t."id" AND r."kind" = 'RELEASE'),
  ARRAY['CLEARANCE']::"AccreditationScope"[]);

-- DropEnum
DROP TYPE "OrganisationType";

-- CreateTable
CREATE TABLE "Accreditation" (
    "id" TEXT NOT NULL,
    "operatorId" TEXT NOT NULL,
    "issuingAuthorityId" TEXT NOT NULL,
    "scopes" "AccreditationScope"[],
    "validFrom" DATE NOT NULL,
    "validTo" DATE NOT NULL,
    "reference" TEXT NOT NULL,
    "withdrawnOn" DATE,
    "withdrawnById" TEXT,
    "withdrawalReason" TEXT,
    "recordedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Accreditation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Accreditation_operatorId_issuingAuthorityId_idx" ON "Accreditation"("operatorId", "issuingAuthorityId");

-- CreateIndex
CREATE INDEX "Accreditation_issuingAuthorityId_validTo_idx" ON "Accreditation"("issuingAuthorityId", "validTo");

-- AddForeignKey
ALTER TABLE "Accreditation" ADD CONSTRAINT "Accreditation_operatorId_fkey" FOREIGN KEY ("operatorId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Accreditation" ADD CONSTRAINT "Accreditation_issuingAuthorityId_fkey" FOREIGN KEY ("issuingAuthorityId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
