import { db } from "../../db/client.ts";
import { PreconditionError } from "../../errors.ts";
import { CpuLimitError, runCpu } from "../../workers/cpu-pool.ts";
import type { RankedItem } from "../../core/types.ts";
import type { Viewer } from "../auth/tokens.ts";
import { loadProfile, type LoadedProfile } from "../profile/profile.mapper.ts";
import { findOwnedJob, toParsedJob } from "../job/job.service.ts";
import type { Job, JobContentRanking } from "../../generated/prisma/client.ts";

export interface RankingContext {
  job: Job;
  profile: LoadedProfile;
  ranking: JobContentRanking;
  items: RankedItem[];
}

async function requireProfile(viewer: Viewer): Promise<LoadedProfile> {
  const profile = await loadProfile(viewer.id);
  if (!profile || profile.experiences.length + profile.projects.length === 0) {
    throw new PreconditionError("Add at least one experience or project to your profile first");
  }
  return profile;
}

/**
 * Scores every experience, project, bullet and skill for the job (deterministic; see core/ranking)
 * and stores it as the one current ranking for (user, job): a re-run replaces it.
 */
export async function rankForJob(viewer: Viewer, jobId: string): Promise<RankingContext> {
  return rank(viewer, await findOwnedJob(viewer, jobId));
}

async function rank(viewer: Viewer, job: Job): Promise<RankingContext> {
  const profile = await requireProfile(viewer);
  // A full profile is up to 100 roles of 50 bullets: scored off the main thread.
  const { items } = await runCpu("rankProfile", [profile, toParsedJob(job), { now: new Date() }]).catch((e: unknown) => {
    throw e instanceof CpuLimitError ? new PreconditionError("Ranking this profile took too much time or memory; shorten its longest lists and try again") : e;
  });
  // Ranking is plain logic in both providers: it is labelled builtin whatever the AI provider is.
  const data = { items: items as unknown as object, provider: "builtin" };
  const ranking = await db().jobContentRanking.upsert({
    where: { userId_jobId: { userId: viewer.id, jobId: job.id } },
    create: { userId: viewer.id, jobId: job.id, ...data },
    update: data,
  });
  return { job, profile, ranking, items };
}

/** The stored ranking, made first when missing. */
export async function currentRanking(viewer: Viewer, jobId: string): Promise<RankingContext> {
  const job = await findOwnedJob(viewer, jobId);
  const existing = await db().jobContentRanking.findUnique({ where: { userId_jobId: { userId: viewer.id, jobId: job.id } } });
  if (!existing) return rank(viewer, job);
  const profile = await requireProfile(viewer);
  return { job, profile, ranking: existing, items: existing.items as unknown as RankedItem[] };
}
