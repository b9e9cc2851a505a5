// Small text helpers shared by the job parser, ranking, ATS scoring and the resume compiler.
// Deterministic and locale-independent on purpose: the same text always yields the same tokens.

import { findSkills } from "./lexicon.ts";

const STOPWORDS = new Set(
  (
    "a about above after again against all also am an and any are as at be because been before being below between " +
    "both but by can could did do does doing down during each etc few for from further had has have having he her here " +
    "hers him his how i if in into is it its itself just me more most my no nor not now of off on once only or other our " +
    "ours out over own per same she should so some such than that the their theirs them then there these they this those " +
    "through to too under until up us very via was we were what when where which while who whom why will with within " +
    "would you your yours yourself yourselves ll re ve s t d m including include includes using use used work working " +
    "new strong good great excellent ability able across well within role team teams job position candidate company " +
    "plus year years experience experienced etc e g ie eg"
  ).split(/\s+/),
);

/**
 * Collapse runs of whitespace within a line to one space, unify line endings, drop invisible
 * characters. Every kind of space counts (em spaces, ideographic spaces, vertical tabs), not only
 * " " and tab: the parser's patterns use \s, and a run of 100,000 em spaces made them rescan it
 * from each of its characters.
 */
export function normaliseText(raw: string): string {
  return raw
    .replace(/\r\n?|[\u2028\u2029\v\f]/g, "\n")
    .replace(/[\u200B-\u200D\uFEFF]/g, "")
    .replace(/[^\S\n]+/g, " ")
    .split("\n")
    .map((l) => l.trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

const BULLET_MARKER = /^\s*(?:[-*•·▪◦○●►▸✓✔➢➤–—>]+|\(?\d{1,2}[.)]|\(?[a-z][.)])\s+/;

export function hasBulletMarker(line: string): boolean {
  return BULLET_MARKER.test(line);
}

export function stripBulletMarker(line: string): string {
  return line.replace(BULLET_MARKER, "").trim();
}

/** Sentences, split on terminal punctuation followed by a space and an uppercase letter or digit. */
export function splitSentences(text: string): string[] {
  return text
    .replace(/\n+/g, " ")
    .split(/(?<=[.!?])\s+(?=[A-Z0-9"“(])/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** Very light suffix stripping so "deploying", "deployed" and "deploys" meet at "deploy". */
export function stem(word: string): string {
  if (word.length <= 4) return word;
  if (word.endsWith("ies") && word.length > 5) return word.slice(0, -3) + "y";
  if (word.endsWith("ing") && word.length > 6) return word.slice(0, -3);
  if (word.endsWith("ed") && word.length > 5) return word.slice(0, -2);
  if (word.endsWith("es") && /(?:ss|x|ch|sh)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us") && !word.endsWith("is")) return word.slice(0, -1);
  return word;
}

export function isStopword(word: string): boolean {
  return STOPWORDS.has(word);
}

/** Content words as written (lowercased) with their stems; no stopwords, no bare numbers. */
export function wordPairs(text: string): { word: string; stem: string }[] {
  const out: { word: string; stem: string }[] = [];
  for (const m of text.toLowerCase().matchAll(/[\p{L}][\p{L}\p{N}]*/gu)) {
    const w = m[0];
    if (w.length < 2 || STOPWORDS.has(w)) continue;
    out.push({ word: w, stem: stem(w) });
  }
  return out;
}

const stemCache = new Map<string, string>();
const STEM_CACHE_LIMIT = 50_000;

function cachedStem(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
    s = stem(word);
    stemCache.set(word, s);
  }
  return s;
}

/** Lowercased, stemmed content words (no stopwords, no bare numbers). */
export function wordTokens(text: string): string[] {
  const out: string[] = [];
  for (const m of text.toLowerCase().matchAll(/[\p{L}][\p{L}\p{N}]*/gu)) {
    const w = m[0];
    if (w.length >= 2 && !STOPWORDS.has(w)) out.push(cachedStem(w));
  }
  return out;
}

/** Prefix that keeps skill terms apart from plain words in one token stream. */
export const SKILL_TOKEN_PREFIX = "skill:";

/**
 * Tokens for retrieval: every lexicon skill becomes one canonical token (so "k8s" and
 * "Kubernetes" are the same term), the rest of the text contributes stemmed content words.
 */
export function retrievalTokens(text: string): { skills: string[]; words: string[]; rest: string } {
  const mentions = findSkills(text);
  const skills: string[] = [];
  let rest = "";
  let cursor = 0;
  for (const m of mentions) {
    skills.push(m.canonical);
    rest += text.slice(cursor, m.index) + " ";
    cursor = m.index + m.match.length;
  }
  rest += text.slice(cursor);
  return { skills, words: wordTokens(rest), rest };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

const phraseCache = new Map<string, RegExp>();

/**
 * A phrase of more words than this is no term anyone looks for (skill names stop at 100
 * characters); its expression would grow with it, and a few thousand words overflow the regular
 * expression compiler's stack: such a phrase matches nothing.
 */
export const MAX_PHRASE_WORDS = 40;
/** Likewise in characters: one 16,000-character "word" is "too large" for the compiler. */
export const MAX_PHRASE_CHARS = 300;
const NEVER = /(?!)/giu;

/** Case-insensitive, word-bounded phrase test where spaces and hyphens are interchangeable. */
export function phraseRegExp(phrase: string): RegExp {
  return new RegExp(cachedPhraseRegExp(phrase));
}

function cachedPhraseRegExp(phrase: string): RegExp {
  let re = phraseCache.get(phrase);
  if (!re) {
    const words = phrase.trim().split(/[\s\-]+/);
    if (words.length > MAX_PHRASE_WORDS || phrase.length > MAX_PHRASE_CHARS) return NEVER;
    const parts = words.map(escapeRegExp);
    re = new RegExp(`(?<![\\p{L}\\p{N}])${parts.join("[\\s\\-]+")}(?![\\p{L}\\p{N}])`, "giu");
    if (phraseCache.size >= 5_000) phraseCache.clear();
    phraseCache.set(phrase, re);
  }
  return re;
}

export function countPhrase(text: string, phrase: string): number {
  if (!phrase.trim()) return 0;
  // matchAll works on a copy, so sharing the cached expression is safe.
  return [...text.matchAll(cachedPhraseRegExp(phrase))].length;
}

export function wordCount(text: string): number {
  return (text.match(/[\p{L}\p{N}][\p{L}\p{N}'’.+#\-/]*/gu) ?? []).length;
}

/**
 * `s` without its leading run of `lead` characters and its trailing run of `trail` characters
 * (each tested on one code point), as /^[…]+|[…]+$/gu would remove them. That expression retries the trailing class at every
 * character of an inner run ("a....b"), which made it quadratic.
 */
export function stripRuns(s: string, lead: RegExp, trail: RegExp): string {
  let start = 0;
  while (start < s.length) {
    const ch = String.fromCodePoint(s.codePointAt(start)!);
    if (!lead.test(ch)) break;
    start += ch.length;
  }
  let end = s.length;
  while (end > start) {
    const low = s.charCodeAt(end - 1);
    const width = low >= 0xdc00 && low <= 0xdfff && end - 2 >= start && /[\ud800-\udbff]/.test(s[end - 2]) ? 2 : 1;
    if (!trail.test(s.slice(end - width, end))) break;
    end -= width;
  }
  return s.slice(start, end);
}

const NOTHING = /(?!)/;

/** `s` without its trailing run of `trail` characters: /[…]+$/ in one pass from the end. */
export function stripTrailing(s: string, trail: RegExp): string {
  return stripRuns(s, NOTHING, trail);
}

/** Human list: "A", "A and B", "A, B and C". */
export function humanList(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

export function plural(n: number, singular: string, pluralForm = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : pluralForm}`;
}
