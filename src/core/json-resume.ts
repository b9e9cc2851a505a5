// JSON Resume (https://jsonresume.org) in and out: validation against the official schemas
// shipped by @jsonresume/schema (resume: schema.json, job: job-schema.json — both JSON Schema
// draft-07, which is Ajv's default dialect), import to a profile draft, export of a profile, and
// job documents both ways. Pure: the schemas are bundled as JSON modules, no I/O at call time.

import Ajv, { type ErrorObject, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import jobSchema from "@jsonresume/schema/job-schema.json" with { type: "json" };
import resumeSchema from "@jsonresume/schema/schema.json" with { type: "json" };
import { canonicalSkill, findSkills, skillCategory } from "./lexicon.ts";
import {
  classifySkill,
  type DraftEducation,
  type DraftExperience,
  type DraftProfile,
  type DraftProject,
  type FieldConfidence,
  type ResumeDraft,
} from "./resume-parser.ts";
import type { ExperienceData, JobRequirement, ParsedJob, ProfileData, ProjectData, RemoteMode, SalaryPeriod, Seniority } from "./types.ts";

/** The profile's GPA field holds at most this many characters (profile.validation.ts). */
const GPA_MAX_CHARS = 20;

// ───────────────────────────── validation ─────────────────────────────

export interface JsonResumeError {
  /** Where in the document: "work[0].startDate", "basics.email"; "" for the document itself. */
  path: string;
  message: string;
}

export type JsonResumeValidation = { ok: true } | { ok: false; errors: JsonResumeError[] };

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validateResumeDoc: ValidateFunction = ajv.compile(resumeSchema);
const validateJobDoc: ValidateFunction = ajv.compile(jobSchema);

const ISO_PARTIAL_DATE = /^([1-2][0-9]{3}-[0-1][0-9]-[0-3][0-9]|[1-2][0-9]{3}-[0-1][0-9]|[1-2][0-9]{3})$/;

/** "/work/0/startDate" → "work[0].startDate" */
function toPath(pointer: string, extra?: string): string {
  const parts = pointer
    .split("/")
    .slice(1)
    .map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"));
  if (extra) parts.push(extra);
  return parts.reduce((acc, part) => (/^\d+$/.test(part) ? `${acc}[${part}]` : acc ? `${acc}.${part}` : part), "");
}

function describe(e: ErrorObject): JsonResumeError {
  const path = toPath(e.instancePath, e.keyword === "required" ? String(e.params.missingProperty) : undefined);
  switch (e.keyword) {
    case "pattern":
      return { path, message: "must be a date written 2021, 2021-03 or 2021-03-15" };
    case "format":
      return { path, message: e.params.format === "email" ? "must be an email address" : "must be an absolute URL (https://…)" };
    case "enum":
      return { path, message: `must be one of ${(e.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ")}` };
    case "type":
      return { path, message: `must be ${e.params.type === "array" ? "a list" : `a ${e.params.type}`}` };
    default:
      return { path, message: e.message ?? "is invalid" };
  }
}

function run(validate: ValidateFunction, doc: unknown): JsonResumeValidation {
  if (validate(doc)) return { ok: true };
  const seen = new Set<string>();
  const errors = (validate.errors ?? []).map(describe).filter((e) => {
    const key = `${e.path}\u0000${e.message}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
  return { ok: false, errors };
}

/** Validates a resume document against the official JSON Resume schema. */
export function validateJsonResume(doc: unknown): JsonResumeValidation {
  return run(validateResumeDoc, doc);
}

/** Validates a job document against the official JSON Resume job schema. */
export function validateJsonResumeJob(doc: unknown): JsonResumeValidation {
  return run(validateJobDoc, doc);
}

// ───────────────────────────── small readers ─────────────────────────────

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === "string" && v.trim() ? v.trim() : undefined);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const strs = (v: unknown): string[] => arr(v).map(str).filter((s): s is string => !!s);
const objs = (v: unknown): Obj[] => arr(v).filter(isObj);
const date = (v: unknown): string | undefined => {
  const s = str(v);
  if (!s) return undefined;
  const head = s.slice(0, 10);
  return ISO_PARTIAL_DATE.test(s) ? s : ISO_PARTIAL_DATE.test(head) ? head : undefined;
};

function dropEmpty<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) {
    const v = o[k];
    if (v === undefined || v === null || v === "" || (Array.isArray(v) && v.length === 0)) delete o[k];
    else if (isObj(v) && Object.keys(dropEmpty(v)).length === 0) delete o[k];
  }
  return o;
}

// ───────────────────────────── import ─────────────────────────────

const NETWORK_LABELS: Record<string, string> = {
  linkedin: "LinkedIn", github: "GitHub", gitlab: "GitLab", twitter: "Twitter", x: "X", behance: "Behance", dribbble: "Dribbble",
  medium: "Medium", stackoverflow: "Stack Overflow", kaggle: "Kaggle", mastodon: "Mastodon",
};
const NETWORK_URLS: Record<string, string> = {
  linkedin: "https://www.linkedin.com/in/", github: "https://github.com/", gitlab: "https://gitlab.com/", twitter: "https://twitter.com/",
  x: "https://x.com/", behance: "https://www.behance.net/", dribbble: "https://dribbble.com/", medium: "https://medium.com/@",
  kaggle: "https://www.kaggle.com/",
};

function locationText(loc: unknown): string | undefined {
  if (typeof loc === "string") return str(loc);
  if (!isObj(loc)) return undefined;
  const parts = [str(loc.city), str(loc.region), str(loc.countryCode)].filter((p, i, all): p is string => !!p && all.indexOf(p) === i);
  return parts.length ? parts.join(", ") : str(loc.address)?.replace(/\n/g, ", ");
}

function technologiesOf(texts: string[], declared: string[]): string[] {
  const out = new Map<string, string>();
  for (const d of declared) out.set((canonicalSkill(d) ?? d).toLowerCase(), canonicalSkill(d) ?? d);
  for (const m of findSkills(texts.join("\n"))) {
    if (["soft", "spoken", "business", "methodology", "domain"].includes(m.category)) continue;
    if (!out.has(m.canonical.toLowerCase())) out.set(m.canonical.toLowerCase(), m.canonical);
  }
  return [...out.values()];
}

/**
 * Maps a JSON Resume document to a profile draft. Every field taken from the document has
 * confidence 1 (it was stated, not guessed); an invalid document is still mapped as far as it
 * goes, with its schema errors as warnings and a lower overall confidence.
 */
export function jsonResumeToDraft(doc: unknown): ResumeDraft {
  const warnings: string[] = [];
  const validation = validateJsonResume(doc);
  if (!validation.ok) {
    for (const e of validation.errors.slice(0, 10)) warnings.push(`JSON Resume: ${e.path || "document"} ${e.message}.`);
  }
  const d = isObj(doc) ? doc : {};
  const basics = isObj(d.basics) ? d.basics : {};
  const profile: DraftProfile = {
    links: [],
    skills: { technical: [], soft: [], languages: [], certifications: [] },
    experiences: [],
    projects: [],
    education: [],
    awards: [],
  };
  const set = <K extends keyof DraftProfile>(key: K, value: DraftProfile[K] | undefined) => {
    if (value !== undefined) profile[key] = value;
  };
  set("fullName", str(basics.name));
  set("email", str(basics.email));
  set("phone", str(basics.phone));
  set("location", locationText(basics.location));
  set("summary", str(basics.summary));
  const website = str(basics.url) ?? str(basics.website);
  if (website) profile.links.push({ label: "Website", url: website });
  for (const p of objs(basics.profiles)) {
    const network = str(p.network) ?? "Profile";
    const key = network.toLowerCase().replace(/\s+/g, "");
    const url = str(p.url) ?? (str(p.username) && NETWORK_URLS[key] ? `${NETWORK_URLS[key]}${str(p.username)}` : undefined);
    if (url) profile.links.push({ label: NETWORK_LABELS[key] ?? network, url });
  }

  const roles = [
    ...objs(d.work).map((w) => ({ w, company: str(w.name) ?? str(w.company) })),
    ...objs(d.volunteer).map((w) => ({ w, company: str(w.organization) })),
  ];
  if (objs(d.volunteer).length) warnings.push("Volunteer roles were imported as experiences.");
  for (const { w, company } of roles) {
    const bullets = [...(str(w.summary) ? [str(w.summary)!] : []), ...strs(w.highlights)];
    const exp: DraftExperience = { bullets, technologies: technologiesOf(bullets, strs(w.keywords)) };
    const start = date(w.startDate);
    const end = date(w.endDate);
    Object.assign(exp, dropEmpty({ title: str(w.position), company, location: str(w.location), startDate: start, endDate: end }));
    exp.current = !!start && !end;
    profile.experiences.push(exp);
  }

  for (const e of objs(d.education)) {
    const edu: DraftEducation = { honors: [], coursework: strs(e.courses) };
    Object.assign(
      edu,
      dropEmpty({
        institution: str(e.institution),
        degree: str(e.studyType),
        field: str(e.area),
        startDate: date(e.startDate),
        endDate: date(e.endDate),
        // The profile's GPA holds a grade ("3.8/4.0", "First"); a longer score ("Dissertation: …",
        // allowed by the JSON Resume schema) is kept with the honours instead of failing the entry.
        gpa: (str(e.score)?.length ?? 0) <= GPA_MAX_CHARS ? str(e.score) : undefined,
      }),
    );
    const score = str(e.score);
    if (score && score.length > GPA_MAX_CHARS) edu.honors.push(score);
    profile.education.push(edu);
  }
  // JSON Resume keeps honours as awards; those given by a school with no summary of their own go
  // back to its education entry (as exported from honours), the others are the profile's awards.
  for (const a of objs(d.awards)) {
    const title = str(a.title);
    const school = profile.education.find((e) => e.institution && e.institution === str(a.awarder));
    if (title && school && !str(a.summary)) school.honors.push(title);
    else if (title) profile.awards.push(dropEmpty({ title, awarder: str(a.awarder), date: date(a.date), summary: str(a.summary) }));
  }

  for (const p of objs(d.projects)) {
    const bullets = [...(str(p.description) ? [str(p.description)!] : []), ...strs(p.highlights)];
    const url = str(p.url);
    const repo = url && /github\.com|gitlab\.com|bitbucket\.org/i.test(url);
    const project: DraftProject = { bullets, technologies: technologiesOf(bullets, strs(p.keywords)) };
    Object.assign(
      project,
      dropEmpty({ name: str(p.name), url: repo ? undefined : url, repoUrl: repo ? url : undefined, startDate: date(p.startDate), endDate: date(p.endDate) }),
    );
    profile.projects.push(project);
  }

  const addSkill = (group: keyof typeof profile.skills, item: string) => {
    const key = (canonicalSkill(item) ?? item).toLowerCase();
    const all = Object.values(profile.skills).flat().map((s) => (canonicalSkill(s) ?? s).toLowerCase());
    if (!all.includes(key)) profile.skills[group].push(item);
  };
  for (const s of objs(d.skills)) {
    const name = str(s.name);
    const keywords = strs(s.keywords);
    if (!keywords.length && name) addSkill(classifySkill(name), name);
    for (const k of keywords) addSkill(classifySkill(k, name, keywords), k);
  }
  for (const l of objs(d.languages)) {
    const language = str(l.language);
    if (language) addSkill("languages", str(l.fluency) ? `${language} (${str(l.fluency)})` : language);
  }
  for (const c of objs(d.certificates)) {
    const name = str(c.name);
    if (name) addSkill("certifications", name);
  }
  for (const skipped of ["publications", "interests", "references"] as const) {
    if (arr(d[skipped]).length) warnings.push(`The "${skipped}" section has no place in the profile and was skipped.`);
  }

  const fields = presentFields(profile);
  return { profile, confidence: { overall: validation.ok ? 1 : 0.5, fields }, warnings };
}

function presentFields(p: DraftProfile): FieldConfidence[] {
  const f: FieldConfidence[] = [];
  const push = (path: string, v: unknown) => {
    if (v !== undefined && v !== null && v !== "" && !(Array.isArray(v) && v.length === 0)) f.push({ path, confidence: 1 });
  };
  push("fullName", p.fullName);
  push("email", p.email);
  push("phone", p.phone);
  push("location", p.location);
  push("summary", p.summary);
  p.links.forEach((_, i) => f.push({ path: `links[${i}]`, confidence: 1 }));
  p.experiences.forEach((e, i) => {
    push(`experiences[${i}].title`, e.title);
    push(`experiences[${i}].company`, e.company);
    push(`experiences[${i}].location`, e.location);
    push(`experiences[${i}].dates`, e.startDate ?? e.endDate);
    push(`experiences[${i}].bullets`, e.bullets);
  });
  p.education.forEach((e, i) => {
    push(`education[${i}].institution`, e.institution);
    push(`education[${i}].degree`, e.degree);
    push(`education[${i}].field`, e.field);
    push(`education[${i}].dates`, e.startDate ?? e.endDate);
    push(`education[${i}].gpa`, e.gpa);
  });
  p.projects.forEach((x, i) => push(`projects[${i}].name`, x.name));
  for (const g of ["technical", "soft", "languages", "certifications"] as const) push(`skills.${g}`, p.skills[g]);
  return f;
}

// ───────────────────────────── export ─────────────────────────────

/** An experience or project with the enhancement choice the user made for it. */
export interface EnhancementChoice {
  enhancedBullets?: string[] | null;
  useEnhanced?: boolean | null;
}

export interface ExportProfile extends ProfileData {
  experiences: (ExperienceData & EnhancementChoice)[];
  projects: (ProjectData & EnhancementChoice)[];
  enhancedSummary?: string | null;
  useEnhancedSummary?: boolean | null;
  /** A headline such as "Senior Backend Engineer" (JSON Resume basics.label). */
  label?: string | null;
}

export interface ExportMeta {
  /** URL of the latest version of this document. */
  canonical?: string;
  version?: string;
  /** "YYYY-MM-DDThh:mm:ss"; passed in because core code reads no clock. */
  lastModified?: string;
}

export const JSON_RESUME_SCHEMA_URL = "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json";

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;

function absoluteUrl(u: string | null | undefined): string | undefined {
  const s = u?.trim();
  if (!s) return undefined;
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(s) ? s : `https://${s}`;
  try {
    const url = new URL(withScheme);
    // Keep the user's spelling when it is already a clean absolute URL; otherwise the encoded form.
    return /^https?:\/\/[^\s]+$/i.test(withScheme) ? withScheme : url.href;
  } catch {
    return undefined;
  }
}

const isoDate = (d: string | null | undefined) => (d && ISO_PARTIAL_DATE.test(d.trim()) ? d.trim() : undefined);

function chosen(bullets: string[], item: EnhancementChoice): string[] {
  return item.useEnhanced && item.enhancedBullets?.length ? item.enhancedBullets : bullets;
}

function locationObject(location: string | null | undefined): Obj | undefined {
  if (!location || /^(?:remote|anywhere)\b/i.test(location.trim())) return undefined;
  const parts = location.split(",").map((p) => p.trim()).filter(Boolean);
  if (!parts.length) return undefined;
  const [city, ...rest] = parts;
  return dropEmpty({ city, region: rest.join(", ") || undefined });
}

function splitLanguage(item: string): { language: string; fluency?: string } {
  const m = /^(.+?)\s*(?:\((.+)\)|[:–—-]\s*(.+))$/.exec(item.trim());
  return m ? { language: m[1].trim(), fluency: (m[2] ?? m[3]).trim() } : { language: item.trim() };
}

/**
 * A JSON Resume document for a profile, valid against the official schema: enhanced text where
 * the user chose it, optional values left out rather than written in a shape the schema rejects.
 */
export function profileToJsonResume(profile: ExportProfile, meta?: ExportMeta): Obj {
  const links = profile.links.map((l) => ({ label: l.label, url: absoluteUrl(l.url) })).filter((l): l is { label: string; url: string } => !!l.url);
  const websiteIdx = links.findIndex((l) => /^(?:website|homepage|portfolio|blog|personal)/i.test(l.label));
  const website = websiteIdx >= 0 ? links[websiteIdx] : undefined;
  const summary = profile.useEnhancedSummary && profile.enhancedSummary?.trim() ? profile.enhancedSummary : profile.summary;

  const basics = dropEmpty({
    name: profile.fullName ?? undefined,
    label: profile.label ?? undefined,
    email: profile.email && EMAIL.test(profile.email.trim()) ? profile.email.trim() : undefined,
    phone: profile.phone ?? undefined,
    url: website?.url,
    summary: summary ?? undefined,
    location: locationObject(profile.location),
    profiles: links
      .filter((l) => l !== website)
      .map((l) => dropEmpty({ network: l.label, username: /linkedin|github|gitlab|twitter|x\.com/i.test(l.url) ? l.url.replace(/\/+$/, "").split("/").pop() : undefined, url: l.url })),
  });

  const work = profile.experiences.map((e) =>
    dropEmpty({
      name: e.company,
      position: e.title,
      location: e.location ?? undefined,
      startDate: isoDate(e.startDate),
      endDate: e.current ? undefined : isoDate(e.endDate),
      highlights: chosen(e.bullets, e),
    }),
  );

  const education = profile.education.map((e) =>
    dropEmpty({
      institution: e.institution,
      studyType: e.degree ?? undefined,
      area: e.field ?? undefined,
      startDate: isoDate(e.startDate),
      endDate: isoDate(e.endDate),
      score: e.gpa ?? undefined,
      courses: e.coursework,
    }),
  );
  const awards = [
    ...(profile.awards ?? []).map((a) => dropEmpty({ title: a.title, awarder: a.awarder ?? undefined, date: isoDate(a.date), summary: a.summary ?? undefined })),
    ...profile.education.flatMap((e) => e.honors.map((title) => dropEmpty({ title, awarder: e.institution, date: isoDate(e.endDate) }))),
  ];

  const projects = profile.projects.map((p) =>
    dropEmpty({
      name: p.name,
      highlights: chosen(p.bullets, p),
      keywords: p.technologies,
      url: absoluteUrl(p.url) ?? absoluteUrl(p.repoUrl),
      startDate: isoDate(p.startDate),
      endDate: isoDate(p.endDate),
    }),
  );

  const skills = [
    ...groupTechnical(profile.skills.technical),
    ...(profile.skills.soft.length ? [{ name: "Soft skills", keywords: profile.skills.soft }] : []),
  ];

  const doc: Obj = {
    $schema: JSON_RESUME_SCHEMA_URL,
    basics,
    work,
    education,
    awards,
    skills,
    languages: profile.skills.languages.map((l) => dropEmpty(splitLanguage(l))),
    certificates: profile.skills.certifications.map((name) => ({ name })),
    projects,
    meta: dropEmpty({ canonical: absoluteUrl(meta?.canonical), version: meta?.version ?? "v1.0.0", lastModified: meta?.lastModified }),
  };
  return dropEmpty(doc);
}

const CATEGORY_NAMES: Record<string, string> = {
  language: "Programming languages", framework: "Frameworks", database: "Databases", cloud: "Cloud", devops: "DevOps", tool: "Tools",
  data: "Data", methodology: "Methods", business: "Business", design: "Design", domain: "Domain",
};

/** Technical skills grouped the way JSON Resume themes show them: one entry per lexicon category. */
function groupTechnical(skills: string[]): { name: string; keywords: string[] }[] {
  const groups = new Map<string, string[]>();
  for (const s of skills) {
    const category = skillCategory(canonicalSkill(s) ?? s);
    const name = (category && CATEGORY_NAMES[category]) ?? "Technical";
    groups.set(name, [...(groups.get(name) ?? []), s]);
  }
  return [...groups].map(([name, keywords]) => ({ name, keywords }));
}

// ───────────────────────────── jobs ─────────────────────────────

const REMOTE_OUT: Record<RemoteMode, string | undefined> = { REMOTE: "Full", HYBRID: "Hybrid", ONSITE: "None", UNKNOWN: undefined };
const REMOTE_IN: Record<string, RemoteMode> = { full: "REMOTE", hybrid: "HYBRID", none: "ONSITE" };
const SENIORITY_LABELS: Record<Seniority, string> = {
  INTERN: "Intern", JUNIOR: "Junior", MID: "Mid-level", SENIOR: "Senior", LEAD: "Lead", PRINCIPAL: "Principal", EXECUTIVE: "Executive",
};
const PERIOD_LABELS: Record<SalaryPeriod, string> = { HOUR: "hour", DAY: "day", WEEK: "week", MONTH: "month", YEAR: "year" };
const PREFERRED_PREFIX = "Preferred: ";

function salaryText(s: ParsedJob["salary"]): string | undefined {
  if (!s || (s.min === null && s.max === null)) return undefined;
  const amount = s.min !== null && s.max !== null && s.min !== s.max ? `${s.min}-${s.max}` : String(s.min ?? s.max);
  return [amount, s.currency, s.period ? `per ${PERIOD_LABELS[s.period]}` : null].filter(Boolean).join(" ");
}

/**
 * A JSON Resume job document for a parsed job. Preferred requirements carry a "Preferred: "
 * prefix and benefits sit in an extra "benefits" list (the schema allows extra properties), so
 * jsonResumeJobToParsedJob gets back what went in.
 */
export function jobToJsonResumeJob(job: ParsedJob & { url?: string | null; postedAt?: string | null }): Obj {
  const experience = [job.seniority ? SENIORITY_LABELS[job.seniority] : null, job.yearsExperience !== null ? `${job.yearsExperience}+ years` : null]
    .filter(Boolean)
    .join(", ");
  return dropEmpty({
    title: job.title ?? undefined,
    company: job.company ?? undefined,
    date: date(job.postedAt),
    description: job.description,
    location: locationObject(job.location),
    remote: REMOTE_OUT[job.remoteMode],
    salary: salaryText(job.salary),
    experience: experience || undefined,
    responsibilities: job.responsibilities,
    qualifications: [
      ...job.requirements.filter((r) => r.required).map((r) => r.text),
      ...job.requirements.filter((r) => !r.required).map((r) => `${PREFERRED_PREFIX}${r.text}`),
    ],
    skills: job.keywords.map((name) => ({ name })),
    benefits: job.benefits,
    meta: dropEmpty({ canonical: absoluteUrl(job.url), version: "v1.0.0" }),
  });
}

const CURRENCIES: [RegExp, string][] = [
  [/\$|\busd\b/i, "USD"], [/€|\beur\b/i, "EUR"], [/£|\bgbp\b/i, "GBP"], [/\bchf\b/i, "CHF"], [/\bcad\b/i, "CAD"], [/\baud\b/i, "AUD"],
  [/¥|\bjpy\b/i, "JPY"], [/₹|\binr\b/i, "INR"], [/\bsek\b/i, "SEK"], [/\bpln\b/i, "PLN"],
];

/** "100000", "90k-120k USD per year", "€45/hour". */
export function parseSalaryText(text: string | undefined): ParsedJob["salary"] {
  if (!text) return null;
  const amounts = [...text.matchAll(/(\d[\d,.]*)\s*([km])?\b/gi)].map((m) => {
    const n = Number(m[1].replace(/,/g, ""));
    return m[2]?.toLowerCase() === "k" ? n * 1000 : m[2]?.toLowerCase() === "m" ? n * 1_000_000 : n;
  }).filter((n) => Number.isFinite(n) && n > 0);
  if (!amounts.length) return null;
  const period = /\b(?:per\s+)?(?:hour|hourly|hr)\b|\/\s*h(?:ou)?r\b/i.test(text) ? "HOUR"
    : /\b(?:per\s+)?day\b|daily/i.test(text) ? "DAY"
    : /\b(?:per\s+)?week\b|weekly/i.test(text) ? "WEEK"
    : /\b(?:per\s+)?month\b|monthly/i.test(text) ? "MONTH"
    : /\b(?:per\s+)?(?:year|annum)\b|annual|yearly|\/\s*yr\b/i.test(text) ? "YEAR" : null;
  return {
    min: Math.min(...amounts.slice(0, 2)),
    max: Math.max(...amounts.slice(0, 2)),
    currency: CURRENCIES.find(([re]) => re.test(text))?.[1] ?? null,
    period,
  };
}

function seniorityOf(text: string | undefined): Seniority | null {
  if (!text) return null;
  const entries = Object.entries(SENIORITY_LABELS) as [Seniority, string][];
  const found = entries.find(([, label]) => new RegExp(`\\b${label}\\b`, "i").test(text));
  if (found) return found[0];
  if (/\b(?:mid|intermediate)\b/i.test(text)) return "MID";
  if (/\b(?:entry|graduate)\b/i.test(text)) return "JUNIOR";
  if (/\b(?:staff)\b/i.test(text)) return "PRINCIPAL";
  return null;
}

function yearsOf(texts: string[]): number | null {
  for (const t of texts) {
    const m = /(\d{1,2})\s*\+?\s*(?:or more\s+)?years?/i.exec(t);
    if (m) return Number(m[1]);
  }
  return null;
}

function keywordsIn(text: string): string[] {
  return [...new Set(findSkills(text).filter((m) => m.category !== "spoken").map((m) => m.canonical))];
}

/** A parsed job from a JSON Resume job document (the inverse of jobToJsonResumeJob). */
export function jsonResumeJobToParsedJob(doc: unknown): ParsedJob {
  const d = isObj(doc) ? doc : {};
  const qualifications = strs(d.qualifications);
  const requirements: JobRequirement[] = qualifications.map((q) => {
    const preferred = q.startsWith(PREFERRED_PREFIX) || /^(?:preferred|nice to have|bonus|plus)\b\s*:?\s*/i.test(q);
    const text = q.startsWith(PREFERRED_PREFIX) ? q.slice(PREFERRED_PREFIX.length) : q;
    return { text, required: !preferred, keywords: keywordsIn(text) };
  });
  // A skill with keywords is a group ("Web Development": HTML, CSS); its name is a keyword only when the lexicon knows it.
  const skillNames = objs(d.skills).flatMap((s) => {
    const name = str(s.name);
    const kws = strs(s.keywords);
    return kws.length ? [...(name && canonicalSkill(name) ? [name] : []), ...kws] : name ? [name] : [];
  });
  const keywords = new Map<string, string>();
  // The skills list comes first (the document's own keywords), then what the qualifications name;
  // the description is read only when neither names any.
  const named = [...skillNames, ...requirements.flatMap((r) => r.keywords)];
  const source = named.length ? named : keywordsIn(str(d.description) ?? "");
  for (const k of source) {
    const c = canonicalSkill(k) ?? k;
    if (!keywords.has(c.toLowerCase())) keywords.set(c.toLowerCase(), c);
  }
  const experience = str(d.experience);
  const remote = str(d.remote);
  return {
    title: str(d.title) ?? null,
    company: str(d.company) ?? null,
    location: locationText(d.location) ?? null,
    description: str(d.description) ?? "",
    keywords: [...keywords.values()],
    requirements,
    responsibilities: strs(d.responsibilities),
    benefits: strs(d.benefits),
    salary: parseSalaryText(str(d.salary)),
    remoteMode: (remote && REMOTE_IN[remote.toLowerCase()]) || "UNKNOWN",
    seniority: seniorityOf(experience) ?? seniorityOf(str(d.title)),
    yearsExperience: yearsOf([experience ?? "", ...qualifications]),
  };
}
