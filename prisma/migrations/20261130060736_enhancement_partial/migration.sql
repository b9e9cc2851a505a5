-- AlterTable
ALTER TABLE "enhancement_jobs" ADD COLUMN "partial" JSONB;
