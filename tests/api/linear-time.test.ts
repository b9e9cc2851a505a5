// Issue 9, finding 3: one signed-in request at the size limits froze the whole server (the export
// of " _a" × 66,666 for 6.8 s, createJob with "1 " × 20,000 for 9.3 s). Each request here sends
// the largest input its validation allows, in the patterns that were quadratic, while /health is
// polled without pause: the work has to finish, and /health has to answer within 100 ms throughout.
// The server runs in this process, so a stall of its event loop delays the poll too.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "graphql";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { ok, startServer, success, type TestServer } from "../support/server.ts";
import { newUser } from "../support/accounts.ts";
import { upload } from "../support/upload.ts";
import { AddExperienceDoc, UpsertProfileDoc } from "../support/profile-ops.ts";
import { AtsDoc, BACKEND_JOB, CreateJobDoc, GenerateResumeDoc, RankDoc, SaveDocumentDoc, UpdateDocumentDoc, UpdateJobDoc } from "../support/job-ops.ts";

const HEALTH_BUDGET_MS = 100;
/** The limits the services validate (document content, job text and ATS text, sample text). */
const MAX_DOCUMENT = 200_000;
const MAX_JOB_TEXT = 100_000;
const MAX_ATS_TEXT = 100_000;
const MAX_SAMPLE_TEXT = 200_000;

let server: TestServer;
let base: string;
let token: string;

beforeAll(async () => {
  server = await startServer();
  base = server.url.replace("/graphql", "");
  token = (await newUser(server)).token;
  // The first CPU-pool task starts its worker: not what these tests measure.
  success((await ok(server, CreateJobDoc, { input: { text: BACKEND_JOB } }, { token })).createJob);
});
afterAll(() => server.stop());

/** `unit` repeated to exactly `length` characters (after an optional first line). */
function fill(unit: string, length: number, head = ""): string {
  return head + unit.repeat(Math.ceil((length - head.length) / unit.length)).slice(0, length - head.length);
}

/**
 * Runs `work` while polling /health back to back; returns its result, the slowest /health answer
 * and how many answers there were.
 */
async function whilePolling<T>(work: () => Promise<T>): Promise<{ result: T; slowestMs: number; polls: number }> {
  let done = false;
  let slowestMs = 0;
  let polls = 0;
  const poller = (async () => {
    while (!done) {
      const start = performance.now();
      const res = await fetch(`${base}/health`);
      await res.arrayBuffer();
      slowestMs = Math.max(slowestMs, performance.now() - start);
      polls++;
      expect(res.status).toBe(200);
      await new Promise((r) => setTimeout(r, 5));
    }
  })();
  // Let the first poll go out before the work starts.
  await new Promise((r) => setTimeout(r, 20));
  try {
    return { result: await work(), slowestMs, polls };
  } finally {
    done = true;
    await poller;
  }
}

/**
 * `whilePolling`, asserting that /health stayed under budget. This host is shared (two cores,
 * other test processes): one scheduling hiccup gets a second measurement, a real stall — seconds,
 * on the old code — fails both.
 */
async function responsive<T>(label: string, work: () => Promise<T>): Promise<T> {
  const slowest: number[] = [];
  for (let attempt = 0; attempt < 2; attempt++) {
    const { result, slowestMs, polls } = await whilePolling(work);
    expect(polls, label).toBeGreaterThan(0);
    slowest.push(Math.round(slowestMs));
    if (slowestMs < HEALTH_BUDGET_MS) return result;
  }
  expect.fail(`/health took ${slowest.join(" ms, then ")} ms during ${label} (budget ${HEALTH_BUDGET_MS} ms)`);
}

describe("export at the document size limit", () => {
  const contents: [string, string][] = [
    // No "_" at the very end: that would close the first opener and make a single linear match.
    ["the emphasis pattern from the review", " _a".repeat(66_666) + ".."],
    ["unclosed bold markers", fill("**a ", MAX_DOCUMENT)],
    ["one heading line of hashes", fill("#", MAX_DOCUMENT, "# a")],
    ["100,000 short bullet lines", fill("- a\n", MAX_DOCUMENT)],
  ];
  let documentId: string;
  let downloadPath: string;

  beforeAll(async () => {
    const u = token;
    await ok(server, UpsertProfileDoc, { input: { fullName: "Lin Park", summary: "Backend engineer.", skills: { technical: ["Python"] } } }, { token: u });
    await ok(server, AddExperienceDoc, { input: { fields: { title: "Engineer", company: "Zalando", startDate: "2021-03", current: true, bullets: ["Built Python services"] } } }, { token: u });
    const jobId = success((await ok(server, CreateJobDoc, { input: { text: BACKEND_JOB } }, { token: u })).createJob).id;
    success((await ok(server, RankDoc, { input: { jobId } }, { token: u })).rankProfileForJob);
    const gen = success((await ok(server, GenerateResumeDoc, { input: { jobId } }, { token: u })).generateResume);
    const doc = success((await ok(server, SaveDocumentDoc, { input: { generationId: gen.id, title: "Limits" } }, { token: u })).saveDocument);
    documentId = doc.id;
    downloadPath = doc.downloadPath;
  });

  it.each(contents)("%s: PDF, DOCX, Markdown and text exports finish while /health answers", async (_name, content) => {
    expect(content.length).toBe(MAX_DOCUMENT);
    success((await ok(server, UpdateDocumentDoc, { input: { id: documentId, content } }, { token })).updateDocument);
    for (const format of ["pdf", "docx", "md", "txt"]) {
      const result = await responsive(`the ${format} export`, async () => {
        const res = await fetch(`${base}${downloadPath}?format=${format}`, { headers: { authorization: `Bearer ${token}` } });
        return { status: res.status, bytes: (await res.arrayBuffer()).byteLength };
      });
      expect(result.status, format).toBe(200);
      expect(result.bytes, format).toBeGreaterThan(1000);
    }
  }, 180_000);
});

describe("createJob and updateJob at the job text limit", () => {
  const texts: [string, string][] = [
    ["numbers the salary parser rescanned the line for", fill("1 ", MAX_JOB_TEXT, "Senior Engineer\n")],
    ["money ranges", fill("$1k - ", MAX_JOB_TEXT, "Senior Engineer\nSalary: ")],
    ["an unclosed parenthesis run in the header", fill("((", MAX_JOB_TEXT, "Senior Engineer | Acme ")],
    ["a trailing punctuation run in a company line", fill(".", MAX_JOB_TEXT - 1, "Company: A") + "x"],
    ["years of experience", fill("1+ years ", MAX_JOB_TEXT, "Requirements\n- ")],
    ["one word per line", fill("a\n", MAX_JOB_TEXT, "Senior Engineer\n")],
    ["a real posting repeated", fill(BACKEND_JOB, MAX_JOB_TEXT)],
  ];

  it.each(texts)("createJob with %s finishes while /health answers", async (_name, text) => {
    expect(text.length).toBe(MAX_JOB_TEXT);
    const result = await responsive("createJob", () => ok(server, CreateJobDoc, { input: { text } }, { token }));
    expect(result.createJob.__typename).toBe("MutationCreateJobSuccess");
  }, 60_000);

  it("createJob from fields and updateJob with the largest description finish while /health answers", async () => {
    const description = fill("1 - ", MAX_JOB_TEXT);
    const fields = {
      title: fill("(", 200),
      company: fill(".", 200, "A"),
      location: fill(" (", 200, "Berlin"),
      description,
      salary: fill("1 ", 200, "$"),
      remote: "REMOTE" as const,
      requirements: Array.from({ length: 100 }, () => fill("1+ years ", 1000)),
      responsibilities: Array.from({ length: 100 }, () => fill(" _a", 1000)),
    };
    const created = await responsive("createJob from fields", () => ok(server, CreateJobDoc, { input: { fields } }, { token }));
    expect(created.createJob.__typename).toBe("MutationCreateJobSuccess");
    const id = success(created.createJob).id;
    let round = 0;
    // Each attempt a different description: an unchanged one is not parsed again.
    const updated = await responsive("updateJob", () => ok(server, UpdateJobDoc, { input: { id, description: fill("((", MAX_JOB_TEXT - round, "x".repeat(round++)) } }, { token }));
    expect(updated.updateJob.__typename).toBe("MutationUpdateJobSuccess");
  }, 60_000);
});

describe("ATS report and sample upload at their limits", () => {
  it.each([
    ["one long word (the e-mail pattern rescanned it)", fill("a", MAX_ATS_TEXT)],
    ["abbreviations", fill("etc. A ", MAX_ATS_TEXT)],
    ["short lines", fill("Skills\n", MAX_ATS_TEXT)],
  ])("atsReport on %s finishes while /health answers", async (_name, text) => {
    const jobId = success((await ok(server, CreateJobDoc, { input: { text: BACKEND_JOB } }, { token })).createJob).id;
    const result = await responsive("atsReport", () => ok(server, AtsDoc, { input: { jobId, text } }, { token }));
    expect(result.atsReport.__typename).toBe("QueryAtsReportSuccess");
  }, 60_000);

  const UploadSample = parse(`
    mutation UploadSampleAtLimit($input: UploadSampleInput!) {
      uploadSample(input: $input) { __typename ... on Error { message } }
    }
  `) as TypedDocumentNode<{ uploadSample: { __typename: string; message?: string } }, { input: { type: string; file: null } }>;

  const sendSample = (text: string) =>
    upload(server, UploadSample, { input: { type: "COVER_LETTER", file: null } }, { name: "letter.txt", bytes: new TextEncoder().encode(text), type: "text/plain" }, { token });

  it.each([
    ["sentences of exclamation marks", fill("Great work!!! ", MAX_SAMPLE_TEXT)],
    ["abbreviations", fill("I did it e.g. Again ", MAX_SAMPLE_TEXT)],
    ["wrapped one-word lines", fill("a\n", MAX_SAMPLE_TEXT)],
  ])("uploadSample of a cover letter of %s finishes while /health answers", async (_name, text) => {
    const result = await responsive("uploadSample", () => sendSample(text));
    expect(result.errors).toBeUndefined();
    expect(result.data?.uploadSample.__typename).toBe("MutationUploadSampleSuccess");
  }, 60_000);

  // Text files are decoded on the main thread by src/ingest/extract.ts, whose normalizeText stripped
  // trailing spaces with /[ \t]+$/gm: quadratic in a run of spaces inside a line (200,000 → minutes).
  it("uploadSample of a line holding a run of ~200,000 spaces finishes while /health answers", async () => {
    const words = "I wrote the billing service in TypeScript. ".repeat(20);
    const result = await responsive("uploadSample", () => sendSample(words + " ".repeat(MAX_SAMPLE_TEXT - 2 * words.length - 10) + words));
    expect(result.data?.uploadSample.__typename).toBe("MutationUploadSampleSuccess");
  }, 60_000);
});
