-- AlterTable
ALTER TABLE "Fragment" ADD COLUMN     "kind" TEXT NOT NULL DEFAULT 'paragraph';
