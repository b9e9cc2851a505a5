import { afterAll, beforeAll, describe, expect, it } from "vitest";
import PDFDocument from "pdfkit";
import { graphql } from "../gql/index.ts";
import { exec, ok, startServer, success, type TestServer } from "../support/server.ts";
import { newUser } from "../support/accounts.ts";
import { fixture, upload } from "../support/upload.ts";
import { AddExperienceDoc, MyProfileDoc } from "../support/profile-ops.ts";
import { BACKEND_JOB, CreateJobDoc } from "../support/job-ops.ts";
import { notificationsOf } from "../support/notify-ops.ts";
import { validateJsonResume, validateJsonResumeJob } from "../../src/core/json-resume.ts";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const ImportDoc = graphql(`
  mutation ImportResume($input: ImportResumeInput!) {
    importResume(input: $input) {
      __typename
      ... on MutationImportResumeSuccess {
        data {
          mode applied format confidence warnings skippedDuplicates
          added { experiences projects education skills }
          fieldConfidence { path confidence }
          draft { fullName email experiences { title company startDate endDate current bullets } education { institution degree } skills { technical } }
          profile { id experiences { title company } }
        }
      }
      ... on Error { message code }
      ... on ValidationError { fieldErrors { path message } }
      ... on UnsupportedFileError { found }
    }
  }
`);
const ExportProfileDoc = graphql(`query ExportProfile { exportProfileJsonResume { __typename ... on QueryExportProfileJsonResumeSuccess { data } ... on Error { code } } }`);
const ExportJobDoc = graphql(`query ExportJob($jobId: ID!) { exportJobJsonResume(jobId: $jobId) { __typename ... on QueryExportJobJsonResumeSuccess { data } ... on Error { code } } }`);

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.stop());

const truth = JSON.parse(readFileSync(join(import.meta.dirname, "../../scripts/import-corpus/resumes/01-backend-classic.json"), "utf8"));

function send(token: string, mode: "PREVIEW" | "MERGE" | "REPLACE", name: string, bytes: Uint8Array, force?: boolean) {
  return upload(server, ImportDoc, { input: { file: null as never, mode, force } }, { name, bytes }, { token });
}

function invoicePdf(): Promise<Buffer> {
  const doc = new PDFDocument();
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((r) => doc.on("end", () => r(Buffer.concat(chunks))));
  doc.fontSize(20).text("INVOICE #2024-0042");
  doc.fontSize(11).text("Bill to: Northwind Traders, 12 Market Street, Springfield");
  doc.text("Invoice date: 14/03/2024    Due date: 13/04/2024");
  for (const [item, amount] of [["Consulting services (12 hours)", "1,440.00"], ["Travel expenses", "212.50"], ["Software licence", "99.00"]]) doc.text(`${item} ........ EUR ${amount}`);
  doc.text("Subtotal: EUR 1,751.50   VAT (19%): EUR 332.79   Total due: EUR 2,084.29");
  doc.text("Payment by bank transfer to IBAN DE89 3704 0044 0532 0130 00");
  doc.end();
  return done;
}

describe("importResume", () => {
  it("previews a browser-printed PDF as a draft with confidences, writing nothing", async () => {
    const u = await newUser(server);
    const r = success((await send(u.token, "PREVIEW", "cv.pdf", fixture("import/01-backend-classic.pdf"))).data!.importResume);
    expect(r).toMatchObject({ mode: "PREVIEW", applied: false, format: "PDF", profile: null });
    expect(r.draft.fullName).toBe(truth.basics.name);
    expect(r.draft.email).toBe(truth.basics.email);
    expect(r.draft.experiences.map((e) => e.company)).toEqual(truth.work.map((w: { name: string }) => w.name));
    expect(r.draft.experiences[0]).toMatchObject({ title: truth.work[0].position, startDate: truth.work[0].startDate, current: true });
    expect(r.draft.experiences[0].bullets.length).toBe(truth.work[0].highlights.length);
    expect(r.confidence).toBeGreaterThan(0.7);
    expect(r.fieldConfidence.some((f) => f.path === "experiences[0].company")).toBe(true);
    expect((await ok(server, MyProfileDoc, {}, { token: u.token })).myProfile).toBeNull();
  });

  it("merges a DOCX without duplicating items already there", async () => {
    const u = await newUser(server);
    await ok(server, AddExperienceDoc, { input: { fields: { title: "Chef", company: "Le Bistro", startDate: "2010-01", endDate: "2012-01" } } }, { token: u.token });
    const first = success((await send(u.token, "MERGE", "cv.docx", fixture("import/01-backend-classic.docx"))).data!.importResume);
    expect(first.applied).toBe(true);
    expect(first.added.experiences).toBe(truth.work.length);
    const second = success((await send(u.token, "MERGE", "cv.docx", fixture("import/01-backend-classic.docx"))).data!.importResume);
    expect(second.added.experiences).toBe(0);
    expect(second.skippedDuplicates).toBeGreaterThanOrEqual(truth.work.length);
    const profile = (await ok(server, MyProfileDoc, {}, { token: u.token })).myProfile!;
    expect(profile.experiences.map((e) => e.company)).toEqual(["Le Bistro", ...truth.work.map((w: { name: string }) => w.name)]);
    expect(profile.fullName).toBe(truth.basics.name);
  });

  it("replaces the profile's content in one go", async () => {
    const u = await newUser(server);
    await ok(server, AddExperienceDoc, { input: { fields: { title: "Chef", company: "Le Bistro" } } }, { token: u.token });
    const r = success((await send(u.token, "REPLACE", "cv.txt", fixture("import/01-backend-classic.txt"))).data!.importResume);
    expect(r.profile!.experiences.map((e) => e.company)).toEqual(truth.work.map((w: { name: string }) => w.name));
  });

  it("imports a JSON Resume document with full confidence", async () => {
    const u = await newUser(server);
    const doc = { basics: { name: "Ada Lovelace", email: "ada@example.com" }, work: [{ name: "Analytical Engines Ltd", position: "Programmer", startDate: "1842-01", highlights: ["Wrote the first program"] }] };
    const r = success((await send(u.token, "MERGE", "resume.json", Buffer.from(JSON.stringify(doc)))).data!.importResume);
    expect(r).toMatchObject({ format: "JSON", confidence: 1, applied: true });
    expect(r.profile!.experiences).toEqual([{ title: "Programmer", company: "Analytical Engines Ltd" }]);
  });

  it("says which draft items cannot be imported and why, and imports the rest", async () => {
    const u = await newUser(server);
    const doc = { work: [
      { name: "Good Co", position: "Engineer", startDate: "2019-01", endDate: "2020-01" },
      { name: "Backwards Ltd", position: "Analyst", startDate: "2018-05", endDate: "2017-01" },
    ] };
    const r = success((await send(u.token, "MERGE", "resume.json", Buffer.from(JSON.stringify(doc)))).data!.importResume);
    expect(r.added.experiences).toBe(1);
    expect(r.warnings.join("\n")).toMatch(/Role 2 \(Backwards Ltd\) was not imported: its end date is before its start date\./);
  });

  it("refuses malformed JSON and a document that breaks the official schema, with paths", async () => {
    const u = await newUser(server);
    const bad = (await send(u.token, "PREVIEW", "resume.json", Buffer.from('{ "basics": { "name": "Ada", } '))).data!.importResume;
    expect(bad).toMatchObject({ __typename: "ValidationError", message: expect.stringMatching(/not valid JSON/) });
    const wrong = (await send(u.token, "PREVIEW", "resume.json", Buffer.from(JSON.stringify({ basics: { email: 42 }, work: "nope" })))).data!.importResume;
    expect(wrong.__typename).toBe("ValidationError");
    const paths = (wrong as { fieldErrors: { path: string[] }[] }).fieldErrors.map((f) => f.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["input.file.basics.email", "input.file.work"]));
  });

  it("an invoice gives a low-confidence draft with a warning; MERGE refuses it unless forced", async () => {
    const u = await newUser(server);
    const pdf = await invoicePdf();
    const preview = success((await send(u.token, "PREVIEW", "cv.pdf", pdf)).data!.importResume);
    expect(preview.confidence).toBeLessThan(0.3);
    expect(preview.warnings[0]).toMatch(/does not look like a resume/);
    const refused = (await send(u.token, "MERGE", "cv.pdf", pdf)).data!.importResume;
    expect(refused).toMatchObject({ __typename: "PreconditionError", message: expect.stringMatching(/force/) });
    expect((await ok(server, MyProfileDoc, {}, { token: u.token })).myProfile).toBeNull();
    expect(await notificationsOf(server, u.token)).toEqual([]); // a preview or a refusal applies nothing, so asks for no review
    const forced = success((await send(u.token, "MERGE", "cv.pdf", pdf, true)).data!.importResume);
    expect(forced.applied).toBe(true);
    const [review] = await notificationsOf(server, u.token);
    expect(review).toMatchObject({ kind: "IMPORT_NEEDS_REVIEW", title: "Check your imported profile" });
    expect(review.body).toMatch(/The import \(merge\) was applied, \d+% sure overall/);
  });

  it("refuses hostile files like sample uploads do", async () => {
    const u = await newUser(server);
    const r = (await send(u.token, "PREVIEW", "cv.pdf", fixture("executable-renamed.pdf"))).data!.importResume;
    expect(r).toMatchObject({ __typename: "UnsupportedFileError", found: expect.stringMatching(/executable/) });
  });
});

describe("JSON Resume export", () => {
  it("exports the profile as a document that validates against the official schema, with enhanced text where chosen", async () => {
    const u = await newUser(server);
    await send(u.token, "MERGE", "cv.pdf", fixture("import/01-backend-classic.pdf"));
    const { db } = await import("../../src/db/client.ts");
    const first = await db().experience.findFirstOrThrow({ where: { profile: { userId: u.id } }, orderBy: { sortOrder: "asc" } });
    await db().experience.update({ where: { id: first.id }, data: { enhancedBullets: ["Led the card authorisation redesign"], useEnhanced: true } });
    const json = success((await ok(server, ExportProfileDoc, {}, { token: u.token })).exportProfileJsonResume);
    const doc = JSON.parse(json);
    expect(validateJsonResume(doc)).toEqual({ ok: true });
    expect(doc.basics.name).toBe(truth.basics.name);
    expect(doc.work[0].highlights).toEqual(["Led the card authorisation redesign"]);
  });

  it("exports a job as a JSON Resume job document that imports back", async () => {
    const u = await newUser(server);
    const job = success((await ok(server, CreateJobDoc, { input: { text: BACKEND_JOB } }, { token: u.token })).createJob);
    const json = success((await ok(server, ExportJobDoc, { jobId: job.id }, { token: u.token })).exportJobJsonResume);
    expect(validateJsonResumeJob(JSON.parse(json))).toEqual({ ok: true });
    const back = success((await ok(server, CreateJobDoc, { input: { jsonResume: json } }, { token: u.token })).createJob);
    expect(back).toMatchObject({ title: job.title, company: job.company, remoteMode: job.remoteMode, source: "JSON_RESUME" });
    const other = await newUser(server);
    expect((await ok(server, ExportJobDoc, { jobId: job.id }, { token: other.token })).exportJobJsonResume.__typename).toBe("NotFoundError");
    const res = await exec(server, ExportProfileDoc, {}, { token: other.token });
    expect(res.data?.exportProfileJsonResume.__typename).toBe("NotFoundError");
  });
});
