// vitest's worker answers its parent over IPC, and a reply is read only when the event loop gets
// back to I/O. The timing suites are long runs of synchronous CPU work chained by promises alone,
// so without this the parent's replies wait until a whole file ends, and after 60 s the worker
// reports 'Timeout calling "onTaskUpdate"' as an unhandled error, which fails the run.
import { afterEach } from "vitest";

afterEach(() => new Promise<void>((resolve) => setImmediate(resolve)));
