// The pool under both worker pools (extraction, CPU): piscina plus a time limit that starts at
// pick-up. Each failure a hostile input can cause in a worker must fail that task alone, with a
// typed error, and leave the pool able to serve the next one.
import { afterEach, describe, expect, it } from "vitest";
import { fileURLToPath } from "node:url";
import { TaskTimeoutError, TimedPool, WorkerCrashedError } from "../../../src/workers/timed-pool.ts";

const PROBE = fileURLToPath(new URL("../../support/workers/probe-worker.mjs", import.meta.url));
let pool: TimedPool;
afterEach(() => pool?.close());

const make = (threads = 1) => (pool = new TimedPool({ filename: PROBE, threads }));

describe("TimedPool (piscina)", () => {
  it("stops a task past its limit with TaskTimeoutError, then serves the next task on a new thread", async () => {
    make();
    await expect(pool.run({ do: "sleep", ms: 5_000 }, { timeoutMs: 200 })).rejects.toBeInstanceOf(TaskTimeoutError);
    expect(pool.stats()).toMatchObject({ timedOut: 1, busy: 0 });
    expect(await pool.run({ do: "echo", value: 7 }, { timeoutMs: 5_000 })).toEqual({ ok: true, value: 7 });
  });

  it("counts the limit from pick-up: tasks queued behind one thread do not time out for waiting", async () => {
    make(1);
    const results = await Promise.all([1, 2, 3].map(() => pool.run({ do: "sleep", ms: 250 }, { timeoutMs: 600 })));
    expect(results).toEqual([1, 2, 3].map(() => ({ ok: true, value: "slept" })));
    expect(pool.stats().timedOut).toBe(0);
  });

  it("turns a worker that runs out of heap into WorkerCrashedError(outOfMemory) for that task only", async () => {
    make(1);
    const doomed = pool.run({ do: "exhaust-heap" }, { timeoutMs: 60_000 });
    const queued = pool.run({ do: "echo", value: "after" }, { timeoutMs: 60_000 });
    const error = await doomed.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkerCrashedError);
    expect((error as WorkerCrashedError).outOfMemory).toBe(true);
    expect(await queued).toEqual({ ok: true, value: "after" });
    expect(pool.stats().crashed).toBe(1);
  }, 60_000);

  it("turns an uncaught exception in a worker into WorkerCrashedError for that task, not a process crash", async () => {
    make(1);
    const error = await pool.run({ do: "crash" }, { timeoutMs: 10_000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkerCrashedError);
    expect((error as WorkerCrashedError).outOfMemory).toBe(false);
    expect(await pool.run({ do: "echo", value: 1 }, { timeoutMs: 5_000 })).toEqual({ ok: true, value: 1 });
  });

  it("aborts a running task through its AbortSignal: the caller gets an AbortError at once", async () => {
    make(1);
    const controller = new AbortController();
    const started = performance.now();
    const run = pool.run({ do: "sleep", ms: 5_000 }, { timeoutMs: 60_000, signal: controller.signal });
    setTimeout(() => controller.abort(), 200);
    const error = await run.catch((e: unknown) => e);
    expect((error as Error).name).toBe("AbortError");
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(pool.stats().timedOut).toBe(0);
    expect(await pool.run({ do: "echo", value: 2 }, { timeoutMs: 5_000 })).toEqual({ ok: true, value: 2 });
  });
});
