// Resume compiler: turns a profile and its ranking for a job into a resume, by plain and
// reproducible rules (no LLM). Same inputs → byte-identical output.
//
// Selection
// - Experiences: the `maxExperiences` best-scored ones. Roles with no match at all are left out
//   unless fewer than two would remain. They are then SHOWN in reverse-chronological order
//   (current roles first, then by end date, then start date): a recruiter reads a resume as a
//   timeline and distrusts one that is not.
// - Bullets: per experience the `maxBulletsPerExperience` best-scored ones, kept in their
//   original order. Bullets with no match are used only to give a role at least two bullets.
//   Enhanced text replaces the original where the item has `useEnhanced`; when the enhanced
//   list has a different length than the original, it is scored afresh with the bullet rules.
// - Projects (if included): those with a match, best first, at most three, two bullets each
//   (fewer if `maxBulletsPerExperience` is lower).
// - Skills: the lexicon's canonical names (ATS-friendly: "k8s" is printed "Kubernetes"), ordered
//   by relevance; certifications and spoken languages get their own lines.
// Sections: the header and summary come first; experience, projects, skills and education
// follow in order of relevance (best item score; skills use the mean of their top five;
// education is scored on its text with a floor of 0.2). Ties keep that listed order.
// Page budget: lines are estimated from the rendered text (one line per 95 characters).
// While over budget, the compiler drops, in turn: the weakest extra bullet (every shown role
// keeps one), the weakest project, the weakest extra experience, then skills beyond ten.

import type { EducationData, ExperienceData, ParsedJob, ProfileData, ProjectData, RankedItem, RankedKind, Ranking } from "./types.ts";
import { canonicalSkill, skillCategory } from "./lexicon.ts";
import { partialDateEnd, partialDateStart, scoreTexts } from "./ranking.ts";

export interface EnhanceableItem {
  enhancedBullets?: string[] | null;
  useEnhanced?: boolean;
}

export type CompilerExperience = ExperienceData & EnhanceableItem;
export type CompilerProject = ProjectData & EnhanceableItem;

export interface CompilerProfile extends ProfileData {
  experiences: CompilerExperience[];
  projects: CompilerProject[];
  enhancedSummary?: string | null;
  useEnhancedSummary?: boolean;
}

export type ResumeFormat = "TEXT" | "MARKDOWN";

export interface CompileOptions {
  maxExperiences: number;
  maxBulletsPerExperience: number;
  includeProjects: boolean;
  includeEducation: boolean;
  format: ResumeFormat;
  /** Approximate printed lines allowed; default two pages of 60 lines. */
  pageBudgetLines?: number;
}

export interface CompileInput {
  profile: CompilerProfile;
  ranking: Ranking;
  job: ParsedJob;
  options: CompileOptions;
}

export interface IncludedItem {
  kind: RankedKind;
  itemId: string;
  bulletIndex: number | null;
  score: number;
  reason: string;
}

export interface CompiledResume {
  content: string;
  /** What the resume shows, in document order, with the score and reason that put it there. */
  included: IncludedItem[];
}

export const LINES_PER_PAGE = 60;
export const DEFAULT_PAGE_BUDGET = 2 * LINES_PER_PAGE;
const CHARS_PER_LINE = 95;
const MAX_PROJECTS = 3;
const MAX_PROJECT_BULLETS = 2;
const MIN_BULLETS_SHOWN = 2;
const MIN_EXPERIENCES_SHOWN = 2;
const MIN_SKILLS_KEPT = 10;

type SectionName = "experience" | "projects" | "skills" | "education";

interface PlannedBullet {
  index: number;
  text: string;
  score: number;
  reason: string;
}

interface PlannedEntry<T> {
  item: T;
  score: number;
  reason: string;
  bullets: PlannedBullet[];
}

interface PlannedSkill {
  name: string;
  itemId: string;
  score: number;
  reason: string;
  group: "skills" | "certifications" | "languages";
}

interface Plan {
  summary: string | null;
  experiences: PlannedEntry<CompilerExperience>[];
  projects: PlannedEntry<CompilerProject>[];
  skills: PlannedSkill[];
  education: EducationData[];
  sectionOrder: SectionName[];
}

// ---------------------------------------------------------------------------------------------
// Ranking lookups

class ScoreBook {
  private readonly map = new Map<string, RankedItem>();

  constructor(ranking: Ranking) {
    for (const i of ranking.items) this.map.set(ScoreBook.key(i.kind, i.itemId, i.bulletIndex), i);
  }

  static key(kind: RankedKind, id: string, bullet: number | null): string {
    return `${kind}\u0000${id}\u0000${bullet ?? ""}`;
  }

  get(kind: RankedKind, id: string, bullet: number | null = null): { score: number; reason: string } {
    const hit = this.map.get(ScoreBook.key(kind, id, bullet));
    return hit ? { score: hit.score, reason: hit.reason } : { score: 0, reason: "Not in the ranking." };
  }
}

const byScoreThenIndex = <T extends { score: number }>(items: T[], index: (t: T) => number) =>
  [...items].sort((a, b) => b.score - a.score || index(a) - index(b));

// ---------------------------------------------------------------------------------------------
// Selection

function bulletsOf(owner: CompilerExperience | CompilerProject, kindId: string, book: ScoreBook, job: ParsedJob): PlannedBullet[] {
  const enhanced = owner.useEnhanced && owner.enhancedBullets && owner.enhancedBullets.length ? owner.enhancedBullets : null;
  if (!enhanced) return owner.bullets.map((text, index) => ({ index, text, ...book.get("BULLET", kindId, index) }));
  if (enhanced.length === owner.bullets.length) return enhanced.map((text, index) => ({ index, text, ...book.get("BULLET", kindId, index) }));
  return scoreTexts(enhanced, job).map((s, index) => ({ index, text: enhanced[index], score: s.score, reason: s.reason }));
}

function pickBullets(all: PlannedBullet[], max: number): PlannedBullet[] {
  const usable = all.filter((b) => b.text.trim());
  const ranked = byScoreThenIndex(usable, (b) => b.index);
  const matched = ranked.filter((b) => b.score > 0).slice(0, max);
  const floor = Math.min(MIN_BULLETS_SHOWN, max);
  const filler = matched.length < floor ? ranked.filter((b) => b.score === 0).slice(0, floor - matched.length) : [];
  return [...matched, ...filler].sort((a, b) => a.index - b.index);
}

/** Sort key for a timeline: current first, then latest end, then latest start. */
function chronologyKey(e: { current?: boolean; endDate?: string | null; startDate?: string | null }): [number, number, number] {
  const end = e.current ? Number.MAX_SAFE_INTEGER : (partialDateEnd(e.endDate)?.getTime() ?? partialDateStart(e.startDate)?.getTime() ?? 0);
  const start = partialDateStart(e.startDate)?.getTime() ?? 0;
  return [e.current ? 1 : 0, end, start];
}

function reverseChronological<T>(entries: T[], of: (t: T) => { current?: boolean; endDate?: string | null; startDate?: string | null }, position: (t: T) => number): T[] {
  return [...entries].sort((a, b) => {
    const [ca, ea, sa] = chronologyKey(of(a));
    const [cb, eb, sb] = chronologyKey(of(b));
    return cb - ca || eb - ea || sb - sa || position(a) - position(b);
  });
}

function selectExperiences(profile: CompilerProfile, book: ScoreBook, job: ParsedJob, o: CompileOptions): PlannedEntry<CompilerExperience>[] {
  if (o.maxExperiences <= 0) return [];
  const position = new Map(profile.experiences.map((e, i) => [e.id, i]));
  const scored = profile.experiences.map((e) => ({ item: e, ...book.get("EXPERIENCE", e.id) }));
  const ranked = byScoreThenIndex(scored, (s) => position.get(s.item.id)!);
  const relevant = ranked.filter((s) => s.score > 0).slice(0, o.maxExperiences);
  const floor = Math.min(MIN_EXPERIENCES_SHOWN, o.maxExperiences);
  // Short of relevant roles, the most recent other roles fill the floor: a recruiter reads a
  // timeline, and a recent gap looks worse than an old one.
  const others = reverseChronological(ranked.filter((s) => s.score <= 0), (s) => s.item, (s) => position.get(s.item.id)!);
  const chosen = relevant.length >= floor ? relevant : [...relevant, ...others.slice(0, floor - relevant.length)];
  const entries = chosen.map((s) => ({ ...s, bullets: pickBullets(bulletsOf(s.item, s.item.id, book, job), o.maxBulletsPerExperience) }));
  return reverseChronological(entries, (e) => e.item, (e) => position.get(e.item.id)!);
}

function selectProjects(profile: CompilerProfile, book: ScoreBook, job: ParsedJob, o: CompileOptions): PlannedEntry<CompilerProject>[] {
  if (!o.includeProjects) return [];
  const position = new Map(profile.projects.map((p, i) => [p.id, i]));
  const scored = profile.projects.map((p) => ({ item: p, ...book.get("PROJECT", p.id) })).filter((p) => p.score > 0);
  const limit = Math.min(MAX_PROJECT_BULLETS, o.maxBulletsPerExperience);
  return byScoreThenIndex(scored, (s) => position.get(s.item.id)!)
    .slice(0, MAX_PROJECTS)
    .map((s) => ({ ...s, bullets: pickBullets(bulletsOf(s.item, s.item.id, book, job), limit) }));
}

function selectSkills(profile: CompilerProfile, book: ScoreBook): PlannedSkill[] {
  const seen = new Set<string>();
  const out: (PlannedSkill & { position: number })[] = [];
  const groups: [string[], PlannedSkill["group"] | null][] = [
    [profile.skills.technical, null],
    [profile.skills.soft, null],
    [profile.skills.certifications, "certifications"],
    [profile.skills.languages, "languages"],
  ];
  for (const [names, fixedGroup] of groups) {
    for (const raw of names) {
      const name = raw.trim();
      const canonical = canonicalSkill(name);
      const shown = canonical ?? name;
      if (!name || seen.has(shown.toLowerCase())) continue;
      seen.add(shown.toLowerCase());
      const category = canonical ? skillCategory(canonical) : null;
      const group = fixedGroup ?? (category === "certification" ? "certifications" : category === "spoken" ? "languages" : "skills");
      out.push({ name: shown, itemId: name, group, position: out.length, ...book.get("SKILL", name) });
    }
  }
  return byScoreThenIndex(out, (s) => s.position).map(({ position: _position, ...s }) => s);
}

function selectEducation(profile: CompilerProfile, o: CompileOptions): EducationData[] {
  if (!o.includeEducation) return [];
  const position = new Map(profile.education.map((e, i) => [e.id, i]));
  return reverseChronological(profile.education, (e) => e, (e) => position.get(e.id)!);
}

function educationText(e: EducationData): string {
  return [e.degree, e.field, e.institution, ...e.coursework, ...e.honors].filter(Boolean).join(" ");
}

function sectionOrder(plan: Omit<Plan, "sectionOrder">, job: ParsedJob): SectionName[] {
  const best = (scores: number[]) => (scores.length ? Math.max(...scores) : 0);
  const topSkills = plan.skills.slice(0, 5).map((s) => s.score);
  const candidates: [SectionName, number, boolean][] = [
    ["experience", best(plan.experiences.map((e) => e.score)), plan.experiences.length > 0],
    ["projects", best(plan.projects.map((p) => p.score)), plan.projects.length > 0],
    ["skills", topSkills.length ? topSkills.reduce((a, b) => a + b, 0) / topSkills.length : 0, plan.skills.length > 0],
    ["education", Math.max(0.2, best(scoreTexts(plan.education.map(educationText), job).map((s) => s.score))), plan.education.length > 0],
  ];
  return candidates
    .map((c, i) => ({ name: c[0], score: c[1], present: c[2], i }))
    .filter((c) => c.present)
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .map((c) => c.name);
}

function summaryOf(profile: CompilerProfile): string | null {
  const enhanced = profile.useEnhancedSummary ? profile.enhancedSummary?.trim() : null;
  return enhanced || profile.summary?.trim() || null;
}

function makePlan(input: CompileInput): Plan {
  const { profile, ranking, job, options } = input;
  const book = new ScoreBook(ranking);
  const partial = {
    summary: summaryOf(profile),
    experiences: selectExperiences(profile, book, job, options),
    projects: selectProjects(profile, book, job, options),
    skills: selectSkills(profile, book),
    education: selectEducation(profile, options),
  };
  return { ...partial, sectionOrder: sectionOrder(partial, job) };
}

// ---------------------------------------------------------------------------------------------
// Rendering

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function formatDate(date: string | null | undefined): string | null {
  if (!date) return null;
  const m = /^(\d{4})(?:-(\d{1,2}))?/.exec(date.trim());
  if (!m) return date.trim() || null;
  return m[2] ? `${MONTHS[Number(m[2]) - 1] ?? m[2]} ${m[1]}` : m[1];
}

function dateRange(start: string | null | undefined, end: string | null | undefined, current = false): string | null {
  const s = formatDate(start);
  const e = current ? "Present" : formatDate(end);
  if (s && e) return s === e ? s : `${s} – ${e}`;
  return s ?? e;
}

interface Style {
  name(n: string): string;
  heading(h: string): string;
  entry(title: string, meta: string | null): string[];
  bullet(text: string): string;
  label(label: string, value: string): string;
  link(label: string, url: string): string;
  separator: string;
}

const TEXT_STYLE: Style = {
  name: (n) => n.toUpperCase(),
  heading: (h) => h.toUpperCase(),
  entry: (title, meta) => [title, ...(meta ? [meta] : [])],
  bullet: (t) => `- ${t}`,
  label: (l, v) => `${l}: ${v}`,
  link: (l, u) => `${l}: ${u}`,
  separator: " | ",
};

const MARKDOWN_STYLE: Style = {
  name: (n) => `# ${n}`,
  heading: (h) => `## ${h}`,
  entry: (title, meta) => [`### ${title}`, ...(meta ? [`*${meta}*`] : [])],
  bullet: (t) => `- ${t}`,
  label: (l, v) => `**${l}:** ${v}`,
  link: (l, u) => `[${l}](${u})`,
  separator: " · ",
};

function join(parts: (string | null | undefined)[], sep: string): string | null {
  const kept = parts.filter((p): p is string => Boolean(p && p.trim()));
  return kept.length ? kept.join(sep) : null;
}

function renderHeader(profile: CompilerProfile, st: Style): string[] {
  const lines: string[] = [];
  if (profile.fullName?.trim()) lines.push(st.name(profile.fullName.trim()));
  const contact = join([profile.email, profile.phone, profile.location, ...profile.links.map((l) => st.link(l.label, l.url))], st.separator);
  if (contact) lines.push(contact);
  return lines;
}

function renderExperience(plan: Plan, st: Style): string[] {
  return plan.experiences.flatMap((e, i) => [
    ...(i > 0 ? [""] : []),
    ...st.entry(join([e.item.title, e.item.company], ", ")!, join([e.item.location, dateRange(e.item.startDate, e.item.endDate, e.item.current)], st.separator)),
    ...e.bullets.map((b) => st.bullet(b.text.trim())),
  ]);
}

function renderProjects(plan: Plan, st: Style): string[] {
  return plan.projects.flatMap((p, i) => [
    ...(i > 0 ? [""] : []),
    ...st.entry(
      p.item.name,
      join([p.item.technologies.join(", "), p.item.url ?? p.item.repoUrl, dateRange(p.item.startDate, p.item.endDate)], st.separator),
    ),
    ...p.bullets.map((b) => st.bullet(b.text.trim())),
  ]);
}

function renderSkills(plan: Plan, st: Style): string[] {
  const line = (group: PlannedSkill["group"], label: string) => {
    const names = plan.skills.filter((s) => s.group === group).map((s) => s.name);
    return names.length ? [st.label(label, names.join(", "))] : [];
  };
  return [...line("skills", "Skills"), ...line("certifications", "Certifications"), ...line("languages", "Languages")];
}

function renderEducation(plan: Plan, st: Style): string[] {
  return plan.education.flatMap((e, i) => {
    const degree = join([e.degree, e.field], " in ");
    const details = join([e.gpa ? `GPA ${e.gpa}` : null, e.honors.length ? e.honors.join(", ") : null, e.coursework.length ? `Coursework: ${e.coursework.join(", ")}` : null], "; ");
    return [...(i > 0 ? [""] : []), ...st.entry(join([degree, e.institution], ", ")!, dateRange(e.startDate, e.endDate)), ...(details ? [details] : [])];
  });
}

const SECTION_TITLES: Record<SectionName, string> = { experience: "Experience", projects: "Projects", skills: "Skills", education: "Education" };
const SECTION_RENDERERS: Record<SectionName, (plan: Plan, st: Style) => string[]> = {
  experience: renderExperience,
  projects: renderProjects,
  skills: renderSkills,
  education: renderEducation,
};

function render(profile: CompilerProfile, plan: Plan, format: ResumeFormat): string {
  const st = format === "MARKDOWN" ? MARKDOWN_STYLE : TEXT_STYLE;
  const blocks: string[][] = [];
  const header = renderHeader(profile, st);
  if (header.length) blocks.push(header);
  if (plan.summary) blocks.push([st.heading("Summary"), plan.summary]);
  for (const name of plan.sectionOrder) {
    const body = SECTION_RENDERERS[name](plan, st);
    if (body.length) blocks.push([st.heading(SECTION_TITLES[name]), ...body]);
  }
  return `${blocks.map((b) => b.join("\n")).join("\n\n")}\n`;
}

export function estimateLines(content: string): number {
  return content
    .replace(/\n$/, "")
    .split("\n")
    .reduce((sum, line) => sum + Math.max(1, Math.ceil(line.length / CHARS_PER_LINE)), 0);
}

// ---------------------------------------------------------------------------------------------
// Page budget

/** Removes the least valuable piece of content; false when nothing more can go. */
function trimOnce(plan: Plan): boolean {
  const extraBullets = [...plan.experiences, ...plan.projects].flatMap((entry, order) =>
    entry.bullets.length > 1 ? entry.bullets.map((b) => ({ entry, b, order })) : [],
  );
  if (extraBullets.length) {
    const worst = extraBullets.reduce((w, c) => (c.b.score < w.b.score || (c.b.score === w.b.score && (c.order > w.order || (c.order === w.order && c.b.index > w.b.index))) ? c : w));
    worst.entry.bullets = worst.entry.bullets.filter((b) => b !== worst.b);
    return true;
  }
  if (plan.projects.length) {
    plan.projects = plan.projects.slice(0, -1);
    return true;
  }
  if (plan.experiences.length > 1) {
    const worst = plan.experiences.reduce((w, e, i) => (e.score <= plan.experiences[w].score ? i : w), 0);
    plan.experiences = plan.experiences.filter((_, i) => i !== worst);
    return true;
  }
  if (plan.skills.length > MIN_SKILLS_KEPT) {
    plan.skills = plan.skills.slice(0, -1);
    return true;
  }
  return false;
}

function fitToBudget(profile: CompilerProfile, plan: Plan, format: ResumeFormat, budget: number): string {
  let content = render(profile, plan, format);
  while (estimateLines(content) > budget && trimOnce(plan)) content = render(profile, plan, format);
  return content;
}

// ---------------------------------------------------------------------------------------------
// Entry point

function includedItems(plan: Plan): IncludedItem[] {
  const entries = (kind: "EXPERIENCE" | "PROJECT", list: PlannedEntry<CompilerExperience | CompilerProject>[]) =>
    list.flatMap((e) => [
      { kind, itemId: e.item.id, bulletIndex: null, score: e.score, reason: e.reason },
      ...e.bullets.map((b) => ({ kind: "BULLET" as const, itemId: e.item.id, bulletIndex: b.index, score: b.score, reason: b.reason })),
    ]);
  const sections: Record<SectionName, () => IncludedItem[]> = {
    experience: () => entries("EXPERIENCE", plan.experiences),
    projects: () => entries("PROJECT", plan.projects),
    skills: () => plan.skills.map((s) => ({ kind: "SKILL" as const, itemId: s.itemId, bulletIndex: null, score: s.score, reason: s.reason })),
    education: () => [],
  };
  return plan.sectionOrder.flatMap((name) => sections[name]());
}

export function compileResume(input: CompileInput): CompiledResume {
  const plan = makePlan(input);
  const budget = input.options.pageBudgetLines ?? DEFAULT_PAGE_BUDGET;
  const content = fitToBudget(input.profile, plan, input.options.format, budget);
  return { content, included: includedItems(plan) };
}
