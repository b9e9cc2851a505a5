// Deterministic relevance ranking of a profile against a parsed job.
//
// Every experience, project, bullet and skill gets a score in 0..1, the job keywords it matched
// and a one-line reason. The same input always yields the same output: no clock (`now` is
// passed in), no randomness, ties broken by stable ids.
//
// How a text item is scored:
// - Query terms come from the job: its required skills (weight 1.0), preferred skills (0.6),
//   other keywords (0.4, or 0.8 when the job names no required skill at all), and plain content
//   words of the title (0.3) and of the requirement/responsibility lines (0.12).
// - Items are tokenised through the skills lexicon, so "k8s" in a bullet and "Kubernetes" in the
//   job are one term; the other words are lowercased and lightly stemmed.
// - relevance = 0.65 × coverage + 0.35 × bm25, where coverage = 1 − e^(−matched weight / 1.5)
//   is absolute (one required skill ≈ 0.49, two ≈ 0.74, three ≈ 0.86; plain words add at most
//   0.6 of weight) and bm25 is BM25 (k1 = 1.2, b = 0.75) relative to the best item of the same
//   kind, which rewards repeated and rarer matches.
// - Experiences are multiplied by recency: 1 for a current role, otherwise
//   0.4 + 0.6 × 0.5^(years since end / 4) (≈0.82 after 2 years, ≈0.5 after 10); 0.7 when the
//   end date is unknown. Bullets and projects are scored on their text alone.
// Skills: required 1.0, preferred 0.7, other job keyword 0.45, then × (0.7 + 0.3 × evidence),
// where evidence is the recency of the most recent experience (or 0.7 for a project) that uses
// the skill. A skill the job does not mention scores 0.1 when it shares a category with a skill
// the job asks for (MySQL for a PostgreSQL job), else 0.

import type { ExperienceData, ParsedJob, PartialDate, ProfileData, RankedItem, RankedKind, Ranking } from "./types.ts";
import { canonicalSkill, findSkills, skillCategory } from "./lexicon.ts";
import { countPhrase, humanList, plural, retrievalTokens, wordPairs, wordTokens } from "./text.ts";

export interface RankOptions {
  now: Date;
}

type Tier = "required" | "preferred" | "keyword" | "word";

interface Term {
  key: string;
  label: string;
  tier: Tier;
  weight: number;
}

interface JobQuery {
  terms: Map<string, Term>;
  /** Job keywords the lexicon does not know, matched as phrases. */
  phrases: string[];
}

interface Doc {
  tf: Map<string, number>;
  length: number;
}

export interface TextScore {
  score: number;
  matchedKeywords: string[];
  /** One line, e.g. "Matches 2 required skills (Go, Kubernetes)." */
  reason: string;
  /** Matched terms, strongest first (skills, phrases, then words). */
  matched: Term[];
}

const WEIGHT = { required: 1, preferred: 0.6, keyword: 0.4, keywordOnly: 0.8, titleWord: 0.3, lineWord: 0.12 } as const;
const COVERAGE_TAU = 1.5;
const WORD_WEIGHT_CAP = 0.6;
const BM25_K1 = 1.2;
const BM25_B = 0.75;
const TIER_ORDER: Record<Tier, number> = { required: 0, preferred: 1, keyword: 2, word: 3 };

/** Words that appear in almost every posting and say nothing about fit. */
const JOB_FILLER = new Set(
  (
    "skill knowledge understand understanding proven solid excellent familiarity proficiency proficient degree related field " +
    "prefer preferred require required must nice bonus ideal ideally plus strong hand hands-on demonstrat demonstrated track " +
    "record environment opportunity responsible responsibility closely collaborate wide range various level minimum least " +
    "equivalent comfortable willing willingness love passion passionate join help own ensure make build day " +
    "senior junior lead staff principal intern mid level head associate"
  ).split(/\s+/),
);

const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

// ---------------------------------------------------------------------------------------------
// Query

function skillKey(canonical: string): string {
  return `s:${canonical}`;
}

function addTerm(terms: Map<string, Term>, term: Term): void {
  const existing = terms.get(term.key);
  if (!existing || TIER_ORDER[term.tier] < TIER_ORDER[existing.tier] || (existing.tier === term.tier && term.weight > existing.weight)) {
    terms.set(term.key, term);
  }
}

function buildQuery(job: ParsedJob): JobQuery {
  const terms = new Map<string, Term>();
  for (const r of job.requirements) {
    for (const k of r.keywords) {
      const tier: Tier = r.required ? "required" : "preferred";
      addTerm(terms, { key: skillKey(k), label: k, tier, weight: WEIGHT[tier] });
    }
  }
  const anyRequired = [...terms.values()].some((t) => t.tier === "required");
  const phrases: string[] = [];
  for (const k of job.keywords) {
    const canonical = canonicalSkill(k);
    const keywordWeight = anyRequired ? WEIGHT.keyword : WEIGHT.keywordOnly;
    if (canonical) addTerm(terms, { key: skillKey(canonical), label: canonical, tier: "keyword", weight: keywordWeight });
    else {
      phrases.push(k);
      addTerm(terms, { key: `p:${k.toLowerCase()}`, label: k, tier: "keyword", weight: keywordWeight });
    }
  }
  // Title words count even inside skill names ("Registered Nurse" still says "nurse"); in the
  // longer lines only the words outside skill mentions do, so skills are not counted twice.
  const addWords = (text: string, weight: number, all = false) => {
    for (const { word, stem } of wordPairs(all ? text : retrievalTokens(text).rest)) {
      if (JOB_FILLER.has(stem) || JOB_FILLER.has(word) || stem.length < 3) continue;
      addTerm(terms, { key: `w:${stem}`, label: word, tier: "word", weight });
    }
  };
  if (job.title) addWords(job.title, WEIGHT.titleWord, true);
  for (const r of job.requirements) addWords(r.text, WEIGHT.lineWord);
  for (const line of job.responsibilities) addWords(line, WEIGHT.lineWord);
  return { terms, phrases };
}

// ---------------------------------------------------------------------------------------------
// Documents and scoring

function toDoc(text: string, query: JobQuery): Doc {
  const skills = findSkills(text);
  const words = wordTokens(text);
  const tf = new Map<string, number>();
  const bump = (key: string, n = 1) => tf.set(key, (tf.get(key) ?? 0) + n);
  for (const s of skills) bump(skillKey(s.canonical));
  for (const w of words) bump(`w:${w}`);
  for (const p of query.phrases) {
    const n = countPhrase(text, p);
    if (n) bump(`p:${p.toLowerCase()}`, n);
  }
  return { tf, length: skills.length + words.length };
}

function mergeDocs(docs: Doc[]): Doc {
  const tf = new Map<string, number>();
  let length = 0;
  for (const d of docs) {
    length += d.length;
    for (const [key, n] of d.tf) tf.set(key, (tf.get(key) ?? 0) + n);
  }
  return { tf, length };
}

function skillsIn(doc: Doc): string[] {
  return [...doc.tf.keys()].filter((k) => k.startsWith("s:")).map((k) => k.slice(2));
}

interface OwnerDocs {
  /** Title or name, technologies and all bullets together. */
  whole: Doc;
  bullets: Doc[];
}

interface ProfileDocs {
  experiences: OwnerDocs[];
  projects: OwnerDocs[];
}

/** Each bullet is tokenised once; an experience's document is the sum of its parts. */
function ownerDocs(heading: string, technologies: string[], bullets: string[], query: JobQuery): OwnerDocs {
  const bulletDocs = bullets.map((b) => toDoc(b, query));
  const headDoc = toDoc([heading, technologies.join(", ")].filter(Boolean).join("\n"), query);
  return { whole: mergeDocs([headDoc, ...bulletDocs]), bullets: bulletDocs };
}

function profileDocs(profile: ProfileData, query: JobQuery): ProfileDocs {
  return {
    experiences: profile.experiences.map((e) => ownerDocs(e.title, e.technologies, e.bullets, query)),
    projects: profile.projects.map((p) => ownerDocs(p.name, p.technologies, p.bullets, query)),
  };
}

function matchedTerms(doc: Doc, query: JobQuery): Term[] {
  const matched: Term[] = [];
  for (const key of doc.tf.keys()) {
    const term = query.terms.get(key);
    if (term) matched.push(term);
  }
  return matched.sort((a, b) => TIER_ORDER[a.tier] - TIER_ORDER[b.tier] || b.weight - a.weight || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
}

function coverage(matched: Term[]): number {
  let skillWeight = 0;
  let wordWeight = 0;
  for (const t of matched) {
    if (t.tier === "word") wordWeight += t.weight;
    else skillWeight += t.weight;
  }
  return 1 - Math.exp(-(skillWeight + Math.min(wordWeight, WORD_WEIGHT_CAP)) / COVERAGE_TAU);
}

function bm25Scores(docs: Doc[], query: JobQuery): number[] {
  const n = docs.length;
  if (n === 0) return [];
  const avgLength = docs.reduce((sum, d) => sum + d.length, 0) / n || 1;
  const docFreq = new Map<string, number>();
  for (const d of docs) for (const key of d.tf.keys()) if (query.terms.has(key)) docFreq.set(key, (docFreq.get(key) ?? 0) + 1);
  return docs.map((d) => {
    let score = 0;
    for (const [key, tf] of d.tf) {
      const term = query.terms.get(key);
      if (!term) continue;
      const df = docFreq.get(key)!;
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      score += term.weight * idf * ((tf * (BM25_K1 + 1)) / (tf + BM25_K1 * (1 - BM25_B + (BM25_B * d.length) / avgLength)));
    }
    return score;
  });
}

function scoreDocs(docs: Doc[], query: JobQuery): TextScore[] {
  const bm25 = bm25Scores(docs, query);
  const best = Math.max(0, ...bm25);
  return docs.map((doc, i) => {
    const matched = matchedTerms(doc, query);
    const relative = best > 0 ? bm25[i] / best : 0;
    const score = matched.length ? 0.65 * coverage(matched) + 0.35 * relative : 0;
    return { score, matched, matchedKeywords: matched.filter((t) => t.tier !== "word").map((t) => t.label), reason: `${matchSummary(matched)}.` };
  });
}

/**
 * Scores free texts (e.g. enhanced bullets) against a job as one corpus, with the same rules as
 * bullets in rankProfile.
 */
export function scoreTexts(texts: string[], job: ParsedJob): TextScore[] {
  const query = buildQuery(job);
  return scoreDocs(
    texts.map((t) => toDoc(t, query)),
    query,
  ).map((s) => ({ ...s, score: round4(s.score) }));
}

// ---------------------------------------------------------------------------------------------
// Dates and recency

/** End of the period a partial date names: "2021" → end of 2021, "2021-03" → end of March. */
export function partialDateEnd(date: PartialDate | null | undefined): Date | null {
  if (!date) return null;
  const m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?/.exec(date.trim());
  if (!m) return null;
  const year = Number(m[1]);
  if (m[3]) return new Date(Date.UTC(year, Number(m[2]) - 1, Number(m[3])));
  if (m[2]) return new Date(Date.UTC(year, Number(m[2]), 0));
  return new Date(Date.UTC(year, 11, 31));
}

export function partialDateStart(date: PartialDate | null | undefined): Date | null {
  if (!date) return null;
  const m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?/.exec(date.trim());
  if (!m) return null;
  return new Date(Date.UTC(Number(m[1]), m[2] ? Number(m[2]) - 1 : 0, m[3] ? Number(m[3]) : 1));
}

const YEAR_MS = 365.25 * 24 * 3600 * 1000;

export interface Recency {
  factor: number;
  /** Whole years since the role ended; 0 for a current role; null when unknown. */
  yearsAgo: number | null;
  current: boolean;
}

export function experienceRecency(exp: Pick<ExperienceData, "current" | "endDate">, now: Date): Recency {
  if (exp.current) return { factor: 1, yearsAgo: 0, current: true };
  const end = partialDateEnd(exp.endDate);
  if (!end) return { factor: 0.7, yearsAgo: null, current: false };
  const years = Math.max(0, (now.getTime() - end.getTime()) / YEAR_MS);
  return { factor: 0.4 + 0.6 * Math.pow(0.5, years / 4), yearsAgo: Math.floor(years), current: false };
}

// ---------------------------------------------------------------------------------------------
// Reasons

function namesOf(terms: Term[]): string {
  const names = terms.map((t) => t.label);
  return names.length > 4 ? `${names.slice(0, 4).join(", ")} +${names.length - 4} more` : names.join(", ");
}

function matchSummary(matched: Term[]): string {
  const by = (tier: Tier) => matched.filter((t) => t.tier === tier);
  const required = by("required");
  const preferred = by("preferred");
  const keyword = by("keyword");
  const words = by("word");
  const parts: string[] = [];
  if (required.length) parts.push(`${plural(required.length, "required skill")} (${namesOf(required)})`);
  if (preferred.length) parts.push(`${plural(preferred.length, "preferred skill")} (${namesOf(preferred)})`);
  if (keyword.length) parts.push(`${plural(keyword.length, "job keyword")} (${namesOf(keyword)})`);
  if (parts.length) return `Matches ${humanList(parts)}`;
  if (words.length) return `Shares wording with the job (${namesOf(words)}) but no listed skills`;
  return "No job keywords found";
}

function recencyPhrase(r: Recency): string {
  if (r.current) return "current role";
  if (r.yearsAgo === null) return "end date unknown";
  if (r.yearsAgo < 1) return "ended less than a year ago";
  return `ended ${plural(r.yearsAgo, "year")} ago`;
}

// ---------------------------------------------------------------------------------------------
// Profile items

function item(kind: RankedKind, itemId: string, bulletIndex: number | null, text: string, score: number, matchedKeywords: string[], reason: string): RankedItem {
  return { kind, itemId, bulletIndex, text, score: round4(Math.min(1, Math.max(0, score))), matchedKeywords, reason };
}

function rankExperiences(profile: ProfileData, docs: ProfileDocs, query: JobQuery, now: Date): RankedItem[] {
  const scores = scoreDocs(
    docs.experiences.map((d) => d.whole),
    query,
  );
  return profile.experiences.map((e, i) => {
    const recency = experienceRecency(e, now);
    const s = scores[i];
    const label = [e.title, e.company].filter(Boolean).join(" at ");
    return item("EXPERIENCE", e.id, null, label, s.score * recency.factor, s.matchedKeywords, `${matchSummary(s.matched)}; ${recencyPhrase(recency)}.`);
  });
}

function rankProjects(profile: ProfileData, docs: ProfileDocs, query: JobQuery): RankedItem[] {
  const scores = scoreDocs(
    docs.projects.map((d) => d.whole),
    query,
  );
  return profile.projects.map((p, i) => item("PROJECT", p.id, null, p.name, scores[i].score, scores[i].matchedKeywords, scores[i].reason));
}

function rankBullets(profile: ProfileData, docs: ProfileDocs, query: JobQuery): RankedItem[] {
  const owners = [
    ...profile.experiences.map((e, i) => ({ id: e.id, bullets: e.bullets, docs: docs.experiences[i].bullets })),
    ...profile.projects.map((p, i) => ({ id: p.id, bullets: p.bullets, docs: docs.projects[i].bullets })),
  ];
  const flat = owners.flatMap((o) => o.bullets.map((text, index) => ({ id: o.id, index, text, doc: o.docs[index] })));
  const scores = scoreDocs(
    flat.map((b) => b.doc),
    query,
  );
  return flat.map((b, i) => item("BULLET", b.id, b.index, b.text, scores[i].score, scores[i].matchedKeywords, scores[i].reason));
}

interface SkillUsage {
  experiences: number;
  projects: number;
  bestRecency: number;
}

function skillUsage(profile: ProfileData, docs: ProfileDocs, now: Date): Map<string, SkillUsage> {
  const usage = new Map<string, SkillUsage>();
  const note = (doc: Doc, kind: "experiences" | "projects", recency: number) => {
    for (const name of skillsIn(doc)) {
      const u = usage.get(name) ?? { experiences: 0, projects: 0, bestRecency: 0 };
      u[kind]++;
      u.bestRecency = Math.max(u.bestRecency, recency);
      usage.set(name, u);
    }
  };
  profile.experiences.forEach((e, i) => note(docs.experiences[i].whole, "experiences", experienceRecency(e, now).factor));
  docs.projects.forEach((d) => note(d.whole, "projects", 0.7));
  return usage;
}

function usagePhrase(u: SkillUsage | undefined, selfEvident: boolean): string {
  if (!u) return selfEvident ? "listed in the profile" : "not shown in any experience or project";
  const parts: string[] = [];
  if (u.experiences) parts.push(plural(u.experiences, "role"));
  if (u.projects) parts.push(plural(u.projects, "project"));
  return `used in ${humanList(parts)}`;
}

interface ProfileSkill {
  name: string;
  canonical: string;
  /** Certifications and spoken languages are evidence on their own; they rarely appear in bullets. */
  selfEvident: boolean;
}

function profileSkills(profile: ProfileData): ProfileSkill[] {
  const seen = new Set<string>();
  const out: ProfileSkill[] = [];
  const g = profile.skills;
  const grouped: [string[], boolean][] = [
    [g.technical, false],
    [g.certifications, true],
    [g.languages, true],
    [g.soft, false],
  ];
  for (const [names, selfEvidentGroup] of grouped) {
    for (const name of names) {
      const trimmed = name.trim();
      if (!trimmed) continue;
      const canonical = canonicalSkill(trimmed) ?? trimmed;
      const key = canonical.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      const category = skillCategory(canonical);
      out.push({ name: trimmed, canonical, selfEvident: selfEvidentGroup || category === "certification" || category === "spoken" });
    }
  }
  return out;
}

const SKILL_BASE: Record<Exclude<Tier, "word">, number> = { required: 1, preferred: 0.7, keyword: 0.45 };
const TIER_PHRASE: Record<Exclude<Tier, "word">, string> = { required: "Required by the job", preferred: "Preferred by the job", keyword: "Mentioned in the job" };

function rankSkills(profile: ProfileData, docs: ProfileDocs, job: ParsedJob, query: JobQuery, now: Date): RankedItem[] {
  const usage = skillUsage(profile, docs, now);
  const wanted = [...query.terms.values()].filter((t) => t.tier === "required" || t.tier === "preferred");
  const wantedCategories = new Set(wanted.map((t) => skillCategory(t.label)));
  const inDescription = new Set(findSkills(job.description).map((m) => m.canonical));
  return profileSkills(profile).map(({ name, canonical, selfEvident }) => {
    const term = query.terms.get(skillKey(canonical)) ?? query.terms.get(`p:${canonical.toLowerCase()}`);
    const mentioned = !term && (inDescription.has(canonical) || countPhrase(job.description, name) > 0);
    const tier = term && term.tier !== "word" ? term.tier : mentioned ? "keyword" : null;
    const u = usage.get(canonical);
    if (tier) {
      const evidence = selfEvident ? 1 : (u?.bestRecency ?? 0);
      const score = SKILL_BASE[tier] * (0.7 + 0.3 * evidence);
      return item("SKILL", name, null, name, score, [canonical], `${TIER_PHRASE[tier]}; ${usagePhrase(u, selfEvident)}.`);
    }
    // "AWS Certified Solutions Architect" for an AWS job, MySQL for a PostgreSQL job.
    const namesake = wanted.find((t) => canonical.toLowerCase().includes(t.label.toLowerCase()));
    if (namesake) return item("SKILL", name, null, name, 0.1, [], `Not in the job, but related to ${namesake.label}, which it asks for.`);
    const category = skillCategory(canonical);
    if (category && wantedCategories.has(category)) {
      return item("SKILL", name, null, name, 0.1, [], `Not in the job, but related to the ${category} skills it asks for.`);
    }
    return item("SKILL", name, null, name, 0, [], "Not mentioned in the job.");
  });
}

// ---------------------------------------------------------------------------------------------
// Entry point

const KIND_ORDER: Record<RankedKind, number> = { EXPERIENCE: 0, PROJECT: 1, BULLET: 2, SKILL: 3 };

function compareItems(a: RankedItem, b: RankedItem): number {
  return (
    KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
    b.score - a.score ||
    (a.itemId < b.itemId ? -1 : a.itemId > b.itemId ? 1 : 0) ||
    (a.bulletIndex ?? -1) - (b.bulletIndex ?? -1)
  );
}

export function rankProfile(profile: ProfileData, job: ParsedJob, opts: RankOptions): Ranking {
  const query = buildQuery(job);
  const docs = profileDocs(profile, query);
  const items = [
    ...rankExperiences(profile, docs, query, opts.now),
    ...rankProjects(profile, docs, query),
    ...rankBullets(profile, docs, query),
    ...rankSkills(profile, docs, job, query, opts.now),
  ];
  return { items: items.sort(compareItems) };
}
