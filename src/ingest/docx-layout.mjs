// Reading a DOCX from its own structure (word/document.xml and word/styles.xml), not from
// flattened text. Plain JavaScript on purpose: the extraction worker loads it without a TypeScript
// loader; the types are in docx-layout.d.mts and the unit tests import it directly.
//
//   XML → blocks: paragraphs (runs with their bold / size, tabs, line breaks, list marks: bullet,
//         number or none, from numbering.xml) and
//         tables (rows of cells of blocks); text boxes (w:txbxContent) are paragraphs of their own,
//         and the VML copy Word writes beside each one (mc:Fallback) is skipped
//       → lines in reading order: a table row whose cells hold one line each is one line with the
//         cells joined by a tab (tab-aligned dates, "Title | Company" grids); a row with longer
//         cells is a layout table (two columns, a left label column) and is read cell by cell
//       → { text, lines: [{ text, page: 1, size, bold, gapBefore }] }, blank line between paragraphs.
// Families this serves: Word and Google Docs resumes that set dates at a right tab stop or in a
// table cell, that use a layout table for columns, and that mark entry headers only by bold.

import { isSectionHeading } from "./pdf-layout.mjs";

const ENTITIES = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

/** XML / HTML character references (the worker's mammoth fallback shares it). */
export function decodeEntities(s) {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code) => {
    if (code[0] !== "#") return ENTITIES[code.toLowerCase()] ?? whole;
    const n = code[1] === "x" || code[1] === "X" ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
    return Number.isFinite(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : "";
  });
}

const localName = (tag) => tag.slice(tag.indexOf(":") + 1);
const attr = (attrs, name) => new RegExp(`(?:^|\\s)(?:\\w+:)?${name}="([^"]*)"`).exec(attrs)?.[1];
/** w:b, w:b w:val="1|true|on" are on; w:val="0|false|off|none" off. */
const toggle = (attrs) => !/(?:^|\s)(?:\w+:)?val="(?:0|false|off|none)"/.test(attrs);

/**
 * styles.xml → resolved run properties per style id ({ bold?, size? } in points), following
 * basedOn; `defaults` are the document defaults (docDefaults/rPrDefault).
 */
export function readStyles(xml) {
  const raw = new Map();
  let defaults = {};
  if (!xml) return { styles: new Map(), defaults };
  const defStart = xml.indexOf("<w:docDefaults");
  const defEnd = xml.indexOf("</w:docDefaults>", defStart);
  const def = defStart >= 0 && defEnd > defStart ? xml.slice(defStart, defEnd) : "";
  defaults = runProps(def);
  // Split rather than one lazy regex over the part: a style that never closes must not make every
  // later search scan to the end (quadratic on a hostile styles.xml).
  for (const chunk of xml.split(/<w:style(?=[\s>])/).slice(1)) {
    const end = chunk.indexOf("</w:style>");
    const body = end < 0 ? chunk : chunk.slice(0, end);
    const open = body.indexOf(">");
    const id = attr(body.slice(0, open), "styleId");
    if (!id || open < 0) continue;
    const inner = body.slice(open + 1);
    const basedOn = /<w:basedOn\b([^>]*)\/?>/.exec(inner);
    const rPrStart = inner.indexOf("<w:rPr");
    const rPrEnd = inner.indexOf("</w:rPr>", rPrStart);
    const props = runProps(rPrStart >= 0 && rPrEnd > rPrStart ? inner.slice(rPrStart, rPrEnd) : "");
    // A list style ("List Bullet") numbers its paragraphs through its own w:numPr.
    const numId = /<w:numId\b([^>]*)\/?>/.exec(inner);
    if (numId) props.numId = attr(numId[1], "val");
    const ilvl = /<w:ilvl\b([^>]*)\/?>/.exec(inner);
    if (ilvl) props.ilvl = attr(ilvl[1], "val");
    raw.set(id, { basedOn: basedOn ? attr(basedOn[1], "val") : undefined, props });
  }
  const styles = new Map();
  const resolve = (id, depth = 0) => {
    if (styles.has(id)) return styles.get(id);
    const s = raw.get(id);
    if (!s || depth > 20) return {};
    const out = { ...(s.basedOn ? resolve(s.basedOn, depth + 1) : {}), ...s.props };
    styles.set(id, out);
    return out;
  };
  for (const id of raw.keys()) resolve(id);
  return { styles, defaults };
}

function runProps(xml) {
  const out = {};
  const b = /<w:b(\s[^>]*)?\/?>/.exec(xml);
  if (b) out.bold = toggle(b[1] ?? "");
  const sz = /<w:sz\s([^>]*)\/?>/.exec(xml);
  if (sz && Number(attr(sz[1], "val")) > 0) out.size = Number(attr(sz[1], "val")) / 2;
  return out;
}

/**
 * numbering.xml → the marker each list level shows: numId → ilvl → "bullet" (•, ▪, a Symbol-font
 * glyph), "number" (decimal, letters, roman: "1.", "a)") or "none" (numFmt none or an empty level
 * text: numbering used only for indentation, nothing is drawn). Linear in the part's size.
 */
export function readNumbering(xml) {
  const abstract = new Map();
  const nums = new Map();
  if (!xml) return nums;
  for (const chunk of xml.split(/<w:abstractNum(?=[\s>])/).slice(1)) {
    const end = chunk.indexOf("</w:abstractNum>");
    const body = end < 0 ? chunk : chunk.slice(0, end);
    const id = attr(body.slice(0, body.indexOf(">")), "abstractNumId");
    const levels = new Map();
    for (const lvl of body.split(/<w:lvl(?=[\s>])/).slice(1)) {
      const level = attr(lvl.slice(0, lvl.indexOf(">")), "ilvl") ?? "0";
      const fmt = /<w:numFmt\b([^>]*)\/?>/.exec(lvl);
      const text = /<w:lvlText\b([^>]*)\/?>/.exec(lvl);
      const format = fmt ? attr(fmt[1], "val") : "decimal";
      const shown = text ? attr(text[1], "val") : "%1.";
      levels.set(level, format === "none" || !shown?.trim() ? "none" : format === "bullet" ? "bullet" : "number");
    }
    if (id !== undefined) abstract.set(id, levels);
  }
  for (const chunk of xml.split(/<w:num(?=[\s>])/).slice(1)) {
    const end = chunk.indexOf("</w:num>");
    const body = end < 0 ? chunk : chunk.slice(0, end);
    const id = attr(body.slice(0, body.indexOf(">")), "numId");
    const ref = /<w:abstractNumId\b([^>]*)\/?>/.exec(body);
    if (id !== undefined && ref) nums.set(id, abstract.get(attr(ref[1], "val")) ?? new Map());
  }
  return nums;
}

/**
 * What a paragraph's numbering draws: "bullet", "number", or null for none. Its own w:numPr wins
 * over its style's; numId 0 (or no numId: a heading style's outline level) turns numbering off.
 * Without numbering.xml any paragraph with a w:numPr counts as a bullet, as before it was read.
 */
function listKind(para, numbering) {
  const numId = para.numId ?? para.style.numId;
  if (numId === "0") return null;
  if (!numbering?.size) return para.numPr || numId !== undefined ? "bullet" : null;
  if (numId === undefined) return null;
  const levels = numbering.get(numId);
  if (!levels) return null;
  const kind = levels.get(para.ilvl ?? para.style.ilvl ?? "0") ?? "bullet";
  return kind === "none" ? null : kind;
}

/** document.xml → blocks: { type: "p", runs, list } | { type: "table", rows: [[cell blocks]] }. */
export function readBlocks(xml, styleInfo = { styles: new Map(), defaults: {} }, numbering = new Map()) {
  const root = [];
  const containers = [root];
  const tables = [];
  const paragraphs = [];
  let run = null;
  let inPPr = 0;
  let inRPr = false;
  let inText = false;
  let skipDepth = 0;
  const open = [];
  // [^<>]: a "<" inside a tag that never closed starts the next tag rather than being swallowed.
  const tokens = /<(\/?)([A-Za-z][\w.-]*(?::[\w.-]+)?)([^<>]*?)(\/?)>|([^<]+)/g;
  for (const [, closing, tag, attrs, selfClosing, text] of xml.matchAll(tokens)) {
    if (text !== undefined) {
      if (!skipDepth && inText && run) run.text += decodeEntities(text);
      continue;
    }
    const name = localName(tag);
    // Well-formed nesting or nothing: a damaged part is reported as damaged (mammoth's reading,
    // which the worker falls back to, says so) rather than read halfway.
    if (closing) {
      if (open.pop() !== tag) throw new Error(`Malformed XML at </${tag}>`);
    } else if (!selfClosing) open.push(tag);
    // Word writes each text box twice: the DrawingML one (mc:Choice) and a VML copy (mc:Fallback).
    if (name === "Fallback" && tag.startsWith("mc:")) {
      if (!selfClosing) skipDepth += closing ? -1 : 1;
      continue;
    }
    if (skipDepth) continue;
    const para = paragraphs[paragraphs.length - 1];
    if (closing) {
      if (name === "p" && para) {
        paragraphs.pop();
        para.list = listKind(para, numbering);
        containers[containers.length - 1].push(para);
      } else if (name === "pPr") inPPr = Math.max(0, inPPr - 1);
      else if (name === "rPr") inRPr = false;
      else if (name === "t") inText = false;
      else if (name === "r") run = null;
      else if (name === "tc" || name === "txbxContent") {
        const blocks = containers.pop();
        if (name === "tc") tables[tables.length - 1]?.rows.at(-1)?.push(blocks);
        // A text box's paragraphs are blocks of their own, before the paragraph that anchors them.
        else containers[containers.length - 1].push(...blocks);
      } else if (name === "tbl") {
        const table = tables.pop();
        if (table) containers[containers.length - 1].push(table);
      }
      continue;
    }
    switch (name) {
      case "p":
        if (!selfClosing) paragraphs.push({ type: "p", runs: [], list: null, style: {} });
        break;
      case "pPr":
        if (!selfClosing) inPPr++;
        break;
      case "pStyle":
        if (inPPr && para) para.style = styleInfo.styles.get(attr(attrs, "val")) ?? {};
        break;
      // The paragraph's own properties only (inPPr 1): a w:pPrChange inside holds the old, replaced ones.
      case "numPr":
        if (inPPr === 1 && para) para.numPr = true;
        break;
      case "numId":
        if (inPPr === 1 && para) para.numId = attr(attrs, "val");
        break;
      case "ilvl":
        if (inPPr === 1 && para) para.ilvl = attr(attrs, "val");
        break;
      case "r":
        if (!selfClosing && para) {
          run = { text: "", props: {} };
          para.runs.push(run);
        }
        break;
      case "rPr":
        inRPr = !selfClosing && !!run && !inPPr;
        break;
      case "rStyle":
        if (inRPr && run) run.props = { ...(styleInfo.styles.get(attr(attrs, "val")) ?? {}), ...run.props };
        break;
      case "b":
        if (inRPr && run) run.props.bold = toggle(attrs);
        break;
      case "sz":
        if (inRPr && run && Number(attr(attrs, "val")) > 0) run.props.size = Number(attr(attrs, "val")) / 2;
        break;
      case "t":
        inText = !selfClosing;
        break;
      case "tab":
        if (run && !inPPr) run.text += "\t";
        break;
      case "br":
      case "cr":
        if (run && !inPPr) run.text += "\n";
        break;
      case "noBreakHyphen":
        if (run) run.text += "-";
        break;
      case "tbl":
        tables.push({ type: "table", rows: [] });
        break;
      case "tr":
        tables[tables.length - 1]?.rows.push([]);
        break;
      case "tc":
      case "txbxContent":
        if (!selfClosing) containers.push([]);
        break;
    }
  }
  if (open.length) throw new Error(`Malformed XML: <${open[open.length - 1]}> is never closed`);
  return resolveRuns(root, styleInfo.defaults);
}

function resolveRuns(blocks, defaults) {
  for (const b of blocks) {
    if (b.type === "table") b.rows.forEach((row) => row.forEach((cell) => resolveRuns(cell, defaults)));
    else b.runs = b.runs.map((r) => ({ text: r.text, bold: !!({ ...defaults, ...b.style, ...r.props }.bold), size: { ...defaults, ...b.style, ...r.props }.size }));
  }
  return blocks;
}

/**
 * One paragraph → its lines (a w:br splits it). Each line's `bold` says that its first cell is
 * bold (the employer or title in "**Acme**<tab>2019 – 2021"), `size` is the size most of its
 * letters are set in.
 */
export function paragraphLines(p) {
  const lines = [{ parts: [] }];
  for (const r of p.runs) {
    const pieces = r.text.split("\n");
    pieces.forEach((piece, k) => {
      if (k > 0) lines.push({ parts: [] });
      if (piece) lines[lines.length - 1].parts.push({ ...r, text: piece });
    });
  }
  return lines
    .map(({ parts }) => {
      const text = parts.map((x) => x.text).join("").replace(/[ ]+/g, " ");
      const first = [];
      for (const x of parts) {
        const [lead, ...rest] = x.text.split("\t");
        if (lead.trim()) first.push({ ...x, text: lead });
        if (rest.length && first.length) break;
      }
      const letters = (xs) => xs.reduce((n, x) => n + x.text.replace(/\s+/g, "").length, 0);
      const boldShare = letters(first) ? letters(first.filter((x) => x.bold)) / letters(first) : 0;
      const sizes = new Map();
      for (const x of parts) if (x.size) sizes.set(x.size, (sizes.get(x.size) ?? 0) + x.text.length);
      const size = [...sizes].sort((a, b) => b[1] - a[1])[0]?.[0];
      // A numbered paragraph that is a section heading ("1. Work Experience" in a numbered heading style) stays a heading.
      const item = p.list === "bullet" || (p.list === "number" && !isSectionHeading(text));
      return { text: item && text.trim() ? `• ${text.trim()}` : text.trim(), bold: boldShare >= 0.8, size };
    })
    .filter((l) => l.text);
}

/** Blocks → lines in reading order; `gapBefore` marks a paragraph boundary (a blank line in the text). */
export function blockLines(blocks) {
  const out = [];
  let prevList = false;
  for (const b of blocks) {
    if (b.type === "table") {
      for (const row of b.rows) {
        const cells = row.map((cell) => blockLines(cell));
        const filled = cells.filter((c) => c.length);
        if (filled.length > 1 && filled.every((c) => c.length === 1)) {
          out.push({ text: filled.map((c) => c[0].text).join("\t"), bold: filled[0][0].bold, size: filled[0][0].size, gapBefore: true });
        } else for (const c of filled) c.forEach((l, k) => out.push({ ...l, gapBefore: k === 0 ? true : l.gapBefore }));
      }
      prevList = false;
      continue;
    }
    const lines = paragraphLines(b);
    // List items follow each other without a blank line, as in mammoth's reading.
    lines.forEach((l, k) => out.push({ ...l, gapBefore: k === 0 && !(b.list && prevList) }));
    if (lines.length) prevList = b.list;
  }
  return out;
}

/** The whole reading: { text, lines } from the XML parts (styles and numbering may be missing). */
export function readDocx(documentXml, stylesXml, numberingXml) {
  const lines = blockLines(readBlocks(documentXml, readStyles(stylesXml), readNumbering(numberingXml)));
  const text = lines.map((l, k) => (k > 0 && l.gapBefore ? `\n${l.text}` : l.text)).join("\n");
  return { text, lines: lines.map((l) => ({ text: l.text, page: 1, size: l.size, bold: l.bold || undefined, gapBefore: l.gapBefore || undefined })) };
}
