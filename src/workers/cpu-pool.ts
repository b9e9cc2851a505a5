// Work whose cost grows with user text — parsing a pasted job, learning a style from a sample,
// scoring a resume for the ATS report, rendering an export — runs in worker threads with a time
// limit. Every one of those functions is linear in its input (tests/unit/linearity), but linear
// over 100,000–200,000 characters is still hundreds of milliseconds to seconds (pdfkit and docx
// lay out every line), and on the main thread that is the time /health and everyone else wait.
//
// The pool is a module singleton like the database client: created on first use, its workers
// unref'd while idle so they never keep the process alive. `warmCpuPool()` starts a worker early
// (the first one loads the core through tsx, which takes a moment); `closeCpuPool()` ends them.
import { availableParallelism } from "node:os";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { CpuReply, CpuTaskName, CpuTasks } from "./cpu-worker.ts";

/** Default time limit per task once a worker has it; the worker is terminated when it runs out. */
export const DEFAULT_CPU_TIMEOUT_MS = 15_000;
// As for extraction: one core stays free for the event loop.
const POOL_SIZE = Math.max(1, availableParallelism() - 1);
const WORKER_URL = new URL("./cpu-worker.ts", import.meta.url).href;
// The workers run the TypeScript sources as the server does, through tsx. Node 20 does not apply
// `--import` hooks to a worker's entry module, so a small bootstrap registers tsx, then imports it.
const TSX_API = new URL("dist/esm/api/index.mjs", pathToFileURL(createRequire(import.meta.url).resolve("tsx/package.json"))).href;
const BOOTSTRAP = `import(${JSON.stringify(TSX_API)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER_URL)}); })`;

/** A task ran past its time limit and its worker was stopped. */
export class CpuTimeoutError extends Error {
  constructor(
    readonly task: CpuTaskName,
    readonly timeoutMs: number,
  ) {
    super(`${task} took longer than ${timeoutMs} ms and was stopped`);
  }
}

/** The task itself threw; the message is the worker's. */
export class CpuTaskError extends Error {}

interface Job {
  id: number;
  task: CpuTaskName;
  args: unknown[];
  timeoutMs: number;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  job: Job | null;
  timer: NodeJS.Timeout | null;
}

export interface CpuPoolStats {
  workers: number;
  busy: number;
  queued: number;
  timedOut: number;
  crashed: number;
}

type Result<K extends CpuTaskName> = Awaited<ReturnType<CpuTasks[K]>>;

class CpuPool {
  private slots: Slot[] = [];
  private queue: Job[] = [];
  private nextId = 1;
  private timedOut = 0;
  private crashed = 0;

  constructor(private readonly size: number) {}

  run<K extends CpuTaskName>(task: K, args: Parameters<CpuTasks[K]>, timeoutMs = DEFAULT_CPU_TIMEOUT_MS): Promise<Result<K>> {
    return new Promise<Result<K>>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, task, args, timeoutMs, resolve: resolve as (v: unknown) => void, reject });
      this.pump();
    });
  }

  warm(): void {
    if (this.slots.length === 0) this.spawn();
  }

  stats(): CpuPoolStats {
    return { workers: this.slots.length, busy: this.slots.filter((s) => s.job).length, queued: this.queue.length, timedOut: this.timedOut, crashed: this.crashed };
  }

  async close(): Promise<void> {
    const slots = this.slots;
    this.slots = [];
    for (const job of this.queue.splice(0)) job.reject(new Error("CPU pool closed"));
    await Promise.all(
      slots.map(async (slot) => {
        if (slot.timer) clearTimeout(slot.timer);
        slot.job?.reject(new Error("CPU pool closed"));
        slot.job = null;
        await slot.worker.terminate();
      }),
    );
  }

  private pump(): void {
    while (this.queue.length) {
      const slot = this.slots.find((s) => !s.job) ?? (this.slots.length < this.size ? this.spawn() : null);
      if (!slot) return;
      this.dispatch(slot, this.queue.shift()!);
    }
  }

  private spawn(): Slot {
    const worker = new Worker(BOOTSTRAP, {
      eval: true,
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: 512, maxYoungGenerationSizeMb: 64 },
    });
    const slot: Slot = { worker, job: null, timer: null };
    worker.on("message", (reply: CpuReply | { ready: true }) => {
      if (!("ready" in reply)) this.onReply(slot, reply);
    });
    worker.on("error", (error) => this.onExit(slot, error));
    worker.on("exit", () => this.onExit(slot, new Error("CPU worker exited")));
    worker.unref();
    this.slots.push(slot);
    return slot;
  }

  private dispatch(slot: Slot, job: Job): void {
    slot.job = job;
    slot.worker.ref();
    slot.timer = setTimeout(() => this.onTimeout(slot), job.timeoutMs);
    slot.worker.postMessage({ id: job.id, task: job.task, args: job.args });
  }

  private release(slot: Slot): Job | null {
    const job = slot.job;
    if (slot.timer) clearTimeout(slot.timer);
    slot.job = null;
    slot.timer = null;
    slot.worker.unref();
    return job;
  }

  private onReply(slot: Slot, reply: CpuReply): void {
    if (slot.job?.id !== reply.id) return;
    const job = this.release(slot)!;
    if (reply.ok) job.resolve(reviveBuffers(reply.result));
    else job.reject(new CpuTaskError(reply.message));
    this.pump();
  }

  private onTimeout(slot: Slot): void {
    const job = this.release(slot);
    this.remove(slot);
    this.timedOut++;
    void slot.worker.terminate();
    job?.reject(new CpuTimeoutError(job.task, job.timeoutMs));
    this.pump();
  }

  private onExit(slot: Slot, error: Error): void {
    if (!this.slots.includes(slot)) return;
    const job = this.release(slot);
    this.remove(slot);
    this.crashed++;
    job?.reject(error);
    this.pump();
  }

  private remove(slot: Slot): void {
    this.slots = this.slots.filter((s) => s !== slot);
  }
}

/** A Buffer crosses the thread boundary as a plain Uint8Array. */
function reviveBuffers(value: unknown): unknown {
  return value instanceof Uint8Array && !Buffer.isBuffer(value) ? Buffer.from(value.buffer, value.byteOffset, value.byteLength) : value;
}

let pool: CpuPool | null = null;

function getPool(): CpuPool {
  pool ??= new CpuPool(POOL_SIZE);
  return pool;
}

/** Runs one of the worker's tasks off the main thread; rejects with CpuTimeoutError past `timeoutMs`. */
export function runCpu<K extends CpuTaskName>(task: K, args: Parameters<CpuTasks[K]>, timeoutMs?: number): Promise<Result<K>> {
  return getPool().run(task, args, timeoutMs);
}

export function warmCpuPool(): void {
  getPool().warm();
}

export function cpuPoolStats(): CpuPoolStats {
  return getPool().stats();
}

export async function closeCpuPool(): Promise<void> {
  const p = pool;
  pool = null;
  await p?.close();
}
