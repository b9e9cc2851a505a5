/**
 * Model output is untrusted input (issue 9). A fake Groq server that lies — one invented fact in
 * every answer — runs through the real server and the real groq-sdk code. For every family of
 * invented fact (numbers with units, organisations, technologies, substrings of real words) and
 * every kind of generated text (enhanced summary, experience and project bullets, cover letters
 * saved and streamed, job parsing, resume import, a sample's tone description), nothing invented
 * may be saved, returned or streamed. The counts are printed at the end; every test here fails on
 * the code before issue 9, which let 69 of these 104 facts through.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collect, ok, startServer, success, wsClient, type TestServer } from "../support/server.ts";
import { newUser } from "../support/accounts.ts";
import { AddExperienceDoc, AddProjectDoc, UpsertProfileDoc } from "../support/profile-ops.ts";
import { EnhanceProfileDoc, waitForJob } from "../support/enhancement-ops.ts";
import { CoverLetterStreamDoc, CreateJobDoc, GenerateCoverLetterDoc } from "../support/job-ops.ts";
import { upload } from "../support/upload.ts";
import { startFakeGroq, type FakeGroq } from "../support/fake-groq.ts";
import { IMPORT_RESUME, INJECTIONS, LIAR_JOB, LIAR_PROFILE, SUBSTRING_KEYWORDS, lyingModel, type Injection } from "../support/lying-model.ts";
import { graphql } from "../gql/index.ts";
import { db } from "../../src/db/client.ts";

const LyingSampleDoc = graphql(`
  mutation LyingSample($input: UploadSampleInput!) {
    uploadSample(input: $input) {
      __typename
      ... on MutationUploadSampleSuccess { data { id provider style { toneDescription } } }
      ... on Error { message code }
    }
  }
`);

const LyingImportDoc = graphql(`
  mutation LyingImport($input: ImportResumeInput!) {
    importResume(input: $input) {
      __typename
      ... on MutationImportResumeSuccess {
        data {
          applied
          draft { fullName experiences { title company startDate endDate bullets technologies } skills { technical } }
          profile { id experiences { title company startDate bullets technologies } skills { technical } }
        }
      }
      ... on Error { message code }
    }
  }
`);

let fake: FakeGroq;
let server: TestServer;
const liar = lyingModel();

interface Outcome {
  kind: string;
  family: string;
  group: string;
  caught: boolean;
  leak?: string;
}
const outcomes: Outcome[] = [];

beforeAll(async () => {
  fake = await startFakeGroq();
  fake.setHandler(liar.handler);
  server = await startServer({ GROQ_API_KEY: "test-key", GROQ_BASE_URL: fake.url, LLM_TIMEOUT_S: "5", LLM_CONCURRENCY: "2" });
});

afterAll(async () => {
  await server?.stop();
  await fake?.close();
  printCounts();
});

/** Every row of the user's that holds generated or imported text. */
async function savedText(userId: string): Promise<string> {
  const profile = await db().masterProfile.findUnique({ where: { userId }, include: { experiences: true, projects: true, education: true } });
  const generations = await db().generation.findMany({ where: { userId }, select: { content: true } });
  const samples = await db().sampleDocument.findMany({ where: { userId }, select: { style: true } });
  const jobs = await db().job.findMany({
    where: { userId },
    select: { title: true, company: true, location: true, keywords: true, requirements: true, responsibilities: true, benefits: true },
  });
  return JSON.stringify({ profile, generations, jobs, samples });
}

function record(kind: string, injection: Injection, caught: boolean, texts: Record<string, string>) {
  const leak = Object.entries(texts).find(([, text]) => injection.marker.test(text))?.[0];
  outcomes.push({ kind, family: injection.family, group: injection.group, caught: caught && !leak, leak });
}

function failures(kind: string) {
  return outcomes.filter((o) => o.kind === kind && !o.caught).map((o) => `${o.family}${o.leak ? ` (leaked: ${o.leak})` : " (accepted)"}`);
}

async function seed(token: string) {
  const { experience, project, ...basics } = LIAR_PROFILE;
  await ok(server, UpsertProfileDoc, { input: basics }, { token });
  await ok(server, AddExperienceDoc, { input: { fields: experience } }, { token });
  await ok(server, AddProjectDoc, { input: { fields: project } }, { token });
}

describe("a lying model, through the real server", () => {
  it("enhancement: no invented fact reaches the summary, experience or project text", async () => {
    const u = await newUser(server);
    await seed(u.token);
    liar.inject(null);
    const honest = await waitForJob(server, u.token, success((await ok(server, EnhanceProfileDoc, { input: { useDefaultStyle: true } }, { token: u.token })).enhanceProfile).id);
    expect(honest.result?.rejected).toEqual([]); // the liar's honest answers pass the guard

    for (const injection of INJECTIONS) {
      liar.inject(injection);
      const started = success((await ok(server, EnhanceProfileDoc, { input: { useDefaultStyle: true } }, { token: u.token })).enhanceProfile);
      const done = await waitForJob(server, u.token, started.id);
      expect(done.status).toBe("COMPLETED");
      const rejected = new Set(done.result!.rejected.map((r) => r.kind));
      const saved = await savedText(u.id);
      for (const kind of ["SUMMARY", "EXPERIENCE", "PROJECT"]) {
        record(`enhanced ${kind.toLowerCase()}`, injection, rejected.has(kind as "SUMMARY"), { saved });
      }
    }
    liar.inject(null);
    expect([...failures("enhanced summary"), ...failures("enhanced experience"), ...failures("enhanced project")]).toEqual([]);
  }, 120_000);

  it("job parsing: no invented keyword, company or requirement is kept", async () => {
    const u = await newUser(server);
    for (const injection of INJECTIONS) {
      liar.inject(injection);
      const job = success((await ok(server, CreateJobDoc, { input: { text: LIAR_JOB } }, { token: u.token })).createJob);
      expect(job.provider).toBe("GROQ");
      const { description: _d, ...returned } = job;
      record("job parsing", injection, true, { returned: JSON.stringify(returned), saved: await savedText(u.id) });
    }
    liar.inject(null);
    expect(failures("job parsing")).toEqual([]);
  }, 60_000);

  describe("cover letters", () => {
    let u: Awaited<ReturnType<typeof newUser>>;
    let jobId: string;
    beforeAll(async () => {
      u = await newUser(server);
      await seed(u.token);
      // The job parse lies too: keywords that are only substrings of the job's words.
      liar.inject(null);
      liar.alsoKeywords(SUBSTRING_KEYWORDS);
      jobId = success((await ok(server, CreateJobDoc, { input: { text: LIAR_JOB } }, { token: u.token })).createJob).id;
      liar.alsoKeywords([]);
      // The liar's honest letter is saved: what follows is refused for its lie, not for its shape.
      const honest = (await ok(server, GenerateCoverLetterDoc, { input: { jobId } }, { token: u.token })).generateCoverLetter;
      expect(honest.__typename).toBe("MutationGenerateCoverLetterSuccess");
      await db().generation.deleteMany({ where: { userId: u.id } });
    });

    it("generateCoverLetter: a letter with an invented fact is refused and not saved", async () => {
      for (const injection of INJECTIONS) {
        liar.inject(injection);
        const r = (await ok(server, GenerateCoverLetterDoc, { input: { jobId } }, { token: u.token })).generateCoverLetter;
        const returned = r.__typename === "MutationGenerateCoverLetterSuccess" ? r.data.content : "";
        record("cover letter", injection, r.__typename === "GroundingError", { returned, saved: await savedText(u.id) });
      }
      liar.inject(null);
      expect(failures("cover letter")).toEqual([]);
    }, 60_000);

    it("coverLetterStream: the invented sentence is never streamed, and nothing is saved", async () => {
      const client = wsClient(server, { authorization: `Bearer ${u.token}` });
      try {
        for (const injection of INJECTIONS) {
          liar.inject(injection);
          const run = collect(client, CoverLetterStreamDoc, { input: { jobId } });
          const error = await run.done.then(() => null, (e: unknown) => e);
          const events = run.events.map((e) => e.data?.coverLetterStream);
          const streamed = events.map((e) => e?.delta ?? "").join("");
          const refused = events.every((e) => !e?.generation) && (error !== null || run.events.some((e) => e.errors?.length));
          // Only grounded sentences were shown: the honest opening arrived before the refusal.
          expect(streamed).toContain("At Zalando I built Python services");
          record("cover letter, streamed", injection, refused, { streamed, saved: await savedText(u.id) });
        }
      } finally {
        liar.inject(null);
        await client.dispose();
      }
      expect(failures("cover letter, streamed")).toEqual([]);
    }, 60_000);
  });

  it("writing samples: the tone description names nothing the sample lacks", async () => {
    const u = await newUser(server);
    const send = () =>
      upload(server, LyingSampleDoc, { input: { type: "RESUME", file: null as never } }, { name: "sample.txt", bytes: new TextEncoder().encode(IMPORT_RESUME) }, { token: u.token });
    liar.inject(null);
    const honest = success((await send()).data!.uploadSample);
    expect(honest.style.toneDescription).toBe("measured and formal"); // the model's honest answer is kept
    for (const injection of INJECTIONS) {
      liar.inject(injection);
      const sample = success((await send()).data!.uploadSample);
      record("tone description", injection, true, { returned: JSON.stringify(sample), saved: await savedText(u.id) });
    }
    liar.inject(null);
    expect(failures("tone description")).toEqual([]);
  }, 60_000);

  it("resume import: no invented value hidden inside a real word is imported", async () => {
    const u = await newUser(server);
    for (const injection of INJECTIONS) {
      liar.inject(injection);
      const r = await upload(server, LyingImportDoc, { input: { file: null as never, mode: "REPLACE", force: true } }, { name: "cv.txt", bytes: new TextEncoder().encode(IMPORT_RESUME) }, { token: u.token });
      const result = success(r.data!.importResume);
      expect(result.applied).toBe(true);
      record("resume import", injection, true, { returned: JSON.stringify(result), saved: await savedText(u.id) });
    }
    liar.inject(null);
    expect(failures("resume import")).toEqual([]);
  }, 60_000);
});

function printCounts() {
  if (!outcomes.length) return;
  const kinds = [...new Set(outcomes.map((o) => o.kind))];
  const groups = [...new Set(outcomes.map((o) => o.group))];
  const cell = (rows: Outcome[]) => `${rows.filter((o) => o.caught).length}/${rows.length}`;
  const lines = [
    "lying model: invented facts caught / injected",
    ["kind".padEnd(24), ...groups.map((g) => g.padStart(14)), "all".padStart(8)].join(""),
    ...kinds.map((k) => {
      const rows = outcomes.filter((o) => o.kind === k);
      return [k.padEnd(24), ...groups.map((g) => cell(rows.filter((o) => o.group === g)).padStart(14)), cell(rows).padStart(8)].join("");
    }),
    ["all".padEnd(24), ...groups.map((g) => cell(outcomes.filter((o) => o.group === g)).padStart(14)), cell(outcomes).padStart(8)].join(""),
    "by family: " + [...new Set(outcomes.map((o) => o.family))].map((f) => `${f} ${cell(outcomes.filter((o) => o.family === f))}`).join(", "),
  ];
  const missed = outcomes.filter((o) => !o.caught);
  if (missed.length) lines.push("missed: " + missed.map((o) => `${o.kind}/${o.family}${o.leak ? ` leaked in ${o.leak}` : ""}`).join("; "));
  console.log(lines.join("\n"));
}
