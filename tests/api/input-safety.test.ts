/**
 * Issue 9, findings 5 and 8 and the "also seen" list: one validated path into the profile
 * (import writes only what the profile API accepts), http(s) URLs everywhere, control and bidi
 * characters cleaned consistently, and a PDF that inflates to 1 GB refused without the memory.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql } from "../gql/index.ts";
import { ok, startServer, success, type TestServer } from "../support/server.ts";
import { newUser } from "../support/accounts.ts";
import { MyProfileDoc, UpsertProfileDoc } from "../support/profile-ops.ts";
import { CreateJobDoc } from "../support/job-ops.ts";
import { fixture, upload } from "../support/upload.ts";

const ImportSafetyDoc = graphql(`
  mutation ImportSafety($input: ImportResumeInput!) {
    importResume(input: $input) {
      __typename
      ... on MutationImportResumeSuccess { data { applied warnings } }
      ... on Error { message code }
    }
  }
`);
const ExportSafetyDoc = graphql(`query ExportSafety { exportProfileJsonResume { __typename ... on QueryExportProfileJsonResumeSuccess { data } } }`);
const UploadSafetyDoc = graphql(`
  mutation UploadSafety($input: UploadSampleInput!) {
    uploadSample(input: $input) { __typename ... on MutationUploadSampleSuccess { data { fileName } } ... on Error { message code } }
  }
`);
const UpdateJobUrlDoc = graphql(`
  mutation UpdateJobUrl($input: UpdateJobInput!) {
    updateJob(input: $input) { __typename ... on ValidationError { fieldErrors { path message } } }
  }
`);

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.stop());

const hostile = {
  basics: {
    name: "N".repeat(1000),
    label: "Engineer",
    email: "ada@example.com",
    phone: "<img src=x onerror=alert(1)>",
    url: "javascript:alert(document.cookie)",
    summary: "S".repeat(20_000),
    profiles: [
      { network: "GitHub", url: "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==" },
      { network: "LinkedIn", url: "https://www.linkedin.com/in/ada" },
    ],
  },
  work: [{ name: "Acme", position: "Engineer", startDate: "2020-01", highlights: ["Built the \u0000billing\u202E API"] }],
};

describe("import writes only what the profile API accepts", () => {
  it.each(["REPLACE", "MERGE"] as const)("%s: javascript:/data: links, a 1,000-character name, a 20,000-character summary and markup in the phone are left out, with warnings", async (mode) => {
    const u = await newUser(server);
    const bytes = new TextEncoder().encode(JSON.stringify(hostile));
    const res = await upload(server, ImportSafetyDoc, { input: { file: null as never, mode, force: true } }, { name: "resume.json", bytes }, { token: u.token });
    const data = success(res.data!.importResume);
    expect(data.applied).toBe(true);
    const warnings = data.warnings.join("\n");
    expect(warnings).toMatch(/Left out the name/);
    expect(warnings).toMatch(/Left out the summary/);
    expect(warnings).toMatch(/Left out the phone number/);
    expect(warnings).toMatch(/Left out the link "javascript:/);
    expect(warnings).toMatch(/Left out the link "data:/);

    const profile = (await ok(server, MyProfileDoc, {}, { token: u.token })).myProfile!;
    expect(profile.fullName).toBeNull();
    expect(profile.summary).toBeNull();
    expect(profile.phone).toBeNull();
    expect(profile.links.map((l) => l.url)).toEqual(["https://www.linkedin.com/in/ada"]);
    expect(profile.experiences[0].bullets).toEqual(["Built the billing API"]);

    const exported = JSON.stringify((await ok(server, ExportSafetyDoc, {}, { token: u.token })).exportProfileJsonResume);
    expect(exported).not.toMatch(/javascript:|data:text|onerror|\\u0000|\\u202e/i);
  });
});

describe("control and bidi characters", () => {
  it("are removed from every profile string, whichever field", async () => {
    const u = await newUser(server);
    await ok(server, UpsertProfileDoc, { input: { fullName: "Ada\u0000 \u202ELovelace", location: "Lon\u0007don", skills: { technical: ["Type\u2066Script"] } } }, { token: u.token });
    const profile = (await ok(server, MyProfileDoc, {}, { token: u.token })).myProfile!;
    expect(profile.fullName).toBe("Ada Lovelace");
    expect(profile.location).toBe("London");
    expect(profile.skills.technical).toEqual(["TypeScript"]);
  });

  it("are removed from uploaded file names (no name that reads backwards)", async () => {
    const u = await newUser(server);
    const res = await upload(server, UploadSafetyDoc, { input: { type: "RESUME", file: null as never } }, { name: "resume\u202Efdp.exe", bytes: fixture("resume.txt") }, { token: u.token });
    expect(success(res.data!.uploadSample).fileName).toBe("resumefdp.exe");
  });
});

describe("URLs are http(s) only", () => {
  it.each(["javascript:alert(1)", "data:text/html,hi", "file:///etc/passwd", "ftp://example.com/job"])("createJob refuses %s", async (url) => {
    const u = await newUser(server);
    const res = await ok(server, CreateJobDoc, { input: { text: "Senior Engineer at Acme. Build services in TypeScript and Postgres.", url } }, { token: u.token });
    expect(res.createJob).toMatchObject({ __typename: "ValidationError" });
    expect(JSON.stringify(res.createJob)).toContain('"url"');
  });

  it("updateJob refuses them too, and createJob keeps an https URL", async () => {
    const u = await newUser(server);
    const job = success((await ok(server, CreateJobDoc, { input: { text: "Senior Engineer at Acme. Build services in TypeScript and Postgres.", url: "https://jobs.example.com/1" } }, { token: u.token })).createJob);
    const res = await ok(server, UpdateJobUrlDoc, { input: { id: job.id, url: "javascript:void(0)" } }, { token: u.token });
    expect(res.updateJob.__typename).toBe("ValidationError");
  });
});

describe("a PDF whose stream inflates to 1 GB", () => {
  it("is refused with a typed error while the process stays under 600 MB", async () => {
    const u = await newUser(server);
    let peak = process.memoryUsage().rss;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    try {
      const res = await upload(server, UploadSafetyDoc, { input: { type: "RESUME", file: null as never } }, { name: "bomb.pdf", bytes: fixture("inflate-bomb.pdf") }, { token: u.token });
      expect(res.data!.uploadSample).toMatchObject({ __typename: "LimitExceededError", message: expect.stringMatching(/unpacks to far more data/) });
    } finally {
      clearInterval(sampler);
    }
    expect(peak / 1048576).toBeLessThan(600);
  }, 60_000);
});
