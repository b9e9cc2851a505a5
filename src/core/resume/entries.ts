// Stage "entries": a section's lines → entries anchored on header dates (or header-like runs).

import { canonicalSkill, findSkills } from "../lexicon.ts";
import { STRONG_COMPANY_RE, TITLE_TAILS } from "./vocabulary.ts";
import { DURATION_RE, type DateHit, findDateRange } from "./dates.ts";
import { type Line } from "./lines.ts";
import { INSTITUTION_RE, TECH_LINE_RE, words, isHeaderLike, endsSentence } from "./cues.ts";
import { looksLikeLocation } from "./contact.ts";
import { type Segment, companyScore, splitSegments, titleScore } from "./roles.ts";
import { splitList } from "./skills.ts";

export interface Entry {
  header: Line[];
  /** Index of the anchor line within header, -1 when the entry has no dates. */
  anchor: number;
  dates: DateHit | null;
  body: Line[];
  /** The dates were found by boldLedDate: the bold line above them heads the entry (the employer). */
  boldLed?: boolean;
}

/** A date range that heads an entry: at either end of a header-ish line, not inside a sentence. */
export function anchorDate(text: string): DateHit | null {
  const hit = findDateRange(text);
  if (!hit) return null;
  const before = text.slice(0, hit.index);
  const after = text.slice(hit.index + hit.length).replace(DURATION_RE, "");
  const beforeOk = !before.trim() || /(?:\t|\s{2,}|[|•·,(–—:-]\s*)$/.test(before) || (!after.trim() && isHeaderLike(before));
  const afterOk = !after.trim() || /^\s*(?:\t|\s{2,}|[|•·,)–—:-])/.test(after);
  // A leading "date: what" line is an entry however long the rest is.
  const labelled = !before.trim() && /^\s*:/.test(after);
  if (!beforeOk || !afterOk) return null;
  // In-word hyphens stay ("Pre-registration Pharmacist (July 2016 – July 2017)").
  const residual = `${before} ${after}`
    .replace(/[|•·,()–—\t]/g, " ")
    .replace(/(?<![\p{L}\p{N}])-|-(?![\p{L}\p{N}])/gu, " ")
    .trim()
    // moderncv-style entries end the header with a period ("Title, Company, City.").
    .replace(/(?<=\p{L}{2,})\.$/u, "");
  // A date set off at the right margin marks an entry even after a long "Degree in Subject, School" line.
  const rightAligned = !after.trim() && /(?:\t|\s{2,})$/.test(before);
  if (residual && (!isHeaderLike(residual) || words(residual).length > (labelled || rightAligned ? 16 : 10))) return null;
  return hit;
}

/**
 * Family "bold employer line, then a plain descriptor with the dates" (Word resumes that mark the
 * employer only by bold: "**Siemens PLM**" / "Full-time co-op positions, January 2013 – January 2016"):
 * below a bold header line, a plain line ending in a date range after a short lead-in (a comma,
 * tab or bar before the dates) is the entry's date line even when its words are lower case.
 * Needs the bold evidence (DOCX runs); without it nothing changes.
 */
export function boldLedDate(lines: Line[], i: number): DateHit | null {
  const line = lines[i];
  const above = lines[i - 1];
  if (!above?.bold || above.bullet || line.bullet || line.bold || anchorDate(above.text)) return null;
  const hit = findDateRange(line.text);
  if (!hit || hit.single) return null;
  const before = line.text.slice(0, hit.index);
  const after = line.text.slice(hit.index + hit.length).replace(DURATION_RE, "");
  if (after.trim() || !/(?:\t|,|\||[–—-])\s*$/.test(before) || endsSentence(before.replace(/[,|\t–—-]\s*$/, "")) || words(before).length > 6) return null;
  return hit;
}

/** The date range that anchors line i as an entry header, from its text or from bold evidence around it. */
export function entryAnchor(lines: Line[], i: number): DateHit | null {
  return lines[i].bullet ? null : (anchorDate(lines[i].text) ?? boldLedDate(lines, i));
}

export function hasAnchorDate(text: string): boolean {
  return anchorDate(text) !== null;
}

/**
 * Family "sentence-case job titles" ("Lead sales associate", "Software engineer"): a short capitalised
 * line without sentence punctuation whose last word is a title head noun is a header line.
 */
export function isSentenceCaseTitle(text: string): boolean {
  const t = text.trim();
  const ws = words(t);
  if (ws.length < 1 || ws.length > 5 || !/^\p{Lu}/u.test(t) || /[.!?,;:]$/.test(t)) return false;
  return TITLE_TAILS.has(ws[ws.length - 1].toLowerCase().replace(/[^\p{L}-]/gu, ""));
}

export function runAbove(lines: Line[], i: number, floor: number): number {
  let n = 0;
  for (let j = i - 1; j >= floor && n < 3; j--) {
    // "Acme · Data streaming platform": a company cell and its blurb is a header line too.
    if (lines[j].bullet || !(isHeaderLike(lines[j].text) || isHeaderCells(lines[j].text) || isSentenceCaseTitle(lines[j].text)) || anchorDate(lines[j].text)) break;
    n++;
  }
  return n;
}

/**
 * A header line made of cells ("Home Construction Limited | Level 5, Long circular road"): its
 * first cell names the employer or title, the rest (a street address, a blurb) need not be capitalised.
 */
export function isHeaderCells(text: string): boolean {
  const cells = text.split(/\t+|\s\|\s?|\|\s|\s[·•]\s/).map((c) => c.trim()).filter(Boolean);
  return cells.length >= 2 && isHeaderLike(cells[0]) && words(cells[0]).length <= 6 && !endsSentence(text) && text.length <= 160;
}

export function runBelow(lines: Line[], i: number, ceiling: number): number {
  let n = 0;
  for (let j = i + 1; j < ceiling && n < 3; j++) {
    if (lines[j].bullet || !(isHeaderLike(lines[j].text) || isHeaderCells(lines[j].text)) || anchorDate(lines[j].text) || TECH_LINE_RE.test(lines[j].text)) break;
    n++;
  }
  return n;
}

export function mode(values: number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 0;
}

export function segmentEntries(lines: Line[], startsEntry?: (l: Line) => boolean): Entry[] {
  const anchors = lines.map((_l, i) => (entryAnchor(lines, i) ? i : -1)).filter((i) => i >= 0);
  if (!anchors.length) return segmentWithoutDates(lines, startsEntry);
  // The first entry shows the template: how many header lines sit above and below its date.
  const above = anchors.map((a, k) => runAbove(lines, a, k === 0 ? 0 : anchors[k - 1] + 1));
  const below = anchors.map((a, k) => runBelow(lines, a, k + 1 < anchors.length ? anchors[k + 1] : lines.length));
  const nAbove = above[0];
  const nBelow = Math.max(below[0], mode(below));
  const entries: Entry[] = [];
  // Labelled lines ("Employer: …") belong to their entry even when this one has more of them than the first.
  const starts = anchors.map((a, k) => {
    // boldLedDate's bold heading is part of its entry whatever the first entry's template says.
    let start = a - Math.max(Math.min(above[k], nAbove), anchorDate(lines[a].text) ? 0 : 1);
    while (start > (k === 0 ? 0 : anchors[k - 1] + 1) && lines[start - 1].role && !lines[start - 1].bullet) start--;
    return start;
  });
  const leads = anchors.map((a, k) => emphasisedLead(lines, starts[k], k === 0 ? 0 : a === anchors[k - 1] + 1 ? a : anchors[k - 1] + 1));
  anchors.forEach((a, k) => {
    const nextStart = k + 1 < anchors.length ? (leads[k + 1] ?? starts[k + 1]) : lines.length;
    const headerEnd = Math.min(a + Math.min(below[k], nBelow) + 1, nextStart);
    const lead = leads[k];
    entries.push({
      header: lead === null ? lines.slice(starts[k], headerEnd) : [lines[lead], ...lines.slice(starts[k], headerEnd)],
      anchor: a - starts[k] + (lead === null ? 0 : 1),
      dates: entryAnchor(lines, a),
      ...(anchorDate(lines[a].text) ? {} : { boldLed: true }),
      body: lead === null ? lines.slice(headerEnd, nextStart) : [...lines.slice(lead + 1, starts[k]), ...lines.slice(headerEnd, nextStart)],
    });
  });
  return entries;
}

/**
 * Family "employer header, blurb and URL, then the dates" (JSON Resume themes such as kendall print
 * work.name and its address in the header size, then work.summary and work.url in body text, then
 * the dates, then the position): when the dates are set in body text and the nearest line above
 * them that is set larger than the body (font size, from the PDF) heads up to eight plain lines of
 * description, that line belongs to this entry's header, not to the previous entry's bullets.
 * Needs the size evidence: without it (DOCX, text) nothing changes.
 */
export function emphasisedLead(lines: Line[], start: number, floor: number): number | null {
  if (lines[start]?.emphasis) return null;
  for (let j = start - 1; j >= floor && start - j <= 8; j--) {
    const l = lines[j];
    if (l.bullet || anchorDate(l.text)) return null;
    if (l.emphasis) return j < start - 1 && (isHeaderLike(l.text) || isHeaderCells(l.text)) ? j : null;
  }
  return null;
}

/** No dates at all: a run of header-like lines after body text starts an entry. */
export function segmentWithoutDates(lines: Line[], startsEntry?: (l: Line) => boolean): Entry[] {
  const entries: Entry[] = [];
  let current: Entry | null = null;
  for (const line of lines) {
    const headerish = !line.bullet && (startsEntry ? startsEntry(line) : isHeaderLike(line.text));
    if (headerish && (!current || current.body.length > 0 || (startsEntry && current.header.length > 0))) {
      current = { header: [line], anchor: -1, dates: null, body: [] };
      entries.push(current);
    } else if (headerish && current && current.body.length === 0 && !startsEntry) current.header.push(line);
    else if (current) current.body.push(line);
    else {
      current = { header: [], anchor: -1, dates: null, body: [line] };
      entries.push(current);
    }
  }
  return entries;
}

export function entrySegments(entry: Entry): Segment[] {
  const segs: Segment[] = [];
  entry.header.forEach((line, i) => {
    let text = line.text;
    if (i === entry.anchor && entry.dates) {
      text = `${text.slice(0, entry.dates.index)}\t${text.slice(entry.dates.index + entry.dates.length)}`.replace(DURATION_RE, "");
    }
    const offset = i - Math.max(entry.anchor, 0);
    if (line.role) segs.push({ text: text.trim(), line: offset, index: 0, role: line.role });
    else joinDualTitles(splitSegments(text), text).forEach((s, index) => segs.push({ text: s, line: offset, index }));
  });
  return rejoinHyphenatedNames(segs);
}

/** "Security Officer / CCTV Technician", "Cofounder / CTO": one role with two titles, not a title and a company. */
/**
 * Family "' - ' inside a title": "Technical Marketing Manager - Service Providers, F5 Inc." names one
 * title with a qualifier (a market, a team) before the company after the comma. The dash joins when
 * the left part is a title, the qualifier is a short Title Case phrase that is neither a title, an
 * organisation nor a place, and a comma tail is left to be the company.
 */
export function isTitleQualifier(prev: string, part: string, line: string): boolean {
  const comma = /^([^,]+),\s*(.+)$/.exec(part);
  if (!comma || !line.includes(`${prev} - ${part}`) || titleScore(prev) === 0) return false;
  const q = comma[1].trim();
  return words(q).length <= 3 && isHeaderLike(q) && titleScore(q) === 0 && companyScore(q) === 0 && !looksLikeLocation(q) && !looksLikeLocation(comma[2]);
}

const SELF_EMPLOYED_RE = /^(?:independent|self[- ]employed|freelance|freelancer|contract|contractor|consulting)\b/i;

export function joinDualTitles(parts: string[], line: string): string[] {
  const out: string[] = [];
  for (const part of parts) {
    const prev = out[out.length - 1];
    if (prev !== undefined && titleScore(prev) > 0 && titleScore(part) > 0 && line.includes(`${prev} / ${part}`)) out[out.length - 1] = `${prev} / ${part}`;
    else if (prev !== undefined && isTitleQualifier(prev, part, line)) out[out.length - 1] = `${prev} - ${part}`;
    // Family "self-employment as the employer": "Independent / Contract (Remote)", "Freelance / Self-employed" is one name.
    else if (prev !== undefined && SELF_EMPLOYED_RE.test(prev) && SELF_EMPLOYED_RE.test(part) && line.includes(`${prev} / ${part}`)) out[out.length - 1] = `${prev} / ${part}`;
    else out.push(part);
  }
  return out;
}

/**
 * " - " separates a title from a company ("Engineer - Acme"), but also the parts of one
 * organisation's name ("PUCIT - University of the Punjab"). Two neighbouring parts of a cell
 * with no title evidence, the second an organisation, are one name.
 */
export function rejoinHyphenatedNames(segs: Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const seg of segs) {
    const prev = out[out.length - 1];
    if (
      prev && !prev.role && !seg.role && prev.line === seg.line && seg.index === prev.index + 1 &&
      titleScore(prev.text) === 0 && titleScore(seg.text) === 0 && (INSTITUTION_RE.test(seg.text) || STRONG_COMPANY_RE.test(seg.text)) &&
      !looksLikeLocation(seg.text) && !looksLikeLocation(prev.text) && words(prev.text).length <= 3
    ) {
      out[out.length - 1] = { ...prev, text: `${prev.text} - ${seg.text}` };
      continue;
    }
    out.push(seg);
  }
  return out;
}

/** Bullets from body lines: marked lines start a bullet, unmarked ones were joined upstream when wrapped. */
export function bulletsOf(body: Line[]): { bullets: string[]; technologies: string[] } {
  const bullets: string[] = [];
  const technologies: string[] = [];
  for (const line of body) {
    const text = line.text.trim();
    const tech = TECH_LINE_RE.exec(text);
    if (tech) {
      technologies.push(...splitList(text.slice(tech[0].length)));
      continue;
    }
    // "Key responsibilities:" introduces the bullets; it is not one.
    if (!line.bullet && /^\p{L}[\p{L} ]{2,40}:$/u.test(text) && words(text).length <= 4) continue;
    bullets.push(text.replace(/\s+/g, " "));
  }
  return { bullets, technologies };
}

export function technologiesIn(texts: string[], declared: string[]): string[] {
  const found = new Map<string, string>();
  for (const d of declared) found.set((canonicalSkill(d) ?? d).toLowerCase(), canonicalSkill(d) ?? d);
  for (const m of findSkills(texts.join("\n"))) {
    if (["soft", "spoken", "business", "methodology", "domain"].includes(m.category)) continue;
    if (!found.has(m.canonical.toLowerCase())) found.set(m.canonical.toLowerCase(), m.canonical);
  }
  return [...found.values()];
}
