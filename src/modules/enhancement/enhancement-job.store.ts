import { db } from "../../db/client.ts";
import { ConflictError } from "../../errors.ts";
import type { EnhancementJob, Prisma } from "../../generated/prisma/client.ts";
import { pubsub } from "../../pubsub.ts";
import { report } from "../../telemetry.ts";
import { LeaseLostError, type JobKind } from "../../jobs/runner.ts";
import { claimNext, type ClaimTx } from "../../jobs/claim.ts";
import { notifyEnhancementEnded } from "../notification/notification.store.ts";

/*
 * The enhancement-job store: the only code that changes an enhancement_jobs row (create, claim,
 * lease, progress, partial results, revision, finish, cancel). Every change bumps `revision`,
 * commits, then publishes on `enhancement` (by job) and `enhancement:user` (by user), so a
 * subscriber never sees a state the database does not hold, and sees changes in revision order.
 */

export const ACTIVE = ["QUEUED", "RUNNING"] as const;
export const TERMINAL = new Set(["COMPLETED", "FAILED", "CANCELLED"]);

function publish(job: EnhancementJob): EnhancementJob {
  if (TERMINAL.has(job.status) && job.finishedAt) {
    report.enhancementFinished({ jobId: job.id, status: job.status, seconds: (job.finishedAt.getTime() - job.createdAt.getTime()) / 1000 });
  }
  pubsub.publish("enhancement", job.id, job);
  pubsub.publish("enhancement:user", job.userId, job);
  return job;
}

// Writes to one job from this process run one after another, so revisions and progress stay in order.
const chains = new Map<string, Promise<unknown>>();
function serial<T>(jobId: string, write: () => Promise<T>): Promise<T> {
  const next = (chains.get(jobId) ?? Promise.resolve()).catch(() => undefined).then(write);
  chains.set(jobId, next);
  void next.finally(() => chains.get(jobId) === next && chains.delete(jobId)).catch(() => undefined);
  return next;
}

export async function findOwned(userId: string, id: string) {
  return db().enhancementJob.findFirst({ where: { id, userId } });
}

/** Queues a job; one active job per user (ConflictError otherwise). */
export async function create(data: Prisma.EnhancementJobUncheckedCreateInput): Promise<EnhancementJob> {
  const job = await db().$transaction(async (tx) => {
    const active = await tx.enhancementJob.findFirst({ where: { userId: data.userId, status: { in: [...ACTIVE] } }, select: { id: true } });
    if (active) throw new ConflictError(`An enhancement is already running (${active.id}); wait for it or cancel it`);
    return tx.enhancementJob.create({ data });
  });
  return publish(job);
}

/** A queued job ends at once; a running one is flagged, and its worker stops at the next item. Returns the job and whether it still runs. */
export async function cancel(job: EnhancementJob): Promise<{ job: EnhancementJob; running: boolean }> {
  if (job.status === "QUEUED") {
    const ended = await finishWhere({ id: job.id, status: "QUEUED", revision: job.revision }, { status: "CANCELLED", message: "Cancelled before it started" });
    if (ended) return { job: ended, running: false };
  }
  const flagged = await db().enhancementJob.update({ where: { id: job.id }, data: { cancelRequested: true } });
  return { job: flagged, running: !TERMINAL.has(flagged.status) };
}

export async function cancelRequested(jobId: string): Promise<boolean> {
  const row = await db().enhancementJob.findUnique({ where: { id: jobId }, select: { cancelRequested: true } });
  return Boolean(row?.cancelRequested);
}

/** The oldest runnable job (queued, or running with an expired lease), moved to RUNNING under `owner`. */
export async function claim(owner: string, leaseMs: number): Promise<EnhancementJob | null> {
  const now = new Date();
  const job = await claimNext({
    table: "enhancement_jobs",
    runnable: `status = 'QUEUED' OR (status = 'RUNNING' AND "leaseUntil" < $1)`,
    params: [now],
    order: `"createdAt", id`,
    // Locked: the row is ours to move, unless its attempts are used up.
    take: async (tx, id) => {
      const c = await tx.enhancementJob.findUniqueOrThrow({ where: { id } });
      return exhausted(c) ? null : takeOver(tx, c, owner, leaseMs, now);
    },
    afterSkip: async (id) => {
      const c = await db().enhancementJob.findUnique({ where: { id } });
      if (c && exhausted(c)) await failExhausted(c);
    },
    fallback: async () => {
      const candidates = await db().enhancementJob.findMany({
        where: { OR: [{ status: "QUEUED" }, { status: "RUNNING", leaseUntil: { lt: now } }] },
        orderBy: { createdAt: "asc" },
        take: 5,
      });
      for (const c of candidates) {
        if (exhausted(c)) {
          await failExhausted(c);
          continue;
        }
        const job = await takeOver(db(), c, owner, leaseMs, now);
        if (job) return job;
      }
      return null;
    },
  });
  // Published after the claim committed (on PostgreSQL, after the locking transaction).
  return job && publish(job);
}

const exhausted = (c: EnhancementJob) => c.status === "RUNNING" && c.attempts >= c.maxAttempts;

function failExhausted(c: EnhancementJob) {
  return finishWhere(
    { id: c.id, revision: c.revision },
    { status: "FAILED", error: `The job was interrupted ${c.attempts} times (the server stopped while it ran); start it again.`, message: "Failed after repeated interruptions" },
  );
}

/** Moves the candidate to RUNNING under `owner` and publishes it; null if another claimer moved it first. */
async function takeOver(client: ClaimTx, c: EnhancementJob, owner: string, leaseMs: number, now: Date): Promise<EnhancementJob | null> {
  // The conditional update is the lock on SQLite: only one claimer can move the row out of this state.
  const claimed = await client.enhancementJob.updateMany({
    where: { id: c.id, status: c.status, revision: c.revision },
    data: {
      status: "RUNNING",
      leaseOwner: owner,
      leaseUntil: new Date(Date.now() + leaseMs),
      attempts: { increment: 1 },
      startedAt: c.startedAt ?? now,
      revision: { increment: 1 },
      ...(c.status === "RUNNING" && { step: "queued", message: "Resuming after an interruption" }),
    },
  });
  if (claimed.count !== 1) return null;
  return client.enhancementJob.findUniqueOrThrow({ where: { id: c.id } });
}

/**
 * The claim a write is made under: the row's lease owner and attempt number as the claim left
 * them. Another instance taking the job over changes both, so a write from an instance that lost
 * its lease while alive (a long pause) matches no row and throws LeaseLostError.
 */
type Held = Pick<EnhancementJob, "id" | "leaseOwner" | "attempts">;
const held = (job: Held) => ({ id: job.id, status: "RUNNING" as const, leaseOwner: job.leaseOwner, attempts: job.attempts });

export async function renew(job: Held, leaseMs: number): Promise<boolean> {
  const r = await db().enhancementJob.updateMany({ where: held(job), data: { leaseUntil: new Date(Date.now() + leaseMs) } });
  return r.count === 1;
}

/** A graceful stop: back to QUEUED with its finished items kept; not a failed attempt. */
export async function requeue(job: Held): Promise<void> {
  await serial(job.id, async () => {
    const r = await db().enhancementJob.updateMany({
      where: held(job),
      data: { status: "QUEUED", attempts: { decrement: 1 }, leaseOwner: null, leaseUntil: null, step: "queued", message: "Requeued: the server restarted; finished items are kept", revision: { increment: 1 } },
    });
    if (r.count) publish(await db().enhancementJob.findUniqueOrThrow({ where: { id: job.id } }));
  });
}

export interface Progress {
  step: string;
  progress: number;
  message: string;
  /** Items finished so far, by item key; kept so a requeued job does not redo them. */
  partial?: Record<string, unknown>;
}

/** Records progress under the job's claim; it never goes backwards (a resumed job starts where it was). */
export function progress(job: Held, p: Progress): Promise<EnhancementJob> {
  return serial(job.id, async () => {
    const current = await db().enhancementJob.findUniqueOrThrow({ where: { id: job.id }, select: { progress: true } });
    const [row] = await db().enhancementJob.updateManyAndReturn({
      where: held(job),
      data: {
        step: p.step,
        message: p.message,
        progress: Math.max(current.progress, p.progress),
        ...(p.partial && { partial: p.partial as Prisma.InputJsonValue }),
        revision: { increment: 1 },
      },
    });
    if (!row) throw new LeaseLostError("enhancement", job.id);
    return publish(row);
  });
}

export type Outcome =
  | { status: "COMPLETED"; message: string; result: unknown }
  | { status: "FAILED"; message: string; error: string }
  | { status: "CANCELLED"; message: string };

/**
 * Ends a job under its claim (the lease released); its notification, and `write` (the job's
 * result elsewhere: the profile), go in the same transaction, after the row is moved: a claim
 * that lost the job writes nothing (LeaseLostError), so a result is never written twice.
 */
export async function finish(job: Held, outcome: Outcome, write?: (tx: ClaimTx) => Promise<void>): Promise<EnhancementJob> {
  const ended = await serial(job.id, () => finishWhere(held(job), outcome, write));
  if (!ended) throw new LeaseLostError("enhancement", job.id);
  return ended;
}

async function finishWhere(where: Prisma.EnhancementJobWhereInput & { id: string }, outcome: Outcome, write?: (tx: ClaimTx) => Promise<void>): Promise<EnhancementJob | null> {
  let after: (() => void) | undefined;
  const job = await db().$transaction(async (tx) => {
    const r = await tx.enhancementJob.updateMany({
      where,
      data: {
        status: outcome.status,
        message: outcome.message,
        ...(outcome.status === "COMPLETED" && { step: "done", progress: 100, result: outcome.result as Prisma.InputJsonValue }),
        ...(outcome.status === "FAILED" && { error: outcome.error }),
        finishedAt: new Date(),
        leaseOwner: null,
        leaseUntil: null,
        revision: { increment: 1 },
      },
    });
    if (!r.count) return null;
    await write?.(tx);
    const ended = await tx.enhancementJob.findFirstOrThrow({ where: { id: where.id } });
    after = await notifyEnhancementEnded(tx, ended);
    return ended;
  });
  if (!job) return null;
  publish(job);
  after?.();
  return job;
}

/** The enhancement kind for the job runner: its rows, its lease rules; `run` is the rewrite itself. */
export function enhancementKind(concurrency: number, run: (job: EnhancementJob, signal: AbortSignal) => Promise<void>): JobKind<EnhancementJob> {
  return {
    name: "enhancement",
    concurrency,
    claim,
    renew: (job, _owner, leaseMs) => renew(job, leaseMs),
    requeue: (job) => requeue(job),
    run,
    failed: async (job) => {
      await finish(job, { status: "FAILED", message: "Failed; your profile is unchanged", error: "The enhancement failed unexpectedly; your profile is unchanged" });
    },
  };
}
