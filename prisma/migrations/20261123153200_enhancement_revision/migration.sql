-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_enhancement_jobs" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'QUEUED',
    "provider" TEXT NOT NULL,
    "sections" JSONB NOT NULL,
    "itemIds" JSONB NOT NULL,
    "useDefaultStyle" BOOLEAN NOT NULL DEFAULT false,
    "progress" INTEGER NOT NULL DEFAULT 0,
    "revision" INTEGER NOT NULL DEFAULT 0,
    "step" TEXT NOT NULL DEFAULT 'queued',
    "message" TEXT NOT NULL DEFAULT 'Waiting to start',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "maxAttempts" INTEGER NOT NULL DEFAULT 3,
    "leaseOwner" TEXT,
    "leaseUntil" DATETIME,
    "cancelRequested" BOOLEAN NOT NULL DEFAULT false,
    "result" JSONB,
    "error" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" DATETIME,
    "finishedAt" DATETIME,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "enhancement_jobs_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_enhancement_jobs" ("attempts", "cancelRequested", "createdAt", "error", "finishedAt", "id", "itemIds", "leaseOwner", "leaseUntil", "maxAttempts", "message", "progress", "provider", "result", "sections", "startedAt", "status", "step", "updatedAt", "useDefaultStyle", "userId") SELECT "attempts", "cancelRequested", "createdAt", "error", "finishedAt", "id", "itemIds", "leaseOwner", "leaseUntil", "maxAttempts", "message", "progress", "provider", "result", "sections", "startedAt", "status", "step", "updatedAt", "useDefaultStyle", "userId" FROM "enhancement_jobs";
DROP TABLE "enhancement_jobs";
ALTER TABLE "new_enhancement_jobs" RENAME TO "enhancement_jobs";
CREATE INDEX "enhancement_jobs_status_leaseUntil_idx" ON "enhancement_jobs"("status", "leaseUntil");
CREATE INDEX "enhancement_jobs_userId_createdAt_idx" ON "enhancement_jobs"("userId", "createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
