-- CreateIndex
CREATE INDEX "LandReleaseReport_taskId_status_idx" ON "LandReleaseReport"("taskId", "status");
