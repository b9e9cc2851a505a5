import { db } from "../../db/client.ts";
import type { Viewer } from "../auth/tokens.ts";
import type { SkillGroups } from "../../core/types.ts";
import { loadProfile } from "./profile.mapper.ts";
import { published } from "./profile.store.ts";

/*
 * The profile store's half for imports: writes a resume draft's items, already checked by the
 * profile's schemas (import.service), in one transaction, then publishes.
 */

type Item = Record<string, unknown>;

export interface ImportItems {
  personal: { fullName?: string; email?: string; phone?: string; location?: string; summary?: string; links: { label: string; url: string }[]; skills: SkillGroups };
  experiences: Item[];
  projects: Item[];
  education: Item[];
  awards: Item[];
}

export interface ImportOutcome {
  profileId: string;
  added: { experiences: number; projects: number; education: number; awards: number; skills: number };
  skippedDuplicates: number;
}

const key = (...parts: unknown[]) => parts.map((p) => String(p ?? "").trim().toLowerCase()).join("|");

/** Drops blanks and case-insensitive repeats, keeping the first spelling. */
export function dedupe(xs: string[] | undefined): string[] {
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

/** Adds what is new; an item already there (same company, title and start) is not duplicated; empty personal fields are filled. */
export async function mergeImport(viewer: Viewer, items: ImportItems): Promise<ImportOutcome> {
  const existing = await loadProfile(viewer.id);
  const p = items.personal;
  const outcome = await db().$transaction(async (tx) => {
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
    const profile = await tx.masterProfile.upsert({ where: { userId: viewer.id }, create: { userId: viewer.id, customFields: [], ...personal }, update: personal });
    const lists = [
      { items: items.experiences, have: (existing?.experiences ?? []).map((e) => key(e.company, e.title, e.startDate)), keyOf: (e: Item) => key(e.company, e.title, e.startDate), create: (data: object) => tx.experience.create({ data: data as never }), count: "experiences" as const },
      { items: items.projects, have: (existing?.projects ?? []).map((x) => key(x.name)), keyOf: (x: Item) => key(x.name), create: (data: object) => tx.project.create({ data: data as never }), count: "projects" as const },
      { items: items.education, have: (existing?.education ?? []).map((e) => key(e.institution, e.degree)), keyOf: (e: Item) => key(e.institution, e.degree), create: (data: object) => tx.education.create({ data: data as never }), count: "education" as const },
      { items: items.awards, have: (existing?.awards ?? []).map((a) => key(a.title, a.date)), keyOf: (a: Item) => key(a.title, a.date), create: (data: object) => tx.award.create({ data: data as never }), count: "awards" as const },
    ];
    const added = { experiences: 0, projects: 0, education: 0, awards: 0, skills: skillsAdded };
    let skippedDuplicates = 0;
    for (const list of lists) {
      const have = new Set(list.have);
      let order = list.have.length;
      for (const item of list.items) {
        const k = list.keyOf(item);
        if (have.has(k)) {
          skippedDuplicates++;
          continue;
        }
        have.add(k);
        await list.create({ ...item, profileId: profile.id, sortOrder: order++ });
        added[list.count]++;
      }
    }
    return { profileId: profile.id, added, skippedDuplicates };
  });
  return published(viewer.id, outcome.profileId, outcome);
}

/** Swaps the profile's content for the draft's, in one transaction. */
export async function replaceWithImport(viewer: Viewer, items: ImportItems): Promise<ImportOutcome> {
  const p = items.personal;
  const profileId = await db().$transaction(async (tx) => {
    const personal = {
      fullName: p.fullName ?? null, email: p.email ?? null, phone: p.phone ?? null, location: p.location ?? null,
      summary: p.summary ?? null, links: p.links, skills: p.skills as unknown as object,
      enhancedSummary: null, previousEnhancedSummary: null, useEnhancedSummary: false,
    };
    const profile = await tx.masterProfile.upsert({ where: { userId: viewer.id }, create: { userId: viewer.id, customFields: [], ...personal }, update: personal });
    await tx.experience.deleteMany({ where: { profileId: profile.id } });
    await tx.project.deleteMany({ where: { profileId: profile.id } });
    await tx.education.deleteMany({ where: { profileId: profile.id } });
    await tx.award.deleteMany({ where: { profileId: profile.id } });
    for (const [i, e] of items.experiences.entries()) await tx.experience.create({ data: { ...e, profileId: profile.id, sortOrder: i } as never });
    for (const [i, x] of items.projects.entries()) await tx.project.create({ data: { ...x, profileId: profile.id, sortOrder: i } as never });
    for (const [i, e] of items.education.entries()) await tx.education.create({ data: { ...e, profileId: profile.id, sortOrder: i } as never });
    for (const [i, a] of items.awards.entries()) await tx.award.create({ data: { ...a, profileId: profile.id, sortOrder: i } as never });
    return profile.id;
  });
  const skills = Object.values(p.skills).flat().length;
  const added = { experiences: items.experiences.length, projects: items.projects.length, education: items.education.length, awards: items.awards.length, skills };
  return published(viewer.id, profileId, { profileId, added, skippedDuplicates: 0 });
}
