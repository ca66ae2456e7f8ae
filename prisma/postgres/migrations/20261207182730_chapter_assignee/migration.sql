-- AlterTable
ALTER TABLE "Chapter" ADD COLUMN     "assignedAt" TIMESTAMP(3),
ADD COLUMN     "assignedById" TEXT,
ADD COLUMN     "assigneeId" TEXT;

-- CreateIndex
CREATE INDEX "Chapter_assigneeId_idx" ON "Chapter"("assigneeId");

-- AddForeignKey
ALTER TABLE "Chapter" ADD CONSTRAINT "Chapter_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Chapter" ADD CONSTRAINT "Chapter_assignedById_fkey" FOREIGN KEY ("assignedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
