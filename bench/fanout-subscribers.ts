// The subscriber side of bench/fanout.ts, in its own process so that decoding 200 copies of each
// event does not run on the server's event loop (real subscribers are on other machines).
// Started by fanout.ts; protocol on stdout, one line each:
//   READY                      every subscriber has received the job's current state
//   RESULT {"arrivals":[...]}  every subscription has completed (or the time limit passed)
//   ERROR <message>
// arrivals[s] = [[revision, epochMs], ...] in arrival order; the first pair is the initial state.
import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";

interface Config {
  wsUrl: string;
  token: string;
  jobId: string;
  subscribers: number;
  timeoutMs: number;
}

const SUBSCRIPTION = `subscription($jobId: ID!) { enhancementProgress(jobId: $jobId) { revision status } }`;
const epochMs = () => performance.timeOrigin + performance.now();

const config = JSON.parse(process.argv[2] ?? "{}") as Config;
const arrivals: [number, number][][] = [];
const clients: Client[] = [];
let ready = 0;
let completed = 0;
let finished = false;

function finish(timedOut: boolean): void {
  if (finished) return;
  finished = true;
  // A pipe is written asynchronously: exit only once the (large, with 1,000 subscribers) line is out.
  process.stdout.write(`RESULT ${JSON.stringify({ arrivals, timedOut })}\n`, () => {
    void Promise.allSettled(clients.map((c) => c.dispose())).finally(() => process.exit(0));
  });
}

function fail(message: string): void {
  if (finished) return;
  finished = true;
  process.stdout.write(`ERROR ${message.replace(/\n/g, " ")}\n`);
  process.exit(1);
}

function describe(e: unknown): string {
  if (e instanceof Error) return e.message;
  const close = e as { code?: number; reason?: string };
  if (typeof close?.code === "number") return `socket closed ${close.code} ${close.reason ?? ""}`.trim();
  return JSON.stringify(e);
}

const timer = setTimeout(() => finish(true), config.timeoutMs);
timer.unref();

for (let s = 0; s < config.subscribers; s++) {
  const mine: [number, number][] = [];
  arrivals.push(mine);
  const client = createClient({
    url: config.wsUrl,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${config.token}` },
    retryAttempts: 0,
    lazy: true,
  });
  clients.push(client);
  client.subscribe<{ enhancementProgress: { revision: number; status: string } }>(
    { query: SUBSCRIPTION, variables: { jobId: config.jobId } },
    {
      next: (result) => {
        const at = epochMs();
        const event = result.data?.enhancementProgress;
        if (!event) return fail(`subscriber ${s}: ${JSON.stringify(result.errors ?? result)}`);
        mine.push([event.revision, at]);
        if (mine.length === 1 && ++ready === config.subscribers) process.stdout.write("READY\n");
      },
      error: (e) => fail(`subscriber ${s}: ${describe(e)}`),
      complete: () => {
        if (++completed === config.subscribers) finish(false);
      },
    },
  );
}
