// Worker side of timed-pool.ts: a task tells the pool it has started, so its time limit counts
// from here and not from when it was queued. Plain JavaScript: imported by the extraction worker,
// which runs without the TypeScript loader, and by the CPU worker.
import { parentPort } from "node:worker_threads";

export const STARTED = "jobwise:task-started";

/** Starts the task's clock in the pool. */
export function taskStarted(ticket) {
  parentPort?.postMessage({ [STARTED]: ticket });
}
