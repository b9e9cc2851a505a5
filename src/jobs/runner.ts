import { randomUUID } from "node:crypto";
import { db } from "../db/client.ts";
import type { Logger } from "../logger.ts";
import type { EnhancementJob } from "../generated/prisma/client.ts";
import { unattributed } from "../db/write-scope.ts";

export interface RunnerOptions {
  concurrency: number;
  /** A running job whose lease is not renewed within this time is considered abandoned. */
  leaseMs?: number;
  pollMs?: number;
  logger: Logger;
  /** Does the work; throws to fail the job. `signal` aborts on shutdown or cancellation. */
  handle(job: EnhancementJob, signal: AbortSignal): Promise<void>;
  /** Called after the runner changed a job's state itself (requeue, give up). */
  onStateChange(job: EnhancementJob): void;
}

export class ShutdownError extends Error {
  override name = "ShutdownError";
}

/**
 * A persisted queue over the enhancement_jobs table: claims jobs with a lease it renews while
 * working, so a job survives restarts. After a crash, a job whose lease expired is claimed again
 * (up to maxAttempts, then failed with a message); on a graceful stop running jobs are requeued.
 */
export class JobRunner {
  readonly owner = randomUUID();
  private readonly leaseMs: number;
  private readonly pollMs: number;
  private readonly running = new Map<string, { controller: AbortController; done: Promise<void> }>();
  private timer: NodeJS.Timeout | null = null;
  private stopping = false;
  private ticking: Promise<void> | null = null;

  constructor(private readonly opts: RunnerOptions) {
    this.leaseMs = opts.leaseMs ?? 30_000;
    this.pollMs = opts.pollMs ?? 1_000;
  }

  start(): void {
    this.timer = setInterval(() => this.wake(), this.pollMs);
    this.timer.unref();
    this.wake();
  }

  /** Looks for work now (called after a job is enqueued). */
  wake(): void {
    if (this.stopping || this.ticking) return;
    // Jobs of any user run here: their writes must not count as the waking request's viewer's.
    this.ticking = unattributed(() => this.tick())
      .catch((e) => this.opts.logger.error("job runner tick failed", { error: e }))
      .finally(() => (this.ticking = null));
  }

  /** Aborts the job if this process runs it; returns whether it did. */
  abort(jobId: string): boolean {
    const r = this.running.get(jobId);
    r?.controller.abort(new Error("cancelled"));
    return Boolean(r);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearInterval(this.timer);
    await this.ticking;
    for (const r of this.running.values()) r.controller.abort(new ShutdownError("server shutting down"));
    await Promise.allSettled([...this.running.values()].map((r) => r.done));
  }

  private async tick(): Promise<void> {
    while (!this.stopping && this.running.size < this.opts.concurrency) {
      const job = await this.claimNext();
      if (!job) return;
      this.run(job);
    }
  }

  private async claimNext(): Promise<EnhancementJob | null> {
    const now = new Date();
    const candidates = await db().enhancementJob.findMany({
      where: { OR: [{ status: "QUEUED" }, { status: "RUNNING", leaseUntil: { lt: now } }] },
      orderBy: { createdAt: "asc" },
      take: 5,
    });
    for (const c of candidates) {
      if (c.status === "RUNNING" && c.attempts >= c.maxAttempts) {
        await this.giveUp(c);
        continue;
      }
      // The conditional update is the lock: only one process can move the row out of this state.
      const claimed = await db().enhancementJob.updateMany({
        where: { id: c.id, status: c.status, revision: c.revision },
        data: {
          status: "RUNNING",
          leaseOwner: this.owner,
          leaseUntil: new Date(Date.now() + this.leaseMs),
          attempts: { increment: 1 },
          startedAt: c.startedAt ?? now,
          revision: { increment: 1 },
          ...(c.status === "RUNNING" && { step: "queued", message: "Resuming after an interruption" }),
        },
      });
      if (claimed.count === 1) return db().enhancementJob.findUniqueOrThrow({ where: { id: c.id } });
    }
    return null;
  }

  private async giveUp(job: EnhancementJob) {
    const updated = await db().enhancementJob.updateMany({
      where: { id: job.id, revision: job.revision },
      data: {
        status: "FAILED",
        error: `The job was interrupted ${job.attempts} times (the server stopped while it ran); start it again.`,
        message: "Failed after repeated interruptions",
        finishedAt: new Date(),
        leaseOwner: null,
        leaseUntil: null,
        revision: { increment: 1 },
      },
    });
    if (updated.count) this.opts.onStateChange(await db().enhancementJob.findUniqueOrThrow({ where: { id: job.id } }));
  }

  private run(job: EnhancementJob) {
    const controller = new AbortController();
    const heartbeat = setInterval(() => {
      db()
        .enhancementJob.updateMany({ where: { id: job.id, leaseOwner: this.owner, status: "RUNNING" }, data: { leaseUntil: new Date(Date.now() + this.leaseMs) } })
        .catch((e) => this.opts.logger.warn("lease renewal failed", { jobId: job.id, error: e }));
    }, Math.max(50, this.leaseMs / 3));
    const done = this.opts
      .handle(job, controller.signal)
      .catch(async (e) => {
        if (e instanceof ShutdownError || controller.signal.reason instanceof ShutdownError) return this.requeue(job.id);
        this.opts.logger.error("job handler crashed", { jobId: job.id, error: e });
      })
      .finally(() => {
        clearInterval(heartbeat);
        this.running.delete(job.id);
        this.wake();
      });
    this.running.set(job.id, { controller, done });
  }

  private async requeue(jobId: string) {
    const r = await db().enhancementJob.updateMany({
      where: { id: jobId, leaseOwner: this.owner, status: "RUNNING" },
      // A graceful requeue is not a failed attempt.
      data: { status: "QUEUED", attempts: { decrement: 1 }, leaseOwner: null, leaseUntil: null, step: "queued", message: "Requeued: the server restarted; finished items are kept", revision: { increment: 1 } },
    });
    if (r.count) this.opts.onStateChange(await db().enhancementJob.findUniqueOrThrow({ where: { id: jobId } }));
  }
}
