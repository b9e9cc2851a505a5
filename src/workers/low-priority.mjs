// Worker threads that parse or compute for users yield the CPU to the main thread: on a busy host
// the scheduler otherwise shares a core evenly, and /health waits behind a PDF layout. Linux takes
// a thread id where setpriority expects a process id; elsewhere this is skipped and the thread
// keeps the default priority. Plain JavaScript: the extraction worker runs without the TypeScript loader.
import { readlinkSync } from "node:fs";
import { setPriority } from "node:os";

/** Lowers the calling thread's priority (nice 10) where the platform allows it. */
export function lowerThreadPriority() {
  try {
    const tid = Number(readlinkSync("/proc/thread-self").split("/").pop());
    if (Number.isInteger(tid) && tid > 0) setPriority(tid, 10);
  } catch {
    // No /proc (macOS, Windows) or no permission: the default priority.
  }
}
