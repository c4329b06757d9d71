-- AlterEnum
ALTER TYPE "RegisterImportRowStatus" ADD VALUE 'MERGED';
