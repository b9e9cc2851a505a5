// Skills lexicon: canonical names, categories and aliases, shared by the job parser, ranking,
// ATS scoring and grounding checks. The data lives in data/skills.json so it can grow without
// touching code.
//
// Matching rules (findSkills):
// - case-insensitive by default; entries or aliases marked exact match only in the written case
//   ("Go", "R", "React", "Excel") because their lowercase forms are everyday English words;
// - word-boundary aware, punctuation-aware ("C++", "C#", ".NET", "Node.js", "CI/CD");
// - whitespace and hyphens are interchangeable inside multi-word names
//   ("cross-functional" = "cross functional");
// - leftmost-longest: "Spring Boot" wins over "Spring", "Google Cloud Platform" over nothing shorter;
//   matches never overlap.
// canonicalSkill() ignores case entirely: the caller already knows the term is a skill.

import skillsData from "./data/skills.json" with { type: "json" };

export const SKILL_CATEGORIES = [
  "language",
  "framework",
  "database",
  "cloud",
  "devops",
  "tool",
  "data",
  "methodology",
  "soft",
  "business",
  "design",
  "certification",
  "domain",
  "spoken",
] as const;

/** "language" = programming language; "spoken" = human language (English, Spanish, ASL…). */
export type SkillCategory = (typeof SKILL_CATEGORIES)[number];

export interface SkillEntry {
  name: string;
  category: SkillCategory;
  aliases: string[];
  /** The canonical name itself matches only in its written case. */
  caseSensitive?: boolean;
  /** Aliases that match only in their written case. */
  exactAliases?: string[];
  /** Lowercase words that, right after an exact match, mean it is ordinary English ("Go to"). */
  notFollowedBy?: string[];
}

export interface SkillMention {
  canonical: string;
  category: SkillCategory;
  /** The text as written. */
  match: string;
  /** UTF-16 offset of the match in the input. */
  index: number;
}

interface Terminal {
  canonical: string;
  /** Normalised form with original case, compared when exact. */
  form: string;
  exact: boolean;
  /** Single-letter names (C, R) need clean neighbours: "R&D", "C-suite" are not skills. */
  strict: boolean;
  notFollowedBy: ReadonlySet<string> | null;
}

interface TrieNode {
  children: Map<string, TrieNode>;
  terminals: Terminal[];
}

const entries: readonly SkillEntry[] = skillsData as SkillEntry[];
const byCanonical = new Map<string, SkillEntry>();
const formIndex = new Map<string, string>();
const looseIndex = new Map<string, string>();
const root: TrieNode = { children: new Map(), terminals: [] };

const WORD_CHAR = /[\p{L}\p{N}]/u;

function isWordChar(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  // ASCII fast path: findSkills calls this for nearly every character.
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return WORD_CHAR.test(ch);
}

/** Whitespace and hyphen runs become one space, so "cross-functional" equals "cross functional". */
function normaliseForm(form: string): string {
  return form.trim().replace(/(?<=\S)\s*-\s*(?=\S)|\s+/g, " ");
}

function lookupKey(term: string): string {
  return normaliseForm(term).toLowerCase();
}

function looseKey(term: string): string {
  return term.toLowerCase().replace(/[\s._\-]+/g, "");
}

function addToTrie(form: string, terminal: Terminal): void {
  let node = root;
  for (const ch of form.toLowerCase()) {
    let next = node.children.get(ch);
    if (!next) {
      next = { children: new Map(), terminals: [] };
      node.children.set(ch, next);
    }
    node = next;
  }
  node.terminals.push(terminal);
}

function indexEntry(entry: SkillEntry): void {
  byCanonical.set(entry.name, entry);
  const stopWords = entry.notFollowedBy?.length ? new Set(entry.notFollowedBy.map((w) => w.toLowerCase())) : null;
  const forms: { form: string; exact: boolean }[] = [
    { form: entry.name, exact: entry.caseSensitive === true },
    ...entry.aliases.map((form) => ({ form, exact: false })),
    ...(entry.exactAliases ?? []).map((form) => ({ form, exact: true })),
  ];
  for (const { form, exact } of forms) {
    const normalised = normaliseForm(form);
    if (!normalised) continue;
    const key = normalised.toLowerCase();
    if (!formIndex.has(key)) formIndex.set(key, entry.name);
    const loose = looseKey(normalised);
    if (loose && !looseIndex.has(loose)) looseIndex.set(loose, entry.name);
    addToTrie(normalised, {
      canonical: entry.name,
      form: normalised,
      exact,
      strict: exact && normalised.length === 1,
      notFollowedBy: stopWords,
    });
  }
}

for (const entry of entries) indexEntry(entry);

/** Every lexicon entry (read-only). */
export function listSkills(): readonly SkillEntry[] {
  return entries;
}

function withoutTrailing(s: string, char: RegExp): string {
  let end = s.length;
  while (end > 0 && char.test(s[end - 1])) end--;
  return s.slice(0, end);
}

/**
 * Canonical name for a skill term, or null when the lexicon does not know it.
 * Case-insensitive, punctuation-aware ("node.js", "NodeJS" → "Node.js"), tolerant of a trailing
 * version ("Python 3.11" → "Python").
 */
/** "Python 3.11" and "Node 18 LTS 2"… at most this many trailing version numbers are dropped. */
const MAX_VERSION_STRIPS = 3;

export function canonicalSkill(term: string, versionStrips = 0): string | null {
  // Trailing runs stripped from the end (/[…]+$/ restarts at every character of an inner run).
  const stripped = withoutTrailing(term.trim().replace(/^[\s•*·▪\-–—"'(]+/, ""), /[\s,;:"')]/);
  const dots = withoutTrailing(stripped, /\./);
  const cleaned = dots.length < stripped.length && /\w$/.test(dots) ? dots : stripped;
  if (!cleaned) return null;
  const direct = formIndex.get(lookupKey(cleaned));
  if (direct) return direct;
  const loose = looseIndex.get(looseKey(cleaned));
  if (loose) return loose;
  // Matched from the start of a space run only: from inside one it would rescan the run again.
  const withoutVersion = cleaned.replace(/(?<!\s)\s+v?\d+(?:\.\d+)*\+?$/i, "");
  // Bounded: "1 1 1 …" (thousands of "versions") made this a rescan per number, quadratic.
  if (withoutVersion !== cleaned && versionStrips < MAX_VERSION_STRIPS) return canonicalSkill(withoutVersion, versionStrips + 1);
  return null;
}

export function skillCategory(canonical: string): SkillCategory | null {
  const entry = byCanonical.get(canonical) ?? byCanonical.get(canonicalSkill(canonical) ?? "");
  return entry ? entry.category : null;
}

const STRICT_BEFORE = new Set([" ", "\t", "\n", "\r", ",", ";", "/", "(", ":"]);
const STRICT_AFTER = new Set([" ", "\t", "\n", "\r", ",", ";", "/", ")", ":"]);

function strictNeighboursOk(text: string, start: number, end: number): boolean {
  const before = start === 0 ? null : text[start - 1];
  const after = end >= text.length ? null : text[end];
  if (before !== null && !STRICT_BEFORE.has(before)) return false;
  if (after === ".") {
    const afterDot = text[end + 1];
    if (afterDot !== undefined && !/\s/.test(afterDot)) return false;
  } else if (after !== null && !STRICT_AFTER.has(after)) return false;
  // "(R)" is a trademark sign, not the language.
  return !(before === "(" && after === ")");
}

function nextWord(text: string, end: number): string {
  const m = /^\s+([\p{L}\p{N}]+)/u.exec(text.slice(end, end + 40));
  return m ? m[1].toLowerCase() : "";
}

function endsAtBoundary(text: string, end: number, form: string): boolean {
  if (end >= text.length) return true;
  const next = text[end];
  const lastIsWord = isWordChar(form[form.length - 1]);
  if (lastIsWord) return !isWordChar(next) && next !== "+" && next !== "#";
  return !isWordChar(next) || !isWordChar(text[end - 1]);
}

function terminalAccepts(t: Terminal, text: string, start: number, end: number): boolean {
  if (!endsAtBoundary(text, end, t.form)) return false;
  if (t.exact && normaliseForm(text.slice(start, end)) !== t.form) return false;
  if (t.strict && !strictNeighboursOk(text, start, end)) return false;
  if (t.notFollowedBy && t.notFollowedBy.has(nextWord(text, end))) return false;
  return true;
}

function lowerChar(ch: string): string {
  const c = ch.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90 ? String.fromCharCode(c + 32) : ch;
  const lower = ch.toLowerCase();
  return lower.length === 1 ? lower : ch;
}

const SEPARATOR = /[\s\-]/;

/** Candidate ends for a match starting at `start`, longest last. */
function walk(text: string, start: number): { end: number; node: TrieNode }[] {
  const found: { end: number; node: TrieNode }[] = [];
  let node = root;
  let j = start;
  while (j < text.length) {
    const ch = text[j];
    let next: TrieNode | undefined;
    if (SEPARATOR.test(ch) && j > start) {
      next = ch === "-" ? (node.children.get("-") ?? node.children.get(" ")) : node.children.get(" ");
      if (!next) break;
      j++;
      while (j < text.length && SEPARATOR.test(text[j])) j++;
    } else {
      next = node.children.get(lowerChar(ch));
      if (!next) break;
      j++;
    }
    node = next;
    if (node.terminals.length) found.push({ end: j, node });
  }
  return found;
}

function matchAt(text: string, start: number): { end: number; terminal: Terminal } | null {
  const candidates = walk(text, start);
  for (let c = candidates.length - 1; c >= 0; c--) {
    const { end, node } = candidates[c];
    for (const terminal of node.terminals) {
      if (terminalAccepts(terminal, text, start, end)) return { end, terminal };
    }
  }
  return null;
}

/** Every lexicon skill mentioned in `text`, in order of appearance, leftmost-longest, no overlaps. */
export function findSkills(text: string): SkillMention[] {
  const mentions: SkillMention[] = [];
  let i = 0;
  while (i < text.length) {
    if (i > 0 && isWordChar(text[i - 1])) {
      i++;
      continue;
    }
    const hit = root.children.has(lowerChar(text[i])) ? matchAt(text, i) : null;
    if (!hit) {
      i++;
      continue;
    }
    const entry = byCanonical.get(hit.terminal.canonical)!;
    mentions.push({ canonical: entry.name, category: entry.category, match: text.slice(i, hit.end), index: i });
    i = hit.end;
  }
  return mentions;
}

/** Distinct canonical skills in `text`, in order of first appearance. */
export function distinctSkills(text: string): string[] {
  return [...new Set(findSkills(text).map((m) => m.canonical))];
}
