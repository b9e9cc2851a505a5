import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ok, startServer, success, type TestServer } from "../support/server.ts";
import { newUser } from "../support/accounts.ts";
import { BACKEND_JOB, CreateJobDoc, DeleteJobDoc, JobDoc, JobsDoc, SetStatusDoc, UpdateJobDoc } from "../support/job-ops.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.stop());

describe("createJob", () => {
  it("parses pasted text into structured fields with the provider used", async () => {
    const u = await newUser(server);
    const job = success((await ok(server, CreateJobDoc, { input: { text: BACKEND_JOB } }, { token: u.token })).createJob);
    expect(job).toMatchObject({
      title: "Senior Backend Engineer",
      company: "Acme Robotics",
      remoteMode: "HYBRID",
      yearsExperience: 5,
      provider: "BUILTIN",
      source: "TEXT",
      applicationStatus: "NOT_APPLIED",
      salary: { min: 70000, max: 90000, currency: "EUR", period: "YEAR" },
    });
    expect(job.seniority?.toUpperCase()).toBe("SENIOR");
    expect(job.keywords).toEqual(expect.arrayContaining(["Python", "Kubernetes", "PostgreSQL"]));
    const required = job.requirements.filter((r) => r.required).flatMap((r) => r.keywords);
    const preferred = job.requirements.filter((r) => !r.required).flatMap((r) => r.keywords);
    expect(required).toEqual(expect.arrayContaining(["Python", "PostgreSQL", "Kubernetes"]));
    expect(preferred).toEqual(expect.arrayContaining(["Go", "Terraform"]));
    expect(job.benefits.join(" ")).toMatch(/vacation/);
  });

  it("accepts fields, and a JSON Resume job document", async () => {
    const u = await newUser(server);
    const fromFields = success((await ok(server, CreateJobDoc, {
      input: { fields: { title: "Staff Nurse", company: "St Mary's Hospital", description: "Provide patient care on a busy ward.", requirements: ["Registered Nurse licence", "BLS certification"], remote: "ONSITE" } },
    }, { token: u.token })).createJob);
    expect(fromFields).toMatchObject({ title: "Staff Nurse", company: "St Mary's Hospital", source: "FIELDS", remoteMode: "ONSITE" });

    const doc = { title: "Data Analyst", company: "Globex", description: "Analyse sales data.", remote: "Full", qualifications: ["SQL", "Tableau"], skills: [{ name: "Excel" }] };
    const fromJson = success((await ok(server, CreateJobDoc, { input: { jsonResume: JSON.stringify(doc) } }, { token: u.token })).createJob);
    expect(fromJson).toMatchObject({ title: "Data Analyst", company: "Globex", source: "JSON_RESUME", remoteMode: "REMOTE" });
    expect(fromJson.keywords).toEqual(expect.arrayContaining(["SQL", "Tableau"]));
  });

  it.each([
    ["nothing", {}, ["input"]],
    ["two sources", { text: BACKEND_JOB, jsonResume: "{}" }, ["input"]],
    ["too short a text", { text: "Engineer" }, ["input", "text"]],
    ["too long a text", { text: "x".repeat(100_001) }, ["input", "text"]],
    ["malformed JSON", { jsonResume: "{ not json" }, ["input", "jsonResume"]],
    ["a JSON document with a wrong type", { jsonResume: JSON.stringify({ title: 42 }) }, ["input", "jsonResume", "title"]],
    ["a bad URL", { text: BACKEND_JOB, url: "not a url" }, ["input", "url"]],
    ["fields without a description", { fields: { title: "X", description: " " } }, ["input", "fields", "description"]],
  ])("refuses %s with a field error", async (_n, input, path) => {
    const u = await newUser(server);
    const r = (await ok(server, CreateJobDoc, { input }, { token: u.token })).createJob;
    expect(r.__typename).toBe("ValidationError");
    expect((r as { fieldErrors: { path: string[] }[] }).fieldErrors[0].path).toEqual(path);
    expect((await ok(server, JobsDoc, {}, { token: u.token })).jobs.edges).toHaveLength(0);
  });
});

describe("jobs list, update, delete and application status", () => {
  it("lists newest first with filters and cursors", async () => {
    const u = await newUser(server);
    const ids: string[] = [];
    for (const title of ["Alpha Engineer", "Beta Designer", "Gamma Engineer"]) {
      ids.push(success((await ok(server, CreateJobDoc, { input: { fields: { title, company: "Initech", description: `${title} role at Initech.` } } }, { token: u.token })).createJob).id);
    }
    const all = (await ok(server, JobsDoc, {}, { token: u.token })).jobs;
    expect(all.edges.map((e) => e.node.title)).toEqual(["Gamma Engineer", "Beta Designer", "Alpha Engineer"]);
    const page1 = (await ok(server, JobsDoc, { first: 2 }, { token: u.token })).jobs;
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = (await ok(server, JobsDoc, { first: 2, after: page1.pageInfo.endCursor }, { token: u.token })).jobs;
    expect(page2.edges.map((e) => e.node.title)).toEqual(["Alpha Engineer"]);
    expect((await ok(server, JobsDoc, { search: "engineer" }, { token: u.token })).jobs.edges).toHaveLength(2);

    await ok(server, SetStatusDoc, { input: { jobId: ids[1], status: "APPLIED", note: "Sent via site" } }, { token: u.token });
    expect((await ok(server, JobsDoc, { applicationStatus: "APPLIED" }, { token: u.token })).jobs.edges.map((e) => e.node.id)).toEqual([ids[1]]);
    await ok(server, UpdateJobDoc, { input: { id: ids[0], status: "ARCHIVED" } }, { token: u.token });
    expect((await ok(server, JobsDoc, { status: "ACTIVE" }, { token: u.token })).jobs.edges).toHaveLength(2);
  });

  it("keeps a dated history of application statuses and refuses a no-op change", async () => {
    const u = await newUser(server);
    const id = success((await ok(server, CreateJobDoc, { input: { text: BACKEND_JOB } }, { token: u.token })).createJob).id;
    for (const status of ["APPLIED", "INTERVIEWING", "OFFER"] as const) {
      expect((await ok(server, SetStatusDoc, { input: { jobId: id, status } }, { token: u.token })).setApplicationStatus.__typename).toBe("MutationSetApplicationStatusSuccess");
    }
    const again = (await ok(server, SetStatusDoc, { input: { jobId: id, status: "OFFER" } }, { token: u.token })).setApplicationStatus;
    expect(again.__typename).toBe("ValidationError");
    const job = success((await ok(server, JobDoc, { id }, { token: u.token })).job);
    expect(job.statusHistory.map((h) => [h.from, h.to])).toEqual([["NOT_APPLIED", "APPLIED"], ["APPLIED", "INTERVIEWING"], ["INTERVIEWING", "OFFER"]]);
    expect(job.statusHistory.every((h) => !Number.isNaN(Date.parse(h.at)))).toBe(true);
  });

  it("a new description re-derives keywords; deleting removes the job", async () => {
    const u = await newUser(server);
    const id = success((await ok(server, CreateJobDoc, { input: { text: BACKEND_JOB } }, { token: u.token })).createJob).id;
    const upd = success((await ok(server, UpdateJobDoc, { input: { id, description: "Requirements\n- Rust and Kafka experience" } }, { token: u.token })).updateJob);
    expect(upd.keywords).toEqual(expect.arrayContaining(["Rust", "Apache Kafka"]));
    expect(upd.keywords).not.toContain("Python");
    const del = (await ok(server, DeleteJobDoc, { input: { id } }, { token: u.token })).deleteJob;
    expect(del.__typename).toBe("MutationDeleteJobSuccess");
    expect((await ok(server, JobDoc, { id }, { token: u.token })).job.__typename).toBe("NotFoundError");
  });
});

describe("page sizes", () => {
  const page = async (token: string, query: string) => {
    const res = await fetch(server.url, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body: JSON.stringify({ query }) });
    return (await res.json()) as { data: unknown; errors?: { message: string; path?: string[]; extensions?: { code?: string; maxPageSize?: number } }[] };
  };

  it("refuses a page larger than 100 with a typed error instead of cutting it short", async () => {
    const u = await newUser(server);
    for (const q of ["{ jobs(first: 101) { edges { cursor } } }", "{ documents(last: 500) { edges { cursor } } }", "{ enhancementJobs(first: 1000) { edges { cursor } } }"]) {
      const r = await page(u.token, q);
      expect(r.errors?.[0]).toMatchObject({ extensions: { code: "PAGE_SIZE_TOO_LARGE", maxPageSize: 100 } });
      expect(r.errors?.[0].message).toMatch(/at most 100 items/);
    }
    const fine = await page(u.token, "{ jobs(first: 100) { edges { cursor } } documents(first: 100) { edges { cursor } } }");
    expect(fine.errors).toBeUndefined();
  });

  it("documents is a plain connection, like jobs", async () => {
    const u = await newUser(server);
    const r = await page(u.token, "{ documents { edges { node { id } } pageInfo { hasNextPage endCursor } } }");
    expect(r).toEqual({ data: { documents: { edges: [], pageInfo: { hasNextPage: false, endCursor: null } } } });
  });
});

describe("lookups", () => {
  it("ranking of a job never ranked is a NotFoundError for the Ranking, not null", async () => {
    const u = await newUser(server);
    const job = success((await ok(server, CreateJobDoc, { input: { text: BACKEND_JOB } }, { token: u.token })).createJob);
    const res = await fetch(server.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${u.token}` },
      body: JSON.stringify({ query: `{ ranking(jobId: "${job.id}") { __typename ... on NotFoundError { code resource } } }` }),
    });
    expect(await res.json()).toEqual({ data: { ranking: { __typename: "NotFoundError", code: "NOT_FOUND", resource: "Ranking" } } });
  });
});
