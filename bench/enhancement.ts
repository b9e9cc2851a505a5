// Enhancement throughput: 20 items through the groq provider against the fake Groq server at
// 300 ms per call with LLM_CONCURRENCY=4. Ideal: 5 rounds × 300 ms; target: 1.3 × that.
//   npx tsx bench/enhancement.ts
import { pathToFileURL } from "node:url";
import { startFakeGroq } from "../tests/support/fake-groq.ts";
import { gql, honestModel, median, ms, ratio, register, renderSection, seedExperiences, sleep, target, unwrap, withServer, type Section } from "./lib.ts";

const ITEMS = 20;
const CONCURRENCY = 4;
const LATENCY_MS = 300;
const RUNS = 3;
const POLL_MS = 20;
const JOB_TIMEOUT_MS = 30_000;
const IDEAL_MS = Math.ceil(ITEMS / CONCURRENCY) * LATENCY_MS;
const TARGET_MS = 1.3 * IDEAL_MS;

export const ENHANCE = `mutation($input: EnhanceProfileInput!) { enhanceProfile(input: $input) { __typename ... on MutationEnhanceProfileSuccess { data { id status } } ... on Error { message } } }`;
export const JOB = `query($id: ID!) { enhancementJob(id: $id) { __typename ... on QueryEnhancementJobSuccess { data { id status revision error result { changed { itemId } unchanged { itemId } rejected { itemId } } } } ... on Error { message } } }`;

export interface JobState {
  id: string;
  status: string;
  revision: number;
  error: string | null;
  result: { changed: unknown[]; unchanged: unknown[]; rejected: unknown[] } | null;
}

/** Starts an enhancement in the default style and returns the job id. */
export async function startEnhancement(url: string, token: string): Promise<string> {
  return unwrap<{ id: string }>((await gql(url, ENHANCE, { input: { useDefaultStyle: true } }, token)).enhanceProfile).id;
}

/** Polls every POLL_MS until the job ends; resolves to its final state. */
export async function pollUntilDone(url: string, token: string, id: string, timeoutMs = JOB_TIMEOUT_MS): Promise<JobState> {
  const end = performance.now() + timeoutMs;
  while (performance.now() < end) {
    const job = unwrap<JobState>((await gql(url, JOB, { id }, token)).enhancementJob);
    if (["COMPLETED", "FAILED", "CANCELLED"].includes(job.status)) return job;
    await sleep(POLL_MS);
  }
  throw new Error(`enhancement job ${id} did not end within ${timeoutMs / 1000} s`);
}

export interface EnhancementResult {
  runsMs: number[];
  medianMs: number;
  calls: number;
  maxInFlight: number;
  outcome: string;
}

export async function benchEnhancement(): Promise<EnhancementResult> {
  const fake = await startFakeGroq({ apiKey: "bench-key" });
  try {
    fake.setHandler(honestModel);
    return await withServer({ GROQ_API_KEY: "bench-key", GROQ_BASE_URL: fake.url, LLM_CONCURRENCY: String(CONCURRENCY) }, async (server) => {
      const token = await register(server.url);
      await seedExperiences(server.url, token, ITEMS);
      // One unmeasured job first: the SDK's first connection and the code paths' first run.
      await pollUntilDone(server.url, token, await startEnhancement(server.url, token));

      fake.setLatency(LATENCY_MS);
      const runsMs: number[] = [];
      let last: JobState | null = null;
      let calls = 0;
      let maxInFlight = 0;
      for (let run = 0; run < RUNS; run++) {
        fake.reset();
        fake.setHandler(honestModel);
        fake.setLatency(LATENCY_MS);
        const started = performance.now();
        last = await pollUntilDone(server.url, token, await startEnhancement(server.url, token));
        runsMs.push(performance.now() - started);
        if (last.status !== "COMPLETED") throw new Error(`job ended ${last.status}: ${last.error}`);
        calls = fake.requests.length;
        maxInFlight = fake.maxInFlight;
      }
      const r = last!.result!;
      return {
        runsMs,
        medianMs: median(runsMs),
        calls,
        maxInFlight,
        outcome: `${last!.status}: ${r.changed.length} changed, ${r.unchanged.length} unchanged, ${r.rejected.length} rejected`,
      };
    });
  } finally {
    await fake.close();
  }
}

export function enhancementSection(r: EnhancementResult): Section {
  return {
    title: `Enhancement throughput (${ITEMS} items, groq provider → fake Groq at ${LATENCY_MS} ms/call, LLM_CONCURRENCY=${CONCURRENCY})`,
    rows: [
      { metric: `wall time, median of ${RUNS} runs`, value: ms(r.medianMs), target: target(r.medianMs, TARGET_MS, `${TARGET_MS} ms`) },
      { metric: "wall time, each run", value: r.runsMs.map((x) => Math.round(x)).join(" / ") + " ms" },
      { metric: `ratio to ideal (${Math.ceil(ITEMS / CONCURRENCY)} rounds × ${LATENCY_MS} ms = ${IDEAL_MS} ms)`, value: ratio(r.medianMs / IDEAL_MS), target: target(r.medianMs / IDEAL_MS, 1.3) },
      { metric: "LLM calls per run / max in flight", value: `${r.calls} / ${r.maxInFlight}` },
      { metric: "last job", value: r.outcome },
    ],
    notes: [
      "Wall time: from sending enhanceProfile to the first enhancementJob poll (every 20 ms) that reads COMPLETED.",
      "The fake model answers every item with its own text (valid JSON, no new facts); one unmeasured warm-up job runs first.",
    ],
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(renderSection(enhancementSection(await benchEnhancement())));
  process.exit(0);
}
