-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Fragment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "chapterId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "begin" REAL,
    "end" REAL,
    "text" TEXT NOT NULL,
    "normText" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'auto',
    "kind" TEXT NOT NULL DEFAULT 'paragraph',
    "confidence" REAL,
    "flag" TEXT,
    "modelText" TEXT,
    "modelCer" REAL,
    "sentences" TEXT,
    "lockedBegin" BOOLEAN NOT NULL DEFAULT false,
    "lockedEnd" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Fragment_chapterId_fkey" FOREIGN KEY ("chapterId") REFERENCES "Chapter" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Fragment" ("begin", "chapterId", "confidence", "end", "flag", "id", "lockedBegin", "lockedEnd", "modelCer", "modelText", "normText", "position", "sentences", "status", "text", "updatedAt", "version") SELECT "begin", "chapterId", "confidence", "end", "flag", "id", "lockedBegin", "lockedEnd", "modelCer", "modelText", "normText", "position", "sentences", "status", "text", "updatedAt", "version" FROM "Fragment";
DROP TABLE "Fragment";
ALTER TABLE "new_Fragment" RENAME TO "Fragment";
CREATE UNIQUE INDEX "Fragment_chapterId_position_key" ON "Fragment"("chapterId", "position");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
