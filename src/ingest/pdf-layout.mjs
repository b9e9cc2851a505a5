// Layout-aware reading of one PDF page from pdf.js text items (positions, sizes, font ids).
// Plain JavaScript on purpose: the extraction worker loads it without a TypeScript loader; the
// types are in pdf-layout.d.mts and the unit tests import it directly.
//
//   items → runs (normalised text, boxes; icon-font glyphs dropped)
//         → rows (one baseline) → cells (a wide gap splits a row: a tab stop, a right-aligned date, a column)
//         → reading order: XY-cut over the cells, where a vertical cut is taken only for real text
//           columns (sidebars, two-column designs), never for a gutter of dates or section labels,
//           which stay on the row they belong to (a label is put on its own line before it)
//         → lines { text (cells joined by a tab), y, x, size, font } and paragraph breaks.
// Repeated page headers/footers are removed across pages by dropRunningLines().

import { createRequire } from "node:module";
import { toRuns } from "./pdf-runs.mjs";

export { normaliseItemText, toRuns, isBoldFont } from "./pdf-runs.mjs";

// The section-heading vocabulary the parser uses (core/resume/headings.ts reads the same file).
const headings = createRequire(import.meta.url)("../core/data/section-headings.json");
const HEADING_NAMES = new Set(Object.values(headings.names).flat());
const HEADING_HEADS = headings.heads.map((h) => new RegExp(h.pattern));
const headingKey = (s) => s.toLowerCase().replace(/&/g, " and ").replace(/[^\p{L}\s]/gu, " ").replace(/\s+/g, " ").trim();
/** A known section heading ("EXPERIENCE", "Work History"), as the parser would read it. */
export const isSectionHeading = (text) => {
  const key = headingKey(text);
  return HEADING_NAMES.has(key) || HEADING_NAMES.has(key.replace(/ /g, "")) || (key.split(" ").length <= 4 && HEADING_HEADS.some((re) => re.test(key)));
};

const DATE_CELL_RE = /\b(?:19|20)\d{2}\b|\b(?:present|current|now|today)\b/i;

/** Runs → rows (shared baseline, within 45 % of the smaller size), each sorted left to right. */
export function toRows(runs) {
  const sorted = [...runs].sort((p, q) => p.y - q.y || p.x0 - q.x0);
  const rows = [];
  for (const run of sorted) {
    const row = rows[rows.length - 1];
    if (row && Math.abs(run.y - row.y) <= 0.45 * Math.min(run.size, row.size)) {
      row.runs.push(run);
      row.size = Math.max(row.size, run.size);
    } else rows.push({ y: run.y, size: run.size, runs: [run] });
  }
  for (const row of rows) row.runs.sort((p, q) => p.x0 - q.x0);
  return rows;
}

/**
 * x positions where text columns start: at least three runs begin there with other text to their
 * left on the same row (a left gutter of dates or labels, a sidebar, a second column). A run that
 * starts at such an edge opens a new cell even after a narrow gap.
 */
export function columnEdges(rows, em) {
  const counts = new Map();
  for (const row of rows) {
    for (let i = 1; i < row.runs.length; i++) {
      const run = row.runs[i];
      if (run.x0 - row.runs[i - 1].x1 < 0.2 * em) continue;
      const key = Math.round(run.x0 / 2);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  // A real column start is crossed by few runs; in justified or monospaced paragraphs word starts
  // line up by chance but other rows' words run across them.
  const runs = rows.flatMap((r) => r.runs);
  return [...counts]
    .filter(([, n]) => n >= 3)
    .map(([k]) => k * 2)
    .filter((e) => runs.filter((r) => r.x0 < e - 2 && r.x1 > e + 2).length <= (counts.get(e / 2) ?? 0) / 2);
}

/** The body text size: the size most characters are set in. */
export function bodySize(runs) {
  const bySize = new Map();
  for (const r of runs) bySize.set(Math.round(r.size), (bySize.get(Math.round(r.size)) ?? 0) + r.text.length);
  let best = 10;
  let most = -1;
  for (const [size, n] of bySize) if (n > most) [best, most] = [size, n];
  return best;
}

/**
 * A row → cells: a gap wider than 1.2 em (of the body size: big headings are letter-spaced) splits
 * cells (a tab stop, a right-aligned date, a column gutter), and so does any visible gap at a column
 * edge; a smaller gap is a space.
 */
export function toCells(row, rowIndex, em = row.size, edges = []) {
  const cells = [];
  let cell = null;
  for (const run of row.runs) {
    const gap = cell ? run.x0 - cell.x1 : 0;
    const atEdge = cell && gap > 0.2 * em && edges.some((e) => Math.abs(e - run.x0) <= 2);
    if (!cell || atEdge || gap > 1.2 * Math.min(em, Math.max(run.size, cell.size))) {
      cell = { text: run.text, x0: run.x0, x1: run.x1, y: row.y, size: run.size, font: run.font, row: rowIndex, boldChars: run.bold ? run.text.length : 0 };
      cells.push(cell);
      continue;
    }
    const glue = gap > 0.12 * run.size && !cell.text.endsWith(" ") && !/^[,.;:)]/.test(run.text) ? " " : "";
    cell.text += glue + run.text;
    if (run.bold) cell.boldChars += run.text.length;
    cell.x1 = Math.max(cell.x1, run.x1);
    cell.size = Math.max(cell.size, run.size);
  }
  return cells;
}

const top = (c) => c.y - 0.85 * c.size;
const bottom = (c) => c.y + 0.25 * c.size;
const rowCount = (cells) => new Set(cells.map((c) => c.row)).size;
const dateShare = (cells) => cells.filter((c) => DATE_CELL_RE.test(c.text)).length / Math.max(1, cells.length);
/** A section label in a left gutter: short, no digits, no sentence punctuation. */
const isLabel = (c) => c.text.length <= 40 && !/\d/.test(c.text) && c.text.split(/\s+/).length <= 4 && !/[,.;:]$/.test(c.text);

/** Vertical gaps (x ranges no cell covers) in a set of cells, widest first. */
function verticalGaps(cells, minGap) {
  const spans = cells.map((c) => [c.x0, c.x1]).sort((p, q) => p[0] - q[0]);
  const gaps = [];
  let reach = spans[0][1];
  for (const [x0, x1] of spans.slice(1)) {
    if (x0 - reach >= minGap) gaps.push({ at: (x0 + reach) / 2, width: x0 - reach });
    reach = Math.max(reach, x1);
  }
  return gaps.sort((p, q) => q.width - p.width);
}

/**
 * A vertical cut worth taking: both sides hold real text over several rows. Not a column of
 * dates (left-dates and right-aligned-dates layouts keep each date on its entry's row) and not a
 * gutter of section labels (kept on their rows, then split off in toLines).
 */
export function columnCut(cells, region, edges = []) {
  const em = median(cells.map((c) => c.size));
  // A gutter is a clear vertical gap, or a narrow one at an aligned column edge (tight two-column
  // LaTeX templates leave 2–3 pt between a justified left column and the right one).
  const atEdges = edges
    .filter((e) => e > region.x0 + 1 && e < region.x1 - 1 && !cells.some((c) => c.x0 < e - 1 && c.x1 > e + 1))
    .map((e) => ({ at: e - 0.5, width: 0 }));
  for (const gap of [...verticalGaps(cells, 0.9 * em), ...atEdges]) {
    const left = cells.filter((c) => c.x1 <= gap.at);
    const right = cells.filter((c) => c.x0 >= gap.at);
    if (rowCount(left) < 3 || rowCount(right) < 3) continue;
    if (dateShare(left) >= 0.4 || dateShare(right) >= 0.4) continue;
    if (left.every(isLabel) && gap.at - region.x0 < 0.3 * (region.x1 - region.x0)) continue;
    // Right-aligned short cells (locations, dates) beside a text block are not a column.
    const rightWords = right.reduce((n, c) => n + c.text.split(/\s+/).length, 0) / right.length;
    const leftWords = left.reduce((n, c) => n + c.text.split(/\s+/).length, 0) / left.length;
    if (rightWords < 3 && leftWords > 6 && rowCount(right) < rowCount(left) / 3) continue;
    if (leftWords < 3 && rightWords > 6 && rowCount(left) < rowCount(right) / 3) continue;
    return { left, right, at: gap.at };
  }
  return null;
}

/** Horizontal gaps (y ranges no cell covers) wider than `minGap`, top to bottom. */
export function horizontalGaps(cells, minGap) {
  const spans = cells.map((c) => [top(c), bottom(c)]).sort((p, q) => p[0] - q[0]);
  const gaps = [];
  let reach = spans[0][1];
  for (const [y0, y1] of spans.slice(1)) {
    if (y0 - reach >= minGap) gaps.push({ at: (y0 + reach) / 2, width: y0 - reach });
    reach = Math.max(reach, y1);
  }
  return gaps;
}

function median(xs) {
  if (!xs.length) return 10;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function bounds(cells) {
  return { x0: Math.min(...cells.map((c) => c.x0)), x1: Math.max(...cells.map((c) => c.x1)) };
}

/**
 * XY-cut. A region is cut vertically when it holds real columns; otherwise at a horizontal gap
 * (the first one below which the rest is columnar, so a full-width header comes off first; else
 * the widest), recursively; a region with neither is read row by row. Depth is bounded by the
 * number of cells, and each level is O(n log n).
 */
export function readingOrder(cells, depth = 0, pageHeight = Infinity, edges = []) {
  if (!cells.length) return [];
  if (cells.length <= 1 || depth > 40) return [...cells].sort((p, q) => p.row - q.row || p.x0 - q.x0);
  const region = bounds(cells);
  const cols = columnCut(cells, region, edges);
  if (cols) {
    const width = (cs) => bounds(cs).x1 - bounds(cs).x0;
    const narrowRight = width(cols.right) < 0.8 * width(cols.left);
    const narrowLeft = width(cols.left) < 0.8 * width(cols.right);
    const height = Math.max(...cells.map(bottom)) - Math.min(...cells.map(top));
    if ((narrowLeft || narrowRight) && height > 0.4 * pageHeight) {
      // A sidebar beside the main column: the main column's sections run on into the next page
      // without repeating their heading, so sidebar cells are marked and read after the main flow
      // of the whole document (linesToText).
      const [side, main] = narrowRight ? [cols.right, cols.left] : [cols.left, cols.right];
      for (const c of side) c.side = true;
      return [...readingOrder(main, depth + 1, pageHeight, edges), ...readingOrder(side, depth + 1, pageHeight, edges)];
    }
    // Two columns of comparable width: read left then right on this page, and remember the gutter
    // (the outermost one) so documentLines can tell a sidebar design that runs over pages.
    if (height > 0.4 * pageHeight) {
      for (const c of cols.left) c.column ??= { at: cols.at, right: false };
      for (const c of cols.right) c.column ??= { at: cols.at, right: true };
    }
    return [...readingOrder(cols.left, depth + 1, pageHeight, edges), ...readingOrder(cols.right, depth + 1, pageHeight, edges)];
  }
  const em = median(cells.map((c) => c.size));
  const gaps = horizontalGaps(cells, 0.35 * em);
  if (gaps.length) {
    const columnarBelow = gaps.slice(0, 6).find((g) => {
      const below = cells.filter((c) => top(c) >= g.at);
      return below.length >= 6 && columnCut(below, bounds(below), edges);
    });
    const cut = columnarBelow ?? (gaps.length > 1 ? gaps.reduce((p, q) => (q.width > p.width ? q : p)) : null);
    if (cut) {
      const above = cells.filter((c) => bottom(c) <= cut.at);
      const below = cells.filter((c) => bottom(c) > cut.at);
      if (above.length && below.length) return [...readingOrder(above, depth + 1, pageHeight, edges), ...readingOrder(below, depth + 1, pageHeight, edges)];
    }
  }
  return [...cells].sort((p, q) => p.row - q.row || p.x0 - q.x0);
}

const MONTH = "(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?|spring|summer|fall|autumn|winter";
const YEARISH = "(?:19|20)\\d{2}|present|current|now|today";
const DATE_FRAGMENT_RE = new RegExp(`^(?:(?:${MONTH})\\s*,?\\s*)?(?:(?:0?[1-9]|1[0-2])/)?(?:${YEARISH})?\\s*(?:[-–—]|to)?\\s*(?:(?:${MONTH})\\s*,?\\s*)?(?:(?:0?[1-9]|1[0-2])/)?(?:${YEARISH})?$`, "i");
const COMPLETE_RANGE_RE = new RegExp(`(?:${YEARISH}).*?(?:[-–—]|\\bto\\b).*?(?:${YEARISH})\\s*\\.?$|^(?:(?:${MONTH})\\s*,?\\s*)?(?:19|20)\\d{2}$`, "i");

/**
 * Ordered cells → lines. Cells of one row that follow each other are one line, joined by a tab.
 * In a left gutter (cells that end before the main text's edge), a section label ("EXPERIENCE
 * Staff Engineer …") is put on a line of its own, and a date broken over two or three rows
 * ("October" / "2014–Present") is put back together on the row where its entry starts.
 */
export function toLines(ordered, pageWidth, edges = []) {
  const lines = [];
  let line = null;
  for (const cell of ordered) {
    if (line && line.row === cell.row && cell.x0 >= line.x1) {
      const first = line.cells[0];
      const gutterLabel = line.cells.length === 1 && first.x1 < 0.3 * pageWidth && isSectionHeading(first.text);
      if (!gutterLabel) {
        line.cells.push(cell);
        line.x1 = cell.x1;
        continue;
      }
    }
    line = { cells: [cell], x1: cell.x1, row: cell.row };
    lines.push(line);
  }
  const edge = Math.min(...edges.filter((e) => e < 0.45 * pageWidth), Infinity);
  const gutterDate = (l) => l && l.cells.length >= 1 && l.cells[0].x1 < edge && DATE_FRAGMENT_RE.test(l.cells[0].text.trim()) && /\w/.test(l.cells[0].text);
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (!gutterDate(l) || l.cells.length < 2 || COMPLETE_RANGE_RE.test(l.cells[0].text.trim())) continue;
    for (let k = 1; k <= 2; k++) {
      const next = lines[i + k];
      if (!next || next.row !== l.row + k || !gutterDate(next)) break;
      l.cells[0] = { ...l.cells[0], text: `${l.cells[0].text} ${next.cells[0].text}` };
      next.cells.shift();
      if (COMPLETE_RANGE_RE.test(l.cells[0].text.trim())) break;
    }
  }
  return lines
    .filter((l) => l.cells.length)
    .map((l) => ({ ...l.cells[0], text: l.cells.map((c) => c.text).join("\t"), x1: l.x1, cells: l.cells.length, side: !!l.cells[0].side, column: l.cells[0].column, bold: isBoldCell(l.cells[0]) }));
}

/** A cell set in bold: at least 80 % of its letters (as DOCX lines' first cell). */
const isBoldCell = (c) => (c.boldChars ?? 0) >= 0.8 * c.text.replace(/\s+/g, "").length && c.boldChars > 0;

/**
 * One page → ordered lines (with paragraph gaps marked) in top-down coordinates. `styles` are
 * pdf.js's text styles: a line whose first cell is set in a bold face is `bold`, unless the page's
 * body text itself is bold (then bold tells nothing apart).
 */
export function readPage(items, pageWidth, pageHeight, styles) {
  const runs = toRuns(items, pageHeight, styles);
  const chars = runs.reduce((n, r) => n + r.text.length, 0);
  if (runs.reduce((n, r) => n + (r.bold ? r.text.length : 0), 0) > 0.5 * chars) for (const r of runs) r.bold = false;
  const rows = toRows(runs);
  const em = bodySize(runs);
  const edges = columnEdges(rows, em);
  const cells = rows.flatMap((row, i) => toCells(row, i, em, edges));
  const lines = toLines(readingOrder(cells, 0, pageHeight, edges), pageWidth, edges);
  const pitches = [];
  for (let i = 1; i < lines.length; i++) {
    const drop = lines[i].y - lines[i - 1].y;
    if (drop > 0) pitches.push(drop);
  }
  const pitch = median(pitches);
  for (let i = 0; i < lines.length; i++) {
    const drop = i ? lines[i].y - lines[i - 1].y : 0;
    lines[i].gapBefore = i > 0 && (drop > pitch * 1.45 || drop < -lines[i].size);
  }
  return lines.map(({ text, x0, y, size, font, gapBefore, side, column, bold }) => ({ text, x: round(x0), y: round(y), size: round(size), font, gapBefore, side, column, ...(bold ? { bold } : {}) }));
}

const round = (n) => Math.round(n * 10) / 10;

const PAGE_NUMBER_RE = /^(?:page\s*)?\d+(?:\s*(?:of|\/)\s*\d+)?$|^-\s*\d+\s*-$/i;

/**
 * Running headers and footers: a line in the top or bottom 9 % of the page whose text (digits
 * masked) repeats on another page, and page numbers there. Returns the pages without them.
 */
export function dropRunningLines(pages) {
  const key = (l) => l.text.toLowerCase().replace(/\d+/g, "#").replace(/\s+/g, " ").trim();
  const edge = (l, h) => l.y < 0.09 * h || l.y > 0.91 * h;
  const seen = new Map();
  for (const p of pages) {
    for (const k of new Set(p.lines.filter((l) => edge(l, p.height)).map(key))) seen.set(k, (seen.get(k) ?? 0) + 1);
  }
  return pages.map((p) => ({
    ...p,
    lines: p.lines.filter((l) => !(edge(l, p.height) && ((pages.length > 1 && (seen.get(key(l)) ?? 0) > 1) || PAGE_NUMBER_RE.test(l.text.trim())))),
  }));
}

/** Lines of all pages → text: a blank line at paragraph gaps and between pages. */
export function linesToText(pages) {
  return documentLines(pages)
    .map((l, i) => (i > 0 && l.gapBefore ? `\n${l.text}` : l.text))
    .join("\n");
}

/**
 * All pages' lines in reading order: the main flow page after page, then the sidebars. A page
 * change and the start of a sidebar count as paragraph gaps.
 */
export function documentLines(pages) {
  pages = markRunningSidebars(pages);
  const main = [];
  const side = [];
  for (const p of pages) {
    let first = true;
    let firstSide = true;
    for (const l of p.lines) {
      const line = { ...l, page: p.number };
      if (l.side) {
        side.push(firstSide ? { ...line, gapBefore: true } : line);
        firstSide = false;
      } else {
        main.push(first ? { ...line, gapBefore: true } : line);
        first = false;
      }
    }
  }
  return [...main, ...side];
}

/**
 * Family: sidebar designs that continue over pages (JSON Resume themes such as "kendall", Word and
 * Canva templates with a skills column). A sidebar only a little narrower than the main column
 * (or widened by one long URL) is not caught by the width test in readingOrder, so each page is
 * read left column then right column, and from page 2 on the sidebar lands between the end of
 * one page's main column and the rest of its entry on the next page. When two or more pages are
 * split at the same gutter (within 3 % of the page width), the document is one design: the side
 * holding less text over those pages is the sidebar and is read after the whole main flow.
 * A single page, or pages whose gutters differ, keep their per-page order.
 */
export function markRunningSidebars(pages) {
  const gutters = pages.map((p) => {
    const ats = p.lines.filter((l) => l.column && !l.side).map((l) => l.column.at);
    return ats.length ? median(ats) : null;
  });
  const split = pages.filter((p, i) => gutters[i] !== null && pages.some((q, j) => j !== i && gutters[j] !== null && Math.abs(gutters[j] - gutters[i]) <= 0.03 * Math.max(p.width, q.width)));
  if (split.length < 2) return pages;
  const volume = { left: 0, right: 0 };
  for (const p of split) for (const l of p.lines) if (l.column && !l.side) volume[l.column.right ? "right" : "left"] += l.text.length;
  const sideIsRight = volume.right < volume.left;
  return pages.map((p) =>
    split.includes(p) ? { ...p, lines: p.lines.map((l) => (l.column && !l.side && l.column.right === sideIsRight ? { ...l, side: true } : l)) } : p,
  );
}
