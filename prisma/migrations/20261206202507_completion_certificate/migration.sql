-- DropIndex
DROP INDEX "CompletionReport_taskId_key";

-- AlterTable
ALTER TABLE "CompletionReport" ADD COLUMN     "benchmark" JSONB,
ADD COLUMN     "benchmarkDescription" TEXT,
ADD COLUMN     "cancelledM2" DOUBLE PRECISION,
ADD COLUMN     "clearedM2" DOUBLE PRECISION,
ADD COLUMN     "markers" TEXT,
ADD COLUMN     "reducedM2" DOUBLE PRECISION,
ADD COLUMN     "remainderM2" DOUBLE PRECISION NOT NULL DEFAULT 0,
ADD COLUMN     "remainderReason" TEXT,
ADD COLUMN     "residualRisk" TEXT,
ADD COLUMN     "residualRiskHolder" TEXT;

-- CreateIndex
CREATE INDEX "CompletionReport_taskId_createdAt_idx" ON "CompletionReport"("taskId", "createdAt");
