// The worker pool both the extraction and the CPU pools are built on: piscina (queueing, thread
// replacement, per-task abort through an AbortSignal, V8 resource limits) plus the one thing it
// does not do, a time limit per task that starts when a worker picks the task up rather than when
// it was queued (ten uploads queued behind one thread must not time out for waiting).
//
// Protocol with the worker module: piscina calls its default export with `{ ticket, payload }`;
// the handler calls `taskStarted(ticket)` (task-clock.mjs) first and returns a value for every
// outcome of the task, never throws. So a rejection from piscina means the thread itself died
// (out of memory, an uncaught exception inside a parser), was stopped, or failed to start.
import { Piscina } from "piscina";
import { STARTED } from "./task-clock.mjs";

/** The task ran past its time limit; its worker was stopped. */
export class TaskTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`The task took longer than ${timeoutMs} ms and was stopped`);
  }
}

/** The worker running the task died (out of memory, a crash in native or parser code). */
export class WorkerCrashedError extends Error {
  constructor(
    message: string,
    readonly outOfMemory: boolean,
  ) {
    super(message);
  }
}

export interface TimedPoolStats {
  /** Live worker threads. */
  workers: number;
  /** Tasks a worker has picked up and not finished. */
  busy: number;
  queued: number;
  /** Tasks stopped by their time limit (their worker was terminated). */
  timedOut: number;
  /** Tasks whose worker died under them. */
  crashed: number;
}

export interface TimedPoolOptions {
  /** The worker module: a plain JavaScript file (piscina's worker imports it without tsx). */
  filename: string;
  threads: number;
  workerData?: unknown;
}

export interface RunOptions {
  timeoutMs: number;
  /** Cancels the task: removed from the queue, or its worker is stopped if it already runs. */
  signal?: AbortSignal;
  transferList?: Transferable[];
}

/**
 * Strings and objects a parser builds from a hostile input stop here, not at the host's limit:
 * past it the worker dies with ERR_WORKER_OUT_OF_MEMORY and only that task fails.
 */
export const WORKER_RESOURCE_LIMITS = { maxOldGenerationSizeMb: 512, maxYoungGenerationSizeMb: 64 } as const;

export class TimedPool {
  private readonly piscina: Piscina;
  private readonly clocks = new Map<number, () => void>();
  private nextTicket = 1;
  private busy = 0;
  private timedOut = 0;
  private crashed = 0;

  constructor(opts: TimedPoolOptions) {
    this.piscina = new Piscina({
      filename: opts.filename,
      minThreads: 1,
      maxThreads: opts.threads,
      // A worker that loaded pdf.js or the core is worth keeping for a while.
      idleTimeout: 60_000,
      // The parent's flags may carry a TypeScript loader; each worker module sets up its own.
      execArgv: [],
      workerData: opts.workerData,
      resourceLimits: WORKER_RESOURCE_LIMITS,
      // Tasks are async (pdf.js, mammoth); plain messages rather than a blocking Atomics.wait loop.
      atomics: "disabled",
    });
    this.piscina.on("message", (message: unknown) => {
      const ticket = (message as Record<string, unknown> | null)?.[STARTED];
      if (typeof ticket === "number") this.clocks.get(ticket)?.();
    });
    // A worker that fails outside any task is replaced by piscina; it must not crash the process.
    this.piscina.on("error", () => undefined);
  }

  async run<T>(payload: unknown, opts: RunOptions): Promise<T> {
    const ticket = this.nextTicket++;
    const controller = new AbortController();
    let started = false;
    let expired = false;
    let timer: NodeJS.Timeout | undefined;
    this.clocks.set(ticket, () => {
      if (started) return;
      started = true;
      this.busy++;
      timer = setTimeout(() => {
        expired = true;
        controller.abort(new TaskTimeoutError(opts.timeoutMs));
      }, opts.timeoutMs);
    });
    const forward = () => controller.abort(opts.signal?.reason);
    opts.signal?.addEventListener("abort", forward, { once: true });
    try {
      return (await this.piscina.run({ ticket, payload }, { signal: controller.signal, transferList: opts.transferList as never })) as T;
    } catch (error) {
      if (expired) {
        this.timedOut++;
        throw new TaskTimeoutError(opts.timeoutMs);
      }
      if (opts.signal?.aborted) throw error;
      if (!started) throw new Error(`Worker failed before running the task: ${(error as Error)?.message ?? error}`);
      this.crashed++;
      const code = (error as { code?: string })?.code;
      throw new WorkerCrashedError(`Worker died: ${(error as Error)?.message ?? error}`, code === "ERR_WORKER_OUT_OF_MEMORY");
    } finally {
      clearTimeout(timer);
      if (started) this.busy--;
      this.clocks.delete(ticket);
      opts.signal?.removeEventListener("abort", forward);
    }
  }

  stats(): TimedPoolStats {
    return { workers: this.piscina.threads.length, busy: this.busy, queued: this.piscina.queueSize, timedOut: this.timedOut, crashed: this.crashed };
  }

  async close(): Promise<void> {
    await this.piscina.destroy();
  }
}
