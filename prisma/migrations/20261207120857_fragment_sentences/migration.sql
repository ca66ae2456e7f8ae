-- AlterTable
ALTER TABLE "Fragment" ADD COLUMN "sentences" TEXT;
