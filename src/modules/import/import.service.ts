import { db } from "../../db/client.ts";
import { PreconditionError, ValidationError, fromSchemaErrors } from "../../graphql/errors.ts";
import type { AppServices } from "../../services.ts";
import type { Viewer } from "../auth/tokens.ts";
import type { ResumeDraft, DraftProfile } from "../../core/resume-parser.ts";
import { jsonResumeToDraft, validateJsonResume } from "../../core/json-resume.ts";
import { skippedItemWarning } from "../../core/resume/warnings.ts";
import { readUpload } from "../sample/sample.service.ts";
import { EducationSchema, ExperienceSchema, ProjectSchema } from "../profile/profile.validation.ts";
import { loadProfile } from "../profile/profile.mapper.ts";
import type { SkillGroups } from "../../core/types.ts";

export type ImportMode = "PREVIEW" | "MERGE" | "REPLACE";

/** Below this overall confidence a draft is not applied unless the user forces it. */
export const MIN_CONFIDENCE = 0.3;

export interface ImportResult {
  mode: ImportMode;
  applied: boolean;
  format: "pdf" | "docx" | "txt" | "json";
  draft: ResumeDraft;
  added: { experiences: number; projects: number; education: number; skills: number };
  skippedDuplicates: number;
  profileId: string | null;
}

/** Reads the upload into a draft: JSON Resume when the text is a JSON document, else the resume parser. */
async function draftFrom(services: AppServices, file: File): Promise<{ draft: ResumeDraft; format: ImportResult["format"] }> {
  const doc = await readUpload(services, file);
  if (doc.kind === "txt" && doc.text.trimStart().startsWith("{")) return { draft: readJsonResume(doc.text), format: "json" };
  // Layout lines (positions, from PDFs) help the parser drop running headers and footers.
  return { draft: await services.ai.extractResume(doc.text, doc.lines), format: doc.kind };
}

function readJsonResume(text: string): ResumeDraft {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw ValidationError.field(["input", "file"], `This JSON file is not valid JSON: ${(e as Error).message}`);
  }
  const valid = validateJsonResume(doc);
  if (!valid.ok) throw fromSchemaErrors(valid.errors, ["input", "file"], "This is not a valid JSON Resume document");
  return jsonResumeToDraft(doc);
}

export async function importResume(services: AppServices, viewer: Viewer, input: { file: File; mode: ImportMode; force?: boolean | null }): Promise<ImportResult> {
  const { draft, format } = await draftFrom(services, input.file);
  const base: ImportResult = { mode: input.mode, applied: false, format, draft, added: { experiences: 0, projects: 0, education: 0, skills: 0 }, skippedDuplicates: 0, profileId: null };
  if (input.mode === "PREVIEW") return { ...base, draft: withWarnings(draft, validItems(draft.profile).skipped) };
  if (draft.confidence.overall < MIN_CONFIDENCE && !input.force) {
    throw new PreconditionError(
      `This file does not look like a resume (confidence ${Math.round(draft.confidence.overall * 100)}%), so nothing was imported. ` +
        "Check the preview, and pass force: true to import it anyway.",
    );
  }
  return input.mode === "REPLACE" ? replaceProfile(viewer, draft, base) : mergeProfile(viewer, draft, base);
}

function withWarnings(draft: ResumeDraft, extra: string[]): ResumeDraft {
  return extra.length ? { ...draft, warnings: [...draft.warnings, ...extra] } : draft;
}

const key = (...parts: (string | null | undefined)[]) => parts.map((p) => (p ?? "").trim().toLowerCase()).join("|");

/**
 * Draft items in the shape the profile accepts. An item that would not validate (no company, an
 * end before its start, …) is left out, and `skipped` says which and why.
 */
function validItems(draft: DraftProfile) {
  const skipped: string[] = [];
  const pick = (label: string, schema: { safeParse(v: unknown): { success: boolean; data?: unknown; error?: { issues: { path: PropertyKey[]; message: string }[] } } }, items: Record<string, unknown>[], name: (i: Record<string, unknown>) => unknown) =>
    items.flatMap((item, index) => {
      const r = schema.safeParse(item);
      if (r.success) return [r.data as Record<string, unknown>];
      const issue = r.error!.issues[0];
      skipped.push(skippedItemWarning(label, index, name(item) ? String(name(item)) : undefined, issue));
      return [];
    });
  return {
    experiences: pick("experience", ExperienceSchema, draft.experiences.map((e) => ({ ...e, current: e.current ?? false, technologies: dedupe(e.technologies) })), (e) => e.company ?? e.title),
    projects: pick("project", ProjectSchema, draft.projects.map((p) => ({ ...p, technologies: dedupe(p.technologies) })), (p) => p.name),
    education: pick("education", EducationSchema, draft.education.map((e) => ({ ...e, honors: dedupe(e.honors), coursework: dedupe(e.coursework) })), (e) => e.institution),
    skipped,
  };
}

function dedupe(xs: string[] | undefined): string[] {
  const seen = new Set<string>();
  return (xs ?? []).filter((x) => x.trim() && !seen.has(x.toLowerCase()) && (seen.add(x.toLowerCase()), true));
}

function mergedSkills(current: SkillGroups, incoming: SkillGroups): { skills: SkillGroups; added: number } {
  let added = 0;
  const merge = (a: string[], b: string[]) => {
    const out = dedupe(a);
    for (const s of b) if (!out.some((x) => x.toLowerCase() === s.toLowerCase())) (out.push(s), added++);
    return out;
  };
  const skills = {
    technical: merge(current.technical, incoming.technical),
    soft: merge(current.soft, incoming.soft),
    languages: merge(current.languages, incoming.languages),
    certifications: merge(current.certifications, incoming.certifications),
  };
  return { skills, added };
}

/** Adds what is new; an item already there (same company, title and start) is not duplicated. */
async function mergeProfile(viewer: Viewer, draft: ResumeDraft, result: ImportResult): Promise<ImportResult> {
  const existing = await loadProfile(viewer.id);
  const items = validItems(draft.profile);
  const p = draft.profile;
  return db().$transaction(async (tx) => {
    const empty = { technical: [], soft: [], languages: [], certifications: [] };
    const { skills, added: skillsAdded } = mergedSkills(existing?.skills ?? empty, p.skills);
    const fill = <T>(current: T | null | undefined, incoming: T | undefined) => (current ? current : (incoming ?? null));
    const personal = {
      fullName: fill(existing?.fullName, p.fullName),
      email: fill(existing?.email, p.email),
      phone: fill(existing?.phone, p.phone),
      location: fill(existing?.location, p.location),
      summary: fill(existing?.summary, p.summary),
      links: existing?.links.length ? existing.links : p.links,
      skills: skills as unknown as object,
    };
    const profile = await tx.masterProfile.upsert({
      where: { userId: viewer.id },
      create: { userId: viewer.id, customFields: [], ...personal },
      update: personal,
    });
    const have = {
      experiences: new Set((existing?.experiences ?? []).map((e) => key(e.company, e.title, e.startDate))),
      projects: new Set((existing?.projects ?? []).map((x) => key(x.name))),
      education: new Set((existing?.education ?? []).map((e) => key(e.institution, e.degree))),
    };
    let skipped = 0;
    const order = { experience: existing?.experiences.length ?? 0, project: existing?.projects.length ?? 0, education: existing?.education.length ?? 0 };
    const added = { experiences: 0, projects: 0, education: 0, skills: skillsAdded };
    for (const e of items.experiences) {
      const k = key(e.company as string, e.title as string, e.startDate as string);
      if (have.experiences.has(k)) { skipped++; continue; }
      have.experiences.add(k);
      await tx.experience.create({ data: { ...(e as object), profileId: profile.id, sortOrder: order.experience++ } as never });
      added.experiences++;
    }
    for (const x of items.projects) {
      const k = key(x.name as string);
      if (have.projects.has(k)) { skipped++; continue; }
      have.projects.add(k);
      await tx.project.create({ data: { ...(x as object), profileId: profile.id, sortOrder: order.project++ } as never });
      added.projects++;
    }
    for (const e of items.education) {
      const k = key(e.institution as string, e.degree as string);
      if (have.education.has(k)) { skipped++; continue; }
      have.education.add(k);
      await tx.education.create({ data: { ...(e as object), profileId: profile.id, sortOrder: order.education++ } as never });
      added.education++;
    }
    return { ...result, applied: true, added, skippedDuplicates: skipped, profileId: profile.id, draft: withWarnings(result.draft, items.skipped) };
  });
}

/** Swaps the profile's content for the draft's, in one transaction. */
async function replaceProfile(viewer: Viewer, draft: ResumeDraft, result: ImportResult): Promise<ImportResult> {
  const items = validItems(draft.profile);
  const p = draft.profile;
  return db().$transaction(async (tx) => {
    const personal = {
      fullName: p.fullName ?? null, email: p.email ?? null, phone: p.phone ?? null, location: p.location ?? null,
      summary: p.summary ?? null, links: p.links, skills: p.skills as unknown as object,
      enhancedSummary: null, previousEnhancedSummary: null, useEnhancedSummary: false,
    };
    const profile = await tx.masterProfile.upsert({ where: { userId: viewer.id }, create: { userId: viewer.id, customFields: [], ...personal }, update: personal });
    await tx.experience.deleteMany({ where: { profileId: profile.id } });
    await tx.project.deleteMany({ where: { profileId: profile.id } });
    await tx.education.deleteMany({ where: { profileId: profile.id } });
    for (const [i, e] of items.experiences.entries()) await tx.experience.create({ data: { ...(e as object), profileId: profile.id, sortOrder: i } as never });
    for (const [i, x] of items.projects.entries()) await tx.project.create({ data: { ...(x as object), profileId: profile.id, sortOrder: i } as never });
    for (const [i, e] of items.education.entries()) await tx.education.create({ data: { ...(e as object), profileId: profile.id, sortOrder: i } as never });
    const skills = Object.values(p.skills).flat().length;
    return {
      ...result,
      applied: true,
      added: { experiences: items.experiences.length, projects: items.projects.length, education: items.education.length, skills },
      profileId: profile.id,
      draft: withWarnings(result.draft, items.skipped),
    };
  });
}
