// ATS report: how well a resume text would fare in an applicant tracking system's keyword
// screen for one job. Deterministic; the same text and job always give the same report.
//
// Score (0–100) = the sum of these components, each rounded to a whole number:
//   required keywords   50  × share of the job's required skills found in the resume
//   preferred keywords  15  × share of the preferred skills found
//                           (no preferred skills in the job → its 15 points move to required)
//   sections            20  experience 7, education 5, skills 5, summary 3
//   length              10  350–900 words full; 250–349 or 901–1200 half; otherwise none
//   contact              5  email 3, phone 2
// Keywords are compared through the skills lexicon, so "k8s" in the resume covers "Kubernetes".
// When the job names no required skill at all, its first ten keywords stand in for them.

import type { ParsedJob } from "./types.ts";
import { canonicalSkill, findSkills } from "./lexicon.ts";
import { countPhrase, wordCount } from "./text.ts";

export type AtsSection = "summary" | "experience" | "education" | "skills" | "projects" | "certifications";

export type AtsComponentName = "requiredKeywords" | "preferredKeywords" | "sections" | "length" | "contact";

export interface AtsComponent {
  name: AtsComponentName;
  /** Points available. */
  weight: number;
  /** Points earned (whole number, 0..weight). */
  earned: number;
  detail: string;
}

export interface KeywordCoverage {
  total: number;
  matched: string[];
  missing: string[];
  /** 0..1; 1 when the job lists none. */
  coverage: number;
}

export type LengthStatus = "TOO_SHORT" | "OK" | "TOO_LONG";

export interface AtsReport {
  /** 0..100, exactly the sum of breakdown[].earned. */
  score: number;
  breakdown: AtsComponent[];
  required: KeywordCoverage;
  preferred: KeywordCoverage;
  /** Missing keywords, required ones first, each list in the job's order of importance. */
  missingKeywords: string[];
  sections: { name: AtsSection; present: boolean }[];
  wordCount: number;
  length: { status: LengthStatus; min: number; max: number; message: string };
  contact: { email: boolean; phone: boolean };
}

export const ATS_WEIGHTS = { requiredKeywords: 50, preferredKeywords: 15, sections: 20, length: 10, contact: 5 } as const;
export const SECTION_WEIGHTS: Partial<Record<AtsSection, number>> = { experience: 7, education: 5, skills: 5, summary: 3 };
export const LENGTH_RANGE = { min: 350, max: 900, softMin: 250, softMax: 1200 } as const;

const SECTION_HEADINGS: [AtsSection, RegExp][] = [
  ["summary", /^(?:professional |career |personal )?(?:summary|profile|objective|about(?: me)?|overview)$/],
  ["experience", /^(?:(?:professional|work|relevant|employment|career) )?(?:experience|history|employment(?: history)?)$/],
  ["education", /^(?:education|academic background|education (?:and|&) (?:training|certifications?)|academics)$/],
  ["skills", /^(?:(?:technical|core|key|relevant) )?(?:skills|competencies|expertise|technologies|tech stack)(?: (?:and|&) [a-z]+)?$/],
  ["projects", /^(?:(?:selected|personal|side|key|academic|open[\s-]source) )?projects$/],
  ["certifications", /^(?:certifications?|certificates|licen[sc]es?(?: (?:and|&) certifications?)?)$/],
];

function headingKey(line: string): string {
  return line
    .replace(/^#{1,6}\s+|\*\*|__|[:：]\s*$/g, "")
    .trim()
    .toLowerCase();
}

export function detectSections(text: string): Set<AtsSection> {
  const found = new Set<AtsSection>();
  for (const raw of text.split(/\r?\n/)) {
    const key = headingKey(raw);
    if (!key || key.split(/\s+/).length > 5) continue;
    for (const [section, re] of SECTION_HEADINGS) if (re.test(key)) found.add(section);
  }
  return found;
}

function jobKeywordSets(job: ParsedJob): { required: string[]; preferred: string[] } {
  const order = new Map(job.keywords.map((k, i) => [k, i]));
  const byImportance = (list: string[]) => [...new Set(list)].sort((a, b) => (order.get(a) ?? 1e9) - (order.get(b) ?? 1e9));
  const required = byImportance(job.requirements.filter((r) => r.required).flatMap((r) => r.keywords));
  const preferred = byImportance(job.requirements.filter((r) => !r.required).flatMap((r) => r.keywords)).filter((k) => !required.includes(k));
  if (required.length === 0 && preferred.length === 0) return { required: job.keywords.slice(0, 10), preferred: [] };
  return { required, preferred };
}

function coverageOf(keywords: string[], resumeSkills: Set<string>, text: string): KeywordCoverage {
  const matched: string[] = [];
  const missing: string[] = [];
  for (const k of keywords) {
    const canonical = canonicalSkill(k);
    const present = canonical ? resumeSkills.has(canonical) : countPhrase(text, k) > 0;
    (present ? matched : missing).push(k);
  }
  return { total: keywords.length, matched, missing, coverage: keywords.length ? matched.length / keywords.length : 1 };
}

function lengthCheck(words: number): AtsReport["length"] & { fraction: number } {
  const { min, max, softMin, softMax } = LENGTH_RANGE;
  if (words < min) {
    const fraction = words >= softMin ? 0.5 : 0;
    return { status: "TOO_SHORT", min, max, fraction, message: `${words} words: short for a resume; aim for ${min}–${max}.` };
  }
  if (words > max) {
    const fraction = words <= softMax ? 0.5 : 0;
    return { status: "TOO_LONG", min, max, fraction, message: `${words} words: long for one or two pages; aim for ${min}–${max}.` };
  }
  return { status: "OK", min, max, fraction: 1, message: `${words} words: a good length for one or two pages.` };
}

// Anchored on the "@" (what precedes it is only checked, not matched): the unanchored form
// /[\w.+-]+@…/ rescanned every word from each of its letters, quadratic on a long word.
const EMAIL = /(?<=[\w.+-])@[\w-]+(?:\.[\w-]+)+/;
const PHONE = /(?:\+?\d[\d\s().-]{7,}\d)/;

function points(weight: number, fraction: number): number {
  return Math.round(weight * Math.min(1, Math.max(0, fraction)));
}

function keywordDetail(c: KeywordCoverage, label: string): string {
  if (c.total === 0) return `The job lists no ${label} keywords.`;
  const missing = c.missing.length ? `; missing ${c.missing.join(", ")}` : "";
  return `${c.matched.length} of ${c.total} ${label} keywords found${missing}.`;
}

export function atsReport(text: string, job: ParsedJob): AtsReport {
  const resumeSkills = new Set(findSkills(text).map((m) => m.canonical));
  const sets = jobKeywordSets(job);
  const required = coverageOf(sets.required, resumeSkills, text);
  const preferred = coverageOf(sets.preferred, resumeSkills, text);
  const present = detectSections(text);
  const words = wordCount(text);
  const length = lengthCheck(words);
  const contact = { email: EMAIL.test(text), phone: PHONE.test(text) };

  const preferredWeight = preferred.total ? ATS_WEIGHTS.preferredKeywords : 0;
  const requiredWeight = ATS_WEIGHTS.requiredKeywords + (ATS_WEIGHTS.preferredKeywords - preferredWeight);
  const sectionPoints = Object.entries(SECTION_WEIGHTS).reduce((sum, [name, w]) => sum + (present.has(name as AtsSection) ? w! : 0), 0);
  const missingSections = Object.keys(SECTION_WEIGHTS).filter((s) => !present.has(s as AtsSection));

  const breakdown: AtsComponent[] = [
    { name: "requiredKeywords", weight: requiredWeight, earned: points(requiredWeight, required.coverage), detail: keywordDetail(required, "required") },
    { name: "preferredKeywords", weight: preferredWeight, earned: points(preferredWeight, preferred.coverage), detail: keywordDetail(preferred, "preferred") },
    {
      name: "sections",
      weight: ATS_WEIGHTS.sections,
      earned: sectionPoints,
      detail: missingSections.length ? `Missing section headings: ${missingSections.join(", ")}.` : "Summary, experience, education and skills sections found.",
    },
    { name: "length", weight: ATS_WEIGHTS.length, earned: points(ATS_WEIGHTS.length, length.fraction), detail: length.message },
    {
      name: "contact",
      weight: ATS_WEIGHTS.contact,
      earned: (contact.email ? 3 : 0) + (contact.phone ? 2 : 0),
      detail: contact.email && contact.phone ? "Email and phone found." : `Missing ${[!contact.email && "email", !contact.phone && "phone"].filter(Boolean).join(" and ")}.`,
    },
  ];

  return {
    score: breakdown.reduce((sum, c) => sum + c.earned, 0),
    breakdown,
    required,
    preferred,
    missingKeywords: [...required.missing, ...preferred.missing],
    sections: (["summary", "experience", "education", "skills", "projects", "certifications"] as const).map((name) => ({ name, present: present.has(name) })),
    wordCount: words,
    length: { status: length.status, min: length.min, max: length.max, message: length.message },
    contact,
  };
}
