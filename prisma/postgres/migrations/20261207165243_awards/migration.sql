-- CreateTable
CREATE TABLE "awards" (
    "id" TEXT NOT NULL,
    "profileId" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "awarder" TEXT,
    "date" TEXT,
    "summary" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "awards_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "awards_profileId_sortOrder_idx" ON "awards"("profileId", "sortOrder");

-- AddForeignKey
ALTER TABLE "awards" ADD CONSTRAINT "awards_profileId_fkey" FOREIGN KEY ("profileId") REFERENCES "master_profiles"("id") ON DELETE CASCADE ON UPDATE CASCADE;
