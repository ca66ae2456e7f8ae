-- AlterTable
ALTER TABLE "Export" ADD COLUMN "storageKey" TEXT;

-- AlterTable
ALTER TABLE "TrainingRun" ADD COLUMN "checkpointKey" TEXT;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_AudioFile" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "bookId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "originalName" TEXT NOT NULL,
    "originalKey" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "size" REAL NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'uploaded',
    "error" TEXT,
    "durationSec" REAL,
    "codec" TEXT,
    "channels" INTEGER,
    "sampleRate" INTEGER,
    "bitRate" INTEGER,
    "pcmKey" TEXT,
    "pcmSamples" INTEGER,
    "peaksKey" TEXT,
    "loudnessLufs" REAL,
    "truePeakDb" REAL,
    "peakDb" REAL,
    "clippedSamples" INTEGER,
    "clippedRatio" REAL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AudioFile_bookId_fkey" FOREIGN KEY ("bookId") REFERENCES "Book" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_AudioFile" ("bitRate", "bookId", "channels", "clippedRatio", "clippedSamples", "codec", "createdAt", "durationSec", "error", "id", "loudnessLufs", "originalKey", "originalName", "pcmKey", "pcmSamples", "peakDb", "peaksKey", "position", "sampleRate", "sha256", "size", "status", "truePeakDb") SELECT "bitRate", "bookId", "channels", "clippedRatio", "clippedSamples", "codec", "createdAt", "durationSec", "error", "id", "loudnessLufs", "originalKey", "originalName", "pcmKey", "pcmSamples", "peakDb", "peaksKey", "position", "sampleRate", "sha256", "size", "status", "truePeakDb" FROM "AudioFile";
DROP TABLE "AudioFile";
ALTER TABLE "new_AudioFile" RENAME TO "AudioFile";
CREATE INDEX "AudioFile_bookId_position_idx" ON "AudioFile"("bookId", "position");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
