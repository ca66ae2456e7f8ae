-- AlterTable
ALTER TABLE "Fragment" ADD COLUMN "modelCer" REAL;
ALTER TABLE "Fragment" ADD COLUMN "modelText" TEXT;

-- CreateTable
CREATE TABLE "TrainingRun" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "exportId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "settings" TEXT NOT NULL,
    "backend" TEXT,
    "device" TEXT,
    "step" INTEGER NOT NULL DEFAULT 0,
    "steps" INTEGER NOT NULL,
    "lastLoss" REAL,
    "devCer" REAL,
    "testCer" REAL,
    "testWer" REAL,
    "utterancesPerSec" REAL,
    "checkpointDir" TEXT,
    "metrics" TEXT,
    "error" TEXT,
    "jobId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME,
    CONSTRAINT "TrainingRun_exportId_fkey" FOREIGN KEY ("exportId") REFERENCES "Export" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "TrainingRun_exportId_createdAt_idx" ON "TrainingRun"("exportId", "createdAt");
