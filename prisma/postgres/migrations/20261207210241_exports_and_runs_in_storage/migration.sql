-- AlterTable
ALTER TABLE "AudioFile" ALTER COLUMN "size" SET DATA TYPE DOUBLE PRECISION;

-- AlterTable
ALTER TABLE "Export" ADD COLUMN     "storageKey" TEXT;

-- AlterTable
ALTER TABLE "TrainingRun" ADD COLUMN     "checkpointKey" TEXT;
