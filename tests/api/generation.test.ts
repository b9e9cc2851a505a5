import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PDFParse } from "pdf-parse";
import mammoth from "mammoth";
import { collect, ok, startServer, success, wsClient, type TestServer } from "../support/server.ts";
import { newUser } from "../support/accounts.ts";
import { AddEducationDoc, AddExperienceDoc, AddProjectDoc, UpsertProfileDoc } from "../support/profile-ops.ts";
import {
  AtsDoc, BACKEND_JOB, CoverLetterStreamDoc, CreateJobDoc, DeleteDocumentDoc, DocumentDoc, DocumentsDoc, GenerateCoverLetterDoc,
  GenerateResumeDoc, RankDoc, RankingDoc, SaveDocumentDoc, UpdateDocumentDoc,
} from "../support/job-ops.ts";
import { db } from "../../src/db/client.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.stop());

/** A backend engineer whose Python/Kubernetes work should win, and a barista job that should not. */
async function seed(token: string) {
  await ok(server, UpsertProfileDoc, {
    input: {
      fullName: "Lin Park", email: "lin@example.com", phone: "+49 30 1234567",
      summary: "Backend engineer building reliable Python services.",
      skills: { technical: ["Python", "Kubernetes", "PostgreSQL", "React"], soft: ["Communication"] },
    },
  }, { token });
  const add = async (fields: Record<string, unknown>) => success((await ok(server, AddExperienceDoc, { input: { fields: fields as never } }, { token })).addExperience).id;
  const backend = await add({
    title: "Backend Engineer", company: "Zalando", startDate: "2021-03", current: true,
    bullets: ["Built Python services for order telemetry handling 2M events a day", "Migrated 12 services to Kubernetes on AWS", "Designed PostgreSQL schemas for billing"],
    technologies: ["Python", "Kubernetes", "PostgreSQL"],
  });
  const barista = await add({ title: "Barista", company: "Bean There", startDate: "2016-01", endDate: "2018-06", bullets: ["Served coffee to 200 customers a day"] });
  await add({ title: "Frontend Developer", company: "Pixel GmbH", startDate: "2018-07", endDate: "2021-02", bullets: ["Built React dashboards", "Wrote TypeScript components"] });
  await ok(server, AddProjectDoc, { input: { fields: { name: "Fleet CLI", bullets: ["A Go tool for Kubernetes rollouts"], technologies: ["Go"] } } }, { token });
  await ok(server, AddEducationDoc, { input: { fields: { institution: "TU Berlin", degree: "BSc", field: "Computer Science", startDate: "2012", endDate: "2016" } } }, { token });
  const jobId = success((await ok(server, CreateJobDoc, { input: { text: BACKEND_JOB } }, { token })).createJob).id;
  return { backend, barista, jobId };
}

describe("ranking", () => {
  it("scores experiences, bullets and skills with reasons; the matching role beats the barista; a re-run replaces it", async () => {
    const u = await newUser(server);
    const { backend, barista, jobId } = await seed(u.token);
    const r = success((await ok(server, RankDoc, { input: { jobId } }, { token: u.token })).rankProfileForJob);
    const exp = r.items.filter((i) => i.kind === "EXPERIENCE");
    expect(exp.find((e) => e.itemId === backend)!.score).toBeGreaterThan(exp.find((e) => e.itemId === barista)!.score);
    expect(exp[0].itemId).toBe(backend);
    expect(exp[0].matchedKeywords).toEqual(expect.arrayContaining(["Python", "Kubernetes"]));
    expect(exp[0].reason).toMatch(/Python|Kubernetes/);
    expect(r.items.every((i) => i.score >= 0 && i.score <= 1)).toBe(true);
    expect(r.items.some((i) => i.kind === "BULLET" && i.bulletIndex !== null)).toBe(true);
    expect(r.items.filter((i) => i.kind === "SKILL").map((s) => s.itemId)).toEqual(expect.arrayContaining(["Python", "React"]));
    const again = success((await ok(server, RankDoc, { input: { jobId } }, { token: u.token })).rankProfileForJob);
    expect(again.id).toBe(r.id);
    expect(again.items).toEqual(r.items);
    expect(await db().jobContentRanking.count({ where: { userId: u.id } })).toBe(1);
    const skills = success((await ok(server, RankingDoc, { jobId }, { token: u.token })).ranking);
    expect(skills.items.every((i) => typeof i.score === "number")).toBe(true);
  });

  it("needs a profile with content", async () => {
    const u = await newUser(server);
    const jobId = success((await ok(server, CreateJobDoc, { input: { text: BACKEND_JOB } }, { token: u.token })).createJob).id;
    expect((await ok(server, RankDoc, { input: { jobId } }, { token: u.token })).rankProfileForJob.__typename).toBe("PreconditionError");
  });
});

describe("generateResume", () => {
  it("compiles from the ranking with metadata and an ATS report; same inputs give the same output", async () => {
    const u = await newUser(server);
    const { jobId } = await seed(u.token);
    const input = { jobId, maxExperiences: 2, maxBulletsPerExperience: 2, includeProjects: true, includeEducation: true, format: "MARKDOWN" as const };
    const a = success((await ok(server, GenerateResumeDoc, { input }, { token: u.token })).generateResume);
    const b = success((await ok(server, GenerateResumeDoc, { input }, { token: u.token })).generateResume);
    expect(b.content).toBe(a.content);
    expect(b.id).not.toBe(a.id);
    expect(a.content).toContain("Zalando");
    expect(a.content).not.toContain("Bean There");
    expect(a.content).toMatch(/^# Lin Park/m);
    expect(a.included.filter((i) => i.kind === "EXPERIENCE")).toHaveLength(2);
    expect(a.included.every((i) => i.reason.length > 0)).toBe(true);
    expect(a.ats!.score).toBeGreaterThan(0);
    expect(a.ats!.breakdown.reduce((s, c) => s + c.earned, 0)).toBe(a.ats!.score);
    expect(a.ats!.required.matched).toEqual(expect.arrayContaining(["Python"]));
    expect(a.provider).toBe("BUILTIN");

    const text = success((await ok(server, GenerateResumeDoc, { input: { ...input, format: "TEXT" } }, { token: u.token })).generateResume);
    expect(text.content).not.toMatch(/^#/m);
  });

  it("uses the enhanced text where the user chose it", async () => {
    const u = await newUser(server);
    const { backend, jobId } = await seed(u.token);
    await db().experience.update({ where: { id: backend }, data: { enhancedBullets: ["Built Python services for order telemetry handling 2M events daily", "Migrated 12 services to Kubernetes on AWS", "Designed PostgreSQL schemas for billing"], useEnhanced: true } });
    const g = success((await ok(server, GenerateResumeDoc, { input: { jobId } }, { token: u.token })).generateResume);
    expect(g.content).toContain("2M events daily");
    expect(g.content).not.toContain("2M events a day");
  });

  it.each([
    ["maxExperiences 0", { maxExperiences: 0 }, ["input", "maxExperiences"]],
    ["maxBulletsPerExperience 11", { maxBulletsPerExperience: 11 }, ["input", "maxBulletsPerExperience"]],
  ])("refuses %s", async (_n, extra, path) => {
    const u = await newUser(server);
    const { jobId } = await seed(u.token);
    const r = (await ok(server, GenerateResumeDoc, { input: { jobId, ...extra } }, { token: u.token })).generateResume;
    expect(r.__typename).toBe("ValidationError");
    expect((r as { fieldErrors: { path: string[] }[] }).fieldErrors[0].path).toEqual(path);
  });
});

describe("cover letters", () => {
  it("are written by the builtin composer from the profile's facts, grounded, and saved", async () => {
    const u = await newUser(server);
    const { jobId } = await seed(u.token);
    const g = success((await ok(server, GenerateCoverLetterDoc, { input: { jobId, tone: "FORMAL", length: "SHORT" } }, { token: u.token })).generateCoverLetter);
    expect(g).toMatchObject({ type: "COVER_LETTER", provider: "BUILTIN" });
    expect(g.content).toContain("Lin Park");
    expect(g.content).toContain("Acme Robotics");
    expect(g.content).toMatch(/Python|Kubernetes/);
    const long = success((await ok(server, GenerateCoverLetterDoc, { input: { jobId, tone: "FORMAL", length: "LONG" } }, { token: u.token })).generateCoverLetter);
    expect(long.content.split(/\s+/).length).toBeGreaterThan(g.content.split(/\s+/).length);
  });

  it("stream their text over WebSocket and end with the saved generation", async () => {
    const u = await newUser(server);
    const { jobId } = await seed(u.token);
    const client = wsClient(server, { authorization: `Bearer ${u.token}` });
    const events = (await collect(client, CoverLetterStreamDoc, { input: { jobId, length: "MEDIUM" } }).done).map((e) => e.data!.coverLetterStream);
    await client.dispose();
    expect(events.length).toBeGreaterThan(3);
    const last = events.at(-1)!;
    expect(last.generation).not.toBeNull();
    expect(events.map((e) => e.delta).join("").trim()).toBe(last.generation!.content);
  });
});

describe("ATS report", () => {
  it("reports coverage, missing keywords and a score for a text or a generation", async () => {
    const u = await newUser(server);
    const { jobId } = await seed(u.token);
    const weak = success((await ok(server, AtsDoc, { input: { jobId, text: "Experience\nI make coffee." } }, { token: u.token })).atsReport);
    expect(weak.missingKeywords).toEqual(expect.arrayContaining(["Python", "Kubernetes"]));
    expect(weak.length.status).toBe("TOO_SHORT");
    const gen = success((await ok(server, GenerateResumeDoc, { input: { jobId } }, { token: u.token })).generateResume);
    const strong = success((await ok(server, AtsDoc, { input: { jobId, generationId: gen.id } }, { token: u.token })).atsReport);
    expect(strong.score).toBeGreaterThan(weak.score);
    expect((await ok(server, AtsDoc, { input: { jobId } }, { token: u.token })).atsReport.__typename).toBe("ValidationError");
    expect((await ok(server, AtsDoc, { input: { jobId, text: "x", generationId: gen.id } }, { token: u.token })).atsReport.__typename).toBe("ValidationError");
  });
});

describe("documents", () => {
  it("save, edit (new version, old kept), list by job and type, download as PDF/DOCX/MD/TXT, delete", async () => {
    const u = await newUser(server);
    const { jobId } = await seed(u.token);
    const gen = success((await ok(server, GenerateResumeDoc, { input: { jobId, format: "MARKDOWN" } }, { token: u.token })).generateResume);
    const doc = success((await ok(server, SaveDocumentDoc, { input: { generationId: gen.id, title: "Acme resume", notes: "v1" } }, { token: u.token })).saveDocument);
    expect(doc).toMatchObject({ title: "Acme resume", version: 1, type: "RESUME", content: gen.content });

    const edited = success((await ok(server, UpdateDocumentDoc, { input: { id: doc.id, content: gen.content + "\n\nReferences available." } }, { token: u.token })).updateDocument);
    expect(edited.version).toBe(2);
    expect(edited.versions.map((v) => v.version)).toEqual([2, 1]);
    expect(edited.versions[1].content).toBe(gen.content);
    const renamed = success((await ok(server, UpdateDocumentDoc, { input: { id: doc.id, title: "Acme (final)" } }, { token: u.token })).updateDocument);
    expect(renamed.version).toBe(2);

    const list = (await ok(server, DocumentsDoc, { jobId, type: "RESUME" }, { token: u.token })).documents;
    expect(list.edges.map((e) => e.node.id)).toEqual([doc.id]);
    expect((await ok(server, DocumentsDoc, { type: "COVER_LETTER" }, { token: u.token })).documents.edges).toEqual([]);

    const base = server.url.replace("/graphql", "");
    const get = (format: string, token = u.token) => fetch(`${base}${doc.downloadPath}?format=${format}`, { headers: { authorization: `Bearer ${token}` } });

    const pdf = await get("pdf");
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    const parser = new PDFParse({ data: new Uint8Array(await pdf.arrayBuffer()) });
    const pdfText = await parser.getText();
    await parser.destroy();
    expect(pdfText.text).toContain("Lin Park");
    expect(pdfText.text).toContain("Zalando");
    expect(pdfText.text).toContain("References available.");

    const docx = await get("docx");
    const raw = await mammoth.extractRawText({ buffer: Buffer.from(await docx.arrayBuffer()) });
    expect(raw.value).toContain("Zalando");

    expect(await (await get("md")).text()).toContain("# Lin Park");
    const txt = await (await get("txt")).text();
    expect(txt).toContain("Zalando");
    expect(txt).not.toMatch(/^#/m);

    expect((await get("exe")).status).toBe(400);
    const other = await newUser(server);
    expect((await get("pdf", other.token)).status).toBe(404);
    expect((await fetch(`${base}${doc.downloadPath}?format=pdf`)).status).toBe(401);

    expect((await ok(server, DeleteDocumentDoc, { input: { id: doc.id } }, { token: u.token })).deleteDocument.__typename).toBe("MutationDeleteDocumentSuccess");
    expect((await ok(server, DocumentDoc, { id: doc.id }, { token: u.token })).document.__typename).toBe("NotFoundError");
    expect((await get("pdf")).status).toBe(404);
  });

  it("paginates a long document across PDF pages", async () => {
    const u = await newUser(server);
    const { jobId } = await seed(u.token);
    const gen = success((await ok(server, GenerateResumeDoc, { input: { jobId } }, { token: u.token })).generateResume);
    const doc = success((await ok(server, SaveDocumentDoc, { input: { generationId: gen.id, title: "Long" } }, { token: u.token })).saveDocument);
    const long = Array.from({ length: 150 }, (_, i) => `- Line ${i + 1} of a long appendix`).join("\n");
    await ok(server, UpdateDocumentDoc, { input: { id: doc.id, content: `${gen.content}\n\n## Appendix\n${long}` } }, { token: u.token });
    const res = await fetch(`${server.url.replace("/graphql", "")}${doc.downloadPath}?format=pdf`, { headers: { authorization: `Bearer ${u.token}` } });
    const parser = new PDFParse({ data: new Uint8Array(await res.arrayBuffer()) });
    const out = await parser.getText();
    await parser.destroy();
    expect(out.total).toBeGreaterThanOrEqual(3);
    expect(out.text).toContain("Line 150 of a long appendix");
  });

  it("refuses empty titles and unknown generations", async () => {
    const u = await newUser(server);
    const { jobId } = await seed(u.token);
    const gen = success((await ok(server, GenerateResumeDoc, { input: { jobId } }, { token: u.token })).generateResume);
    expect((await ok(server, SaveDocumentDoc, { input: { generationId: gen.id, title: "  " } }, { token: u.token })).saveDocument.__typename).toBe("ValidationError");
    expect((await ok(server, SaveDocumentDoc, { input: { generationId: "nope", title: "X" } }, { token: u.token })).saveDocument.__typename).toBe("NotFoundError");
  });
});
