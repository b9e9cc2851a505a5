// Requirements (required vs preferred) and ranked keywords of a job description.

import type { JobRequirement } from "../types.ts";
import { canonicalSkill, findSkills } from "../lexicon.ts";
import { type Section, sectionItems } from "./sections.ts";

// ---------------------------------------------------------------------------------------------
// Requirements and keywords

const PREFERRED_CUE =
  /\b(preferred|preferably|a plus|is a bonus|bonus|nice[\s-]to[\s-]have|ideally|desirable|desired|would be (?:great|nice|helpful|an advantage)|an advantage|advantageous|plus if|bonus points|not required|optional|considered an asset|an asset)\b/i;
const REQUIRED_CUE =
  /\b(you have|you know|you are|you can|pursuing|currently (?:enrolled|studying)|you bring|you(?:'ll|’ll| will) need|must|required|requires?|proficien\w*|experience (?:with|in|using|of)|knowledge of|familiar\w* with|expertise in|background in|degree in|bachelor|master|certifi\w*|licen[cs]\w*|ability to|skills? in|\d+\+? years|fluent|fluency|comfortable with|hands-on)\b/i;

function toRequirement(text: string, required: boolean): JobRequirement {
  const keywords = [...new Set(findSkills(text).map((m) => m.canonical))];
  return { text, required: required && !PREFERRED_CUE.test(text), keywords };
}

/** "Solid IFRS; US GAAP is an advantage" holds one required and one preferred requirement. */
function splitMixedItem(text: string): string[] {
  if (!text.includes(";") || !PREFERRED_CUE.test(text)) return [text];
  return text.split(/;\s*/).map((c) => c.trim()).filter(Boolean);
}

export function requirementsFrom(sections: Section[], allSentences: string[]): JobRequirement[] {
  const fromSections = sections.flatMap((s) => {
    if (s.kind !== "requirements" && s.kind !== "preferred") return [];
    return sectionItems(s.lines)
      .flatMap(splitMixedItem)
      .map((t) => toRequirement(t, s.kind === "requirements"));
  });
  if (fromSections.length) return fromSections;
  return allSentences.filter((s) => REQUIRED_CUE.test(s) || PREFERRED_CUE.test(s)).map((t) => toRequirement(t, true));
}

const TIER = { required: 0, preferred: 1, responsibilities: 2, elsewhere: 3 } as const;

interface KeywordStat {
  tier: number;
  count: number;
  first: number;
}

export function rankSkills(text: string, requirements: JobRequirement[], responsibilities: string[], title: string | null): string[] {
  const stats = new Map<string, KeywordStat>();
  const bump = (name: string, tier: number, index: number, count = 0) => {
    const s = stats.get(name) ?? { tier, count: 0, first: index };
    s.tier = Math.min(s.tier, tier);
    s.count += count;
    s.first = Math.min(s.first, index);
    stats.set(name, s);
  };
  for (const m of findSkills(text)) bump(m.canonical, TIER.elsewhere, m.index, 1);
  for (const r of requirements) for (const k of r.keywords) bump(k, r.required ? TIER.required : TIER.preferred, Number.MAX_SAFE_INTEGER);
  for (const item of responsibilities) for (const m of findSkills(item)) bump(m.canonical, TIER.responsibilities, Number.MAX_SAFE_INTEGER);
  if (title) for (const m of findSkills(title)) bump(m.canonical, TIER.responsibilities, Number.MAX_SAFE_INTEGER);
  return [...stats.entries()]
    .sort(([a, x], [b, y]) => x.tier - y.tier || y.count - x.count || x.first - y.first || (a < b ? -1 : 1))
    .map(([name]) => name);
}

const PHRASE_STOP = new Set(
  "we you our the this your join about benefits requirements responsibilities what who why how and or for with in at on to a an of as is are be it its if all any apply equal opportunity employer inc ltd llc gmbh".split(" "),
);

/** Capitalised two-word phrases repeated in the text that the lexicon does not know (product names, domains). */
export function frequentPhrases(text: string, exclude: string[]): string[] {
  const counts = new Map<string, { n: number; first: number }>();
  const re = /(?<![\p{L}\p{N}])([\p{Lu}][\p{L}\p{N}]+) ([\p{Lu}][\p{L}\p{N}]+)(?![\p{L}\p{N}])/gu;
  for (const m of text.matchAll(re)) {
    const [a, b] = [m[1], m[2]];
    if (PHRASE_STOP.has(a.toLowerCase()) || PHRASE_STOP.has(b.toLowerCase())) continue;
    if (a === a.toUpperCase() && b === b.toUpperCase()) continue;
    const phrase = `${a} ${b}`;
    if (findSkills(phrase).length || canonicalSkill(phrase)) continue;
    const c = counts.get(phrase) ?? { n: 0, first: m.index! };
    c.n++;
    counts.set(phrase, c);
  }
  const excluded = exclude.filter(Boolean).map((e) => e.toLowerCase());
  return [...counts.entries()]
    .filter(([p, c]) => c.n >= 2 && !excluded.some((e) => e.includes(p.toLowerCase()) || p.toLowerCase().includes(e)))
    .sort(([, x], [, y]) => y.n - x.n || x.first - y.first)
    .slice(0, 5)
    .map(([p]) => p);
}

export const MAX_KEYWORDS = 40;
