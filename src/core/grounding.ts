// Grounding: the product's promise that generated text never carries a number, an organisation or
// a technology the user did not give us. Extraction is deliberately asymmetric in what it trusts:
// it is strict about digits and skills (cheap to verify, costly to invent) and conservative about
// capitalised words (a false alarm on an honest rewrite blocks the user, so anything that could be
// ordinary prose — sentence starts, months, letter formulas, job-title words — is let through).
import allowData from "./data/grounding-allow.json" with { type: "json" };
import verbData from "./data/action-verbs.json" with { type: "json" };
import { canonicalSkill, findSkills, type SkillMention } from "./lexicon.ts";
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
// Shared word lists

const ALLOWED = new Set<string>(
  [
    ...allowData.letter,
    ...allowData.roles,
    ...allowData.calendar,
    ...allowData.function,
    ...allowData.degrees,
    ...allowData.acronyms,
  ].map((w) => w.toLowerCase()),
);
const ORG_SUFFIXES = new Set<string>(allowData.orgSuffixes.map((w) => w.toLowerCase().replace(/\.$/, "")));
const CONNECTORS = new Set<string>(allowData.connectors);
// Every inflected form of the verbs the enhancer writes: a capitalised verb is prose, not a name.
const VERB_FORMS = new Set<string>(verbData.verbs.flat());

// ---------------------------------------------------------------------------------------------
// Numbers

interface NumberFact {
  display: string;
  value: number;
}

const NUMBER_WORDS: Record<string, number> = {
  two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11,
  twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80,
  ninety: 90, hundred: 100, dozen: 12,
};

const MULTIPLIERS: Record<string, { factor: number; label: string }> = {
  k: { factor: 1e3, label: "K" },
  thousand: { factor: 1e3, label: "K" },
  m: { factor: 1e6, label: "M" },
  mm: { factor: 1e6, label: "M" },
  mil: { factor: 1e6, label: "M" },
  million: { factor: 1e6, label: "M" },
  b: { factor: 1e9, label: "B" },
  bn: { factor: 1e9, label: "B" },
  billion: { factor: 1e9, label: "B" },
};

// Digits not glued to letters on the left (so "ES6", "S3", "B2B", "Q3" are names, not numbers),
// then an optional scale or unit. Spaced units are limited to whole words so "5 m" is not "5M".
const NUMBER_RE =
  /(?<![\p{L}\p{N}.,])([$€£¥]\s?)?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:\s?(%|percent\b|per cent\b|million\b|billion\b|thousand\b)|(k|mm|m|bn|b|x|\+|st|nd|rd|th)(?![\p{L}\p{N}]))?/giu;

const NUMBER_WORD_RE = new RegExp(
  `\\b(${Object.keys(NUMBER_WORDS).join("|")})(?:-(${Object.keys(NUMBER_WORDS).slice(0, 8).join("|")}))?\\b`,
  "gi",
);

function parseNumbers(text: string): NumberFact[] {
  const facts: NumberFact[] = [];
  for (const m of text.matchAll(NUMBER_RE)) {
    const after = text.charAt((m.index ?? 0) + m[0].length);
    // "2FA", "3D", "4xx": digits that start a word are part of a name.
    if (!m[4] && !m[5] && /\p{L}/u.test(after)) continue;
    facts.push(numberFact(m[1] ?? "", m[2] + (m[3] ?? ""), (m[4] ?? m[5] ?? "").toLowerCase()));
  }
  for (const m of text.matchAll(NUMBER_WORD_RE)) {
    const value = NUMBER_WORDS[m[1].toLowerCase()] + (m[2] ? NUMBER_WORDS[m[2].toLowerCase()] : 0);
    facts.push({ display: String(value), value });
  }
  return facts;
}

function numberFact(currency: string, digits: string, unit: string): NumberFact {
  const plain = digits.replace(/,/g, "");
  let value = Number(plain);
  let suffix = "";
  const scale = MULTIPLIERS[unit];
  if (scale) {
    value *= scale.factor;
    suffix = scale.label;
  } else if (unit === "%" || unit.startsWith("per")) {
    suffix = "%";
  } else if (unit === "x" || unit === "+") {
    suffix = unit;
  }
  return { display: `${currency.trim()}${plain}${suffix}`, value };
}

function sameValue(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
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
// Organisations

interface Token {
  text: string;
  start: number;
  end: number;
  /** The first word of a sentence, a line or a list item: its capital letter proves nothing. */
  initial: boolean;
  capitalised: boolean;
  skill: boolean;
}

interface OrgCandidate {
  name: string;
  /** The words that must be found in a source for the name to count as grounded. */
  core: string[];
}

// "Ms. Smith", "Dr. Patel": the full stop of a title does not end the sentence.
const TITLE_ABBREVIATIONS = new Set(["mr", "mrs", "ms", "dr", "prof", "st", "mt", "messrs", "sr", "jr"]);

const TOKEN_RE = /[\p{L}\p{N}](?:[\p{L}\p{N}'’\-]|\.(?=[\p{L}\p{N}]))*|&/gu;
const URL_OR_EMAIL_RE = /\b(?:https?:\/\/|www\.)\S+|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|io|dev|ai|co|app)(?:\/\S*)?\b/gi;

/** Blanks out URLs and e-mail addresses (keeping offsets) so their parts are not read as facts. */
function maskLinks(text: string): string {
  return text.replace(URL_OR_EMAIL_RE, (m) => " ".repeat(m.length));
}

function bareWord(token: string): string {
  return token.replace(/['’]s?$/i, "").toLowerCase();
}

function isAllowedWord(token: string): boolean {
  const w = bareWord(token).replace(/\.$/, "");
  return ALLOWED.has(w) || VERB_FORMS.has(w);
}

function tokenize(text: string): Token[] {
  const skillSpans = findSkills(text).map((s) => [s.index, s.index + s.match.length] as const);
  const tokens: Token[] = [];
  let prevEnd = 0;
  for (const m of text.matchAll(TOKEN_RE)) {
    const start = m.index ?? 0;
    const word = m[0];
    const gap = text.slice(prevEnd, start);
    const afterTitle = /^\.[ \t]+$/.test(gap) && TITLE_ABBREVIATIONS.has(tokens[tokens.length - 1]?.text.toLowerCase() ?? "");
    const initial = tokens.length === 0 || (/[.!?:;\n\r•·▪●◦*]/.test(gap) && !afterTitle);
    // Any lexicon term, technical or not, is a skill rather than a name.
    const inSkill = skillSpans.some(([a, b]) => start < b && start + word.length > a);
    tokens.push({
      text: word,
      start,
      end: start + word.length,
      initial,
      // Digit-led tokens ("1.2M", "3x") are numbers, checked as numbers.
      capitalised: /\p{Lu}/u.test(word) && !/^\p{N}/u.test(word),
      skill: inSkill || (/\p{Lu}/u.test(word) && canonicalSkill(bareWord(word)) !== null && !isAllowedWord(word)),
    });
    prevEnd = start + word.length;
  }
  return tokens;
}

/** Groups capitalised words into names: "Bank of America", "Procter & Gamble", "Acme Labs". */
function capitalisedRuns(text: string, tokens: Token[]): Token[][] {
  const runs: Token[][] = [];
  let run: Token[] = [];
  const flush = () => {
    while (run.length && !run[run.length - 1].capitalised) run.pop();
    if (run.length) runs.push(run);
    run = [];
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const joined = run.length > 0 && /^[ \t]+$/.test(text.slice(run[run.length - 1].end, t.start));
    const isNamePart = t.capitalised && !t.skill;
    const isConnector = !t.capitalised && CONNECTORS.has(t.text.toLowerCase());
    if (isNamePart && (joined || run.length === 0) && !(t.initial && run.length > 0)) {
      run.push(t);
    } else if (isConnector && joined && tokens[i + 1]?.capitalised) {
      run.push(t);
    } else {
      flush();
      if (isNamePart) run.push(t);
    }
  }
  flush();
  return runs;
}

function candidateFromRun(run: Token[]): OrgCandidate | null {
  const isCore = (t: Token, i: number) =>
    t.capitalised && !(i === 0 && t.initial) && !isAllowedWord(t.text) && !ORG_SUFFIXES.has(bareWord(t.text).replace(/\.$/, ""));
  const core = run.filter(isCore).map((t) => bareWord(t.text));
  if (core.length === 0) return null;
  // Display: trim leading prose words ("Dear", "At", a sentence-initial verb) and trailing
  // generic words ("Team"), but keep the generic words that make the name ("Bank of America",
  // "Acme Inc").
  const isSuffix = (t: Token) => ORG_SUFFIXES.has(bareWord(t.text).replace(/\.$/, ""));
  // A sentence-initial word shaped like a verb or adverb ("Joined", "Having", "Recently") is prose.
  const isProse = (t: Token) =>
    !t.capitalised || (isAllowedWord(t.text) && !isSuffix(t)) || (t.initial && /\p{Ll}(ed|ing|ly)$/u.test(t.text));
  let first = 0;
  while (first < run.length && isProse(run[first])) first++;
  let last = run.length - 1;
  while (last > first && !isCore(run[last], last) && !isSuffix(run[last])) last--;
  const name = run
    .slice(first, last + 1)
    .map((t, i, all) => (i === all.length - 1 ? t.text.replace(/['’]s?$/i, "") : t.text))
    .join(" ");
  return { name, core };
}

function organisationCandidates(text: string): OrgCandidate[] {
  const masked = maskLinks(text);
  const tokens = tokenize(masked);
  const found = new Map<string, OrgCandidate>();
  for (const run of capitalisedRuns(masked, tokens)) {
    const c = candidateFromRun(run);
    if (c && !found.has(c.name.toLowerCase())) found.set(c.name.toLowerCase(), c);
  }
  return [...found.values()];
}

/** Lowercase words separated by single spaces, padded, so " acme " finds whole words only. */
function wordIndex(text: string): string {
  return ` ${text.toLowerCase().replace(/['’]s\b/g, "").replace(/[^\p{L}\p{N}&+#]+/gu, " ").trim()} `;
}

function orgIsGrounded(c: OrgCandidate, sourceWords: string): boolean {
  const nameWords = wordIndex(c.name)
    .trim()
    .split(" ")
    .filter((w) => !ORG_SUFFIXES.has(w));
  if (nameWords.length && sourceWords.includes(` ${nameWords.join(" ")} `)) return true;
  return c.core.every((w) => sourceWords.includes(` ${wordIndex(w).trim()} `));
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
 * Numbers compare by value ("1.2M" = "1,200,000"), technologies by canonical name (k8s =
 * Kubernetes), organisations case-insensitively as whole words ("Acme Inc" is grounded by "Acme").
 */
export function checkGrounding(generated: string, sources: string[]): GroundingResult {
  const joined = sources.filter(Boolean).map(maskLinks).join("\n");
  const violations: GroundingViolation[] = [
    ...numberViolations(maskLinks(generated), joined),
    ...technologyViolations(maskLinks(generated), joined),
    ...organisationViolations(generated, joined),
  ];
  return { ok: violations.length === 0, violations };
}

function numberViolations(generated: string, sources: string): GroundingViolation[] {
  const known = parseNumbers(sources).map((n) => n.value);
  const out = new Map<string, GroundingViolation>();
  for (const n of parseNumbers(generated)) {
    if (!known.some((v) => sameValue(v, n.value))) out.set(n.display, { kind: "number", value: n.display });
  }
  return [...out.values()];
}

function technologyViolations(generated: string, sources: string): GroundingViolation[] {
  const known = new Set(technologyFacts(sources).map((t) => t.canonical));
  const sourceWords = wordIndex(sources);
  const out = new Map<string, GroundingViolation>();
  for (const t of technologyFacts(generated)) {
    if (known.has(t.canonical)) continue;
    // A lexicon that reads a word differently in two contexts must not turn the same word into a violation.
    if (sourceWords.includes(` ${wordIndex(t.match).trim()} `)) continue;
    out.set(t.canonical, { kind: "technology", value: t.canonical });
  }
  return [...out.values()];
}

function organisationViolations(generated: string, sources: string): GroundingViolation[] {
  const sourceWords = wordIndex(sources);
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
  if (job.salary) texts.push(String(job.salary.min ?? ""), String(job.salary.max ?? ""));
  if (job.yearsExperience !== null) texts.push(String(job.yearsExperience));
  return texts.filter((t): t is string => typeof t === "string" && t.trim() !== "");
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}
