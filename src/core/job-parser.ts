// Deterministic job-description parser: section headings, header labels and patterns, plus the
// skills lexicon. No I/O and no model: the builtin engine uses it as is, and the Groq provider
// can use it as a fallback and as a cross-check.
//
// One module per part of a posting, under core/job/: sections, header (title, company, location),
// salary, seniority (remote mode, years, level), requirements (and keywords). This file is the entry.

import type { ParsedJob, RemoteMode } from "./types.ts";
import { normaliseText, splitSentences } from "./text.ts";
import { type SectionKind, sectionItems, splitSections } from "./job/sections.ts";
import { extractHeader } from "./job/header.ts";
import { parseSalary } from "./job/salary.ts";
import { detectRemoteMode, detectSeniority, extractYears } from "./job/seniority.ts";
import { frequentPhrases, MAX_KEYWORDS, rankSkills, requirementsFrom } from "./job/requirements.ts";

export { detectRemoteMode, detectSeniority, parseSalary };

// ---------------------------------------------------------------------------------------------
// Entry points

export function parseJobText(raw: string): ParsedJob {
  const description = normaliseText(raw);
  const lines = description.split("\n");
  const { header, sections } = splitSections(lines);
  const headerInfo = extractHeader(header, sections, description);

  const bySection = (kind: SectionKind) => sections.filter((s) => s.kind === kind).flatMap((s) => sectionItems(s.lines));
  // Perks ("free gym", "health insurance") say nothing about the skills the job needs.
  const nonBenefitText = [...header, ...sections.filter((s) => s.kind !== "benefits").flatMap((s) => [s.heading ?? "", ...s.lines])].join("\n");
  const requirements = requirementsFrom(sections, splitSentences(nonBenefitText));
  const responsibilities = bySection("responsibilities");
  const benefits = bySection("benefits");

  const otherLines = [...header, ...sections.filter((s) => s.kind !== "about" && s.kind !== "benefits").flatMap((s) => s.lines)].flatMap(
    (l) => splitSentences(l),
  );
  const yearsExperience = extractYears(
    requirements.filter((r) => r.required).map((r) => r.text),
    otherLines,
  );
  const skills = rankSkills(nonBenefitText, requirements, responsibilities, headerInfo.title);
  const phrases = frequentPhrases(nonBenefitText, [headerInfo.title ?? "", headerInfo.company ?? "", headerInfo.location ?? ""]);

  return {
    title: headerInfo.title || null,
    company: headerInfo.company || null,
    location: headerInfo.location || null,
    description,
    keywords: [...skills, ...phrases].slice(0, MAX_KEYWORDS),
    requirements,
    responsibilities,
    benefits,
    salary: parseSalary(description),
    remoteMode: detectRemoteMode(description),
    seniority: detectSeniority(headerInfo.title, nonBenefitText, yearsExperience),
    yearsExperience,
  };
}

/** Structured input: form fields or a JSON Resume job document (its field names are accepted). */
export interface JobFields {
  title?: string | null;
  /** JSON Resume uses `name` for the job title in some documents. */
  name?: string | null;
  company?: string | null;
  location?: string | { address?: string; city?: string; region?: string; countryCode?: string; postalCode?: string } | null;
  description?: string | null;
  requirements?: string[] | null;
  /** JSON Resume: qualifications. */
  qualifications?: string[] | null;
  preferred?: string[] | null;
  responsibilities?: string[] | null;
  benefits?: string[] | null;
  /** Free-text salary ("$120k–$150k"). */
  salary?: string | null;
  /** RemoteMode, or JSON Resume's "Full" | "Hybrid" | "None". */
  remote?: string | null;
  /** Free-text level ("Senior") — JSON Resume's `experience`. */
  experience?: string | null;
  /** JSON Resume: skills with keywords. */
  skills?: ({ name?: string; keywords?: string[] } | string)[] | null;
}

function locationText(loc: JobFields["location"]): string | null {
  if (!loc) return null;
  if (typeof loc === "string") return loc.trim() || null;
  const parts = [loc.address, loc.city, loc.region, loc.countryCode].filter((p): p is string => Boolean(p && p.trim()));
  return parts.length ? parts.join(", ") : null;
}

function remoteFromField(remote: string | null | undefined): RemoteMode | null {
  if (!remote) return null;
  const r = remote.trim().toLowerCase();
  if (/^(remote|full|fully remote|yes)$/.test(r)) return "REMOTE";
  if (/^(hybrid|partial)$/.test(r)) return "HYBRID";
  if (/^(on[\s-]?site|onsite|none|no|office|in[\s-]office)$/.test(r)) return "ONSITE";
  const detected = detectRemoteMode(remote);
  return detected === "UNKNOWN" ? null : detected;
}

function composeText(f: JobFields): string {
  const list = (heading: string, items: string[] | null | undefined) =>
    items && items.length ? `\n\n${heading}\n${items.map((i) => `- ${i}`).join("\n")}` : "";
  const skillNames = (f.skills ?? []).flatMap((s) => (typeof s === "string" ? [s] : [s.name ?? "", ...(s.keywords ?? [])])).filter(Boolean);
  return [
    f.description ?? "",
    list("Responsibilities", f.responsibilities),
    list("Requirements", [...(f.requirements ?? []), ...(f.qualifications ?? [])]),
    skillNames.length ? `\n\nRequirements\n- ${skillNames.join(", ")}` : "",
    list("Nice to have", f.preferred),
    list("Benefits", f.benefits),
  ].join("");
}

/** Fills a ParsedJob from given fields; given values win, the rest comes from the text. */
export function parseJobFields(fields: JobFields): ParsedJob {
  const parsed = parseJobText(composeText(fields));
  const title = (fields.title ?? fields.name)?.trim() || parsed.title;
  const salaryText = fields.salary?.trim();
  const salary = salaryText ? (parseSalary(/salary|pay|rate/i.test(salaryText) ? salaryText : `Salary: ${salaryText}`) ?? parsed.salary) : parsed.salary;
  const seniority =
    (fields.experience ? detectSeniority(fields.experience, fields.experience, null) : null) ??
    detectSeniority(title, parsed.description, parsed.yearsExperience);
  return {
    ...parsed,
    title,
    company: fields.company?.trim() || parsed.company,
    location: locationText(fields.location) ?? parsed.location,
    salary,
    remoteMode: remoteFromField(fields.remote) ?? parsed.remoteMode,
    seniority,
  };
}
