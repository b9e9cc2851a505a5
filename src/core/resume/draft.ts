// Entry point: text → sections → entries → fields → ResumeDraft, with resume-likeness and confidence.

import { type SkillGroups } from "../types.ts";
import { type DraftProfile, type FieldConfidence, type ResumeDraft, type ParseOptions } from "./types.ts";
import { type Line, toLines, isParagraphMode } from "./lines.ts";
import { INSTITUTION_RE, words, isHeaderLike } from "./cues.ts";
import { type Section, splitSections, mergeStackedDates, joinWrapped, pageWidth } from "./sections.ts";
import { pullContactLines, type Contact, parseContact } from "./contact.ts";
import { anchorDate, runAbove } from "./entries.ts";
import { parseExperiences } from "./experience.ts";
import { parseEducation } from "./education.ts";
import { splitList, addSkill, parseSkills, formatLanguage, parseCertifications } from "./skills.ts";
import { parseProjects } from "./projects.ts";
import { parseAwards } from "./awards.ts";

export const NON_RESUME_TERMS: [RegExp, string][] = [
  [/\binvoice\b/i, "invoice"],
  [/\b(?:sub-?)?total\b/i, "total"],
  [/\bvat\b/i, "VAT"],
  [/\b(?:sales )?tax\b/i, "tax"],
  [/\b(?:amount|balance) due\b/i, "amount due"],
  [/\bunit price\b/i, "unit price"],
  [/\b(?:qty|quantity)\b/i, "quantity"],
  [/\bbill(?:ed)? to\b/i, "bill to"],
  [/\bpayment terms\b/i, "payment terms"],
  [/\bdue date\b/i, "due date"],
  [/\b(?:iban|swift|bic)\b/i, "bank details"],
  [/\bpurchase order\b/i, "purchase order"],
  [/\breceipt\b/i, "receipt"],
];

export function resumeLikeness(
  sections: Section[],
  profile: DraftProfile,
  text: string,
): { score: number; reasons: string[] } {
  const kinds = new Set(sections.map((s) => s.kind));
  const datedEntries = profile.experiences.filter((e) => e.startDate || e.endDate).length + profile.education.filter((e) => e.startDate || e.endDate).length;
  let score = 0;
  if (kinds.has("experience")) score += 0.25;
  if (kinds.has("education")) score += 0.15;
  if (kinds.has("skills")) score += 0.1;
  if (kinds.has("summary") || kinds.has("projects")) score += 0.05;
  score += 0.2 * Math.min(1, datedEntries / 2);
  if (profile.email || profile.phone) score += 0.1;
  if (profile.fullName) score += 0.05;
  if (profile.experiences.some((e) => e.bullets.length >= 2)) score += 0.1;
  const terms = NON_RESUME_TERMS.filter(([re]) => re.test(text)).map(([, name]) => name);
  score -= 0.1 * Math.min(terms.length, 5);
  const reasons: string[] = [];
  if (!kinds.has("experience") && !kinds.has("education")) reasons.push("no experience or education section");
  if (!datedEntries) reasons.push("no date ranges");
  if (terms.length >= 2) reasons.push(`it reads like an invoice or receipt (${terms.slice(0, 4).join(", ")})`);
  if (terms.length >= 2 && !kinds.has("experience")) score = Math.min(score, 0.2);
  return { score: Math.max(0, Math.min(1, score)), reasons };
}

// ───────────────────────────── entry point ─────────────────────────────

/** Parses resume text (from a PDF, DOCX or TXT) into a profile draft with per-field confidence. */
export function parseResumeText(text: string, opts?: ParseOptions): ResumeDraft {
  const lines = toLines(text, opts);
  const paragraphMode = isParagraphMode(lines);
  const page = pageWidth(lines);
  const sections = splitSections(lines).map((s) => ({ ...s, lines: joinWrapped(mergeStackedDates(s.lines), paragraphMode, s.kind, page) }));
  reclassifyEducation(sections);
  reclaimRolesAfterSubBlock(sections);
  const warnings: string[] = [];
  const fields: FieldConfidence[] = [];
  for (const section of sections.slice(1)) {
    if (section.kind === "projects") continue;
    const { kept, contact } = pullContactLines(section.lines);
    section.lines = kept;
    sections[0].lines.push(...contact);
  }
  const header = sections[0].lines;
  const contact = parseContact(header, sections.slice(1).flatMap((s) => s.lines));
  const skills: SkillGroups = { technical: [], soft: [], languages: [], certifications: [] };
  const profile: DraftProfile = { links: contact.links, skills, experiences: [], projects: [], education: [], awards: [] };
  if (contact.fullName) profile.fullName = contact.fullName;
  if (contact.email) profile.email = contact.email;
  if (contact.phone) profile.phone = contact.phone;
  if (contact.location) profile.location = contact.location;

  const summaries: string[] = [];
  for (const section of sections) {
    switch (section.kind) {
      case "summary":
        summaries.push(section.lines.map((l) => l.text.trim()).join(" "));
        break;
      case "activities":
      case "experience": {
        const parsed = parseExperiences(section.lines);
        // Volunteer, leadership, research and campus roles are experiences too, marked with their
        // section. What such a section lists that is not a role (no dates, or no title nor
        // organisation: an award, a hobby) is named in a warning instead of made into a role.
        if (section.kind === "activities") {
          const heading = section.heading.replace(/:$/, "").trim();
          const roles = parsed.value.filter((e) => (e.title || e.company) && (e.startDate || e.endDate || e.current));
          const others = parsed.value.filter((e) => !roles.includes(e));
          for (const e of roles) e.section = heading;
          if (others.length) {
            const what = others.flatMap((e) => [e.title ?? e.company, ...e.bullets].filter(Boolean)).slice(0, 3).join("; ");
            warnings.push(`Not imported from "${heading}": items that are not dated roles (${what}${others.length > 3 ? "; …" : ""}). Add them to your profile by hand if you want them.`);
          }
          const keep = new Set(roles.map((e) => parsed.value.indexOf(e)));
          parsed.value = roles;
          parsed.fields = parsed.fields.filter((f) => keep.has(Number(/^experiences\[(\d+)\]/.exec(f.path)?.[1] ?? -1)));
          parsed.fields.forEach((f) => (f.path = f.path.replace(/^experiences\[(\d+)\]/, (_m, n: string) => `experiences[${[...keep].sort((a, b) => a - b).indexOf(Number(n))}]`)));
          parsed.warnings = parsed.warnings.filter((w) => !/^Experience \d+/.test(w));
        }
        offsetPaths(parsed.fields, "experiences", profile.experiences.length);
        profile.experiences.push(...parsed.value);
        fields.push(...parsed.fields);
        warnings.push(...parsed.warnings);
        break;
      }
      case "education": {
        const parsed = parseEducation(section.lines);
        offsetPaths(parsed.fields, "education", profile.education.length);
        profile.education.push(...parsed.value);
        fields.push(...parsed.fields);
        warnings.push(...parsed.warnings);
        break;
      }
      case "projects": {
        const parsed = parseProjects(section.lines);
        offsetPaths(parsed.fields, "projects", profile.projects.length);
        profile.projects.push(...parsed.value);
        fields.push(...parsed.fields);
        break;
      }
      case "skills":
        parseSkills(section.lines, skills, /soft/i.test(section.heading) ? "soft" : undefined);
        break;
      case "languages":
        for (const line of section.lines) for (const item of splitList(line.text)) addSkill(skills, "languages", formatLanguage(item));
        break;
      case "certifications":
        parseCertifications(section.lines, skills);
        break;
      case "awards":
        profile.awards.push(...parseAwards(section.lines));
        if (profile.awards.length) fields.push({ path: "awards", confidence: 0.75 });
        break;
      case "other":
        if (section.lines.length) warnings.push(`Skipped the "${section.heading}" section: it has no place in the profile.`);
        break;
      case "header":
        break;
    }
  }

  const summary = summaries.join("\n\n").trim() || headerSummary(header, contact);
  if (summary) profile.summary = summary;
  fields.unshift(...headerFields(profile, summaries.length > 0));
  for (const group of ["technical", "soft", "languages", "certifications"] as const) {
    if (skills[group].length) fields.push({ path: `skills.${group}`, confidence: group === "technical" || group === "languages" ? 0.85 : 0.75 });
  }
  if (!sections.some((s) => s.kind === "experience")) warnings.push("No experience section was found.");

  const likeness = resumeLikeness(sections, profile, text);
  const mean = fields.length ? fields.reduce((a, f) => a + f.confidence, 0) / fields.length : 0;
  const overall = round(likeness.score * (0.4 + 0.6 * mean));
  if (likeness.score < 0.4) warnings.unshift(`This does not look like a resume: ${likeness.reasons.join("; ") || "too little resume structure"}.`);
  return { profile, confidence: { overall, fields: fields.map((f) => ({ ...f, confidence: round(f.confidence) })) }, warnings };
}

export const STRONG_DEGREE_RE = /^(?:Bachelor|Master|Doctor|Associate|Ph\.?\s?D|M\.?B\.?A|B\.?Sc|M\.?Sc|B\.?A\b|M\.?A\b|B\.?Eng|M\.?Eng)/;

/**
 * An Experience heading followed at once by a sub-block with a heading of its own ("Personal
 * Projects & Content", deedy-style CVs) and then the dated roles: the roles after the sub-block
 * belong to the empty experience section, not to the sub-block.
 */
export function reclaimRolesAfterSubBlock(sections: Section[]): void {
  for (let i = 0; i + 1 < sections.length; i++) {
    const exp = sections[i];
    const next = sections[i + 1];
    if (exp.kind !== "experience" || exp.lines.length || (next.kind !== "projects" && next.kind !== "other" && next.kind !== "awards")) continue;
    const anchors = next.lines.map((l, k) => (!l.bullet && anchorDate(l.text) ? k : -1)).filter((k) => k >= 0);
    if (anchors.length < 2) continue;
    const start = anchors[0] - runAbove(next.lines, anchors[0], 0);
    if (start <= 0) continue;
    exp.lines = next.lines.slice(start);
    next.lines = next.lines.slice(0, start);
  }
}

/** A section under another name ("Training") that lists a degree and a school is the education section. */
export function reclassifyEducation(sections: Section[]): void {
  if (sections.some((s) => s.kind === "education")) return;
  const candidate = sections.find(
    (s) => s.kind === "other" && s.lines.some((l) => STRONG_DEGREE_RE.test(l.text.trim())) && s.lines.some((l) => INSTITUTION_RE.test(l.text)),
  );
  if (candidate) candidate.kind = "education";
}

export function offsetPaths(fields: FieldConfidence[], list: string, offset: number): void {
  if (!offset) return;
  for (const f of fields) f.path = f.path.replace(new RegExp(`^${list}\\[(\\d+)\\]`), (_m, n: string) => `${list}[${Number(n) + offset}]`);
}

/** Without a Summary heading, a prose paragraph in the header block is the summary. */
export function headerSummary(header: Line[], contact: Contact): string | undefined {
  const prose = header.filter((l, i) => !contact.used.has(i) && words(l.text).length >= 8 && /\p{Ll}{3,}/u.test(l.text) && !isHeaderLike(l.text));
  return prose.length ? prose.map((l) => l.text.trim()).join(" ") : undefined;
}

export function headerFields(p: DraftProfile, summaryHeaded: boolean): FieldConfidence[] {
  const f: FieldConfidence[] = [];
  if (p.fullName) f.push({ path: "fullName", confidence: 0.85 });
  if (p.email) f.push({ path: "email", confidence: 0.98 });
  if (p.phone) f.push({ path: "phone", confidence: 0.85 });
  if (p.location) f.push({ path: "location", confidence: 0.7 });
  p.links.forEach((_, i) => f.push({ path: `links[${i}]`, confidence: 0.95 }));
  if (p.summary) f.push({ path: "summary", confidence: summaryHeaded ? 0.9 : 0.5 });
  return f;
}

export function round(n: number): number {
  return Math.round(n * 100) / 100;
}
