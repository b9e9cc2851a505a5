// Writing style learnt from a sample resume or cover letter: plain text statistics, no model.
// Pure and deterministic: the same text always gives the same style.
import type { Person, Tense, Tone, WritingStyle } from "./types.ts";
import { headingKey, kindOfKey, sectionKind } from "./resume/headings.ts";
import { stripRuns } from "./text.ts";

export type SampleType = "RESUME" | "COVER_LETTER";

/** The style used when the user has uploaded no sample: the conventions most resume guides teach. */
export const DEFAULT_STYLE: WritingStyle = {
  tense: "PAST",
  person: "IMPLIED",
  bulletMarker: "•",
  avgBulletWords: 16,
  avgSentenceWords: 18,
  numericBulletShare: 0.5,
  bulletsEndWithPeriod: false,
  topActionVerbs: ["lead", "build", "improve", "design", "reduce", "deliver"],
  sectionHeadings: ["Summary", "Experience", "Projects", "Education", "Skills"],
  tone: "NEUTRAL",
  toneScore: 0.5,
  greeting: "Dear Hiring Manager,",
  closing: "Sincerely,",
  paragraphCount: 4,
};

export function analyzeStyle(text: string, type: SampleType): WritingStyle {
  const units = readUnits(text);
  const bullets = findBullets(units);
  const openers = bullets.map((b) => classifyOpener(b.text)).filter((o): o is Opener => o !== null);
  const letter = type === "COVER_LETTER" ? letterParts(units) : null;
  const prose = units.filter((u) => u.kind === "line" && isProse(u.text) && u !== letter?.greetingUnit && u !== letter?.closingUnit);
  const sentences = (prose.length ? prose : bullets).flatMap((u) => splitSentences(u.text));
  const tone = detectTone(text, Math.max(1, sentences.length));

  return {
    tense: detectTense(openers, prose),
    person: detectPerson(text),
    bulletMarker: mostFrequent(bullets.map((b) => b.marker).filter((m): m is string => m !== null)),
    avgBulletWords: round(mean(bullets.map((b) => wordCount(b.text))), 1),
    avgSentenceWords: round(mean(sentences.map(wordCount)), 1),
    numericBulletShare: round(share(bullets, (b) => /\d/.test(b.text)), 2),
    bulletsEndWithPeriod: bullets.length > 0 && share(bullets, (b) => /\.["')\]]?$/.test(b.text)) > 0.5,
    topActionVerbs: rankVerbs(openers),
    sectionHeadings: dedupe(units.filter((u) => u.kind === "heading").map((u) => u.text.replace(/:$/, "").trim())),
    tone: tone.tone,
    toneScore: tone.score,
    greeting: letter ? letter.greeting : null,
    closing: letter ? letter.closing : null,
    paragraphCount: letter ? letter.paragraphCount : null,
  };
}

// ---------------------------------------------------------------------------------------------
// Units: logical lines. Extracted PDF text wraps long bullets and paragraphs over several lines;
// a unit is what the writer typed as one line, heading, bullet or paragraph.

interface Unit {
  kind: "heading" | "bullet" | "line";
  text: string;
  /** Normalised bullet marker, for bullets. */
  marker: string | null;
  /** A blank line precedes this unit (or it starts the text). */
  blockStart: boolean;
}

/**
 * A bullet opens with a symbol (a space after it is optional: PDFs often lose it), or with a
 * hyphen, asterisk, dash or number followed by a space ("-5%" and "2.1 million" are not bullets).
 */
const BULLET = /^(?:([•·▪◦●○■□➢➤►▸✓✔\uf0b7\uf0a7\uf0d8\uf076\uf0fc])\s*|([*\-–]|\d{1,2}[.)])\s+)(?=\S)/u;
/** Symbol/Wingdings glyphs that Word's list bullets turn into in many PDFs. */
const PRIVATE_USE_MARKERS: Record<string, string> = { "\uf0b7": "•", "\uf0a7": "▪", "\uf0d8": "➢", "\uf076": "❖", "\uf0fc": "✓" };

function normaliseMarker(raw: string): string {
  if (/^\d/.test(raw)) return raw.endsWith(")") ? "1)" : "1.";
  return PRIVATE_USE_MARKERS[raw] ?? raw;
}

interface RawLine {
  text: string;
  blockStart: boolean;
}

function readLines(text: string): RawLine[] {
  const lines: RawLine[] = [];
  let blank = true;
  for (const raw of text.replace(/\r\n?/g, "\n").split("\n")) {
    // trim(), not /\s+$/: that expression restarts at every space of a run and rescans it.
    const line = raw.replace(/\t+/g, "  ").trim();
    if (!line) {
      blank = true;
      continue;
    }
    lines.push({ text: line, blockStart: blank });
    blank = false;
  }
  return lines;
}

/** A line ending in one of these words was cut by the page width, not by its writer. */
const DANGLING_WORD = /\b(and|or|the|of|to|a|an|in|with|for|by|on|at|from|that|as|into|across)$/i;

/**
 * The width at which this text wraps, learnt from lines that were visibly cut: the next line
 * starts in lowercase, or this one ends on "and"/"the"/…. Null when nothing wraps (DOCX, typed text).
 */
function wrapWidth(lines: RawLine[]): number | null {
  const widths: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    if (lines[i].blockStart || BULLET.test(lines[i].text)) continue;
    if (/^[a-z]/.test(lines[i].text) || DANGLING_WORD.test(lines[i - 1].text)) widths.push(lines[i - 1].text.length);
  }
  if (!widths.length) return null;
  widths.sort((a, b) => a - b);
  return widths[Math.floor(widths.length / 2)];
}

function readUnits(text: string): Unit[] {
  const lines = readLines(text);
  const width = wrapWidth(lines);
  const units: Unit[] = [];
  let lastLine = "";
  for (const line of lines) {
    const previous = units[units.length - 1];
    const bullet = BULLET.exec(line.text);
    if (previous && !line.blockStart && !bullet && continues(lastLine, line.text, width)) {
      previous.text += " " + line.text;
    } else {
      units.push({
        kind: bullet ? "bullet" : "line",
        text: bullet ? line.text.slice(bullet[0].length).trim() : line.text,
        marker: bullet ? normaliseMarker(bullet[1] ?? bullet[2]) : null,
        blockStart: line.blockStart,
      });
    }
    lastLine = line.text;
  }
  markHeadings(units);
  return units;
}

/** Whether `next` is the wrapped tail of the physical line `previous` rather than a line of its own. */
function continues(previous: string, next: string, width: number | null): boolean {
  if (width === null || looksLikeHeading(previous) || looksLikeHeading(next) || looksLikeEntryLine(next)) return false;
  if (/^[a-z(&%]/.test(next) || DANGLING_WORD.test(previous)) return true;
  return previous.length >= width * 0.8 && !/[.!?:]["')]?$/.test(previous);
}

/** Role, company and date lines sit right under bullets and must not be glued onto them. */
function looksLikeEntryLine(line: string): boolean {
  return /\b(19|20)\d\d\b/.test(line) || /\s[—|]\s/.test(line) || /\b(present|current)\b/i.test(line);
}

// ---------------------------------------------------------------------------------------------
// Headings.

const SMALL_WORDS = new Set(["and", "of", "the", "for", "in", "&", "to", "a"]);


function isAllCaps(line: string): boolean {
  const letters = line.match(/\p{L}/gu) ?? [];
  return letters.length >= 3 && line === line.toUpperCase() && line !== line.toLowerCase() &&
    line.length <= 50 && line.split(/\s+/).length <= 6 && !/[,.@;!?]/.test(line) && (line.match(/\d/g) ?? []).length <= 3;
}

function isTitleCase(line: string): boolean {
  const words = line.replace(/:$/, "").split(/\s+/);
  return words.length <= 4 && !/[,.@;!?]/.test(line) && words.every((w) => SMALL_WORDS.has(w.toLowerCase()) || /^\p{Lu}/u.test(w));
}

/** Known section names, and ALL CAPS or Title Case lines that name a usual section ("KEY PROJECTS"). */
function looksLikeHeading(line: string): boolean {
  // The parser's vocabulary (resume/headings.ts): a known name, or a short ALL CAPS / Title Case line
  // that ends in a section word. A word inside the line is not enough: "Best Paper Award" is an award.
  const kind = sectionKind(line);
  if (!kind) return false;
  return kindOfKey(headingKey(line), false) !== null || isAllCaps(line) || isTitleCase(line);
}

/**
 * A heading is a line followed by content. Besides the recognisable ones, an ALL CAPS line set off
 * by space above ("CASE STUDY 1") is one, when the text has such spacing at all (DOCX paragraphs
 * are all separated alike) and it is past the name and title at the top.
 */
function markHeadings(units: Unit[]): void {
  const spacingMeansSomething = units.filter((u) => u.blockStart).length < units.length * 0.6;
  let pastHeader = false;
  units.forEach((unit, i) => {
    // The name and a title line come first; from the third unit on, or once content started, it is the body.
    if (unit.kind === "bullet" || i >= 2) pastHeader = true;
    if (unit.kind !== "line" || i === units.length - 1) return;
    const spacedCaps = spacingMeansSomething && pastHeader && unit.blockStart && isAllCaps(unit.text);
    if (looksLikeHeading(unit.text) || spacedCaps) {
      unit.kind = "heading";
      pastHeader = true;
    }
  });
}

// ---------------------------------------------------------------------------------------------
// Bullets and their opening verbs.

interface Bullet {
  text: string;
  marker: string | null;
}

/**
 * Marked bullets when there are any. Otherwise resumes often still list achievements one per line
 * without a marker: lines under a section heading that open with an action verb.
 */
function findBullets(units: Unit[]): Bullet[] {
  const marked = units.filter((u) => u.kind === "bullet").map((u) => ({ text: u.text, marker: u.marker }));
  if (marked.length) return marked;
  let inSection = false;
  const implied: Bullet[] = [];
  for (const unit of units) {
    if (unit.kind === "heading") inSection = true;
    else if (inSection && wordCount(unit.text) >= 4 && classifyOpener(unit.text)?.known) implied.push({ text: unit.text, marker: null });
  }
  return implied.length >= 2 ? implied : [];
}

type VerbTense = "PAST" | "PRESENT";

interface Opener {
  /** Lowercase base form when the verb is known, else the word as written in lowercase. */
  base: string;
  tense: VerbTense | null;
  known: boolean;
}

// Base forms of verbs that open resume bullets. Past, third-person and -ing forms are derived.
const ACTION_VERBS = `
  accelerate achieve acquire act adapt add address administer advance advise advocate align allocate analyse analyze
  answer apply appoint architect arrange assemble assess assign assist attain audit author automate balance benchmark
  boost brief build calculate campaign capture catalogue champion chart clarify close coach code collaborate collect
  combine communicate compile complete compose compute conceive conceptualize conduct configure consolidate construct
  consult contribute control convert convince coordinate correct craft create curate customize cut debug decrease
  define delegate deliver demonstrate deploy design detect develop devise diagnose direct discover dispatch distribute
  document double draft drive earn edit educate eliminate enable encourage engage engineer enhance ensure establish
  estimate evaluate examine exceed execute expand expedite experiment explain explore extend extract facilitate
  finalize fix forecast form formalize formulate foster found gather generate grow guide halve handle harden head help
  hire host identify illustrate implement improve increase influence initiate innovate inspect install instrument
  integrate interview introduce invent investigate launch lead lower maintain manage map market maximize measure
  mediate mentor merge migrate minimize model moderate modernise modernize monitor motivate navigate negotiate obtain
  onboard open operate optimise optimize orchestrate organise organize outline outperform overhaul own oversee
  partner perform pilot pioneer plan prepare present prevent prioritize process produce program promote propose
  prototype provide publish purchase qualify quantify raise rank reach rebuild recommend reconcile record recruit
  redesign reduce refactor refine regulate reinforce release remove reorganize repair replace report represent
  research resolve restore restructure retain revamp review revise rewrite run save scale schedule screen script
  secure select sell serve set shape share ship simplify solve source spearhead speak spend sponsor stabilize
  standardise standardize start steer streamline strengthen structure study submit supervise supply support surpass
  survey sustain tackle teach test tighten track train transform translate triage triple troubleshoot tune uncover
  unify update upgrade use validate verify visualize volunteer win write
`.trim().split(/\s+/);

const IRREGULAR_PAST: Record<string, string> = {
  cut: "cut", set: "set", forecast: "forecast",
  build: "built", rebuild: "rebuilt", lead: "led", run: "ran", write: "wrote", rewrite: "rewrote", drive: "drove",
  grow: "grew", win: "won", teach: "taught", spend: "spent", sell: "sold", oversee: "oversaw", speak: "spoke",
  steer: "steered", make: "made", take: "took", give: "gave", bring: "brought", buy: "bought", choose: "chose",
  find: "found", hold: "held", keep: "kept", meet: "met", send: "sent", begin: "began", undertake: "undertook",
};
/** "found" is also the past of "find": on its own it says nothing about tense. */
const AMBIGUOUS_BASE = new Set(["found"]);
const DOUBLE_FINAL_CONSONANT = new Set(["plan", "ship", "program", "debug", "map", "submit", "run", "win", "set", "cut"]);

function regularPast(base: string): string {
  if (DOUBLE_FINAL_CONSONANT.has(base)) return base + base.at(-1) + "ed";
  if (base.endsWith("e")) return base + "d";
  if (/[^aeiou]y$/.test(base)) return base.slice(0, -1) + "ied";
  return base + "ed";
}

function thirdPerson(base: string): string {
  if (/(s|sh|ch|x|z|o)$/.test(base)) return base + "es";
  if (/[^aeiou]y$/.test(base)) return base.slice(0, -1) + "ies";
  return base + "s";
}

function gerund(base: string): string {
  if (DOUBLE_FINAL_CONSONANT.has(base)) return base + base.at(-1) + "ing";
  if (base.endsWith("ie")) return base.slice(0, -2) + "ying";
  if (base.endsWith("e") && !base.endsWith("ee")) return base.slice(0, -1) + "ing";
  return base + "ing";
}

const VERB_FORMS: Map<string, { base: string; tense: VerbTense | null }> = (() => {
  const forms = new Map<string, { base: string; tense: VerbTense | null }>();
  for (const base of ACTION_VERBS) {
    const past = IRREGULAR_PAST[base] ?? regularPast(base);
    // "cut", "set": the same spelling in both tenses says nothing about tense.
    const sameSpelling = past === base || AMBIGUOUS_BASE.has(base);
    forms.set(thirdPerson(base), { base, tense: "PRESENT" });
    forms.set(gerund(base), { base, tense: "PRESENT" });
    forms.set(past, { base, tense: past === base ? null : "PAST" });
    forms.set(base, { base, tense: sameSpelling ? null : "PRESENT" });
  }
  for (const [base, past] of Object.entries(IRREGULAR_PAST)) if (!forms.has(past)) forms.set(past, { base, tense: "PAST" });
  return forms;
})();

const NOT_PAST_ED = /(eed|ied)$/; // proceed, exceed, need; "ied" forms of unknown verbs are too rare to guess

function classifyWord(word: string): Opener | null {
  const known = VERB_FORMS.get(word);
  if (known) return { ...known, known: true };
  const prefixed = /^(co|re|self|cross|over|under)-(.+)$/.exec(word);
  if (prefixed) {
    const inner = VERB_FORMS.get(prefixed[2]);
    if (inner) return { base: `${prefixed[1]}-${inner.base}`, tense: inner.tense, known: true };
  }
  if (/^[a-z]{3,}ed$/.test(word) && !NOT_PAST_ED.test(word)) return { base: word, tense: "PAST", known: false };
  return null;
}

const NOT_LETTER = /^[^\p{L}]$/u;
const NOT_LETTER_OR_HYPHEN = /^[^\p{L}-]$/u;

/** The verb a bullet opens with, skipping an opening adverb ("Successfully launched …"). */
function classifyOpener(text: string): Opener | null {
  // stripRuns, not /^[…]+|[…]+$/: that rescans runs inside a word from each of their characters.
  const words = text.split(/\s+/).map((w) => stripRuns(w.toLowerCase(), NOT_LETTER, NOT_LETTER_OR_HYPHEN)).filter(Boolean);
  const first = words[0];
  if (!first) return null;
  if (first.length > 4 && first.endsWith("ly") && words[1]) return classifyWord(words[1]);
  return classifyWord(first);
}

function rankVerbs(openers: Opener[]): string[] {
  const counts = new Map<string, number>();
  for (const o of openers) counts.set(o.base, (counts.get(o.base) ?? 0) + 1);
  // Map keeps first-seen order, and sort is stable: ties stay in order of appearance.
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([verb]) => verb);
}

// ---------------------------------------------------------------------------------------------
// Tense and person.

const AUXILIARIES = new Set(["have", "has", "had", "'ve", "'d", "also", "then", "recently", "previously", "currently", "successfully"]);

function detectTense(openers: Opener[], prose: Unit[]): Tense {
  const bulletTenses = openers.map((o) => o.tense).filter((t): t is VerbTense => t !== null);
  const tenses = bulletTenses.length >= 2 ? bulletTenses : proseVerbTenses(prose);
  if (!tenses.length) return "MIXED";
  const past = tenses.filter((t) => t === "PAST").length / tenses.length;
  if (past >= 0.75) return "PAST";
  if (past <= 0.25) return "PRESENT";
  return "MIXED";
}

/** Without bullets: the verbs right after "I"/"we" ("I led", "we have shipped", "I lead"). */
function proseVerbTenses(prose: Unit[]): VerbTense[] {
  const tenses: VerbTense[] = [];
  for (const unit of prose) {
    const tokens = unit.text.replace(/[’]/g, "'").replace(/\b(I|we)('ve|'d)\b/gi, "$1 $2").toLowerCase().match(/[a-z'-]+/g) ?? [];
    tokens.forEach((token, i) => {
      if (token !== "i" && token !== "we") return;
      let j = i + 1;
      while (j < tokens.length && AUXILIARIES.has(tokens[j])) j++;
      const verb = tokens[j] ? VERB_FORMS.get(tokens[j]) : undefined;
      if (verb?.tense) tenses.push(verb.tense);
    });
  }
  return tenses;
}

function detectPerson(text: string): Person {
  const tokens = text.replace(/[’]/g, "'").match(/[\p{L}']+/gu) ?? [];
  let first = 0;
  let third = 0;
  for (const token of tokens) {
    const t = token.toLowerCase();
    if (token === "I" || /^i'(m|ve|d|ll)$/.test(t) || ["me", "my", "mine", "myself", "we", "our", "ours", "ourselves"].includes(t) || token === "us") first++;
    else if (["he", "she", "his", "her", "him", "hers", "himself", "herself"].includes(t)) third++;
  }
  if (first >= 2 && first >= third) return "FIRST";
  if (third >= 2) return "THIRD";
  return "IMPLIED";
}

// ---------------------------------------------------------------------------------------------
// Sentences and prose.

const ABBREVIATIONS = /\b(e\.g|i\.e|etc|vs|inc|ltd|co|corp|mr|mrs|ms|dr|prof|st|jr|sr|no|approx|dept|u\.s)\.$/i;

/** Enough characters before a sentence end to hold the longest abbreviation and the boundary before it. */
const ABBREVIATION_WINDOW = 12;

function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  // A run of "!!!!" is matched from its first character only: from inside the run the match would
  // fail the same way again, once per character (quadratic on "." x n).
  for (const match of text.matchAll(/(?<![.!?])[.!?]+["')\]]?\s+(?=["'(\[]?[\p{Lu}\d])/gu)) {
    const end = match.index! + match[0].trimEnd().length;
    // Only the end of the sentence can hold the abbreviation: testing the whole sentence so far
    // rescanned it after every skipped "e.g. X".
    if (ABBREVIATIONS.test(text.slice(Math.max(start, end - ABBREVIATION_WINDOW), end))) continue;
    sentences.push(text.slice(start, end).trim());
    start = match.index! + match[0].length;
  }
  sentences.push(text.slice(start).trim());
  return sentences.filter((s) => wordCount(s) >= 2);
}

/** Running text rather than a name, a contact line, a date or a list of skills. */
function isProse(text: string): boolean {
  if (/@|https?:\/\//.test(text) || !/\p{Ll}/u.test(text)) return false;
  const words = wordCount(text);
  return words >= 12 || (words >= 4 && /[.!?]["')]?$/.test(text));
}

// ---------------------------------------------------------------------------------------------
// Tone.

const FORMAL_MARKERS = [
  /\bI am writing to\b/gi, /\bsincerely\b/gi, /\byours (faithfully|truly)\b/gi, /\brespectfully\b/gi,
  /\bI would welcome\b/gi, /\bthank you for your (time|consideration)\b/gi, /\bI look forward to\b/gi,
  /\bplease find\b/gi, /\bI am confident\b/gi, /\bI believe\b/gi, /\b(I would be|I am) (pleased|honou?red)\b/gi,
  /\bdear (hiring manager|sir|madam|recruiter)\b/gi, /\bto whom it may concern\b/gi, /\b(furthermore|moreover|consequently|therefore|hereby|accordingly)\b/gi,
  /\bin addition\b/gi, /\bI would like to (express|apply|submit)\b/gi, /\bkind regards\b/gi,
];
const CONVERSATIONAL_MARKERS = [
  /^(hi|hey|hello)\b/gim, /\b(honestly|basically|pretty much|super|stuff|folks|a bunch|kind of|sort of|you know|chat|cheers|awesome|cool|gonna|wanna)\b/gi,
  /\bthanks\b/gi,
];
const ENTHUSIASM_MARKERS = [
  /\b(so |really |very )?(excited|thrilled|delighted|eager|passionate|love|loved|amazing|fantastic|incredible|can't wait|dream job|huge fan)\b/gi,
];
/** Contractions proper: "it's", "I'm", "don't" — not possessives like "team's". */
const CONTRACTION = /\b(?:(?:i|you|we|they|he|she|it|that|there|here|what|who|let)'(?:m|re|s|ve|ll|d)|\w+n't)\b/gi;

const countMatches = (text: string, patterns: RegExp[]) => patterns.reduce((n, p) => n + (text.match(p)?.length ?? 0), 0);

/** Marker density per sentence at which a tone counts as present, and at which it is unmistakable. */
const TONE_THRESHOLD = 0.15;
const TONE_FULL = 0.6;

function detectTone(text: string, sentenceCount: number): { tone: Tone; score: number } {
  const plain = text.replace(/[’]/g, "'");
  const contractions = plain.match(CONTRACTION)?.length ?? 0;
  const exclamations = plain.match(/!/g)?.length ?? 0;
  const density: Record<Exclude<Tone, "NEUTRAL">, number> = {
    // Contractions undo formality: "I'm writing to" is not the register of "I am writing to".
    FORMAL: Math.max(0, countMatches(plain, FORMAL_MARKERS) - contractions) / sentenceCount,
    CONVERSATIONAL: (countMatches(plain, CONVERSATIONAL_MARKERS) + contractions * 0.5) / sentenceCount,
    ENTHUSIASTIC: (countMatches(plain, ENTHUSIASM_MARKERS) + exclamations * 1.5) / sentenceCount,
  };
  // Ties go to the more marked register: enthusiasm shows through casual wording, not the reverse.
  const order = ["ENTHUSIASTIC", "CONVERSATIONAL", "FORMAL"] as const;
  const best = order.reduce((a, b) => (density[b] > density[a] ? b : a));
  if (density[best] < TONE_THRESHOLD) return { tone: "NEUTRAL", score: round(1 - density[best] / TONE_THRESHOLD, 2) };
  return { tone: best, score: round(Math.min(1, density[best] / TONE_FULL), 2) };
}

// ---------------------------------------------------------------------------------------------
// Cover letter parts.

const GREETING = /^(dear|hello|hi|hey|greetings|good (morning|afternoon|evening)|to whom it may concern)\b/i;
const CLOSING = /^(yours sincerely|sincerely(?: yours)?|yours (?:truly|faithfully)|respectfully(?: yours)?|(?:best|kind|warm|warmest) regards|regards|best wishes|all the best|best|warmly|cheers|many thanks|thanks(?: again)?|thank you|with (?:gratitude|thanks|appreciation))([,.!]?)(?=\s|$)/i;

interface LetterParts {
  greeting: string | null;
  closing: string | null;
  paragraphCount: number;
  greetingUnit: Unit | null;
  closingUnit: Unit | null;
}

function letterParts(units: Unit[]): LetterParts {
  const greetingIndex = units.findIndex((u, i) => i < 10 && GREETING.test(u.text) && wordCount(u.text) <= 8);
  let closingIndex = -1;
  let closing: string | null = null;
  for (let i = units.length - 1; i > greetingIndex; i--) {
    const match = CLOSING.exec(units[i].text);
    // "Sincerely," alone, or followed by the signature on the same line ("Best, Sam Okafor").
    if (match && wordCount(units[i].text) <= match[1].split(/\s+/).length + 4 && (match[2] || units[i].text.length === match[0].length)) {
      closingIndex = i;
      closing = match[0];
      break;
    }
  }
  const bodyStart = greetingIndex >= 0 ? greetingIndex + 1 : units.findIndex((u) => u.kind === "line" && isProse(u.text) && wordCount(u.text) >= 8);
  const bodyEnd = closingIndex >= 0 ? closingIndex : units.length;
  const body = bodyStart >= 0 ? units.slice(bodyStart, bodyEnd) : [];
  return {
    greeting: greetingIndex >= 0 ? units[greetingIndex].text : null,
    closing,
    paragraphCount: body.filter((u) => u.kind !== "heading" && isProse(u.text)).length,
    greetingUnit: greetingIndex >= 0 ? units[greetingIndex] : null,
    closingUnit: closingIndex >= 0 ? units[closingIndex] : null,
  };
}

// ---------------------------------------------------------------------------------------------
// Small helpers.

function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

function mean(values: number[]): number {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0;
}

function share<T>(items: T[], predicate: (item: T) => boolean): number {
  return items.length ? items.filter(predicate).length / items.length : 0;
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

function mostFrequent(values: string[]): string | null {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | null = null;
  for (const [value, count] of counts) if (best === null || count > counts.get(best)!) best = value;
  return best;
}

function dedupe(values: string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const key = v.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
