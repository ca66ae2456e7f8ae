-- AlterTable
ALTER TABLE "Chapter" ADD COLUMN "alignedAt" DATETIME;
ALTER TABLE "Chapter" ADD COLUMN "headSec" REAL;
ALTER TABLE "Chapter" ADD COLUMN "tailSec" REAL;
