// Progress fan-out: 1,000 graphql-ws subscribers (separate connections, one user) follow one running
// enhancement job; for every progress event we measure how long after the server wrote the state
// each subscriber received it.
//   npx tsx bench/fanout.ts
import { spawn, type ChildProcess } from "node:child_process";
import { writeFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { fileURLToPath, pathToFileURL } from "node:url";
import { startFakeGroq, type FakeRequest } from "../tests/support/fake-groq.ts";
import { pubsub } from "../src/pubsub.ts";
import { epochMs, honestModel, median, ms, percentile, register, renderSection, seedExperiences, target, withServer, type Section } from "./lib.ts";
import { pollUntilDone, startEnhancement } from "./enhancement.ts";

const SUBSCRIBERS = Number(process.env.FANOUT_SUBSCRIBERS ?? 1000);
const ITEMS = 20;
const LATENCY_MS = 100;
const READY_TIMEOUT_MS = 30_000;
const RUN_TIMEOUT_MS = 60_000;
const TERMINAL = new Set(["COMPLETED", "FAILED", "CANCELLED"]);

interface Published {
  revision: number;
  step: string;
  status: string;
  /** The row's updatedAt: when the server wrote this state (ms precision). */
  writtenAt: number;
  /** When an in-process listener on the same pubsub received it. */
  publishedAt: number;
}

export interface FanoutResult {
  subscribers: number;
  events: number;
  deliveries: number;
  lost: number;
  outOfOrder: number;
  fromWrite: number[];
  fromPublish: number[];
  spread: number[];
  fromLlmAnswer: number[];
  timedOut: boolean;
  /** Server-process heap and RSS growth per subscriber once all are connected and idle (bytes). */
  heapPerSubscriber: number;
  rssPerSubscriber: number;
}

export async function benchFanout(): Promise<FanoutResult> {
  const fake = await startFakeGroq({ apiKey: "bench-key" });
  let openGate = () => {};
  const gate = new Promise<void>((resolve) => (openGate = resolve));
  // The model holds its first answer until every subscriber is listening, so no event is missed.
  fake.setHandler(async (req) => {
    await gate;
    return honestModel(req);
  });
  fake.setLatency(LATENCY_MS);
  try {
    return await withServer({ GROQ_API_KEY: "bench-key", GROQ_BASE_URL: fake.url, LLM_CONCURRENCY: "1" }, async (server) => {
      const token = await register(server.url);
      await seedExperiences(server.url, token, ITEMS);
      const jobId = await startEnhancement(server.url, token);
      const published = new Map<number, Published>();
      const probe = pubsub.subscribe("enhancement", jobId);
      const probing = (async () => {
        for await (const job of probe) {
          published.set(job.revision, { revision: job.revision, step: job.step, status: job.status, writtenAt: job.updatedAt.getTime(), publishedAt: epochMs() });
          if (TERMINAL.has(job.status)) break;
        }
      })();

      const before = settledMemory();
      const child = startSubscribers({ wsUrl: server.wsUrl, token, jobId, subscribers: SUBSCRIBERS, timeoutMs: RUN_TIMEOUT_MS });
      try {
        await child.next("READY", READY_TIMEOUT_MS);
        await new Promise((r) => setTimeout(r, 500));
        const idle = settledMemory();
        const profiling = await startRunProfile();
        openGate();
        const result = JSON.parse(await child.next("RESULT", RUN_TIMEOUT_MS + 5_000)) as { arrivals: [number, number][][]; timedOut: boolean };
        await profiling?.();
        await pollUntilDone(server.url, token, jobId, 10_000);
        await Promise.race([probing, new Promise((r) => setTimeout(r, 2_000))]);
        return { ...analyse(result.arrivals, published, fake.requests, result.timedOut), heapPerSubscriber: (idle.heapUsed - before.heapUsed) / SUBSCRIBERS, rssPerSubscriber: (idle.rss - before.rss) / SUBSCRIBERS };
      } finally {
        child.stop();
        openGate();
        await probe.return?.();
      }
    });
  } finally {
    await fake.close();
  }
}

/** FANOUT_CPU_PROF=<file>: a CPU profile of the server process during the measured run only (not start-up). */
async function startRunProfile(): Promise<(() => Promise<void>) | null> {
  const file = process.env.FANOUT_CPU_PROF;
  if (!file) return null;
  const { Session } = await import("node:inspector/promises");
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.start");
  return async () => {
    const { profile } = await session.post("Profiler.stop");
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
  };
}

/** Memory after a full collection when the process runs with --expose-gc (npm run bench does), else as it is. */
function settledMemory(): NodeJS.MemoryUsage {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage();
}

function analyse(arrivals: [number, number][][], published: Map<number, Published>, llmCalls: FakeRequest[], timedOut: boolean): Omit<FanoutResult, "heapPerSubscriber" | "rssPerSubscriber"> {
  const firstArrival = new Map<number, number>();
  for (const list of arrivals) for (const [rev, at] of list.slice(1)) firstArrival.set(rev, Math.min(firstArrival.get(rev) ?? Infinity, at));

  // With one call at a time, the k-th item event is written after the k-th answer of the model.
  const answers = llmCalls.filter((r) => r.finishedAt !== null).map((r) => r.finishedAt!).sort((a, b) => a - b);
  const itemRevisions = [...published.values()].filter((p) => p.step === "experience").map((p) => p.revision).sort((a, b) => a - b);
  const answeredAt = new Map(itemRevisions.map((rev, k) => [rev, answers[k]] as const).filter(([, at]) => at !== undefined));

  const out: Omit<FanoutResult, "heapPerSubscriber" | "rssPerSubscriber"> = { subscribers: arrivals.length, events: 0, deliveries: 0, lost: 0, outOfOrder: 0, fromWrite: [], fromPublish: [], spread: [], fromLlmAnswer: [], timedOut };
  const pushed = [...published.keys()];
  const perEvent: Record<number, { step: string; status: string; delays: number[] }> = {};
  for (const list of arrivals) {
    const snapshot = list[0]?.[0] ?? Infinity;
    const received = new Set(list.slice(1).map(([rev]) => rev));
    out.lost += pushed.filter((rev) => rev > snapshot && !received.has(rev)).length;
    for (let i = 1; i < list.length; i++) {
      const [rev, at] = list[i];
      if (rev <= list[i - 1][0]) out.outOfOrder++;
      const p = published.get(rev);
      if (!p) continue; // written before the probe listened: not a measured event
      out.deliveries++;
      out.fromWrite.push(at - p.writtenAt);
      if (process.env.FANOUT_PER_EVENT) (perEvent[rev] ??= { step: p.step, status: p.status, delays: [] }).delays.push(at - p.writtenAt);
      out.fromPublish.push(at - p.publishedAt);
      out.spread.push(at - firstArrival.get(rev)!);
      const answer = answeredAt.get(rev);
      if (answer !== undefined) out.fromLlmAnswer.push(at - answer);
    }
  }
  if (process.env.FANOUT_PER_EVENT) for (const [rev, e] of Object.entries(perEvent)) console.error(`revision ${rev} ${e.step}/${e.status}: p50 ${ms(median(e.delays))}, p99 ${ms(percentile(e.delays, 99))}`);
  out.events = new Set(arrivals.flatMap((list) => list.slice(1).map(([rev]) => rev)).filter((rev) => published.has(rev))).size;
  return out;
}

/** The subscriber process, and a way to wait for its next protocol line. */
export function startSubscribers(config: { wsUrl: string; token: string; jobId: string; subscribers: number; timeoutMs: number }) {
  const script = fileURLToPath(new URL("./fanout-subscribers.ts", import.meta.url));
  const root = fileURLToPath(new URL("..", import.meta.url));
  const proc: ChildProcess = spawn(process.execPath, ["--import", "tsx", script, JSON.stringify(config)], { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
  const lines: string[] = [];
  const waiters: (() => void)[] = [];
  let stderr = "";
  let exited = false;
  const wake = () => waiters.splice(0).forEach((w) => w());
  createInterface({ input: proc.stdout! }).on("line", (line) => {
    lines.push(line);
    wake();
  });
  proc.stderr!.on("data", (chunk) => (stderr = (stderr + chunk).slice(-2000)));
  proc.on("exit", () => {
    exited = true;
    wake();
  });

  return {
    /** Resolves to the rest of the next line starting with `tag`; rejects on ERROR, exit or timeout. */
    async next(tag: string, timeoutMs: number): Promise<string> {
      const end = Date.now() + timeoutMs;
      for (;;) {
        const error = lines.find((l) => l.startsWith("ERROR "));
        if (error) throw new Error(`subscribers: ${error.slice(6)}`);
        const i = lines.findIndex((l) => l === tag || l.startsWith(`${tag} `));
        if (i >= 0) return lines.splice(i, 1)[0].slice(tag.length + 1);
        if (exited) throw new Error(`subscriber process exited before ${tag}${stderr ? `: ${stderr.trim().split("\n").slice(-3).join(" ")}` : ""}`);
        const left = end - Date.now();
        if (left <= 0) throw new Error(`subscribers: no ${tag} within ${timeoutMs / 1000} s`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
    },
    stop() {
      if (!exited && proc.pid) proc.kill();
    },
  };
}

export function fanoutSection(r: FanoutResult): Section {
  const pair = (xs: number[]) => `${ms(median(xs))} / ${ms(percentile(xs, 99))}`;
  return {
    title: `Progress fan-out (${r.subscribers} graphql-ws subscribers on one job; fake Groq ${LATENCY_MS} ms/call, LLM_CONCURRENCY=1)`,
    rows: [
      { metric: "events measured × subscribers", value: `${r.events} × ${r.subscribers} = ${r.deliveries} deliveries` },
      { metric: "delay from state write, p50 / p99", value: pair(r.fromWrite), target: target(percentile(r.fromWrite, 99), 100, "100 ms (p99)") },
      { metric: "  max", value: ms(r.fromWrite.reduce((m, x) => Math.max(m, x), 0)) },
      { metric: "delay from publish, p50 / p99", value: pair(r.fromPublish) },
      { metric: "spread across subscribers, p50 / p99", value: pair(r.spread) },
      { metric: "delay from the model's answer, p50 / p99", value: pair(r.fromLlmAnswer) },
      { metric: "memory per idle subscriber (server heap / RSS)", value: `${(r.heapPerSubscriber / 1024).toFixed(1)} KB / ${(r.rssPerSubscriber / 1024).toFixed(1)} KB` },
      { metric: "events lost / out of order", target: `target 0 lost: ${r.lost === 0 && !r.timedOut ? "met" : "not met"}`, value: `${r.lost} / ${r.outOfOrder}${r.timedOut ? " (subscribers timed out)" : ""}` },
    ],
    notes: [
      "Subscribers run in a separate process (as remote clients would) and stamp each event on arrival with the host's wall clock (performance.timeOrigin + now), like the server.",
      "State write = the job row's updatedAt as published with the event (set when the server issues the UPDATE; ms precision, so up to 1 ms is rounding).",
      "Publish = when a listener inside the server process, on the same pubsub topic, received the event; the difference to arrival is the fan-out itself.",
      "Spread = arrival − the earliest arrival of the same revision at any subscriber. Model's answer = when the fake model finished the call whose result the event reports (item events only; one call at a time makes the k-th answer produce the k-th item event).",
      "Only events pushed after all subscribers were listening count: each subscriber's first event (the job's state at subscribe time) is excluded.",
    ],
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(renderSection(fanoutSection(await benchFanout())));
  process.exit(0);
}
