// Stage "fields" (dates): date and date-range grammar ("Jan 2020 – Present", "09/2022 – Current.", "Summer 2012").

import { type PartialDate } from "../types.ts";
import { type DateRange } from "./types.ts";

export const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
export const MONTH_SRC =
  "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
export const SEASON_SRC = "(?:spring|summer|fall|autumn|winter)";
export const YEAR_SRC = "(?:19|20)\\d{2}";
export const DATE_SRC =
  `(?:(?:${MONTH_SRC}|${SEASON_SRC})\\s*,?\\s*(?:${YEAR_SRC}|['’]\\d{2})` + // Jan 2020, Sept. 2019, Jan '20
  `|(?:0?[1-9]|1[0-2])\\s*[/.]\\s*${YEAR_SRC}` + // 01/2020, 1.2020
  `|${YEAR_SRC}\\s*[-/.]\\s*(?:0[1-9]|1[0-2])(?![\\d])` + // 2020-01
  `|${YEAR_SRC})`;
// "Continue", "till now": how some resumes (the corpus README lists them) write an open end.
export const PRESENT_SRC = "(?:present|current(?:ly)?|now|today|ongoing|continu(?:e|ing)|till\\s+now|to\\s+date|date)";
export const SEP_SRC = "\\s*(?:[-–—−~]+|\\bto\\b|\\buntil\\b|\\btill\\b|\\bthrough\\b|\\bthru\\b|→)\\s*";

export const RANGE_RE = new RegExp(`(${DATE_SRC})${SEP_SRC}(${DATE_SRC}|${PRESENT_SRC})(?![\\w])`, "i");
export const MONTH_PAIR_RE = new RegExp(`(${MONTH_SRC})${SEP_SRC}(${MONTH_SRC})\\s+(${YEAR_SRC})(?!\\d)`, "i");
export const SINCE_RE = new RegExp(`\\b(?:since|from|starting)\\s+(${DATE_SRC})(?![\\w])`, "i");
export const SINGLE_RE = new RegExp(`(?:\\b(?:expected|graduated|graduation|completed|class of)\\s*:?\\s*)?(${DATE_SRC})(?![\\w])`, "i");
// Longest unit first and a word end: "mos?" alone would eat the "mo" of "months" and leave "nths)".
// "3 years", "4.5 years experience", "(1 yr 2 mos)": a duration printed after the dates (JSON Resume themes, ODT templates).
export const DURATION_RE = /\(?\b\d+(?:[.,]\d+)?\s*(?:years?|yrs?|months?|mos?)\b(?:,?\s+\d+\s*(?:months?|mos?)\b)?(?:\s+(?:of\s+)?experience\b)?\)?/gi;

/** Parses one date as written ("Jan 2020", "01/2020", "2020-01", "2019") to a partial ISO date. */
export function parseDate(raw: string): PartialDate | null {
  const s = raw.trim().toLowerCase();
  let m = new RegExp(`^(${MONTH_SRC})\\s*,?\\s*(${YEAR_SRC}|['’]\\d{2})$`, "i").exec(s);
  if (m) {
    const month = MONTHS[m[1].replace(".", "").slice(0, m[1].startsWith("sept") ? 4 : 3)] ?? MONTHS[m[1].slice(0, 3)];
    return `${expandYear(m[2])}-${String(month).padStart(2, "0")}`;
  }
  m = new RegExp(`^${SEASON_SRC}\\s*,?\\s*(${YEAR_SRC}|['’]\\d{2})$`, "i").exec(s);
  if (m) return expandYear(m[1]);
  m = new RegExp(`^(0?[1-9]|1[0-2])\\s*[/.]\\s*(${YEAR_SRC})$`).exec(s);
  if (m) return `${m[2]}-${m[1].padStart(2, "0")}`;
  m = new RegExp(`^(${YEAR_SRC})\\s*[-/.]\\s*(0[1-9]|1[0-2])$`).exec(s);
  if (m) return `${m[1]}-${m[2]}`;
  m = new RegExp(`^(${YEAR_SRC})$`).exec(s);
  return m ? m[1] : null;
}

export function expandYear(y: string): string {
  if (y.length === 4) return y;
  const two = Number(y.slice(-2));
  // Two-digit years on resumes are recent: '99 is 1999, '21 is 2021.
  return String(two > 50 ? 1900 + two : 2000 + two);
}

export interface DateHit {
  range: DateRange;
  index: number;
  length: number;
  /** A single date rather than a range. */
  single: boolean;
}

/** Finds the first date range ("Jan 2020 – Present", "2019–2021", "Since 2021") in a line. */
export function findDateRange(line: string): DateHit | null {
  let m = RANGE_RE.exec(line);
  if (m) {
    const start = parseDate(m[1]);
    const endRaw = m[2];
    const isPresent = new RegExp(`^${PRESENT_SRC}$`, "i").test(endRaw.trim());
    const end = isPresent ? null : parseDate(endRaw);
    if (start && (isPresent || end)) {
      return { range: { startDate: start, endDate: end ?? undefined, current: isPresent }, index: m.index, length: m[0].length, single: false };
    }
  }
  m = MONTH_PAIR_RE.exec(line);
  if (m) {
    const start = parseDate(`${m[1]} ${m[3]}`);
    const end = parseDate(`${m[2]} ${m[3]}`);
    if (start && end) return { range: { startDate: start, endDate: end, current: false }, index: m.index, length: m[0].length, single: false };
  }
  m = SINCE_RE.exec(line);
  if (m) {
    const start = parseDate(m[1]);
    if (start) return { range: { startDate: start, current: true }, index: m.index, length: m[0].length, single: false };
  }
  m = SINGLE_RE.exec(line);
  if (m) {
    const d = parseDate(m[1]);
    if (d) return { range: { endDate: d, current: false }, index: m.index, length: m[0].length, single: true };
  }
  return null;
}

/** Parses a whole string that should be a date range; null when it holds none. */
export function parseDateRange(text: string): DateRange | null {
  return findDateRange(text)?.range ?? null;
}
