// The worker side of the CPU pool: the pure functions whose cost grows with user text, run off
// the main thread. Each task names a function of CPU_TASKS and its arguments; the reply carries
// the result or the error's message. Loaded by piscina through cpu-worker-entry.mjs (tsx).
// A new kind of task is one more entry in CPU_TASKS; runCpu() is typed from it.
import { taskStarted } from "./task-clock.mjs";
import { lowerThreadPriority } from "./low-priority.mjs";
import { parseJobFields, parseJobText } from "../core/job-parser.ts";
import { parseResumeText } from "../core/resume-parser.ts";
import { analyzeStyle } from "../core/style.ts";
import { atsReport } from "../core/ats.ts";
import { rankProfile } from "../core/ranking.ts";
import { compileResume } from "../core/resume-compiler.ts";
import { renderDocx, renderPdf, renderText } from "../modules/document/render.ts";

export const CPU_TASKS = {
  parseJobText,
  parseJobFields,
  parseResumeText,
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
  task: CpuTaskName;
  args: unknown[];
}

export type CpuReply = { ok: true; result: unknown } | { ok: false; message: string };

lowerThreadPriority();

/** piscina's handler: never throws, so a rejection in the pool always means the thread died. */
export default async function runTask({ ticket, payload }: { ticket: number; payload: CpuRequest }): Promise<CpuReply> {
  taskStarted(ticket);
  try {
    const fn = CPU_TASKS[payload.task] as (...a: unknown[]) => unknown;
    return { ok: true, result: await fn(...payload.args) };
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
}
