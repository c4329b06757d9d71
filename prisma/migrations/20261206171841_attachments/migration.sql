-- CreateEnum
CREATE TYPE "AttachmentSubject" AS ENUM ('landReleaseReport', 'completionReport', 'handover', 'eoreSession', 'accident');

-- CreateTable
CREATE TABLE "Attachment" (
    "id" TEXT NOT NULL,
    "subjectType" "AttachmentSubject" NOT NULL,
    "subjectId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "mediaType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "takenAt" TIMESTAMP(3),
    "lon" DOUBLE PRECISION,
    "lat" DOUBLE PRECISION,
    "uploadedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Attachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AttachmentContent" (
    "attachmentId" TEXT NOT NULL,
    "bytes" BYTEA NOT NULL,
    "thumbnail" BYTEA,

    CONSTRAINT "AttachmentContent_pkey" PRIMARY KEY ("attachmentId")
);

-- CreateIndex
CREATE UNIQUE INDEX "Attachment_subjectType_subjectId_sha256_key" ON "Attachment"("subjectType", "subjectId", "sha256");

-- AddForeignKey
ALTER TABLE "AttachmentContent" ADD CONSTRAINT "AttachmentContent_attachmentId_fkey" FOREIGN KEY ("attachmentId") REFERENCES "Attachment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
