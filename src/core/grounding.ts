// Grounding: the product's promise that generated text never carries a number, an organisation or
// a technology the user did not give us. Extraction is deliberately asymmetric in what it trusts:
// it is strict about digits and skills (cheap to verify, costly to invent) and conservative about
// capitalised words (a false alarm on an honest rewrite blocks the user, so anything that could be
// ordinary prose — sentence starts, months, letter formulas, job-title words — is let through).
//
// The checks live under core/grounding/: numbers.ts, organisations.ts (with links masked), words.ts
// (shared lists). This file holds the types, technologies and the public API.
import { findSkills, type SkillMention } from "./lexicon.ts";
import { phraseIndex, type PhraseIndex } from "./phrases.ts";
import { numberGrounded, numberIndex, type NumberWitnesses, parseNumbers } from "./grounding/numbers.ts";
import { maskLinks, organisationCandidates, orgIsGrounded } from "./grounding/organisations.ts";
import type { ParsedJob, ProfileData } from "./types.ts";

export type ViolationKind = "number" | "organisation" | "technology";

export interface Facts {
  /** Normalised numbers as written: "5", "40%", "$1.2M", "3x", "2019". */
  numbers: string[];
  /** Names that look like organisations (or other proper nouns worth checking). */
  organisations: string[];
  /** Canonical skill names from the lexicon. */
  technologies: string[];
}

export interface GroundingViolation {
  kind: ViolationKind;
  value: string;
}

export interface GroundingResult {
  ok: boolean;
  violations: GroundingViolation[];
}

// ---------------------------------------------------------------------------------------------
// Technologies

// Only these lexicon categories are "technologies" for the grounding rule. Soft skills, methods and
// business or domain terms ("Communication", "Troubleshooting", "Onboarding") are ordinary words
// in a letter, and some are even inflections of the action verbs the enhancer writes.
const TECHNOLOGY_CATEGORIES: ReadonlySet<string> = new Set([
  "language", "framework", "database", "cloud", "devops", "tool", "data", "certification",
]);

/** Lexicon mentions that count as technologies (languages, frameworks, databases, tools…). */
export function findTechnologies(text: string): SkillMention[] {
  return findSkills(text).filter((s) => TECHNOLOGY_CATEGORIES.has(s.category));
}

function technologyFacts(text: string): { canonical: string; match: string }[] {
  return findTechnologies(text).map((s) => ({ canonical: s.canonical, match: s.match }));
}

// ---------------------------------------------------------------------------------------------
// Public API

/** The checkable facts of a text: numbers, organisation-like names and technologies. */
export function extractFacts(text: string): Facts {
  const masked = maskLinks(text);
  return {
    numbers: unique(parseNumbers(masked).map((n) => n.display)),
    organisations: organisationCandidates(text).map((c) => c.name),
    technologies: unique(technologyFacts(masked).map((t) => t.canonical)),
  };
}

/**
 * Every number, organisation and technology in `generated` must appear in at least one source.
 * Numbers compare by value and role ("1.2M" = "1,200,000", but "3x" ≠ "3 engineers"; see
 * parseNumbers), technologies by canonical name through the lexicon (k8s = Kubernetes, JS =
 * JavaScript, but Java ≠ JavaScript), organisations case-insensitively as whole words ("Acme
 * Inc" is grounded by "Acme", "Meta" is not grounded by "metadata").
 */
export function checkGrounding(generated: string, sources: string[]): GroundingResult {
  return groundingCheck(sources)(generated);
}

/**
 * checkGrounding with the sources read once: for checking many texts (the sentences of a streamed
 * letter) against the same profile and job. Linear in the sources to build, in the text to call.
 */
export function groundingCheck(sources: string[]): (generated: string) => GroundingResult {
  const joined = sources.filter(Boolean).map(maskLinks).join("\n");
  const numbers = numberIndex(joined);
  const technologies = new Set(technologyFacts(joined).map((t) => t.canonical));
  const words = phraseIndex(joined);
  // Case-sensitive: the lexicon's exact entries ("Go", "Rust") are not grounded by "go" or "rust".
  const exactWords = phraseIndex(joined, { caseSensitive: true });
  return (generated) => {
    const masked = maskLinks(generated);
    const violations: GroundingViolation[] = [
      ...numberViolations(masked, numbers),
      ...technologyViolations(masked, technologies, exactWords),
      ...organisationViolations(generated, words),
    ];
    return { ok: violations.length === 0, violations };
  };
}

function numberViolations(generated: string, index: Map<string, NumberWitnesses>): GroundingViolation[] {
  const out = new Map<string, GroundingViolation>();
  for (const n of parseNumbers(generated)) {
    if (!numberGrounded(n, index)) out.set(n.display, { kind: "number", value: n.display });
  }
  return [...out.values()];
}

function technologyViolations(generated: string, known: ReadonlySet<string>, exactWords: PhraseIndex): GroundingViolation[] {
  const out = new Map<string, GroundingViolation>();
  for (const t of technologyFacts(generated)) {
    if (known.has(t.canonical)) continue;
    // A lexicon that reads a word differently in two contexts must not turn the same word into a
    // violation: the same word, as written, on word boundaries, is grounded.
    if (exactWords.has(t.match)) continue;
    out.set(t.canonical, { kind: "technology", value: t.canonical });
  }
  return [...out.values()];
}

function organisationViolations(generated: string, sourceWords: PhraseIndex): GroundingViolation[] {
  return organisationCandidates(generated)
    .filter((c) => !orgIsGrounded(c, sourceWords))
    .map((c) => ({ kind: "organisation" as const, value: c.name }));
}

/** The profile as grounding sources: every field a generated text may legitimately quote. */
export function profileTexts(profile: ProfileData): string[] {
  const texts: (string | null | undefined)[] = [
    profile.fullName,
    profile.email,
    profile.phone,
    profile.location,
    profile.summary,
    ...profile.links.flatMap((l) => [l.label, l.url]),
    ...Object.values(profile.skills).flat(),
  ];
  for (const e of profile.experiences) {
    texts.push(e.title, e.company, e.location, e.startDate, e.endDate, ...e.bullets, ...e.technologies);
  }
  for (const p of profile.projects) {
    texts.push(p.name, p.url, p.repoUrl, p.startDate, p.endDate, ...p.bullets, ...p.technologies);
  }
  for (const ed of profile.education) {
    texts.push(ed.institution, ed.degree, ed.field, ed.startDate, ed.endDate, ed.gpa, ...ed.honors, ...ed.coursework);
  }
  return texts.filter((t): t is string => typeof t === "string" && t.trim() !== "");
}

/** The job as grounding sources. */
export function jobTexts(job: ParsedJob): string[] {
  const texts: (string | null)[] = [
    job.title,
    job.company,
    job.location,
    job.description,
    ...job.keywords,
    ...job.requirements.map((r) => r.text),
    ...job.requirements.flatMap((r) => r.keywords),
    ...job.responsibilities,
    ...job.benefits,
  ];
  // With their unit, so a letter's "€70,000" or "5 years" is grounded and a bare "5" is not a salary.
  const currency = job.salary?.currency ? `${job.salary.currency} ` : "";
  if (job.salary) for (const v of [job.salary.min, job.salary.max]) if (v !== null) texts.push(`${currency}${v}`);
  if (job.yearsExperience !== null) texts.push(`${job.yearsExperience} years`);
  return texts.filter((t): t is string => typeof t === "string" && t.trim() !== "");
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}
