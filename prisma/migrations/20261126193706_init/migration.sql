-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "name" TEXT,
    "role" TEXT NOT NULL DEFAULT 'reviewer',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Project" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "language" TEXT NOT NULL DEFAULT 'spa',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Book" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "projectId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "author" TEXT,
    "language" TEXT NOT NULL DEFAULT 'spa',
    "speakerId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ebookName" TEXT,
    "ebookKey" TEXT,
    "ebookSha256" TEXT,
    "ebookSize" INTEGER,
    "ebookStatus" TEXT NOT NULL DEFAULT 'none',
    "ebookError" TEXT,
    "ebookReport" TEXT,
    "splitStatus" TEXT NOT NULL DEFAULT 'none',
    "splitStarts" TEXT,
    "notices" TEXT,
    CONSTRAINT "Book_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AudioFile" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "bookId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "originalName" TEXT NOT NULL,
    "originalKey" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
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

-- CreateTable
CREATE TABLE "TextPart" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "bookId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT,
    "firstParagraph" INTEGER NOT NULL,
    "lastParagraph" INTEGER NOT NULL,
    CONSTRAINT "TextPart_bookId_fkey" FOREIGN KEY ("bookId") REFERENCES "Book" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Chapter" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "bookId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT,
    "audioFileId" TEXT NOT NULL,
    "textPartId" TEXT NOT NULL,
    "alignStatus" TEXT NOT NULL DEFAULT 'pending',
    "alignError" TEXT,
    "meanConfidence" REAL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Chapter_bookId_fkey" FOREIGN KEY ("bookId") REFERENCES "Book" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Chapter_audioFileId_fkey" FOREIGN KEY ("audioFileId") REFERENCES "AudioFile" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Chapter_textPartId_fkey" FOREIGN KEY ("textPartId") REFERENCES "TextPart" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Fragment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "chapterId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "begin" REAL,
    "end" REAL,
    "text" TEXT NOT NULL,
    "normText" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'auto',
    "confidence" REAL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Fragment_chapterId_fkey" FOREIGN KEY ("chapterId") REFERENCES "Chapter" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "FragmentRevision" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "fragmentId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "userId" TEXT,
    "reason" TEXT NOT NULL,
    "before" TEXT,
    "after" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "FragmentRevision_fragmentId_fkey" FOREIGN KEY ("fragmentId") REFERENCES "Fragment" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "FragmentRevision_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Job" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "type" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "progress" REAL NOT NULL DEFAULT 0,
    "message" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "maxAttempts" INTEGER NOT NULL DEFAULT 5,
    "runAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseUntil" DATETIME,
    "lockedBy" TEXT,
    "error" TEXT,
    "result" TEXT,
    "cancelRequested" BOOLEAN NOT NULL DEFAULT false,
    "bookId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "startedAt" DATETIME,
    "finishedAt" DATETIME,
    CONSTRAINT "Job_bookId_fkey" FOREIGN KEY ("bookId") REFERENCES "Book" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "Project_name_key" ON "Project"("name");

-- CreateIndex
CREATE INDEX "Book_projectId_idx" ON "Book"("projectId");

-- CreateIndex
CREATE INDEX "AudioFile_bookId_position_idx" ON "AudioFile"("bookId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "TextPart_bookId_position_key" ON "TextPart"("bookId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Chapter_audioFileId_key" ON "Chapter"("audioFileId");

-- CreateIndex
CREATE UNIQUE INDEX "Chapter_textPartId_key" ON "Chapter"("textPartId");

-- CreateIndex
CREATE UNIQUE INDEX "Chapter_bookId_position_key" ON "Chapter"("bookId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Fragment_chapterId_position_key" ON "Fragment"("chapterId", "position");

-- CreateIndex
CREATE INDEX "FragmentRevision_fragmentId_version_idx" ON "FragmentRevision"("fragmentId", "version");

-- CreateIndex
CREATE INDEX "Job_status_runAt_idx" ON "Job"("status", "runAt");

-- CreateIndex
CREATE INDEX "Job_bookId_idx" ON "Job"("bookId");
