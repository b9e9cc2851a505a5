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
import { fileURLToPath } from "node:url";
import type { CpuReply, CpuTaskName, CpuTasks } from "./cpu-worker.ts";
import { TaskTimeoutError, TimedPool, WorkerCrashedError, type TimedPoolStats } from "./timed-pool.ts";

/** Default time limit per task once a worker has it; the worker is terminated when it runs out. */
export const DEFAULT_CPU_TIMEOUT_MS = 15_000;
// As for extraction: one core stays free for the event loop.
const POOL_SIZE = Math.max(1, availableParallelism() - 1);
const ENTRY_FILE = fileURLToPath(new URL("./cpu-worker-entry.mjs", import.meta.url));

/** The input cost more than a worker may spend on it (time or memory); callers turn it into a typed error. */
export class CpuLimitError extends Error {
  constructor(
    readonly task: CpuTaskName,
    message: string,
  ) {
    super(message);
  }
}

/** A task ran past its time limit and its worker was stopped. */
export class CpuTimeoutError extends CpuLimitError {
  constructor(
    task: CpuTaskName,
    readonly timeoutMs: number,
  ) {
    super(task, `${task} took longer than ${timeoutMs} ms and was stopped`);
  }
}

/** The task itself threw; the message is the worker's. */
export class CpuTaskError extends Error {}

/** The worker died under the task (out of memory, a crash); only this task fails, the pool replaces the thread. */
export class CpuCrashError extends CpuLimitError {
  constructor(
    task: CpuTaskName,
    readonly outOfMemory: boolean,
  ) {
    super(task, outOfMemory ? `${task} ran out of memory and was stopped` : `${task} crashed its worker`);
  }
}

export type CpuPoolStats = TimedPoolStats;

type Result<K extends CpuTaskName> = Awaited<ReturnType<CpuTasks[K]>>;

/** A Buffer crosses the thread boundary as a plain Uint8Array. */
function reviveBuffers(value: unknown): unknown {
  return value instanceof Uint8Array && !Buffer.isBuffer(value) ? Buffer.from(value.buffer, value.byteOffset, value.byteLength) : value;
}

let pool: TimedPool | null = null;

function getPool(): TimedPool {
  pool ??= new TimedPool({ filename: ENTRY_FILE, threads: POOL_SIZE });
  return pool;
}

/**
 * Runs one of the worker's tasks off the main thread; rejects with CpuTimeoutError past
 * `timeoutMs`, CpuCrashError when the worker dies, CpuTaskError when the task throws.
 */
export async function runCpu<K extends CpuTaskName>(task: K, args: Parameters<CpuTasks[K]>, timeoutMs = DEFAULT_CPU_TIMEOUT_MS): Promise<Result<K>> {
  let reply: CpuReply;
  try {
    reply = await getPool().run<CpuReply>({ task, args }, { timeoutMs });
  } catch (e) {
    if (e instanceof TaskTimeoutError) throw new CpuTimeoutError(task, timeoutMs);
    if (e instanceof WorkerCrashedError) throw new CpuCrashError(task, e.outOfMemory);
    throw e;
  }
  if (!reply.ok) throw new CpuTaskError(reply.message);
  return reviveBuffers(reply.result) as Result<K>;
}

/** Starts the pool (and so its first worker) ahead of the first request. */
export function warmCpuPool(): void {
  getPool();
}

export function cpuPoolStats(): CpuPoolStats {
  return getPool().stats();
}

export async function closeCpuPool(): Promise<void> {
  const p = pool;
  pool = null;
  await p?.close();
}
