// Grounding of organisation-like names: capitalised runs that ordinary prose cannot explain.
import { canonicalSkill, findSkills } from "../lexicon.ts";
import { phraseWords, type PhraseIndex } from "../phrases.ts";
import { ALLOWED, CONNECTORS, ORG_SUFFIXES, VERB_FORMS } from "./words.ts";


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
export function maskLinks(text: string): string {
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

export function organisationCandidates(text: string): OrgCandidate[] {
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
export function orgIsGrounded(c: OrgCandidate, sourceWords: PhraseIndex): boolean {
  const nameWords = phraseWords(c.name).filter((w) => !ORG_SUFFIXES.has(w));
  if (nameWords.length && sourceWords.has(nameWords.join(" "))) return true;
  return c.core.every((w) => sourceWords.has(w));
}
