// /metrics after real work through the server: an enhancement through groq-sdk against the fake
// Groq server, and a PDF upload through the extraction worker.
import { afterAll, beforeAll, expect, it } from "vitest";
import { ok, startServer, success, type TestServer } from "../support/server.ts";
import { newUser } from "../support/accounts.ts";
import { EnhanceProfileDoc, seedProfile, waitForJob } from "../support/enhancement-ops.ts";
import { promptBlock, startFakeGroq, type FakeGroq } from "../support/fake-groq.ts";
import { extractText, closeExtractPool } from "../../src/ingest/extract.ts";
import { fixture } from "../support/upload.ts";

let fake: FakeGroq;
let server: TestServer;
beforeAll(async () => {
  fake = await startFakeGroq({ apiKey: "test-key" });
  server = await startServer({ GROQ_API_KEY: "test-key", GROQ_BASE_URL: fake.url, LLM_TIMEOUT_S: "2" });
});
afterAll(async () => {
  await server.stop();
  await fake.close();
  await closeExtractPool();
});

it("counts enhancement jobs by state and duration, and LLM calls by provider, outcome and latency", async () => {
  fake.setHandler((req) => {
    if (promptBlock(req, "ITEM_KIND").trim() === "SUMMARY") return { json: { text: promptBlock(req, "ITEM_TEXT") } };
    return { json: { bullets: promptBlock(req, "ITEM_TEXT").split("\n").map((l) => l.replace(/^- /, "")) } };
  });
  fake.enqueue({ status: 500 });
  const u = await newUser(server);
  await seedProfile(server, u.token);
  const job = success((await ok(server, EnhanceProfileDoc, { input: { useDefaultStyle: true } }, { token: u.token })).enhanceProfile);
  await waitForJob(server, u.token, job.id);
  await extractText(fixture("resume-chromium.pdf"), "pdf");
  const text = await (await fetch(server.url.replace("/graphql", "/metrics"))).text();
  expect(text).toMatch(/^enhancement_jobs\{state="COMPLETED"\} 1$/m);
  expect(text).toMatch(/^enhancement_jobs\{state="RUNNING"\} 0$/m);
  expect(text).toMatch(/^enhancement_job_duration_seconds_count\{state="COMPLETED"\} 1$/m);
  expect(text).toMatch(/^llm_calls_total\{provider="groq",tier="\w+",outcome="ok"\} [1-9]/m);
  expect(text).toMatch(/^llm_calls_total\{provider="groq",tier="\w+",outcome="http_500"\} 1$/m);
  expect(text).toMatch(/^llm_call_duration_seconds_bucket\{le="\+Inf",provider="groq",tier="\w+",outcome="ok"\} [1-9]/m);
  expect(text).toMatch(/^extraction_duration_seconds_count\{kind="pdf",outcome="ok"\} [1-9]/m);
});
