-- CreateIndex
CREATE INDEX "LandReleaseReport_submittedAt_idx" ON "LandReleaseReport"("submittedAt");
