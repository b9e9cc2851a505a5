// The piscina entry of the CPU pool. The tasks are the server's TypeScript sources, and piscina's
// worker imports this file without the parent's loader (Node 20 does not apply `--import` hooks to
// a worker's entry), so it registers tsx first, then loads cpu-worker.ts.
import { register } from "tsx/esm/api";

register();
const { default: handler } = await import("./cpu-worker.ts");
export default handler;
