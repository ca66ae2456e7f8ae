-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Chapter" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "bookId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT,
    "audioFileId" TEXT NOT NULL,
    "textPartId" TEXT NOT NULL,
    "alignStatus" TEXT NOT NULL DEFAULT 'pending',
    "alignError" TEXT,
    "meanConfidence" REAL,
    "headSec" REAL,
    "tailSec" REAL,
    "alignedAt" DATETIME,
    "assigneeId" TEXT,
    "assignedAt" DATETIME,
    "assignedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Chapter_bookId_fkey" FOREIGN KEY ("bookId") REFERENCES "Book" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Chapter_audioFileId_fkey" FOREIGN KEY ("audioFileId") REFERENCES "AudioFile" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Chapter_textPartId_fkey" FOREIGN KEY ("textPartId") REFERENCES "TextPart" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Chapter_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Chapter_assignedById_fkey" FOREIGN KEY ("assignedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Chapter" ("alignError", "alignStatus", "alignedAt", "audioFileId", "bookId", "createdAt", "headSec", "id", "meanConfidence", "position", "tailSec", "textPartId", "title") SELECT "alignError", "alignStatus", "alignedAt", "audioFileId", "bookId", "createdAt", "headSec", "id", "meanConfidence", "position", "tailSec", "textPartId", "title" FROM "Chapter";
DROP TABLE "Chapter";
ALTER TABLE "new_Chapter" RENAME TO "Chapter";
CREATE UNIQUE INDEX "Chapter_audioFileId_key" ON "Chapter"("audioFileId");
CREATE UNIQUE INDEX "Chapter_textPartId_key" ON "Chapter"("textPartId");
CREATE INDEX "Chapter_assigneeId_idx" ON "Chapter"("assigneeId");
CREATE UNIQUE INDEX "Chapter_bookId_position_key" ON "Chapter"("bookId", "position");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
