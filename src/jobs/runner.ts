import { randomUUID } from "node:crypto";
import { setMaxListeners } from "node:events";
import type { Logger } from "../logger.ts";
import { unattributed } from "../db/write-scope.ts";

/** Where "now" comes from for scheduling (reminders, retries): tests pass a clock they move. */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

/** A job the runner holds: its id, to abort it, and the lease it renews. */
export interface Claimed {
  id: string;
}

/**
 * One kind of persisted work. Its store decides what is runnable and owns every write to its
 * rows; the runner only loops: claim (a conditional update, so one process wins), renew the lease
 * while the handler works, requeue on a graceful stop. A job whose lease expired (the process
 * died) is claimable again, and the kind's store counts that as an attempt.
 */
export interface JobKind<J extends Claimed = Claimed> {
  readonly name: string;
  /** Jobs of this kind running at once in this process: the one limit on them. */
  readonly concurrency: number;
  claim(owner: string, leaseMs: number): Promise<J | null>;
  /** Extends the lease; false when this claim no longer holds the job (another instance took it over). */
  renew(job: J, owner: string, leaseMs: number): Promise<boolean>;
  /** A graceful stop interrupted the job: put it back, not counted as a failed attempt. */
  requeue(job: J, owner: string): Promise<void>;
  /** Does the work; `signal` aborts on shutdown (reason ShutdownError) or cancellation. */
  run(job: J, signal: AbortSignal): Promise<void>;
  /** The handler threw something other than a shutdown: the kind's retry policy decides. */
  failed(job: J, owner: string, error: unknown): Promise<void>;
}

export interface RunnerOptions {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each kind has its own row type
  kinds: JobKind<any>[];
  /** A running job whose lease is not renewed within this time is considered abandoned. */
  leaseMs?: number;
  pollMs?: number;
  logger: Logger;
}

export class ShutdownError extends Error {
  override name = "ShutdownError";
}

/**
 * A write under a claim that no longer holds the job: this instance stopped renewing its lease
 * while alive (a long pause), and another instance took the job over. Every write of a job's
 * progress, result or end is conditional on the claim (the row's lease owner and attempt number)
 * and throws this on zero rows; the runner then drops the job without writing anything more.
 */
export class LeaseLostError extends Error {
  override name = "LeaseLostError";
  constructor(kind: string, jobId: string) {
    super(`The ${kind} job ${jobId} was taken over by another instance; this one writes nothing more`);
  }
}

/**
 * The persisted job runner, generic over job kinds (enhancement, reminder scan, digest, email
 * delivery). Each kind's rows survive restarts: after a crash a job whose lease expired is claimed
 * again; on a graceful stop running jobs are requeued.
 */
export class JobRunner {
  readonly owner = randomUUID();
  private readonly leaseMs: number;
  private readonly pollMs: number;
  private readonly kinds: JobKind[];
  private readonly running = new Map<string, Map<string, { controller: AbortController; done: Promise<void> }>>();
  private timer: NodeJS.Timeout | null = null;
  private stopping = false;
  private ticking: Promise<void> | null = null;
  private again = false;

  constructor(private readonly opts: RunnerOptions) {
    this.leaseMs = opts.leaseMs ?? 30_000;
    this.pollMs = opts.pollMs ?? 1_000;
    this.kinds = opts.kinds;
    for (const k of this.kinds) this.running.set(k.name, new Map());
  }

  start(): void {
    this.timer = setInterval(() => this.wake(), this.pollMs);
    this.timer.unref();
    this.wake();
  }

  /** Looks for work now (called after something was enqueued, or the clock moved). */
  wake(): void {
    if (this.stopping) return;
    if (this.ticking) {
      this.again = true;
      return;
    }
    // Jobs of any user run here: their writes must not count as the waking request's viewer's.
    this.ticking = unattributed(() => this.tick())
      .catch((e) => this.opts.logger.error("job runner tick failed", { error: e }))
      .finally(() => {
        this.ticking = null;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      });
  }

  /** Resolves once no tick is in progress and no job of any kind is running in this process. */
  async idle(): Promise<void> {
    while (this.ticking || [...this.running.values()].some((m) => m.size)) {
      await this.ticking;
      await Promise.allSettled([...this.running.values()].flatMap((m) => [...m.values()].map((r) => r.done)));
    }
  }

  /** Aborts the job if this process runs it; returns whether it did. */
  abort(kind: string, jobId: string): boolean {
    const r = this.running.get(kind)?.get(jobId);
    r?.controller.abort(new Error("cancelled"));
    return Boolean(r);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearInterval(this.timer);
    await this.ticking;
    const all = [...this.running.values()].flatMap((m) => [...m.values()]);
    for (const r of all) r.controller.abort(new ShutdownError("server shutting down"));
    await Promise.allSettled(all.map((r) => r.done));
  }

  private async tick(): Promise<void> {
    for (const kind of this.kinds) {
      const running = this.running.get(kind.name)!;
      while (!this.stopping && running.size < kind.concurrency) {
        const job = await kind.claim(this.owner, this.leaseMs);
        if (!job) break;
        // Which instance runs which job: what an operator needs after a crash.
        this.opts.logger.info("job claimed", { kind: kind.name, jobId: job.id, owner: this.owner });
        this.run(kind, job);
      }
    }
  }

  private run(kind: JobKind, job: Claimed) {
    const running = this.running.get(kind.name)!;
    const controller = new AbortController();
    // Each of a job's items waiting for an LLM slot listens for the abort (20 items at
    // LLM_CONCURRENCY=1: 20 listeners, removed as slots are granted): not a leak, so no warning.
    setMaxListeners(0, controller.signal);
    const log = this.opts.logger;
    const heartbeat = setInterval(() => {
      kind
        .renew(job, this.owner, this.leaseMs)
        .then((held) => held || controller.abort(new LeaseLostError(kind.name, job.id)))
        .catch((e) => log.warn("lease renewal failed", { kind: kind.name, jobId: job.id, error: e }));
    }, Math.max(50, this.leaseMs / 3));
    const lost = (e: unknown) => e instanceof LeaseLostError || controller.signal.reason instanceof LeaseLostError;
    const done = kind
      .run(job, controller.signal)
      .catch(async (e) => {
        if (e instanceof ShutdownError || controller.signal.reason instanceof ShutdownError) return kind.requeue(job, this.owner);
        if (lost(e)) throw e;
        log.warn("job failed", { kind: kind.name, jobId: job.id, error: e });
        await kind.failed(job, this.owner, e);
      })
      .catch((e) => {
        if (lost(e)) log.warn("job lease lost", { kind: kind.name, jobId: job.id, owner: this.owner });
        else log.error("job bookkeeping failed", { kind: kind.name, jobId: job.id, error: e });
      })
      .finally(() => {
        clearInterval(heartbeat);
        if (running.get(job.id)?.done === done) running.delete(job.id);
        this.wake();
      });
    running.set(job.id, { controller, done });
  }
}
