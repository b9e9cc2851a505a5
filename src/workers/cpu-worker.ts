// The worker side of the CPU pool: the pure functions whose cost grows with user text, run off
// the main thread. Each message names a task and its arguments; the reply carries the result or
// the error's message. Loaded through tsx, like the rest of the server (see cpu-pool.ts).
import { readlinkSync } from "node:fs";
import { setPriority } from "node:os";
import { parentPort } from "node:worker_threads";
import { parseJobFields, parseJobText } from "../core/job-parser.ts";
import { analyzeStyle } from "../core/style.ts";
import { atsReport } from "../core/ats.ts";
import { rankProfile } from "../core/ranking.ts";
import { compileResume } from "../core/resume-compiler.ts";
import { renderDocx, renderPdf, renderText } from "../modules/document/render.ts";

export const CPU_TASKS = {
  parseJobText,
  parseJobFields,
  analyzeStyle,
  atsReport,
  rankProfile,
  compileResume,
  renderPdf,
  renderDocx,
  renderText,
};

export type CpuTasks = typeof CPU_TASKS;
export type CpuTaskName = keyof CpuTasks;

export interface CpuRequest {
  id: number;
  task: CpuTaskName;
  args: unknown[];
}

export type CpuReply = { id: number; ok: true; result: unknown } | { id: number; ok: false; message: string };

// This thread yields the CPU to the main thread: on a busy host the scheduler otherwise shares a
// core evenly, and /health waits behind a PDF layout. Linux takes a thread id where setpriority
// expects a process id; elsewhere this is skipped and the thread keeps the default priority.
try {
  const tid = Number(readlinkSync("/proc/thread-self").split("/").pop());
  if (Number.isInteger(tid) && tid > 0) setPriority(tid, 10);
} catch {
  // No /proc (macOS, Windows) or no permission: the default priority.
}

const port = parentPort;
if (port) {
  port.on("message", async ({ id, task, args }: CpuRequest) => {
    try {
      const fn = CPU_TASKS[task] as (...a: unknown[]) => unknown;
      const result = await fn(...args);
      port.postMessage({ id, ok: true, result } satisfies CpuReply);
    } catch (e) {
      port.postMessage({ id, ok: false, message: e instanceof Error ? e.message : String(e) } satisfies CpuReply);
    }
  });
  port.postMessage({ ready: true });
}
