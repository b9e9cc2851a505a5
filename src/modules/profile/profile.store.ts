import type { z } from "zod";
import { db } from "../../db/client.ts";
import { NotFoundError, ValidationError, fromZod } from "../../errors.ts";
import type { Viewer } from "../auth/tokens.ts";
import { AwardSchema, EducationSchema, ExperienceSchema, ProfilePatchSchema, ProjectSchema } from "./profile.validation.ts";
import { selection } from "../../db/query.ts";
import { pubsub } from "../../pubsub.ts";

/*
 * The profile store: the only code that writes the master profile and its items (personal fields,
 * the ordered lists, import merge/replace here; enhancement outputs and version choices in
 * versions.store.ts). Every write is validated by the profile's schemas, runs in one transaction,
 * and publishes `profile:updated` after it commits, so `profileUpdated` hears about every change
 * whichever path made it.
 */

/** Tells the user's `profileUpdated` subscribers; call only after the write committed. */
export function published<T>(userId: string, profileId: string, result: T): T {
  pubsub.publish("profile:updated", userId, { profileId });
  return result;
}

const EMPTY_SKILLS = { technical: [], soft: [], languages: [], certifications: [] };

export async function getProfile(viewer: Viewer) {
  return db().masterProfile.findUnique({ where: { userId: viewer.id } });
}

/** The viewer's profile id, creating an empty profile on first use so lists can be filled in any order. */
export async function ensureProfileId(viewer: Viewer): Promise<string> {
  const profile = await db().masterProfile.upsert({
    where: { userId: viewer.id },
    create: { userId: viewer.id, links: [], skills: EMPTY_SKILLS, customFields: [] },
    update: {},
    select: { id: true },
  });
  return profile.id;
}

export async function upsertProfile(viewer: Viewer, input: unknown) {
  const parsed = ProfilePatchSchema.safeParse(input);
  if (!parsed.success) throw fromZod(parsed.error.issues);
  // undefined = leave as is, null = clear; JSON columns cannot hold SQL NULL so they reset to empty.
  const p = parsed.data;
  const data = {
    ...pick(p, ["fullName", "email", "phone", "location", "summary"] as const),
    ...(p.links !== undefined && { links: p.links ?? [] }),
    ...(p.skills !== undefined && { skills: p.skills ?? EMPTY_SKILLS }),
    ...(p.customFields !== undefined && { customFields: p.customFields ?? [] }),
  };
  const profile = await db().masterProfile.upsert({
    where: { userId: viewer.id },
    create: { links: [], skills: EMPTY_SKILLS, customFields: [], ...data, userId: viewer.id },
    update: data,
  });
  return published(viewer.id, profile.id, profile);
}

function pick<T extends object, K extends keyof T>(o: T, keys: readonly K[]): Partial<Pick<T, K>> {
  return Object.fromEntries(keys.filter((k) => o[k] !== undefined).map((k) => [k, o[k]])) as Partial<Pick<T, K>>;
}

// ---- ordered lists: experiences, projects, education, awards share one implementation ----

export type ListKind = "experience" | "project" | "education" | "award";

interface Row {
  id: string;
  sortOrder: number;
}

/** The slice of a Prisma delegate the list operations need; the three models share it. */
interface ListDelegate {
  findFirst(args: object): Promise<(Row & Record<string, unknown>) | null>;
  findMany(args: object): Promise<Row[]>;
  count(args: object): Promise<number>;
  create(args: object): Promise<Row>;
  update(args: object): Promise<Row>;
  delete(args: object): Promise<Row>;
  updateMany(args: object): Promise<unknown>;
}

const LISTS: Record<ListKind, { label: string; schema: z.ZodType<Record<string, unknown>>; max: number; delegate: () => ListDelegate }> = {
  experience: { label: "Experience", schema: ExperienceSchema, max: 100, delegate: () => db().experience as unknown as ListDelegate },
  project: { label: "Project", schema: ProjectSchema, max: 100, delegate: () => db().project as unknown as ListDelegate },
  education: { label: "Education", schema: EducationSchema, max: 30, delegate: () => db().education as unknown as ListDelegate },
  award: { label: "Award", schema: AwardSchema, max: 50, delegate: () => db().award as unknown as ListDelegate },
};

function validate(kind: ListKind, value: unknown) {
  const parsed = LISTS[kind].schema.safeParse(value);
  if (!parsed.success) throw fromZod(parsed.error.issues);
  return parsed.data;
}

const owned = (viewer: Viewer, id: string) => ({ id, profile: { userId: viewer.id } });

async function findOwned(kind: ListKind, viewer: Viewer, id: string) {
  const row = await LISTS[kind].delegate().findFirst({ where: owned(viewer, id) });
  if (!row) throw new NotFoundError(LISTS[kind].label, id);
  return row;
}

/** Adds an item at `position` (0-based; default: the end). */
export async function addItem(kind: ListKind, viewer: Viewer, input: Record<string, unknown>, query: object = {}) {
  const { position, ...fields } = input;
  const data = validate(kind, fields);
  const profileId = await ensureProfileId(viewer);
  const { max, label } = LISTS[kind];
  const created = await db().$transaction(async (tx) => {
    const delegate = (tx as unknown as Record<ListKind, ListDelegate>)[kind];
    const count = await delegate.count({ where: { profileId } });
    if (count >= max) throw ValidationError.field(["input"], `A profile holds at most ${max} ${label.toLowerCase()} items`);
    const at = position == null ? count : clampPosition(position, count);
    await delegate.updateMany({ where: { profileId, sortOrder: { gte: at } }, data: { sortOrder: { increment: 1 } } });
    return delegate.create({ ...selection(query), data: { ...data, profileId, sortOrder: at } });
  });
  return published(viewer.id, profileId, created);
}

function clampPosition(position: unknown, count: number): number {
  if (typeof position !== "number" || !Number.isInteger(position) || position < 0) {
    throw ValidationError.field(["input", "position"], "Position must be a whole number from 0");
  }
  return Math.min(position, count);
}

/** Partial update: omitted fields keep their value; the merged item is validated as a whole. */
export async function updateItem(kind: ListKind, viewer: Viewer, input: Record<string, unknown>, query: object = {}) {
  const { id, ...patch } = input as { id: string } & Record<string, unknown>;
  const existing = await findOwned(kind, viewer, id);
  const changes = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  // Unknown keys (id, profileId, enhancement columns) are stripped by the schema.
  const merged = validate(kind, { ...existing, ...changes });
  const updated = await LISTS[kind].delegate().update({ ...selection(query), where: { id: existing.id }, data: pickKnown(merged, Object.keys(changes)) });
  return published(viewer.id, existing.profileId as string, updated);
}

function pickKnown(o: Record<string, unknown>, keys: string[]) {
  return Object.fromEntries(keys.filter((k) => k in o).map((k) => [k, o[k]]));
}

export async function deleteItem(kind: ListKind, viewer: Viewer, id: string): Promise<string> {
  const row = await findOwned(kind, viewer, id);
  const profileId = (row as Record<string, unknown>).profileId as string;
  await db().$transaction(async (tx) => {
    const delegate = (tx as unknown as Record<ListKind, ListDelegate>)[kind];
    await delegate.delete({ where: { id: row.id } });
    await delegate.updateMany({ where: { profileId, sortOrder: { gt: row.sortOrder } }, data: { sortOrder: { decrement: 1 } } });
  });
  return published(viewer.id, profileId, row.id);
}

/** `ids` must list every item of that kind exactly once, in the new order. */
export async function reorderItems(kind: ListKind, viewer: Viewer, ids: string[], query: object = {}) {
  const profile = await getProfile(viewer);
  const current = profile ? await LISTS[kind].delegate().findMany({ where: { profileId: profile.id }, select: { id: true, sortOrder: true } }) : [];
  const known = new Set(current.map((r) => r.id));
  const unknown = ids.find((id) => !known.has(id));
  if (unknown) throw new NotFoundError(LISTS[kind].label, unknown);
  if (new Set(ids).size !== ids.length) throw ValidationError.field(["input", "ids"], "Each id may appear only once");
  if (ids.length !== current.length) {
    throw ValidationError.field(["input", "ids"], `List all ${current.length} ${LISTS[kind].label.toLowerCase()} ids in their new order`);
  }
  const rows = await db().$transaction(async (tx) => {
    const delegate = (tx as unknown as Record<ListKind, ListDelegate>)[kind];
    // Two passes keep the (profileId, sortOrder) values distinct at every step.
    for (const [i, id] of ids.entries()) await delegate.update({ where: { id }, data: { sortOrder: -1 - i } });
    for (const [i, id] of ids.entries()) await delegate.update({ where: { id }, data: { sortOrder: i } });
    // Read after every row moved, so a selected parent profile shows the whole new order.
    return delegate.findMany({ ...selection(query), where: { id: { in: ids } }, orderBy: { sortOrder: "asc" } });
  });
  return profile ? published(viewer.id, profile.id, rows) : rows;
}
