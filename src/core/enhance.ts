// Builtin enhancement: rewrites bullets and summaries by rules that only move, inflect or remove
// words the user wrote. The single word it may introduce is the opening action verb that replaces
// a weak opener ("Responsible for managing" → "Managed"), plus the short forms listed in
// fillers.json ("in order to" → "to"). A final check compares facts before and after and keeps the
// minimally cleaned original if any number, name or technology would be lost.
import verbData from "./data/action-verbs.json" with { type: "json" };
import fillerData from "./data/fillers.json" with { type: "json" };
import { extractFacts, findTechnologies } from "./grounding.ts";
import { canonicalSkill, findSkills } from "./lexicon.ts";
import { stripRuns, stripTrailing } from "./text.ts";
import type { WritingStyle } from "./types.ts";

export interface BulletContext {
  style: WritingStyle;
  /** Whether the bullet belongs to the user's current role (present tense where the style allows). */
  current: boolean;
}

export type VerbForm = "base" | "past" | "third" | "gerund";

interface VerbEntry {
  base: string;
  past: string;
  third: string;
  gerund: string;
}

// ---------------------------------------------------------------------------------------------
// Verb table

const VERBS = new Map<string, VerbEntry>();
const FORM_OF = new Map<string, { verb: VerbEntry; form: VerbForm }[]>();
for (const [base, past, third, gerund] of verbData.verbs) {
  const entry = { base, past, third, gerund };
  VERBS.set(base, entry);
  for (const form of ["base", "past", "third", "gerund"] as const) {
    const list = FORM_OF.get(entry[form]) ?? [];
    list.push({ verb: entry, form });
    FORM_OF.set(entry[form], list);
  }
}
const AMBIGUOUS = new Set(verbData.ambiguous);
const OBJECT_STARTERS = new Set(verbData.objectStarters);

/** The base form of a known action verb in any of its forms ("led" → "lead"), or null. */
export function verbLemma(word: string): string | null {
  return FORM_OF.get(word.toLowerCase())?.[0]?.verb.base ?? null;
}

/** Inflects a known verb; unknown words come back unchanged. */
export function conjugate(lemma: string, form: VerbForm): string {
  const entry = VERBS.get(lemma.toLowerCase());
  return entry ? entry[form] : lemma;
}

/** The verb form a bullet takes: past for ended roles, present for the current one unless the style is all past. */
export function bulletVerbForm(style: WritingStyle, current: boolean): VerbForm {
  if (!current || style.tense === "PAST") return "past";
  return style.person === "THIRD" ? "third" : "base";
}

function formsOf(word: string): { verb: VerbEntry; form: VerbForm }[] {
  return FORM_OF.get(word.toLowerCase()) ?? [];
}

// ---------------------------------------------------------------------------------------------
// Text helpers

const MARKER_RE = /^\s*(?:[•·▪►●○◦■□➢➤✓✔*–—-]|\u2022)+\s*/u;
const SENTINEL = "\u0000";

export function stripMarker(text: string): string {
  return text.replace(MARKER_RE, "");
}

function collapse(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

const NOT_WORD_LEAD = /^[^\p{L}\p{N}$]$/u;
const NOT_WORD_TRAIL = /^[^\p{L}\p{N}%+]$/u;
const NOT_NAME_LEAD = /^[^\p{L}\p{N}]$/u;
const NOT_NAME_TRAIL = /^[^\p{L}\p{N}+#]$/u;

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Upper-cases the first letter unless the first word is written that way on purpose: a number,
 * "iOS", "eBay", or a technology whose canonical name is lowercase ("npm").
 */
function capitaliseFirst(text: string): string {
  const first = /^[^\p{L}\p{N}]*([\p{L}\p{N}][\p{L}\p{N}.+#-]*)/u.exec(text)?.[1] ?? "";
  if (!/^\p{Ll}/u.test(first) || /\p{Lu}/u.test(first)) return text;
  const canonical = canonicalSkill(first.replace(/\.$/, ""));
  if (canonical && /^\p{Ll}/u.test(canonical)) return text;
  return text.replace(/^([^\p{L}\p{N}]*)(\p{Ll})/u, (_, pre: string, c: string) => pre + c.toUpperCase());
}

/**
 * Removes spaces left before punctuation and doubled separators after words were removed. Runs of
 * space are collapsed first: the expressions below restart at every space of a long run.
 */
function tidyPunctuation(text: string): string {
  return collapse(
    collapse(text)
      .replace(/\s+([,.;:!?)\]])/g, "$1")
      .replace(/([(\[])\s+/g, "$1")
      .replace(/,(\s*,)+/g, ",")
      .replace(/([(\[]),\s*/g, "$1")
      .replace(/,\s*([.;:!?)\]])/g, "$1")
      .replace(/^[\s,;:]+/, ""),
  );
}

/**
 * The same as /(^|[.!?;:]\s+)$/ on the text before `index`, read backwards from `index`: testing
 * the whole prefix again at every capitalised filler ("Very Very Very …") was quadratic.
 */
function isSentenceStart(text: string, index: number): boolean {
  if (index === 0) return true;
  let i = index;
  while (i > 0 && /\s/.test(text[i - 1])) i--;
  return i < index && i > 0 && ".!?;:".includes(text[i - 1]);
}

// ---------------------------------------------------------------------------------------------
// Fillers

const REMOVE = [...fillerData.remove].sort((a, b) => b.length - a.length);
const REPLACE = Object.entries(fillerData.replace).sort((a, b) => b[0].length - a[0].length);
const TRAILING_RE = new RegExp(
  `,?\\s*\\b(?:${fillerData.trailing.map(escapeRe).join("|")})(?=\\s*(?:[.;,)\\]]|$))\\.?`,
  "gi",
);
const LEADING_RE = new RegExp(`^(?:${fillerData.leading.map(escapeRe).join("|")})\\b,?\\s+`, "i");

/** The words `removeFillers` may write that were not in its input. */
export function fillerReplacementWords(): string[] {
  return [...new Set(Object.values(fillerData.replace).flatMap((v) => v.split(" ")))];
}

/**
 * Removes filler words and shortens wordy phrases. A capitalised match in mid-sentence is left
 * alone: it is part of a name ("Very Good Ventures"), and names are facts.
 */
export function removeFillers(input: string): string {
  // Collapsed first (callers mostly do): TRAILING_RE's \s* restarts at every space of a run.
  let text = collapse(input).replace(LEADING_RE, "").replace(TRAILING_RE, "");
  for (const [phrase, short] of REPLACE) text = replaceWord(text, phrase, short);
  for (const phrase of REMOVE) text = replaceWord(text, phrase, SENTINEL);
  return tidyPunctuation(fixArticles(text).replaceAll(SENTINEL, " "));
}

function replaceWord(text: string, phrase: string, replacement: string): string {
  const re = new RegExp(`\\b${escapeRe(phrase)}\\b`, "gi");
  return text.replace(re, (match: string, offset: number) => {
    const capital = /^\p{Lu}/u.test(match);
    if (capital && !isSentenceStart(text, offset)) return match;
    if (replacement === SENTINEL || !capital) return replacement;
    return capitaliseFirst(replacement);
  });
}

// "an extremely large" → "a large": removing a word can leave the article disagreeing.
function fixArticles(text: string): string {
  return text.replace(/\b([Aa])(n?)\s*\u0000[\s\u0000]*([\p{L}\p{N}])/gu, (_, a: string, _n: string, next: string) => {
    const vowel = /[aeiouAEIOU]/.test(next);
    return `${a}${vowel ? "n" : ""} ${SENTINEL}${next}`;
  });
}

// ---------------------------------------------------------------------------------------------
// Parsing a bullet's opening

interface Opening {
  /** Verb lemmas in order ("design", "implement"), all inflected the same way. */
  verbs: string[];
  /** Separators between the verbs as written (" and ", ", "). */
  joins: string[];
  /** Words after the verb that belong to the fixed phrase ("to" in "contribute to"). */
  particle: string;
  rest: string;
}

interface Opener {
  phrase: string;
  kind: string;
  verb?: string;
}

const OPENERS: Opener[] = [...verbData.openers].sort((a, b) => b.phrase.length - a.phrase.length);
const AUXILIARIES = [...verbData.auxiliaries].sort((a, b) => b.length - a.length);
const KINDS = verbData.kinds as Record<string, { gerund: string; noun: Record<string, string> }>;
const NOMINALS = verbData.nominals as Record<string, string>;
const CUES = verbData.cues as Record<string, string[]>;

function words(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}

function cleanWord(word: string | undefined): string {
  // Not /^[…]+|[…]+$/: its trailing half restarts at every character of a run inside the word.
  return stripRuns(word ?? "", NOT_WORD_LEAD, NOT_WORD_TRAIL).toLowerCase();
}

function fromPhrase(phrase: string, rest: string): Opening {
  const [verb, ...particle] = phrase.split(" ");
  return { verbs: [verb], joins: [], particle: particle.join(" "), rest };
}

/** Leading "I was", "Was" or "I" before a weak opener or verb: the style decides the person, not the source. */
function stripAuxiliary(text: string): string {
  const lower = text.toLowerCase();
  for (const aux of AUXILIARIES) {
    if (!lower.startsWith(`${aux} `)) continue;
    const remainder = text.slice(aux.length + 1);
    const next = cleanWord(words(remainder)[0]);
    const startsOpener = OPENERS.some((o) => remainder.toLowerCase().startsWith(`${o.phrase} `));
    if (startsOpener || (aux === "i" && formsOf(next).some((f) => f.form !== "gerund"))) return remainder;
  }
  return text;
}

/** Reads "designing and implementing" or "the design and implementation of" at the start of `text`. */
function verbChain(text: string, form: "gerund" | "nominal" | VerbForm): { verbs: string[]; joins: string[]; rest: string } | null {
  const lemmaOf = (w: string): string | null => {
    if (form === "nominal") return NOMINALS[w] ?? null;
    return formsOf(w).find((f) => f.form === form)?.verb.base ?? null;
  };
  const body = form === "nominal" ? text.replace(/^the\s+/i, "") : text;
  const m = /^[\p{L}-]+/u.exec(body);
  if (!m) return null;
  const first = lemmaOf(m[0].toLowerCase());
  if (!first) return null;
  const verbs = [first];
  const joins: string[] = [];
  let consumed = m[0].length;
  const tailRe = /(,\s*|,?\s+and\s+|\s*&\s*)(?:the\s+)?([\p{L}-]+)/iuy;
  tailRe.lastIndex = consumed;
  for (let t = tailRe.exec(body); t; t = tailRe.exec(body)) {
    const lemma = lemmaOf(t[2].toLowerCase());
    if (!lemma) break;
    verbs.push(lemma);
    joins.push(t[1].includes("and") || t[1].includes("&") ? " and " : ", ");
    consumed = tailRe.lastIndex;
  }
  let rest = body.slice(consumed);
  if (form === "nominal") {
    const of = /^\s+of\s+/i.exec(rest);
    if (!of) return null;
    rest = rest.slice(of[0].length);
  }
  return { verbs, joins, rest: rest.replace(/^\s+/, "") };
}

function nounCategory(object: string): string {
  const lower = ` ${object.toLowerCase()} `;
  let best: { cat: string; at: number } | null = null;
  for (const [cat, cues] of Object.entries(CUES)) {
    for (const cue of cues) {
      const at = lower.search(new RegExp(`[^\\p{L}]${escapeRe(cue)}[^\\p{L}]`, "u"));
      if (at >= 0 && (!best || at < best.at)) best = { cat, at };
    }
  }
  const skill = findTechnologies(object)[0];
  if (skill && (!best || skill.index < best.at)) return "software";
  return best?.cat ?? "default";
}

function rewriteOpener(opener: Opener, object: string): Opening | null {
  if (!object) return null;
  if (opener.kind === "fixed") return fromPhrase(opener.verb ?? "", object);
  const kind = KINDS[opener.kind];
  // "Responsible for planning sprints" or "…for training materials"? Without meaning we cannot
  // tell a gerund from a noun, and a wrong guess reads worse than the weak opener: keep it.
  if (!verbalGerunds(object) && verbChain(object, "gerund")) return null;
  const chain = verbalGerunds(object) ?? verbChain(object, "nominal");
  if (chain) {
    if (!kind.gerund) return { verbs: chain.verbs, joins: chain.joins, particle: "", rest: chain.rest };
    // "Helped with migrating X" → "Helped migrate X": the help stays, the verbs become bare.
    const bare = chain.verbs.map((v, i) => (i === 0 ? v : `${chain.joins[i - 1]}${v}`)).join("");
    return fromPhrase(kind.gerund, `${bare} ${chain.rest}`.trim());
  }
  // "Helped to build X" → "Helped build X"; only after "to", where the next word must be a verb.
  const firstWord = cleanWord(words(object)[0]);
  if (kind.gerund && opener.phrase.endsWith(" to") && formsOf(firstWord).some((f) => f.form === "base")) {
    return fromPhrase(kind.gerund, object);
  }
  const phrase = kind.noun[nounCategory(object)] ?? kind.noun.default;
  return fromPhrase(phrase, object);
}

/** A gerund chain that really is verbal: "training new hires" yes, "training materials" no. */
function verbalGerunds(object: string): ReturnType<typeof verbChain> {
  const chain = verbChain(object, "gerund");
  if (!chain) return null;
  if (chain.verbs.length > 1) return chain;
  return looksLikeVerb(chain.verbs[0], words(chain.rest)[0]) && chain.rest ? chain : null;
}

/** Whether the first word is used as a verb here, not as a noun ("Lead engineer", "Testing framework"). */
function looksLikeVerb(word: string, next: string | undefined): boolean {
  const lemma = verbLemma(word);
  if (!lemma) return false;
  if (!AMBIGUOUS.has(lemma)) return true;
  const n = cleanWord(next);
  return OBJECT_STARTERS.has(n) || /^[$€£]?\d/.test(n);
}

function parseOpening(text: string): Opening | null {
  const body = stripAuxiliary(text);
  const lower = body.toLowerCase();
  for (const opener of OPENERS) {
    if (lower === opener.phrase || lower.startsWith(`${opener.phrase} `) || lower.startsWith(`${opener.phrase}:`)) {
      const object = body.slice(opener.phrase.length).replace(/^[:\s]+/, "");
      const rewritten = rewriteOpener(opener, object);
      if (rewritten) return rewritten;
    }
  }
  const [first, second] = words(body);
  const firstClean = cleanWord(first);
  if (!looksLikeVerb(firstClean, second)) return null;
  // Prefer the gerund reading ("Managing" is never a past tense), then any other form.
  for (const form of ["gerund", "past", "third", "base"] as const) {
    const chain = verbChain(body, form);
    if (chain) return { verbs: chain.verbs, joins: chain.joins, particle: "", rest: chain.rest };
  }
  return null;
}

function renderOpening(o: Opening, form: VerbForm): string {
  const verbs = o.verbs.map((v, i) => (i === 0 ? conjugate(v, form) : `${o.joins[i - 1]}${conjugate(v, form)}`)).join("");
  return [verbs, o.particle, o.rest].filter(Boolean).join(" ");
}

// ---------------------------------------------------------------------------------------------
// Punctuation and the fact check

function finishBullet(text: string, style: WritingStyle): string {
  // stripTrailing, not /[…]+$/: that restarts at every character of a run inside the text.
  const body = stripTrailing(capitaliseFirst(tidyPunctuation(text)), /^[\s,;:]$/);
  if (style.bulletsEndWithPeriod) return /[.!?]$/.test(body) ? body : `${body}.`;
  return stripTrailing(body, /^\.$/);
}

function numberValuesKey(text: string): string[] {
  return extractFacts(text).numbers.map((n) => n.replace(/^[$€£¥]/, ""));
}

/**
 * Every number, lexicon skill and mid-sentence capitalised word of `before` is still in `after`.
 * Skills of every category count, not only technologies: "Responsible for mentoring" carries the
 * "Mentoring" keyword that ranking and ATS scoring look for, and "Mentored" would lose it.
 */
export function preservesFacts(before: string, after: string): boolean {
  const afterNumbers = new Set(numberValuesKey(after));
  if (!numberValuesKey(before).every((n) => afterNumbers.has(n))) return false;
  const afterSkills = new Set(findSkills(after).map((s) => s.canonical));
  if (!findSkills(before).every((s) => afterSkills.has(s.canonical))) return false;
  const afterWords = new Set(after.split(/[^\p{L}\p{N}&.'’+#/-]+/u).map((w) => w.replace(/['’]s$|\.$/u, "")));
  return capitalisedWords(before).every((w) => afterWords.has(w));
}

/** Capitalised words that are not the first of a sentence: names, whose spelling is a fact. */
function capitalisedWords(text: string): string[] {
  const out: string[] = [];
  const tokens = text.split(/\s+/).filter(Boolean);
  tokens.forEach((raw, i) => {
    if (i === 0 || /[.!?:;]$/.test(tokens[i - 1])) return;
    const w = stripRuns(raw, NOT_NAME_LEAD, NOT_NAME_TRAIL).replace(/['’]s$/u, "");
    if (/^\p{Lu}/u.test(w) && w !== "I") out.push(w);
  });
  return out;
}

function minimalClean(raw: string, style: WritingStyle): string {
  return finishBullet(collapse(stripMarker(raw)), style);
}

// ---------------------------------------------------------------------------------------------
// Public API

/**
 * A bullet as a clause that can follow "I" in a sentence ("led the migration to Kubernetes"), its
 * opening verbs in `form`; null when the bullet does not open with a verb or weak opener.
 */
export function bulletClause(bullet: string, form: VerbForm): string | null {
  const text = stripTrailing(removeFillers(collapse(stripMarker(bullet))), /^[\s.;:,!]$/);
  const opening = parseOpening(text);
  if (!opening) return null;
  const clause = renderOpening(opening, form);
  return preservesFacts(text, clause) ? clause : null;
}

/** Rewrites one bullet: strong verb first, tense of the role and style, filler removed, nothing added. */
export function enhanceBullet(raw: string, ctx: BulletContext): string {
  const text = collapse(stripMarker(raw));
  if (!text) return "";
  const cleaned = removeFillers(text);
  const opening = parseOpening(cleaned);
  // Most ambitious first; the first candidate that keeps every fact wins.
  const candidates = [
    opening ? renderOpening(opening, bulletVerbForm(ctx.style, ctx.current)) : null,
    cleaned,
  ];
  for (const body of candidates) {
    if (body === null) continue;
    const out = finishBullet(body, ctx.style);
    if (preservesFacts(text, out)) return out;
  }
  return minimalClean(raw, ctx.style);
}

/** Rewrites each bullet; the result has one entry per input bullet (empty ones stay empty). */
export function enhanceBullets(bullets: string[], ctx: BulletContext): string[] {
  return bullets.map((b) => enhanceBullet(b, ctx));
}

/**
 * Rewrites a summary: filler removed, sentences capitalised and closed. For a style that does not
 * write in the first person, a leading "I am a/an" is dropped ("I am a backend engineer…" →
 * "Backend engineer…"), which removes words but adds none.
 */
export function enhanceSummary(text: string, style: WritingStyle): string {
  // A lowercase "i" as a word is always the pronoun.
  const source = collapse(text).replace(/(^|\s)i(?=['’]?(?:m|ve|d|ll)?\s)/g, "$1I");
  if (!source) return "";
  const sentences = source.split(/(?<=[.!?])\s+(?=\p{Lu}|\d|I\b)/u).map((s) => {
    let sentence = removeFillers(s);
    if (style.person !== "FIRST") sentence = sentence.replace(/^I(?:'m| am)\s+(?:an?\s+)?(?=\p{L})/iu, "");
    sentence = capitaliseFirst(sentence);
    return /[.!?]$/.test(sentence) || !sentence ? sentence : `${sentence}.`;
  });
  const out = sentences.filter(Boolean).join(" ");
  return preservesFacts(source, out) ? out : source;
}

/** Short notes on what the enhancer changed, for the UI next to the before/after pair. */
export function explainChanges(before: string, after: string): string[] {
  const src = collapse(stripMarker(before));
  const dst = collapse(after);
  if (src === dst) return [];
  const notes: string[] = [];
  const lowerSrc = src.toLowerCase();
  const opener = OPENERS.find((o) => stripAuxiliary(src).toLowerCase().startsWith(`${o.phrase} `));
  const firstAfter = words(dst)[0] ?? "";
  if (opener) {
    notes.push(`Replaced the weak opener "${capitaliseFirst(opener.phrase)}" with "${firstAfter}"`);
  } else {
    const firstBefore = cleanWord(words(src)[0]);
    if (verbLemma(firstBefore) && verbLemma(firstBefore) === verbLemma(cleanWord(firstAfter)) && firstBefore !== firstAfter.toLowerCase()) {
      notes.push(`Changed "${words(src)[0]}" to "${firstAfter}" to match the tense`);
    }
  }
  const lowerDst = dst.toLowerCase();
  for (const [phrase, short] of REPLACE) {
    if (new RegExp(`\\b${escapeRe(phrase)}\\b`).test(lowerSrc) && !new RegExp(`\\b${escapeRe(phrase)}\\b`).test(lowerDst)) {
      notes.push(`Shortened "${phrase}" to "${short}"`);
    }
  }
  const removed = [...REMOVE, ...fillerData.trailing, ...fillerData.leading].filter(
    (p) => new RegExp(`(^|[^\\p{L}])${escapeRe(p)}($|[^\\p{L}])`, "u").test(lowerSrc) && !new RegExp(`(^|[^\\p{L}])${escapeRe(p)}($|[^\\p{L}])`, "u").test(lowerDst),
  );
  if (removed.length) notes.push(`Removed filler: ${[...new Set(removed)].join(", ")}`);
  if (/\.$/.test(dst) && !/\.$/.test(src)) notes.push("Added a closing full stop to match the style");
  if (!/\.$/.test(dst) && /\.$/.test(src)) notes.push("Removed the closing full stop to match the style");
  return notes;
}
