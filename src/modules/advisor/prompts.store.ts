// The prompt library: premade prompts shipped as data (prompts/library/*.json, checked when first
// read) and each user's custom prompts. A prompt's {{placeholders}} are filled from the profile
// and, for job placeholders, the conversation's saved job.

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { db } from "../../db/client.ts";
import { fromZod, NotFoundError, PreconditionError, ValidationError } from "../../errors.ts";
import { safeString } from "../../core/safe-text.ts";
import type { Viewer } from "../auth/tokens.ts";
import type { ParsedJob, ProfileData } from "../../core/types.ts";

export const LIBRARY_DIR = join(import.meta.dirname, "../../../prompts/library");
export const PREMADE_PREFIX = "premade:";

/** What a prompt may insert; job_* need a job on the conversation. */
export const PLACEHOLDERS = ["name", "current_title", "current_company", "top_skills", "summary", "job_title", "job_company"] as const;
const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

export interface PromptView {
  id: string;
  title: string;
  content: string;
  category: string;
  tags: string[];
  usageCount: number;
  premade: boolean;
}

const CATEGORY = z.string().trim().regex(/^[A-Z][A-Z_]{1,39}$/, "Use an upper-case category such as CAREER_PATH");
const PremadeSchema = z.object({ key: z.string().regex(/^[a-z][a-z0-9_]*$/), title: z.string().min(1), category: CATEGORY, tags: z.array(z.string().min(1)), content: z.string().min(1) });

let premadeCache: z.infer<typeof PremadeSchema>[] | null = null;

/** The premade prompts; a malformed file or an unknown placeholder fails loudly (a bug in the data). */
export function premadePrompts(): z.infer<typeof PremadeSchema>[] {
  if (premadeCache) return premadeCache;
  const files = readdirSync(LIBRARY_DIR).filter((f) => f.endsWith(".json")).sort();
  premadeCache = files.map((f) => {
    const parsed = PremadeSchema.parse(JSON.parse(readFileSync(join(LIBRARY_DIR, f), "utf8")));
    if (`${parsed.key}.json` !== f) throw new Error(`${f}: key must match the file name`);
    const unknown = unknownPlaceholders(parsed.content);
    if (unknown.length) throw new Error(`${f}: unknown placeholders ${unknown.join(", ")}`);
    return parsed;
  });
  return premadeCache;
}

function unknownPlaceholders(content: string): string[] {
  return [...content.matchAll(PLACEHOLDER)].map((m) => m[1]!).filter((n) => !(PLACEHOLDERS as readonly string[]).includes(n));
}

const text = (label: string, max: number) => safeString(z.string().trim().min(1, `${label} cannot be empty`).max(max, `${label} must be at most ${max} characters`));
const Tags = z.array(text("Tag", 40)).max(10, "At most 10 tags");
const CreateSchema = z.object({ title: text("Title", 120), content: text("Content", 4000), category: CATEGORY, tags: Tags.default([]) });
const UpdateSchema = z.object({ id: z.string(), title: text("Title", 120).optional(), content: text("Content", 4000).optional(), category: CATEGORY.optional(), tags: Tags.optional() });

function checkContent(content: string | undefined) {
  if (content === undefined) return;
  const unknown = unknownPlaceholders(content);
  if (unknown.length) throw ValidationError.field(["input", "content"], `Unknown placeholder {{${unknown[0]}}}; use ${PLACEHOLDERS.map((p) => `{{${p}}}`).join(", ")}`);
}

export async function listPrompts(viewer: Viewer, filter: { category?: string | null; tag?: string | null }): Promise<PromptView[]> {
  const usage = new Map((await db().premadePromptUsage.findMany({ where: { userId: viewer.id } })).map((u) => [u.promptKey, u.count]));
  const premade: PromptView[] = premadePrompts().map((p) => ({ id: PREMADE_PREFIX + p.key, title: p.title, content: p.content, category: p.category, tags: p.tags, usageCount: usage.get(p.key) ?? 0, premade: true }));
  const custom = (await db().customPrompt.findMany({ where: { userId: viewer.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] })).map(toView);
  const tag = filter.tag?.toLowerCase();
  return [...premade, ...custom].filter((p) => (!filter.category || p.category === filter.category) && (!tag || p.tags.some((t) => t.toLowerCase() === tag)));
}

function toView(row: { id: string; title: string; content: string; category: string; tags: unknown; usageCount: number }): PromptView {
  return { id: row.id, title: row.title, content: row.content, category: row.category, tags: row.tags as string[], usageCount: row.usageCount, premade: false };
}

export async function createPrompt(viewer: Viewer, input: unknown): Promise<PromptView> {
  const parsed = CreateSchema.safeParse(input);
  if (!parsed.success) throw fromZod(parsed.error.issues);
  checkContent(parsed.data.content);
  if ((await db().customPrompt.count({ where: { userId: viewer.id } })) >= 200) throw ValidationError.field(["input"], "At most 200 custom prompts");
  return toView(await db().customPrompt.create({ data: { ...parsed.data, userId: viewer.id } }));
}

export async function updatePrompt(viewer: Viewer, input: unknown): Promise<PromptView> {
  const parsed = UpdateSchema.safeParse(input);
  if (!parsed.success) throw fromZod(parsed.error.issues);
  const { id, ...patch } = parsed.data;
  checkContent(patch.content);
  await ownedCustom(viewer, id);
  return toView(await db().customPrompt.update({ where: { id }, data: patch }));
}

export async function deletePrompt(viewer: Viewer, id: string): Promise<string> {
  await ownedCustom(viewer, id);
  await db().customPrompt.delete({ where: { id } });
  return id;
}

async function ownedCustom(viewer: Viewer, id: string) {
  const row = await db().customPrompt.findFirst({ where: { id, userId: viewer.id } });
  if (!row) throw new NotFoundError("Prompt", id);
  return row;
}

/** The prompt's content, filled; counts the use. Premade ids are "premade:<key>". */
export async function usePrompt(viewer: Viewer, id: string, profile: ProfileData | null, job: ParsedJob | null): Promise<string> {
  let content: string;
  if (id.startsWith(PREMADE_PREFIX)) {
    const key = id.slice(PREMADE_PREFIX.length);
    const p = premadePrompts().find((x) => x.key === key);
    if (!p) throw new NotFoundError("Prompt", id);
    content = fill(p.content, profile, job);
    await db().premadePromptUsage.upsert({ where: { userId_promptKey: { userId: viewer.id, promptKey: key } }, create: { userId: viewer.id, promptKey: key, count: 1 }, update: { count: { increment: 1 } } });
  } else {
    content = fill((await ownedCustom(viewer, id)).content, profile, job);
    await db().customPrompt.update({ where: { id }, data: { usageCount: { increment: 1 } } });
  }
  return content;
}

export function fill(content: string, profile: ProfileData | null, job: ParsedJob | null): string {
  const current = profile?.experiences.find((e) => e.current) ?? profile?.experiences[0];
  const values: Record<(typeof PLACEHOLDERS)[number], string | null | undefined> = {
    name: profile?.fullName,
    current_title: current?.title,
    current_company: current?.company,
    top_skills: profile?.skills.technical.slice(0, 5).join(", "),
    summary: profile?.summary,
    job_title: job?.title,
    job_company: job?.company,
  };
  return content.replace(PLACEHOLDER, (_m, name: string) => {
    const v = values[name as keyof typeof values];
    if (v) return v;
    if (name.startsWith("job_")) throw new PreconditionError(`This prompt is about a job: start the conversation with a saved job (jobId) that has a ${name.slice(4)}`);
    throw new PreconditionError(`This prompt needs your profile's ${name.replace(/_/g, " ")}: fill it in first`);
  });
}
