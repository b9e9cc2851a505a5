// Builtin cover letter: composed, not generated. Every fact in it is copied from the profile or the
// job (a ranked bullet, a company, a title, a skill the posting asks for); the only words of our
// own are connective phrases in the chosen tone, and those carry no number, name or technology.
// So the letter passes the grounding check by construction, and a thin profile gives a short,
// plain letter rather than a padded one.
import { bulletClause, conjugate, stripMarker, type VerbForm } from "./enhance.ts";
import { checkGrounding, jobTexts, profileTexts } from "./grounding.ts";
import { canonicalSkill } from "./lexicon.ts";
import { humanList, stripTrailing } from "./text.ts";
import type { ExperienceData, ParsedJob, ProfileData, ProjectData, RankedItem, Tone, WritingStyle } from "./types.ts";

export type CoverLetterLength = "SHORT" | "MEDIUM" | "LONG";

export interface CoverLetterInput {
  profile: ProfileData;
  job: ParsedJob;
  ranking: RankedItem[];
  style: WritingStyle;
  tone: Tone;
  length: CoverLetterLength;
}

interface Budget {
  bullets: number;
  skills: number;
  bodyParagraphs: number;
  closingSentences: number;
  /** Whether the intro also quotes the summary and the body mentions education. */
  background: boolean;
}

const BUDGETS: Record<CoverLetterLength, Budget> = {
  SHORT: { bullets: 2, skills: 3, bodyParagraphs: 1, closingSentences: 1, background: false },
  MEDIUM: { bullets: 4, skills: 5, bodyParagraphs: 2, closingSentences: 2, background: false },
  LONG: { bullets: 6, skills: 8, bodyParagraphs: 3, closingSentences: 3, background: true },
};

/** Below this relevance a bullet is not a "matching fact" and the letter leaves it out. */
const MIN_SCORE = 0.1;

interface Phrasing {
  greeting: string;
  closing: string;
  apply: (role: string) => string;
  also: string[];
  skills: (list: string) => string;
  close: (employer: string) => string[];
}

// Tone lives only in these phrases. None of them may contain a capitalised word mid-sentence, a
// number or a technology: they are shared by every letter, so they must be grounded in nothing.
const PHRASING: Record<Tone, Phrasing> = {
  FORMAL: {
    greeting: "Dear Hiring Manager,",
    closing: "Sincerely,",
    apply: (role) => `I am writing to apply for ${role}.`,
    also: ["In addition, I", "I also", "Furthermore, I"],
    skills: (list) => `My skills include ${list}, in line with the requirements of this position.`,
    close: (employer) => [
      `I would welcome the opportunity to discuss how my experience could contribute to ${employer}.`,
      "Thank you for your time and consideration.",
      "I look forward to hearing from you.",
      "My resume gives further detail on my background.",
    ],
  },
  NEUTRAL: {
    greeting: "Dear Hiring Manager,",
    closing: "Best regards,",
    apply: (role) => `I am applying for ${role}.`,
    also: ["I also", "In addition, I", "Beyond that, I"],
    skills: (list) => `My skills include ${list}, matching what this role asks for.`,
    close: (employer) => [
      `I would be glad to discuss how I could help ${employer}.`,
      "Thank you for your time.",
      "I look forward to hearing from you.",
      "My resume has more detail on my background.",
    ],
  },
  CONVERSATIONAL: {
    greeting: "Hello,",
    closing: "Best,",
    apply: (role) => `I'd like to apply for ${role}.`,
    also: ["I also", "On top of that, I", "Along the way, I"],
    skills: (list) => `I work with ${list}, which your posting mentions too.`,
    close: (employer) => [
      `I'd love to talk about how I could help ${employer}.`,
      "Thanks for reading.",
      "Hope to hear from you soon.",
      "My resume has the rest of the story.",
    ],
  },
  ENTHUSIASTIC: {
    greeting: "Dear Hiring Team,",
    closing: "Warm regards,",
    apply: (role) => `I am excited to apply for ${role}!`,
    also: ["I also", "On top of that, I", "Just as importantly, I"],
    skills: (list) => `I am eager to bring my skills in ${list} to this role.`,
    close: (employer) => [
      `I would love the chance to contribute to ${employer}!`,
      "Thank you so much for your time.",
      "I can't wait to hear from you!",
      "My resume shares even more about my background.",
    ],
  },
};

// ---------------------------------------------------------------------------------------------
// Choosing the facts

interface Highlight {
  parent: ExperienceData | ProjectData | null;
  text: string;
  score: number;
  matchedKeywords: string[];
}

function isExperience(p: ExperienceData | ProjectData | null): p is ExperienceData {
  return p !== null && "company" in p;
}

function findParent(profile: ProfileData, id: string): ExperienceData | ProjectData | null {
  return profile.experiences.find((e) => e.id === id) ?? profile.projects.find((p) => p.id === id) ?? null;
}

/** The strongest matching bullets, best first; ties keep the ranking's order so output is stable. */
function topHighlights(input: CoverLetterInput, limit: number): Highlight[] {
  return input.ranking
    .map((item, order) => ({ item, order }))
    .filter(({ item }) => item.kind === "BULLET" && item.score >= MIN_SCORE && stripMarker(item.text).trim() !== "")
    .sort((a, b) => b.item.score - a.item.score || a.order - b.order)
    .slice(0, limit)
    .map(({ item }) => ({
      parent: findParent(input.profile, item.itemId),
      text: item.text,
      score: item.score,
      matchedKeywords: item.matchedKeywords,
    }));
}

/** Profile skills the job also asks for, by ranking score. */
function matchingSkills(input: CoverLetterInput, limit: number): string[] {
  const profileSkills = new Set(
    Object.values(input.profile.skills)
      .flat()
      .map((s) => (canonicalSkill(s) ?? s).toLowerCase()),
  );
  const seen = new Set<string>();
  return input.ranking
    .map((item, order) => ({ item, order }))
    .filter(({ item }) => item.kind === "SKILL" && item.score >= MIN_SCORE && item.matchedKeywords.length > 0)
    .sort((a, b) => b.item.score - a.item.score || a.order - b.order)
    .map(({ item }) => item.itemId || item.text)
    .filter((name) => {
      const key = (canonicalSkill(name) ?? name).toLowerCase();
      if (!profileSkills.has(key) || seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, limit);
}

/**
 * Groups highlights by the role or project they come from, keeping best-first order, and lays the
 * groups out in at most `maxParagraphs` paragraphs.
 */
function paragraphsByParent(highlights: Highlight[], maxParagraphs: number): Highlight[][][] {
  const groups: Highlight[][] = [];
  const index = new Map<unknown, number>();
  for (const h of highlights) {
    const key = h.parent ?? h;
    const at = index.get(key);
    if (at !== undefined) groups[at].push(h);
    else {
      index.set(key, groups.length);
      groups.push([h]);
    }
  }
  // Past the paragraph budget, the weaker groups share the last paragraph (each keeps its own
  // "At <company>" lead, so no fact is attributed to the wrong employer).
  if (groups.length <= maxParagraphs) return groups.map((g) => [g]);
  return [...groups.slice(0, maxParagraphs - 1).map((g) => [g]), groups.slice(maxParagraphs - 1)];
}

// ---------------------------------------------------------------------------------------------
// Sentences

function article(word: string): string {
  return /^[aeiou]/i.test(word) && !/^(uni|one|use|eu)/i.test(word) ? "an" : "a";
}

function roleTitle(job: ParsedJob): string {
  if (job.title && job.company) return `the ${job.title} position at ${job.company}`;
  if (job.title) return `the ${job.title} position`;
  if (job.company) return `the open position at ${job.company}`;
  return "this position";
}

function mostRecentRole(profile: ProfileData): ExperienceData | null {
  return profile.experiences.find((e) => e.current) ?? profile.experiences[0] ?? null;
}

function identitySentence(profile: ProfileData): string | null {
  const role = mostRecentRole(profile);
  if (!role || !role.title.trim()) return null;
  const at = role.company.trim() ? ` at ${role.company}` : "";
  return role.current
    ? `I currently work as ${article(role.title)} ${role.title}${at}.`
    : `Most recently, I worked as ${article(role.title)} ${role.title}${at}.`;
}

function firstSentence(text: string | null | undefined): string | null {
  const s = (text ?? "").replace(/\s+/g, " ").trim().split(/(?<=[.!?])\s+/)[0] ?? "";
  if (!s) return null;
  return /[.!?]$/.test(s) ? s : `${s}.`;
}

function educationSentence(profile: ProfileData): string | null {
  const ed = profile.education.find((e) => e.degree && e.institution);
  if (!ed?.degree) return null;
  const field = ed.field ? ` in ${ed.field}` : "";
  const the = /^(university|institute|college|school|academy) of\b/i.test(ed.institution) ? "the " : "";
  return `I hold ${article(ed.degree)} ${ed.degree}${field} from ${the}${ed.institution}.`;
}

function clauseForm(parent: Highlight["parent"]): VerbForm {
  return isExperience(parent) && parent.current ? "base" : "past";
}

function closeSentence(text: string): string {
  const t = stripTrailing(text.trim(), /^[\s,;:]$/);
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

/**
 * The bullet as a clause after "I". Bullets that open with a past-tense verb the verb table does not
 * know ("Negotiated…", "Closed…") still read correctly after "I" as they are.
 */
function clauseOf(h: Highlight): string | null {
  const known = bulletClause(h.text, clauseForm(h.parent));
  if (known) return known;
  const text = stripMarker(h.text).trim();
  const m = /^(\p{Lu}\p{Ll}+ed)\s+(\S+)/u.exec(text);
  if (!m || /^\p{Lu}/u.test(m[2])) return null;
  return m[1].toLowerCase() + text.slice(m[1].length);
}

/** The first highlight of a paragraph, anchored to where it happened. */
function leadSentence(h: Highlight): string {
  const clause = clauseOf(h);
  const p = h.parent;
  if (isExperience(p)) {
    const where = p.company.trim() ? `At ${p.company}` : "In that role";
    const as = p.title.trim() ? `, where I ${conjugate("work", clauseForm(p))} as ${article(p.title)} ${p.title}` : "";
    if (clause) return closeSentence(`${where}${as}, I ${clause}`);
    return closeSentence(`${where}${as}, my work included the following: ${stripMarker(h.text).trim()}`);
  }
  if (p) {
    if (clause) return closeSentence(`For my project ${p.name}, I ${clause}`);
    return closeSentence(`From my project ${p.name}: ${stripMarker(h.text).trim()}`);
  }
  return clause ? closeSentence(`I ${clause}`) : closeSentence(stripMarker(h.text).trim());
}

function followSentence(h: Highlight, connector: string): string {
  const clause = clauseOf(h);
  if (!clause) return closeSentence(stripMarker(h.text).trim());
  return closeSentence(`${connector} ${clause}`);
}

function keywordSentence(group: Highlight[], jobKeywords: Set<string>): string | null {
  const kws = [...new Set(group.flatMap((h) => h.matchedKeywords))].filter((k) => jobKeywords.has(k.toLowerCase()));
  if (kws.length === 0) return null;
  const verb = group.some((h) => isExperience(h.parent) && h.parent.current) ? "involves" : "involved";
  return `This work ${verb} ${humanList(kws.slice(0, 3))}.`;
}

// ---------------------------------------------------------------------------------------------
// Greeting and sign-off

/** The style's own greeting or closing when it names nothing the sources lack ("Dear Ms. Smith" does). */
function styleFormula(candidate: string | null | undefined, fallback: string, sources: string[], suffix: string): string {
  const text = (candidate ?? "").replace(/\s+/g, " ").trim();
  if (!text || text.split(" ").length > 6 || !checkGrounding(text, sources).ok) return fallback;
  return /[,!.:]$/.test(text) ? text : `${text}${suffix}`;
}

// ---------------------------------------------------------------------------------------------
// Assembly

interface Paragraph {
  sentences: string[];
}

function plan(input: CoverLetterInput): { greeting: string; paragraphs: Paragraph[]; signOff: string } {
  const { profile, job, style, tone } = input;
  const phr = PHRASING[tone];
  const budget = BUDGETS[input.length];
  const sources = [...profileTexts(profile), ...jobTexts(job)];
  const employer = job.company?.trim() || "your team";
  const jobKeywords = new Set([...job.keywords, ...job.requirements.flatMap((r) => r.keywords)].map((k) => k.toLowerCase()));

  // The style's paragraph count includes the opening and the closing paragraphs.
  const styleBody = style.paragraphCount ? Math.max(1, style.paragraphCount - 2) : budget.bodyParagraphs;
  const layout = paragraphsByParent(topHighlights(input, budget.bullets), Math.min(budget.bodyParagraphs, styleBody));

  const intro: string[] = [phr.apply(roleTitle(job))];
  const identity = identitySentence(profile);
  if (identity) intro.push(identity);
  const summary = budget.background ? firstSentence(profile.summary) : null;
  if (summary) intro.push(summary);

  const body: Paragraph[] = layout.map((groups, p) => {
    const sentences: string[] = [];
    for (const group of groups) {
      sentences.push(leadSentence(group[0]));
      group.slice(1).forEach((h, i) => sentences.push(followSentence(h, phr.also[(p + i) % phr.also.length])));
    }
    const kw = input.length === "SHORT" ? null : keywordSentence(groups.flat(), jobKeywords);
    if (kw) sentences.push(kw);
    return { sentences };
  });

  const skills = matchingSkills(input, budget.skills);
  const extra: string[] = [];
  if (skills.length) extra.push(phr.skills(humanList(skills)));
  const education = budget.background ? educationSentence(profile) : null;
  if (education) extra.push(education);
  // With no highlights there is no body paragraph: the skills go into the opening instead.
  if (body.length) body[body.length - 1].sentences.push(...extra);
  else intro.push(...extra);

  const closing: Paragraph = { sentences: phr.close(employer).slice(0, budget.closingSentences + 1) };
  const greeting = styleFormula(style.greeting, phr.greeting, sources, ",");
  const closingWord = styleFormula(style.closing, phr.closing, sources, ",");
  const name = profile.fullName?.trim();
  return {
    greeting,
    paragraphs: [{ sentences: intro }, ...body, closing],
    signOff: name ? `${closingWord}\n${name}` : closingWord,
  };
}

/**
 * The letter in pieces, as it would be written: the greeting, then each sentence (with the space
 * or paragraph break that follows it), then the sign-off. Joining the chunks gives exactly
 * `composeCoverLetter(input)`.
 */
export function* composeCoverLetterChunks(input: CoverLetterInput): Generator<string> {
  const { greeting, paragraphs, signOff } = plan(input);
  yield `${greeting}\n\n`;
  for (const p of paragraphs) {
    for (let i = 0; i < p.sentences.length; i++) {
      yield p.sentences[i] + (i < p.sentences.length - 1 ? " " : "\n\n");
    }
  }
  yield signOff;
}

/** A cover letter from the profile's strongest matching facts, in the style's formulas and the chosen tone. */
export function composeCoverLetter(input: CoverLetterInput): string {
  return [...composeCoverLetterChunks(input)].join("");
}
