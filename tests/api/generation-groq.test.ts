/** Job parsing and cover letters through the real groq-sdk path, against the fake Groq server. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { collect, ok, startServer, success, wsClient, type TestServer } from "../support/server.ts";
import { newUser } from "../support/accounts.ts";
import { AddExperienceDoc, UpsertProfileDoc } from "../support/profile-ops.ts";
import { BACKEND_JOB, CoverLetterStreamDoc, CreateJobDoc, GenerateCoverLetterDoc } from "../support/job-ops.ts";
import { startFakeGroq, type FakeGroq, type FakeRequest } from "../support/fake-groq.ts";
import { db } from "../../src/db/client.ts";

let fake: FakeGroq;
let server: TestServer;
beforeAll(async () => {
  fake = await startFakeGroq();
  server = await startServer({ GROQ_API_KEY: "test-key", GROQ_BASE_URL: fake.url, LLM_TIMEOUT_S: "2" });
});
afterEach(() => fake.reset());
afterAll(async () => {
  await server.stop();
  await fake.close();
});

const isJobParse = (r: FakeRequest) => (r.messages.at(-1)?.content ?? "").includes("<<<JOB_TEXT");

async function seed(token: string) {
  await ok(server, UpsertProfileDoc, { input: { fullName: "Lin Park", skills: { technical: ["Python", "Kubernetes"] } } }, { token });
  await ok(server, AddExperienceDoc, {
    input: { fields: { title: "Backend Engineer", company: "Zalando", startDate: "2021-03", current: true, bullets: ["Built Python services handling 2M events a day", "Migrated 12 services to Kubernetes"] } },
  }, { token });
}

describe("createJob with groq", () => {
  it("keeps the model's reading only where the job text supports it", async () => {
    fake.setHandler((req) =>
      isJobParse(req)
        ? {
            json: {
              title: "Senior Backend Engineer",
              company: "Globex International", // not in the text: must not survive
              location: "Berlin, Germany",
              description: "A summary.",
              keywords: ["Python", "Kubernetes", "Haskell"], // Haskell is invented
              requirements: [{ text: "5+ years of backend experience with Python", required: true, keywords: ["Python"] }],
              responsibilities: [], benefits: [],
              salary: { min: 1, max: 2, currency: "USD", period: "HOUR" }, // numbers only come from the text
              remoteMode: "HYBRID", seniority: "SENIOR", yearsExperience: 9,
            },
          }
        : { content: "unexpected" },
    );
    const u = await newUser(server);
    const job = success((await ok(server, CreateJobDoc, { input: { text: BACKEND_JOB } }, { token: u.token })).createJob);
    expect(job.provider).toBe("GROQ");
    expect(job.title).toBe("Senior Backend Engineer");
    expect(job.company).toBe("Acme Robotics");
    expect(job.keywords).toContain("Python");
    expect(job.keywords).not.toContain("Haskell");
    expect(job.salary).toMatchObject({ min: 70000, max: 90000, currency: "EUR" });
    expect(job.yearsExperience).toBe(5);
  });

  it("an unreachable provider is a typed error and saves nothing", async () => {
    fake.setHandler(() => ({ status: 503, content: "down" }));
    const u = await newUser(server);
    const r = (await ok(server, CreateJobDoc, { input: { text: BACKEND_JOB } }, { token: u.token })).createJob;
    expect(r.__typename).toBe("AiUnavailableError");
    expect(await db().job.count({ where: { userId: u.id } })).toBe(0);
  }, 30_000);
});

describe("cover letters with groq", () => {
  async function jobFor(token: string) {
    fake.setHandler(() => ({ json: { title: "Senior Backend Engineer", company: "Acme Robotics", description: "", keywords: [], requirements: [], responsibilities: [], benefits: [], remoteMode: "UNKNOWN" } }));
    const id = success((await ok(server, CreateJobDoc, { input: { text: BACKEND_JOB } }, { token })).createJob).id;
    fake.reset();
    return id;
  }

  it("streams the model's text over WebSocket and saves the grounded letter", async () => {
    const u = await newUser(server);
    await seed(u.token);
    const jobId = await jobFor(u.token);
    fake.setHandler(() => ({ chunks: ["Dear Hiring Manager,\n\n", "At Zalando I built Python services ", "handling 2M events a day, ", "and I would bring that to Acme Robotics.\n\nSincerely,\nLin Park"], chunkDelayMs: 10 }));
    const client = wsClient(server, { authorization: `Bearer ${u.token}` });
    const events = (await collect(client, CoverLetterStreamDoc, { input: { jobId, tone: "FORMAL", length: "SHORT" } }).done).map((e) => e.data!.coverLetterStream);
    await client.dispose();
    expect(events.filter((e) => e.delta).length).toBeGreaterThanOrEqual(4);
    const saved = events.at(-1)!.generation!;
    expect(saved.provider).toBe("GROQ");
    expect(saved.content).toContain("2M events a day");
    const prompt = fake.requests[0].messages.at(-1)!.content;
    expect(prompt).toContain("<<<FACTS");
    expect(prompt).toContain("Zalando");
  });

  it("a letter that invents facts is retried once with the violations named, then refused and not saved", async () => {
    const u = await newUser(server);
    await seed(u.token);
    const jobId = await jobFor(u.token);
    fake.setHandler(() => ({ content: "Dear Hiring Manager,\n\nAt Google I led 40 engineers using Haskell.\n\nSincerely,\nLin Park" }));
    const r = (await ok(server, GenerateCoverLetterDoc, { input: { jobId } }, { token: u.token })).generateCoverLetter;
    expect(r.__typename).toBe("GroundingError");
    const values = (r as { violations: { value: string }[] }).violations.map((v) => v.value);
    expect(values).toEqual(expect.arrayContaining(["Google", "Haskell"]));
    expect(fake.requests).toHaveLength(2);
    expect(fake.requests[1].messages.at(-1)!.content).toMatch(/previous letter mentioned.*Google/);
    expect(await db().generation.count({ where: { userId: u.id, type: "COVER_LETTER" } })).toBe(0);
  });

  it("a letter fixed on the retry is saved", async () => {
    const u = await newUser(server);
    await seed(u.token);
    const jobId = await jobFor(u.token);
    fake.enqueue({ content: "At Google I led 40 engineers." }, { content: "At Zalando I migrated 12 services to Kubernetes." });
    const g = success((await ok(server, GenerateCoverLetterDoc, { input: { jobId } }, { token: u.token })).generateCoverLetter);
    expect(g.content).toBe("At Zalando I migrated 12 services to Kubernetes.");
  });
});
