// Stage "sections": lines → sections by heading; wrapped lines re-joined, stacked dates merged.

import { COMPANY_RE } from "./vocabulary.ts";
import { MONTH_SRC, YEAR_SRC, DATE_SRC, PRESENT_SRC, findDateRange } from "./dates.ts";
import { type Line, BULLET_RE, MAX_LINE_CHARS } from "./lines.ts";
import { type SectionKind, INSTITUTION_RE, TECH_LINE_RE, CONNECTOR_END_RE, words, isHeaderLike, endsSentence, headingKind, inlineHeading } from "./cues.ts";
import { TOKEN_SPLIT_RE, looksLikeLocation, isContactToken } from "./contact.ts";
import { hasAnchorDate } from "./entries.ts";

export interface Section {
  kind: SectionKind;
  heading: string;
  lines: Line[];
}

/**
 * Family "left-gutter section labels": a label set in a left column beside the first line of its
 * section arrives glued to that line as its first cell ("EXPERIENCE\tSoftware Engineer  2018 – Present"),
 * and a two-word label wraps, its second word alone on the next line ("PROFESSIONAL\tKumon …" /
 * "EXPERIENCE"). Cuts the label off into a heading line of its own.
 */
export function splitGutterLabels(lines: Line[]): Line[] {
  const out: Line[] = [];
  const CAPS_WORD = /^\p{Lu}[\p{Lu}&-]{1,20}$/u;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const cut = /^([^\t]{2,30})\t+(.+)$/.exec(line.text);
    if (line.bullet || !cut || !/^[\p{Lu}&\s-]+$/u.test(cut[1].trim())) {
      out.push(line);
      continue;
    }
    const label = cut[1].trim();
    const next = lines[i + 1];
    const wrapped = next && !next.bullet && CAPS_WORD.test(next.text.trim()) ? `${label} ${next.text.trim()}` : null;
    let heading: string | null = null;
    if (wrapped && headingKind({ ...line, text: wrapped })) heading = wrapped;
    else if (headingKind({ ...line, text: label })) heading = label;
    if (!heading) {
      out.push(line);
      continue;
    }
    const marker = BULLET_RE.exec(cut[2]);
    out.push({ text: heading, bullet: false, blankBefore: line.blankBefore });
    out.push({ text: marker ? cut[2].slice(marker[0].length) : cut[2], bullet: !!marker, blankBefore: false });
    if (heading === wrapped) i++;
  }
  return out;
}

export function splitSections(input: Line[]): Section[] {
  const lines = splitGutterLabels(input);
  const sections: Section[] = [{ kind: "header", heading: "", lines: [] }];
  let current = sections[0];
  for (const line of lines) {
    const kind = headingKind(line);
    if (kind) {
      current = { kind, heading: line.text.trim(), lines: [] };
      sections.push(current);
      continue;
    }
    // "Tech Stack: Ruby, Rails" inside a role lists that role's technologies; it does not open a skills section.
    const techLine = (current.kind === "experience" || current.kind === "projects" || current.kind === "activities") && TECH_LINE_RE.test(line.text.trim());
    const inline = current.kind !== "skills" && !techLine ? inlineHeading(line) : null;
    if (inline) {
      current = { kind: inline.kind, heading: line.text.split(":")[0].trim(), lines: [{ ...line, text: inline.rest }] };
      sections.push(current);
      continue;
    }
    current.lines.push(line);
  }
  return sections;
}

export const OPEN_RANGE_RE = new RegExp(`^(?:${DATE_SRC})\\s*(?:[-–—]|to)$`, "i");
export const RANGE_END_RE = new RegExp(`^(?:${DATE_SRC}|${PRESENT_SRC})$`, "i");
export const COLUMN_GAP_RE = /\t+|\s{3,}/;

/**
 * A date range stacked in a left column beside the entry ("Feb 2019 –   Paralegal" /
 * "Present   Ropes & Gray LLP"): the range is put back together on the first line, the right-hand
 * text of the second stays a line of its own.
 */
export function mergeStackedDates(lines: Line[]): Line[] {
  const out: Line[] = [];
  for (let i = 0; i < lines.length; i++) {
    const [left, ...right] = lines[i].text.split(COLUMN_GAP_RE);
    const next = lines[i + 1];
    const [nextLeft, ...nextRight] = next ? next.text.split(COLUMN_GAP_RE) : [""];
    if (!next || !right.length || !OPEN_RANGE_RE.test(left.trim()) || !RANGE_END_RE.test(nextLeft.trim())) {
      out.push(lines[i]);
      continue;
    }
    out.push({ ...lines[i], text: `${left.trim()} ${nextLeft.trim()}\t${right.join("\t")}` });
    if (nextRight.join("").trim()) out.push({ ...next, text: nextRight.join("\t"), bullet: false });
    i++;
  }
  return out;
}

/**
 * Re-joins hard-wrapped lines (PDF text). A line continues the previous one when the previous ends
 * on a connector ("and", ",") or the line starts in lower case; in prose sections also when the
 * line's first word would not have fitted on the previous line (the extractor wrapped it) and the
 * previous line is not a finished sentence.
 */
export function joinWrapped(lines: Line[], paragraphMode: boolean, kind: SectionKind, page: PageWidth): Line[] {
  if (paragraphMode || lines.length < 2) return lines;
  const prose = kind === "experience" || kind === "education" || kind === "projects" || kind === "summary";
  const list = kind === "skills" || kind === "languages" || kind === "certifications";
  const ctx: WrapContext = {
    width: prose ? columnWidth(lines, page) : null,
    marked: lines.filter((l) => l.bullet).length >= 2,
    listWidth: !list ? null : lines.some((l, i) => isCertainWrap(l, lines[i + 1])) ? Math.max(...lines.map((l) => l.text.length)) : page.width,
  };
  const out: Line[] = [];
  let lastPhysical = 0;
  lines.forEach((line, i) => {
    const prev = out[out.length - 1];
    // A header-like line between a bullet and a dated line heads the next entry.
    const headsEntry =
      !!prev && !isHeaderLike(prev.text) && isHeaderLike(line.text) && !!lines[i + 1] && !lines[i + 1].bullet && hasAnchorDate(lines[i + 1].text);
    // A wrapped paragraph never grows past a few lines; the cap keeps joining linear on hostile input.
    const join = prev && !headsEntry && prev.text.length + line.text.length <= MAX_LINE_CHARS * 2 && shouldJoin(prev, lastPhysical, line, ctx);
    lastPhysical = line.text.length;
    if (join) {
      // Browsers and word processors break lines at real hyphens ("De-" / "escalation"): keep it.
      const hyphenBreak = /\p{L}-$/u.test(prev.text) && /^\p{Ll}/u.test(line.text);
      prev.text = hyphenBreak ? `${prev.text}${line.text}` : `${prev.text} ${line.text}`;
      return;
    }
    out.push({ ...line });
  });
  return out;
}

export interface PageWidth {
  /** Longest line of the document. */
  width: number;
  /** Some line near that width certainly wraps (the next continues in lower case or it ends on "and"). */
  wraps: boolean;
}

export function isCertainWrap(line: Line, next: Line | undefined): boolean {
  return !!next && !next.bullet && !next.blankBefore && (CONNECTOR_END_RE.test(line.text) || /^[|,;]/.test(next.text) || (/^\p{Ll}/u.test(next.text) && !endsSentence(line.text)));
}

export function pageWidth(lines: Line[]): PageWidth {
  const width = Math.max(0, ...lines.map((l) => l.text.length));
  return { width, wraps: lines.some((l, i) => l.text.length >= 0.85 * width && isCertainWrap(l, lines[i + 1])) };
}

/**
 * Character width of the column a section sits in, or null when nothing shows where lines wrap:
 * the page's longest line when some line near it certainly wraps; the section's own longest line
 * when the section never comes near the page width yet wraps (a narrower column).
 */
export function columnWidth(lines: Line[], page: PageWidth): number | null {
  const sectionMax = Math.max(...lines.map((l) => l.text.length));
  const wraps = lines.some((l, i) => isCertainWrap(l, lines[i + 1]));
  if (wraps && sectionMax <= 0.8 * page.width) return sectionMax;
  return page.wraps ? page.width : null;
}

export interface WrapContext {
  /** Longest line of the section: a proxy for the column width, null when unreliable. */
  width: number | null;
  /** The section marks its bullets, so unmarked lines after a bullet are its continuation. */
  marked: boolean;
  /** For skill lists: the longest line when the list visibly wraps, else the page width; null for other sections. */
  listWidth: number | null;
}

export function shouldJoin(prev: Line, prevLength: number, line: Line, ctx: WrapContext): boolean {
  if (line.bullet || line.blankBefore) return false;
  const p = prev.text.trim();
  const t = line.text.trim();
  // "2020–" / "Present": a date range broken at its dash.
  if (/[-–—]\s*$|\bto\s*$/.test(p) && new RegExp(`^(?:${DATE_SRC}|${PRESENT_SRC})\\b`, "i").test(t)) return !findDateRange(t)?.range.startDate;
  // "September 2018 – July" / "2020": broken between the end month and its year.
  if (new RegExp(`(?:[-–—]|\\bto)\\s*${MONTH_SRC}$`, "i").test(p) && new RegExp(`^${YEAR_SRC}\\b`).test(t)) return true;
  if (hasAnchorDate(t) || hasAnchorDate(p)) return false;
  if (t.split(TOKEN_SPLIT_RE).every((tok) => !tok.trim() || isContactToken(tok))) return false;
  if (CONNECTOR_END_RE.test(p)) return true;
  if (/^[\p{Ll}(]/u.test(t) && !/^(?:e|i)[A-Z]/.test(t) && !endsSentence(p)) return true;
  if (prev.bullet && ctx.marked && !isHeaderLike(t)) return true;
  if (ctx.listWidth !== null) {
    // "Soft skills: Coaching, Written" / "Communication": a list line whose last item wrapped.
    if (/^[|,;•·]/.test(t)) return true;
    const fits = prevLength + 1 + t.split(/\s+/)[0].length < 0.9 * ctx.listWidth;
    const isList = /[,;|]/.test(p) || /^[\p{L} &/]{2,30}:\s*\S/u.test(p);
    return isList && !/[,;|]$/.test(p) && !/^[\p{L} &/]{2,30}:/u.test(t) && !fits;
  }
  // Character counts only approximate widths in proportional fonts: a sentence line followed by
  // a capitalised one is more often two bullets than one wrapped bullet, so only a header line
  // spilling a word or two ("Newly Qualified Teacher, Oldham Academy" / "North") is re-joined here.
  if (ctx.width === null || endsSentence(p) || !isHeaderLike(p)) return false;
  const firstWord = t.split(/\s+/)[0];
  const wrapped = prevLength + 1 + firstWord.length >= 0.9 * ctx.width;
  return wrapped && words(t).length <= 2 && !/[|•·,]/.test(t) && !looksLikeLocation(t) && !COMPANY_RE.test(t) && !INSTITUTION_RE.test(t);
}
