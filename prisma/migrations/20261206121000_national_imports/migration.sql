-- AlterTable
ALTER TABLE "RegisterImport" ADD COLUMN     "national" BOOLEAN NOT NULL DEFAULT false;
