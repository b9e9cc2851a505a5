// A piscina worker module for the pool's own tests: each task does one thing a real parser can do
// to its thread (answer, take time, exhaust its heap, throw outside any promise).
import { taskStarted } from "../../../src/workers/task-clock.mjs";

export default async function probe({ ticket, payload }) {
  taskStarted(ticket);
  if (payload.do === "echo") return { ok: true, value: payload.value };
  if (payload.do === "sleep") {
    // Busy, as a synchronous parser is: the thread cannot answer anything meanwhile.
    const until = Date.now() + payload.ms;
    while (Date.now() < until);
    return { ok: true, value: "slept" };
  }
  if (payload.do === "exhaust-heap") {
    const hoard = [];
    for (;;) hoard.push(new Array(1_000_000).fill(hoard.length));
  }
  if (payload.do === "crash") {
    setTimeout(() => {
      throw new Error("parser blew up outside any promise");
    });
    return new Promise(() => {});
  }
  return { ok: false, message: `unknown ${payload.do}` };
}
