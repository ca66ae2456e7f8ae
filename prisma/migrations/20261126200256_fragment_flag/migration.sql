-- AlterTable
ALTER TABLE "Fragment" ADD COLUMN "flag" TEXT;
