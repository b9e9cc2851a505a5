import { PreconditionError, ValidationError, fromSchemaErrors } from "../../errors.ts";
import { CpuLimitError } from "../../workers/cpu-pool.ts";
import type { AppServices } from "../../services.ts";
import type { Viewer } from "../auth/tokens.ts";
import type { ResumeDraft, DraftProfile } from "../../core/resume-parser.ts";
import { jsonResumeToDraft, validateJsonResume } from "../../core/json-resume.ts";
import { skippedItemWarning } from "../../core/resume/warnings.ts";
import { readUpload } from "../sample/sample.service.ts";
import { AwardSchema, EducationSchema, ExperienceSchema, LinkSchema, ProfilePatchSchema, ProjectSchema, SkillGroupsSchema } from "../profile/profile.validation.ts";
import { dedupe, mergeImport, replaceWithImport, type ImportItems } from "../profile/import.store.ts";
import type { SkillGroups } from "../../core/types.ts";
import { randomUUID } from "node:crypto";
import { notify } from "../notification/notification.store.ts";

export type ImportMode = "PREVIEW" | "MERGE" | "REPLACE";

/** Below this overall confidence a draft is not applied unless the user forces it. */
export const MIN_CONFIDENCE = 0.3;

export interface ImportResult {
  mode: ImportMode;
  applied: boolean;
  format: "pdf" | "docx" | "txt" | "json";
  draft: ResumeDraft;
  added: { experiences: number; projects: number; education: number; awards: number; skills: number };
  skippedDuplicates: number;
  profileId: string | null;
}

/** Reads the upload into a draft: JSON Resume when the text is a JSON document, else the resume parser. */
async function draftFrom(services: AppServices, file: File): Promise<{ draft: ResumeDraft; format: ImportResult["format"] }> {
  const doc = await readUpload(services, file);
  if (doc.kind === "txt" && doc.text.trimStart().startsWith("{")) return { draft: readJsonResume(doc.text), format: "json" };
  // Layout lines (positions, from PDFs) help the parser drop running headers and footers.
  const draft = await services.ai.extractResume(doc.text, doc.lines).catch((e: unknown) => {
    throw e instanceof CpuLimitError
      ? ValidationError.field(["input", "file"], "Reading the entries of this resume took too much time or memory, so we stopped. Upload the resume itself (a few pages), or save it again as a simpler PDF or .docx.")
      : e;
  });
  return { draft, format: doc.kind };
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
  await services.rateLimits.take("ai", viewer.id);
  const { draft, format } = await draftFrom(services, input.file);
  const base: ImportResult = { mode: input.mode, applied: false, format, draft, added: { experiences: 0, projects: 0, education: 0, awards: 0, skills: 0 }, skippedDuplicates: 0, profileId: null };
  if (input.mode === "PREVIEW") return { ...base, draft: withWarnings(draft, validItems(draft.profile).skipped) };
  if (draft.confidence.overall < MIN_CONFIDENCE && !input.force) {
    throw new PreconditionError(
      `This file does not look like a resume (confidence ${Math.round(draft.confidence.overall * 100)}%), so nothing was imported. ` +
        "Check the preview, and pass force: true to import it anyway.",
    );
  }
  const items = validItems(draft.profile);
  const outcome = input.mode === "REPLACE" ? await replaceWithImport(viewer, items) : await mergeImport(viewer, items);
  await notifyIfUnsure(viewer, draft, items.skipped, input.mode);
  return { ...base, applied: true, ...outcome, draft: withWarnings(draft, items.skipped) };
}

/** Fields the parser was less sure of than this are worth a second look. */
const REVIEW_BELOW = 0.6;

/** An applied import with unsure fields or left-out items leaves a notification listing them. */
async function notifyIfUnsure(viewer: Viewer, draft: ResumeDraft, skipped: string[], mode: ImportMode) {
  const unsure = draft.confidence.fields.filter((f) => f.confidence < REVIEW_BELOW);
  if (!unsure.length && !skipped.length && draft.confidence.overall >= REVIEW_BELOW) return;
  const lines = [
    ...unsure.slice(0, 10).map((f) => `- ${f.path}: ${Math.round(f.confidence * 100)}% sure`),
    ...skipped.slice(0, 10).map((s) => `- ${s}`),
  ];
  await notify({
    userId: viewer.id,
    kind: "IMPORT_NEEDS_REVIEW",
    title: "Check your imported profile",
    body: `The import (${mode.toLowerCase()}) was applied, ${Math.round(draft.confidence.overall * 100)}% sure overall. Look over these in your profile:\n${lines.join("\n") || "- the whole profile"}`,
    dedupeKey: `import:${randomUUID()}`,
  });
}

function withWarnings(draft: ResumeDraft, extra: string[]): ResumeDraft {
  return extra.length ? { ...draft, warnings: [...draft.warnings, ...extra] } : draft;
}

/**
 * Draft items in the shape the profile accepts (the profile's own schemas decide). An item that would not validate (no company, an
 * end before its start, …) is left out, and `skipped` says which and why.
 */
function validItems(draft: DraftProfile): ImportItems & { skipped: string[] } {
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
    personal: validPersonal(draft, skipped),
    experiences: pick("experience", ExperienceSchema, draft.experiences.map((e) => ({ ...e, current: e.current ?? false, technologies: dedupe(e.technologies) })), (e) => e.company ?? e.title),
    projects: pick("project", ProjectSchema, draft.projects.map((p) => ({ ...p, technologies: dedupe(p.technologies) })), (p) => p.name),
    education: pick("education", EducationSchema, draft.education.map((e) => ({ ...e, honors: dedupe(e.honors), coursework: dedupe(e.coursework) })), (e) => e.institution),
    awards: pick("award", AwardSchema, draft.awards.map((a) => ({ ...a })), (a) => a.title),
    skipped,
  };
}

const PERSONAL_LABELS = { fullName: "name", email: "email", phone: "phone number", location: "location", summary: "summary" } as const;

/**
 * The draft's personal fields, links and skills through the same schemas the profile API uses:
 * a value the API would refuse (a javascript: link, a 20,000-character summary, markup in the
 * phone) is left out and named in `skipped`, never stored.
 */
function validPersonal(draft: DraftProfile, skipped: string[]) {
  const out: { fullName?: string; email?: string; phone?: string; location?: string; summary?: string; links: { label: string; url: string }[]; skills: SkillGroups } = {
    links: [],
    skills: { technical: [], soft: [], languages: [], certifications: [] },
  };
  for (const key of Object.keys(PERSONAL_LABELS) as (keyof typeof PERSONAL_LABELS)[]) {
    if (draft[key] == null || draft[key] === "") continue;
    const r = ProfilePatchSchema.shape[key].safeParse(draft[key]);
    if (r.success && r.data) out[key] = r.data;
    else if (!r.success) skipped.push(`Left out the ${PERSONAL_LABELS[key]} from the file: ${r.error.issues[0].message}.`);
  }
  for (const link of draft.links) {
    const r = LinkSchema.safeParse(link);
    if (r.success) out.links.push(r.data);
    else skipped.push(`Left out the link "${String(link.url).slice(0, 60)}": ${r.error.issues[0].message}.`);
  }
  out.links = out.links.slice(0, 20);
  for (const group of Object.keys(out.skills) as (keyof SkillGroups)[]) {
    const item = SkillGroupsSchema.shape[group].unwrap().element;
    const all = dedupe(draft.skills[group]);
    const kept = all.flatMap((x) => {
      const r = item.safeParse(x);
      return r.success ? [r.data as string] : [];
    });
    out.skills[group] = kept;
    if (kept.length < all.length) skipped.push(`Left out ${all.length - kept.length} ${group} skill(s) longer than the profile allows.`);
  }
  return out;
}
