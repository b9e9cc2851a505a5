// Section headings: which part of the profile a heading's content goes to. One vocabulary
// (data/section-headings.json) for the resume parser and for style extraction, so both agree on
// what a heading is ("Work" is one; an award's title is not).
import data from "../data/section-headings.json" with { type: "json" };

export type SectionKind = "experience" | "education" | "skills" | "projects" | "summary" | "certifications" | "languages" | "activities" | "awards" | "other";

const NAMES = new Map<string, SectionKind>(
  Object.entries(data.names).flatMap(([kind, names]) => names.map((n) => [n, kind as SectionKind] as const)),
);
const COMPACT = new Map([...NAMES].map(([name, kind]) => [name.replace(/ /g, ""), kind]));
const HEADS: [RegExp, SectionKind][] = data.heads.map((h) => [new RegExp(h.pattern), h.kind as SectionKind]);

/** Lowercase, "&" as "and", punctuation and decoration removed: "WORK EXPERIENCE:" → "work experience". */
export function headingKey(s: string): string {
  return s
    .replace(/^[#=*_\-–—\s]+|[#=*_\-–—:\s]+$/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^\p{L}\s]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * The section a heading key names: an exact name ("work history"), the same with its letter
 * spacing lost ("workexperience"), or, when `byHead`, a longer heading that ends in a section word
 * ("relevant retail experience").
 */
export function kindOfKey(key: string, byHead: boolean): SectionKind | null {
  const exact = NAMES.get(key) ?? COMPACT.get(key.replace(/ /g, ""));
  if (exact) return exact;
  if (!byHead) return null;
  for (const [re, kind] of HEADS) if (re.test(key)) return kind;
  return null;
}

/** A known section heading, exactly or by its last word(s); null for anything else (an award title, a job title). */
export function sectionKind(line: string): SectionKind | null {
  const key = headingKey(line);
  if (!key || key.split(" ").length > 6) return null;
  return kindOfKey(key, true);
}
