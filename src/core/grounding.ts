// Grounding: the product's promise that generated text never carries a number, an organisation or
// a technology the user did not give us. Extraction is deliberately asymmetric in what it trusts:
// it is strict about digits and skills (cheap to verify, costly to invent) and conservative about
// capitalised words (a false alarm on an honest rewrite blocks the user, so anything that could be
// ordinary prose — sentence starts, months, letter formulas, job-title words — is let through).
import allowData from "./data/grounding-allow.json" with { type: "json" };
import verbData from "./data/action-verbs.json" with { type: "json" };
import { canonicalSkill, findSkills, type SkillMention } from "./lexicon.ts";
import { phraseIndex, phraseWords, type PhraseIndex } from "./phrases.ts";
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
//
// A number is a fact only together with what it counts. "3x faster" is grounded by a multiplier 3,
// not by "3 engineers"; "40%" by a 40 percent; "$2M" by the same amount of the same currency; "5
// years" by a duration of 5 years; "2019" by the year 2019; "12 engineers" by a 12 that counts
// engineers (or a bare 12 with nothing after it), not by "12 services". Every check reads a
// bounded window around the digits, so the whole pass stays linear in the text.

export type NumberRole = "multiplier" | "percent" | "money" | "duration" | "year" | "ordinal" | "count";

export interface NumberFact {
  /** As the violation reports it: "3x", "40%", "$1.2M", "5", "2019". */
  display: string;
  value: number;
  role: NumberRole;
  /** Money: the currency (USD, EUR…); duration: the unit (year, month…); otherwise "". */
  unit: string;
  /** Count: the words it counts ("engineer", "service"), singular; may be empty. */
  nouns: string[];
}

const NUMBER_WORDS: Record<string, number> = {
  two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11,
  twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80,
  ninety: 90, hundred: 100, dozen: 12,
};

const SCALES: Record<string, { factor: number; label: string }> = {
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

const CURRENCY_SYMBOLS: Record<string, string> = { $: "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR" };
const CURRENCY_WORDS: Record<string, string> = {
  usd: "USD", eur: "EUR", gbp: "GBP", chf: "CHF", cad: "CAD", aud: "AUD", jpy: "JPY", inr: "INR", sek: "SEK", nok: "NOK", dkk: "DKK", pln: "PLN",
  dollar: "USD", dollars: "USD", euro: "EUR", euros: "EUR", pound: "GBP", pounds: "GBP",
};
const DURATION_UNITS: Record<string, string> = {
  year: "year", years: "year", yr: "year", yrs: "year",
  month: "month", months: "month", mo: "month", mos: "month",
  week: "week", weeks: "week", wk: "week", wks: "week",
  day: "day", days: "day",
  hour: "hour", hours: "hour", h: "hour", hr: "hour", hrs: "hour",
  minute: "minute", minutes: "minute", min: "minute", mins: "minute",
  second: "second", seconds: "second", sec: "second", secs: "second",
  ms: "millisecond", millisecond: "millisecond", milliseconds: "millisecond",
};
const COMPARATIVES = new Set(["more", "less", "fewer", "faster", "slower", "larger", "bigger", "smaller", "higher", "lower", "cheaper", "greater", "better", "quicker", "longer", "shorter"]);
// Words after a number that say nothing about what it counts.
const COUNT_STOP = new Set([
  "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "from", "with", "into", "per", "and", "or", "but", "as", "than",
  "over", "across", "within", "while", "after", "before", "since", "until", "via", "through", "is", "are", "was", "were", "be",
  "been", "i", "we", "you", "he", "she", "they", "it", "my", "our", "their", "this", "that", "these", "those", "which", "who",
  "new", "more", "total", "other", "different", "additional", "plus", "each", "every", "all", "some", "most", "about", "around",
]);

// Digits not glued to letters on the left (so "ES6", "S3", "B2B", "Q3" are names, not numbers),
// with an optional currency before and a scale or unit after. Spaced units are whole words only,
// so "5 m" is not "5M".
const NUMBER_RE =
  /(?<![\p{L}\p{N}.,])(?:([$€£¥₹])\s?|\b(usd|eur|gbp|chf|cad|aud|jpy|inr|sek|nok|dkk|pln)\s?)?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:\s?(%|percent\b|per cent\b|pct\b|million\b|billion\b|thousand\b)|(k|mm|m|bn|b|x|×|\+|st|nd|rd|th|ms|h|hrs?|yrs?|mins?|secs?)(?![\p{L}\p{N}]))?/giu;

const NUMBER_WORD_RE = new RegExp(
  `\\b(${Object.keys(NUMBER_WORDS).join("|")})(?:-(${Object.keys(NUMBER_WORDS).slice(0, 8).join("|")}))?(fold)?\\b`,
  "gi",
);

// Dates count as their year: "2021-03" and "03/2021" are the year 2021, not also a count of 3.
const DATE_RE = /(?<![\p{L}\p{N}])(?:(\d{4})-\d{1,2}(?:-\d{1,2})?|\d{1,2}\/(\d{4}))(?![\p{L}\p{N}])/gu;

// After the digits and their unit (bounded windows, so each number costs O(1)).
const AFTER_WINDOW = 48;
const FOLD_RE = /^[ \t]?-?[ \t]?fold\b/i;
const TIMES_RE = /^[ \t]+times[ \t]+(\p{L}+)/iu;
const CURRENCY_AFTER_RE = /^[ \t]?([$€£¥₹]|[A-Za-z]+)/u;
const UNIT_AFTER_RE = /^[ \t]*(?:\+[ \t]*)?(?:-[ \t]*)?(\p{L}+)/u;
const NOUNS_AFTER_RE = /^[ \t]*(?:\+[ \t]*)?(?:-[ \t]*)?(\p{Ll}[\p{L}\-]*)(?:[ \t]+(\p{Ll}[\p{L}\-]*))?/u;
const NOUN_BEFORE_OF_RE = /(?<![\p{L}\p{N}])(\p{L}+)[ \t]+of[ \t]+(?:[$€£¥₹])?$/u;

function parseNumbers(input: string): NumberFact[] {
  const facts: NumberFact[] = [];
  const text = input.replace(DATE_RE, (m: string, y1?: string, y2?: string) => {
    const year = (y1 ?? y2)!;
    return year + " ".repeat(m.length - year.length);
  });
  for (const m of text.matchAll(NUMBER_RE)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const after = text.charAt(end);
    // "2FA", "3D", "4xx": digits that start a word are part of a name.
    if (!m[5] && !m[6] && /\p{L}/u.test(after)) continue;
    const currency = m[1] ? CURRENCY_SYMBOLS[m[1]] : m[2] ? m[2].toUpperCase() : "";
    const digits = m[3] + (m[4] ?? "");
    facts.push(classify(text, start, end, { currency, digits, symbol: m[1] ?? "", unit: (m[5] ?? m[6] ?? "").toLowerCase() }));
  }
  for (const m of text.matchAll(NUMBER_WORD_RE)) {
    const value = NUMBER_WORDS[m[1].toLowerCase()] + (m[2] ? NUMBER_WORDS[m[2].toLowerCase()] : 0);
    const start = m.index ?? 0;
    facts.push(classify(text, start, start + m[0].length, { currency: "", digits: String(value), symbol: "", unit: m[3] ? "x" : "" }));
  }
  return facts;
}

function classify(
  text: string,
  start: number,
  end: number,
  n: { currency: string; digits: string; symbol: string; unit: string },
): NumberFact {
  const plain = n.digits.replace(/,/g, "");
  let value = Number(plain);
  const scale = SCALES[n.unit];
  if (scale) value *= scale.factor;
  const ordinal = n.unit === "st" || n.unit === "nd" || n.unit === "rd" || n.unit === "th";
  const suffix = scale
    ? scale.label
    : n.unit === "%" || n.unit.startsWith("per") || n.unit === "pct"
      ? "%"
      : n.unit === "x" || n.unit === "×"
        ? "x"
        : n.unit === "+" || ordinal
          ? n.unit
          : "";
  const display = `${n.symbol}${n.currency && !n.symbol ? `${n.currency} ` : ""}${plain}${suffix}`;
  const fact = (role: NumberRole, unit = "", nouns: string[] = []): NumberFact => ({ display, value, role, unit, nouns });

  if (n.currency) return fact("money", n.currency);
  if (suffix === "%") return fact("percent");
  if (suffix === "x") return fact("multiplier");
  if (ordinal) return fact("ordinal");
  if (DURATION_UNITS[n.unit]) return fact("duration", DURATION_UNITS[n.unit]);

  const rest = text.slice(end, end + AFTER_WINDOW);
  if (FOLD_RE.test(rest)) return fact("multiplier");
  const times = TIMES_RE.exec(rest);
  if (times && (COMPARATIVES.has(times[1].toLowerCase()) || /er$/i.test(times[1]))) return fact("multiplier");
  const cur = CURRENCY_AFTER_RE.exec(rest);
  const curCode = cur ? (CURRENCY_SYMBOLS[cur[1]] ?? CURRENCY_WORDS[cur[1].toLowerCase()]) : undefined;
  if (curCode) return fact("money", curCode);
  // A spaced single letter ("5 h", "5 s") is too ambiguous to be a unit.
  const unitWord = UNIT_AFTER_RE.exec(rest)?.[1];
  const unit = unitWord && unitWord.length > 1 ? DURATION_UNITS[unitWord.toLowerCase()] : undefined;
  if (unit) return fact("duration", unit);
  // Written like a year (four digits, no comma, no scale): "2,000 tickets" is a count.
  if (!scale && /^(19|20)\d\d$/.test(n.digits)) return fact("year");
  return fact("count", "", countNouns(text, start, rest));
}

/** What a count counts: up to two words after it ("12 senior engineers") and the word before "of" ("team of 5"). */
function countNouns(text: string, start: number, rest: string): string[] {
  const nouns: string[] = [];
  const after = NOUNS_AFTER_RE.exec(rest);
  if (after) {
    for (const w of [after[1], after[2]]) {
      if (!w || COUNT_STOP.has(w.toLowerCase())) break;
      nouns.push(stem(w));
    }
  }
  const before = NOUN_BEFORE_OF_RE.exec(text.slice(Math.max(0, start - AFTER_WINDOW), start));
  if (before && !COUNT_STOP.has(before[1].toLowerCase())) nouns.push(stem(before[1]));
  return nouns;
}

function stem(word: string): string {
  const w = word.toLowerCase().replace(/-/g, "");
  if (w.length > 4 && w.endsWith("ies")) return `${w.slice(0, -3)}y`;
  if (w.length > 3 && w.endsWith("s") && !w.endsWith("ss")) return w.slice(0, -1);
  return w;
}

/** "engineer" ~ "engineers", "service" ~ "microservices", "box" ~ "boxes". */
function nounsAgree(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 3 && (long.startsWith(short) || long.endsWith(short));
}

/** Rounded so that 1.2M and 1,200,000 share a key. */
function valueKey(role: NumberRole, unit: string, value: number): string {
  return `${role}|${unit}|${Number(value.toPrecision(12))}`;
}

interface NumberWitnesses {
  /** Some source number of this kind and value says nothing about what it counts. */
  bare: boolean;
  /** Distinct noun sets of the source counts with this value (capped: a miss is a false alarm, never a pass). */
  nounSets: string[][];
}

const MAX_NOUN_SETS = 32;

/** The source numbers indexed by role, unit and value, so each generated number is one lookup. */
function numberIndex(sources: string): Map<string, NumberWitnesses> {
  const index = new Map<string, NumberWitnesses>();
  for (const n of parseNumbers(sources)) {
    const key = valueKey(n.role, n.unit, n.value);
    let w = index.get(key);
    if (!w) index.set(key, (w = { bare: false, nounSets: [] }));
    if (n.role !== "count" || n.nouns.length === 0) w.bare = true;
    else if (w.nounSets.length < MAX_NOUN_SETS && !w.nounSets.some((set) => set.join(" ") === n.nouns.join(" "))) w.nounSets.push(n.nouns);
  }
  return index;
}

function numberGrounded(n: NumberFact, index: Map<string, NumberWitnesses>): boolean {
  const w = index.get(valueKey(n.role, n.unit, n.value));
  if (!w) return false;
  if (w.bare || n.nouns.length === 0) return true;
  return w.nounSets.some((set) => n.nouns.some((a) => set.some((b) => nounsAgree(a, b))));
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
// Links are judged one whitespace-separated chunk at a time, with anchored patterns: an
// unanchored search for "name.name.com" or "name@" backtracks over every start of a long
// "a.a.a.a…" chunk, which is quadratic.
const CHUNK_RE = /\S+/g;
const LEADING_PUNCTUATION = new Set(`("'<[“‘`);
const TRAILING_PUNCTUATION = new Set(`)"'>].,;:!?”’`);
const URL_START_RE = /^(?:https?:\/\/|www\.)/i;
const EMAIL_RE = /^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$/;
const DOMAIN_RE = /^[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|io|dev|ai|co|app)(?:\/\S*)?$/i;

/** Blanks out URLs and e-mail addresses (keeping offsets) so their parts are not read as facts. */
function maskLinks(text: string): string {
  if (!text.includes(".")) return text;
  return text.replace(CHUNK_RE, (chunk) => {
    if (!chunk.includes(".")) return chunk;
    const { lead, core } = chunkEdges(chunk);
    const isLink = URL_START_RE.test(core) || (core.includes("@") ? EMAIL_RE.test(core) : DOMAIN_RE.test(core));
    return isLink ? lead + " ".repeat(chunk.length - lead.length) : chunk;
  });
}

/**
 * A chunk without its opening and closing punctuation, found by walking in from both ends (a
 * lazy expression for this restarted the trailing run at every dot of "A.....x": quadratic).
 */
function chunkEdges(chunk: string): { lead: string; core: string } {
  let start = 0;
  while (start < chunk.length && LEADING_PUNCTUATION.has(chunk[start])) start++;
  let end = chunk.length;
  while (end > start && TRAILING_PUNCTUATION.has(chunk[end - 1])) end--;
  return { lead: chunk.slice(0, start), core: chunk.slice(start, end) };
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
  // Tokens and skill spans both run left to right: one pointer keeps the overlap test O(1).
  let span = 0;
  for (const m of text.matchAll(TOKEN_RE)) {
    const start = m.index ?? 0;
    const word = m[0];
    const gap = text.slice(prevEnd, start);
    const afterTitle = /^\.[ \t]+$/.test(gap) && TITLE_ABBREVIATIONS.has(tokens[tokens.length - 1]?.text.toLowerCase() ?? "");
    const initial = tokens.length === 0 || (/[.!?:;\n\r•·▪●◦*]/.test(gap) && !afterTitle);
    while (span < skillSpans.length && skillSpans[span][1] <= start) span++;
    // Any lexicon term, technical or not, is a skill rather than a name.
    const inSkill = span < skillSpans.length && skillSpans[span][0] < start + word.length;
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

/** Names longer than this are judged by their core words alone (every one must be in a source). */
function orgIsGrounded(c: OrgCandidate, sourceWords: PhraseIndex): boolean {
  const nameWords = phraseWords(c.name).filter((w) => !ORG_SUFFIXES.has(w));
  if (nameWords.length && sourceWords.has(nameWords.join(" "))) return true;
  return c.core.every((w) => sourceWords.has(w));
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
