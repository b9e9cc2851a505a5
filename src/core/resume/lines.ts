// Stage "layout" (parser side): extracted text or positioned lines → normalised Line records (bullets, glued DOCX runs, running headers/footers).

import { type ParseOptions } from "./types.ts";
import { MONTH_SRC, YEAR_SRC, DATE_SRC } from "./dates.ts";

export type FieldRole = "title" | "company" | "location";

export interface Line {
  text: string;
  bullet: boolean;
  /** A blank line preceded it in the source (paragraph boundary). */
  blankBefore: boolean;
  /** Its label named the field ("Employer: Arup"). */
  role?: FieldRole;
  /** Set clearly larger than the body text (PDF or DOCX font size): a heading or an entry header. */
  emphasis?: boolean;
  /** Its first cell is bold (DOCX run properties): the employer or title of an entry header, or a heading. */
  bold?: boolean;
}

export const BULLET_RE = /^\s*(?:[•·●▪◦■□►▸‣⁃∙○◆◇✓✔➢➤→*›»]|[-–—](?=\s))\s*/;
export const LONE_BULLET_RE = /^\s*(?:[•·●▪◦■□►▸‣⁃∙○◆◇✓✔➢➤*›»]|[-–—])\s*$/;
export const PAGE_MARKER_RE = /^\s*(?:--\s*\d+\s+of\s+\d+\s*--|page\s+\d+(?:\s+(?:of|\/)\s+\d+)?|\d+\s*\/\s*\d+)\s*$/i;
export const PRESENT_WORD_RE = /\b(Present|Current|Now|Today)(?=[A-Z][a-z])/g;

export function normaliseLine(raw: string): string {
  return raw
    .normalize("NFKC")
    // Leaders between fields ("Salsify ------ Boston MA", "Acme ........ 2019"): plain-text and
    // dotted-leader layouts; a cell break, like a tab.
    .replace(/\s*(?:[-_.·…]\s?){4,}\s*/g, (m, offset: number, whole: string) => (offset === 0 || offset + m.length === whole.length ? "" : "\t"))
    .replace(/[\u200b-\u200d\ufeff]/g, "")
    .replace(/\u00a0/g, " ")
    .replace(/^[ \f\v]+/, "")
    // Anchored at the end, a plain /[ ]+$/ retries from every space of a long run: quadratic.
    .replace(/(?<![ \f\v])[ \f\v]+$/, "");
}

/**
 * No line of a resume is longer than this; longer input lines (a pasted paragraph, or hostile
 * input) are cut at a space into pieces, so that every later per-line step stays linear overall.
 */
export const MAX_LINE_CHARS = 600;

export function boundLines(lines: string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    if (line.length <= MAX_LINE_CHARS) {
      out.push(line);
      continue;
    }
    let rest = line;
    while (rest.length > MAX_LINE_CHARS) {
      const space = rest.lastIndexOf(" ", MAX_LINE_CHARS);
      const cut = space > MAX_LINE_CHARS / 2 ? space : MAX_LINE_CHARS;
      out.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    out.push(rest);
  }
  return out;
}

/** DOCX paragraphs whose right-aligned part was a separate run arrive glued: "Acme CorpJan 2020". */
export function unglue(line: string): string {
  // Case-insensitive to match "Jan"/"JAN"; the callback keeps only capitalised months after a letter.
  const monthStart = new RegExp(`(?<=[a-z)])(?=(?:${MONTH_SRC})\\s*(?:${YEAR_SRC}\\b|['’]\\d{2}(?!\\d)))`, "gi");
  const upperMonth = (s: string) => s.replace(monthStart, (_m, offset: number) => (/[A-Z]/.test(s[offset]) ? "\t" : ""));
  return upperMonth(line)
    .replace(new RegExp(`(?<=[a-z)])(?=${YEAR_SRC}\\s*[-–—]\\s*(?:${YEAR_SRC}|present|current))`, "gi"), "\t")
    .replace(new RegExp(`(?<=[a-z)])(?=(?:Since|From)\\s+(?:${DATE_SRC}))`, "g"), "\t")
    .replace(PRESENT_WORD_RE, "$1\t")
    .replace(new RegExp(`(?<=\\b${YEAR_SRC})(?=\\p{Lu})`, "gu"), "\t");
}

export function toLines(text: string, opts: ParseOptions | undefined): Line[] {
  const sizes: (number | undefined)[] = [];
  const bolds: (boolean | undefined)[] = [];
  const raws: (string | null)[] = opts?.lines?.length ? positionedLines(opts.lines, sizes, bolds) : boundLines(text.replace(/\r\n?/g, "\n").split("\n"));
  const bodyPt = bodySize(opts?.lines ?? []);
  const out: Line[] = [];
  let blank = false;
  let pendingMarker = false;
  for (const [k, raw] of raws.entries()) {
    const t = raw === null ? "" : normaliseLine(raw);
    if (!t.trim() || PAGE_MARKER_RE.test(t)) {
      blank = blank || !t.trim();
      continue;
    }
    if (LONE_BULLET_RE.test(t)) {
      pendingMarker = true;
      continue;
    }
    const marker = BULLET_RE.exec(t);
    const body = marker ? t.slice(marker[0].length) : t;
    if (!body.trim()) continue;
    const line: Line = { text: unglue(unspaceLetters(body.trim())), bullet: pendingMarker || !!marker, blankBefore: blank };
    if (bodyPt && (sizes[k] ?? 0) >= 1.12 * bodyPt) line.emphasis = true;
    if (bolds[k]) line.bold = true;
    out.push(line);
    blank = false;
    pendingMarker = false;
  }
  return out;
}

/**
 * Headings set with letter-spacing come out of PDFs one letter at a time ("K i t c h e n E x p e r i e n c e",
 * kerning sometimes pairs two: "Tr a i n i n g"). Re-joins them; a capital after a small letter starts a word.
 */
export function unspaceLetters(text: string): string {
  const tokens = text.split(/ +/);
  if (tokens.length < 4 || !tokens.every((t) => /^(?:\p{L}{1,2}|&)$/u.test(t))) return text;
  if (tokens.filter((t) => t.length === 1).length < 0.7 * tokens.length) return text;
  return tokens
    .join("")
    .replace(/(?<=\p{Ll})(?=\p{Lu})/gu, " ")
    .replace(/\s*&\s*/g, " & ")
    .trim();
}

/** The size most characters are set in (0 when the lines carry no sizes: DOCX, text). */
export function bodySize(lines: NonNullable<ParseOptions["lines"]>): number {
  const chars = new Map<number, number>();
  for (const l of lines) if (l.size) chars.set(Math.round(l.size * 2) / 2, (chars.get(Math.round(l.size * 2) / 2) ?? 0) + l.text.length);
  let best = 0;
  for (const [size, n] of chars) if (n > (chars.get(best) ?? 0)) best = size;
  return best;
}

/**
 * Drops running headers/footers: the same text on the same spot of several pages. `sizes` receives
 * each returned line's font size and `bolds` its bold flag (undefined for the paragraph breaks).
 */
export function positionedLines(lines: NonNullable<ParseOptions["lines"]>, sizes: (number | undefined)[] = [], bolds: (boolean | undefined)[] = []): (string | null)[] {
  const pages = new Set(lines.map((l) => l.page));
  const seen = new Map<string, Set<number>>();
  const key = (l: (typeof lines)[number]) => `${l.text.trim().toLowerCase()}@${l.y === undefined ? "" : Math.round(l.y)}`;
  for (const l of lines) {
    const k = key(l);
    if (!seen.has(k)) seen.set(k, new Set());
    seen.get(k)!.add(l.page);
  }
  const out: (string | null)[] = [];
  let lastPage: number | null = null;
  for (const l of lines) {
    if ((lastPage !== null && l.page !== lastPage) || l.gapBefore) {
      out.push(null);
      sizes.push(undefined);
      bolds.push(undefined);
    }
    lastPage = l.page;
    if (pages.size > 1 && seen.get(key(l))!.size > 1 && l.text.trim()) continue;
    for (const piece of boundLines([l.text])) {
      out.push(piece);
      sizes.push(l.size);
      bolds.push(l.bold);
    }
  }
  return out;
}

/** DOCX text (mammoth) puts a blank line between paragraphs, so lines are never hard-wrapped. */
export function isParagraphMode(lines: Line[]): boolean {
  if (lines.length < 4) return false;
  const withBlank = lines.slice(1).filter((l) => l.blankBefore).length;
  return withBlank / (lines.length - 1) > 0.6;
}
