// The rule-based resume reading, run in the CPU pool with its own time limit: a resume is a few
// pages, so a parse that takes seconds means hostile or pathological input, and it must neither
// hold the event loop nor run on. Both providers use it (Groq grounds its answer on it).
import type { ParseOptions, ResumeDraft } from "../core/resume-parser.ts";
import { runCpu } from "../workers/cpu-pool.ts";

/** A 2-page resume parses in tens of milliseconds; this is two orders of magnitude of headroom. */
export const RESUME_PARSE_TIMEOUT_MS = 5_000;

export function parseResumeInPool(text: string, lines?: ParseOptions["lines"]): Promise<ResumeDraft> {
  return runCpu("parseResumeText", [text, { lines }], RESUME_PARSE_TIMEOUT_MS);
}
