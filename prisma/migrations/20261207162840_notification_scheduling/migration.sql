-- CreateTable
CREATE TABLE "interviews" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "jobId" TEXT NOT NULL,
    "at" DATETIME NOT NULL,
    "note" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "interviews_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "interviews_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "jobs" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "notification_settings" (
    "userId" TEXT NOT NULL PRIMARY KEY,
    "followUpDays" INTEGER NOT NULL DEFAULT 7,
    "weeklyDigest" BOOLEAN NOT NULL DEFAULT false,
    "digestSince" DATETIME,
    "digestInsteadOfEmails" BOOLEAN NOT NULL DEFAULT false,
    "channels" JSONB NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "notification_settings_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "tasks" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "userId" TEXT,
    "payload" JSONB NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'QUEUED',
    "runAt" DATETIME NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "maxAttempts" INTEGER NOT NULL,
    "leaseOwner" TEXT,
    "leaseUntil" DATETIME,
    "lastError" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "finishedAt" DATETIME,
    CONSTRAINT "tasks_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_jobs" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "rawText" TEXT,
    "url" TEXT,
    "title" TEXT,
    "company" TEXT,
    "location" TEXT,
    "description" TEXT NOT NULL,
    "keywords" JSONB NOT NULL,
    "requirements" JSONB NOT NULL,
    "responsibilities" JSONB NOT NULL,
    "benefits" JSONB NOT NULL,
    "salaryMin" REAL,
    "salaryMax" REAL,
    "salaryCurrency" TEXT,
    "salaryPeriod" TEXT,
    "remoteMode" TEXT NOT NULL DEFAULT 'UNKNOWN',
    "seniority" TEXT,
    "yearsExperience" INTEGER,
    "status" TEXT NOT NULL DEFAULT 'ACTIVE',
    "applicationStatus" TEXT NOT NULL DEFAULT 'NOT_APPLIED',
    "statusChangedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "followUpDays" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "jobs_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_jobs" ("applicationStatus", "benefits", "company", "createdAt", "description", "id", "keywords", "location", "provider", "rawText", "remoteMode", "requirements", "responsibilities", "salaryCurrency", "salaryMax", "salaryMin", "salaryPeriod", "seniority", "source", "status", "title", "updatedAt", "url", "userId", "yearsExperience") SELECT "applicationStatus", "benefits", "company", "createdAt", "description", "id", "keywords", "location", "provider", "rawText", "remoteMode", "requirements", "responsibilities", "salaryCurrency", "salaryMax", "salaryMin", "salaryPeriod", "seniority", "source", "status", "title", "updatedAt", "url", "userId", "yearsExperience" FROM "jobs";
DROP TABLE "jobs";
ALTER TABLE "new_jobs" RENAME TO "jobs";
CREATE INDEX "jobs_userId_createdAt_idx" ON "jobs"("userId", "createdAt");
CREATE INDEX "jobs_userId_applicationStatus_idx" ON "jobs"("userId", "applicationStatus");
CREATE INDEX "jobs_applicationStatus_statusChangedAt_idx" ON "jobs"("applicationStatus", "statusChangedAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "interviews_jobId_at_idx" ON "interviews"("jobId", "at");

-- CreateIndex
CREATE INDEX "interviews_userId_at_idx" ON "interviews"("userId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "tasks_key_key" ON "tasks"("key");

-- CreateIndex
CREATE INDEX "tasks_kind_status_runAt_idx" ON "tasks"("kind", "status", "runAt");
