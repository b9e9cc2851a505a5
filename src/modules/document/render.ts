import PDFDocument from "pdfkit";
import { Document as DocxDocument, HeadingLevel, Packer, Paragraph, TextRun } from "docx";

/** The light Markdown our compiler writes: headings, bullets, bold markers, paragraphs. */
type Block = { kind: "h1" | "h2" | "h3" | "bullet" | "para" | "blank"; text: string };

// Every scan below is a single left-to-right pass. The regular expressions they replace
// (`\*\*(.+?)\*\*`, `(^|\s)_(.+?)_(?=\s|$)`, `^(#{1,3})\s+(.*)$`) backtrack over the rest of
// the line at every unmatched opener: " _a" × 66,666 took seconds. Behaviour is the same,
// match for match (tests/unit/linearity/render.test.ts compares them on random input).

const isSpace = (ch: string | undefined): boolean => ch !== undefined && /\s/.test(ch);
/** What `.` does not match: a `.+?` group never spans one of these. */
const LINE_TERMINATOR = /([\r\u2028\u2029])/;

/** Bold markers removed as the old `replace` with "**(.+?)**" did, in a run free of line terminators. */
function stripBold(s: string): string {
  let out = "";
  let pos = 0;
  for (;;) {
    const open = s.indexOf("**", pos);
    if (open < 0) break;
    // The shortest non-empty body: the first "**" that starts at least one character later.
    const close = s.indexOf("**", open + 3);
    // No closer for this opener means none for any later one either.
    if (close < 0) break;
    out += s.slice(pos, open) + s.slice(open + 2, close);
    pos = close + 2;
  }
  return out + s.slice(pos);
}

/**
 * Underscore emphasis removed as the old `replace` with "(^|\s)_(.+?)_(?=\s|$)" did, in a run free
 * of line terminators; the run's edges count as `^` and `$` because the terminators are whitespace.
 */
function stripUnderscore(s: string): string {
  let out = "";
  let pos = 0;
  let closer = 0; // the next candidate closing "_"; only ever moves forward
  const isCloser = (k: number) => s[k] === "_" && (k + 1 === s.length || isSpace(s[k + 1]));
  for (let open = 0; open < s.length; open++) {
    if (s[open] !== "_" || !(open === 0 || (open - 1 >= pos && isSpace(s[open - 1])))) continue;
    if (closer < open + 2) closer = open + 2;
    while (closer < s.length && !isCloser(closer)) closer++;
    // No closer after this opener means none after any later opener either.
    if (closer >= s.length) break;
    out += s.slice(pos, open) + s.slice(open + 1, closer);
    pos = closer + 1;
    open = closer; // the loop's ++ moves past the closing "_"
  }
  return out + s.slice(pos);
}

function byRun(s: string, f: (run: string) => string): string {
  if (!LINE_TERMINATOR.test(s)) return f(s);
  // split with a capture group keeps the terminators at the odd indices.
  return s
    .split(LINE_TERMINATOR)
    .map((part, i) => (i % 2 ? part : f(part)))
    .join("");
}

function clean(s: string): string {
  return byRun(byRun(s, stripBold), stripUnderscore).trim();
}

/** Index of the first non-whitespace character at or after `from`. */
function skipSpace(s: string, from: number): number {
  let i = from;
  while (i < s.length && isSpace(s[i])) i++;
  return i;
}

/** After the marker: at least one whitespace character, then a rest that `.*$` can match. */
function afterMarker(line: string, end: number): string | null {
  const start = skipSpace(line, end);
  if (start === end) return null;
  const rest = line.slice(start);
  return LINE_TERMINATOR.test(rest) ? null : rest;
}

/** A heading line ("^(#{1,3})\s+(.*)$"): its level and text. */
function heading(line: string): { level: 1 | 2 | 3; text: string } | null {
  let hashes = 0;
  while (line[hashes] === "#") hashes++;
  if (hashes < 1 || hashes > 3) return null;
  const text = afterMarker(line, hashes);
  return text === null ? null : { level: hashes as 1 | 2 | 3, text };
}

/** A bullet line ("^\s*(?:[-*•–]|\d+\.)\s+(.*)$"): its text. */
function bullet(line: string): string | null {
  let i = skipSpace(line, 0);
  if ("-*•–".includes(line[i] ?? "x")) i++;
  else {
    const digits = i;
    while (line[i] >= "0" && line[i] <= "9") i++;
    if (i === digits || line[i] !== ".") return null;
    i++;
  }
  return afterMarker(line, i);
}

export function parseBlocks(content: string): Block[] {
  return content.split("\n").map((raw): Block => {
    const line = raw.trimEnd();
    if (!line.trim()) return { kind: "blank", text: "" };
    const h = heading(line);
    if (h) return { kind: (["h1", "h2", "h3"] as const)[h.level - 1], text: clean(h.text) };
    const b = bullet(line);
    if (b !== null) return { kind: "bullet", text: clean(b) };
    return { kind: "para", text: clean(line) };
  });
}

/** Longer unbroken runs are broken for pdfkit; the pieces still fill a line each. */
const MAX_UNBROKEN = 200;
const PIECE = 80;

/**
 * pdfkit re-measures the rest of a word after every line it cuts from it: quadratic in the word's
 * length (one 200,000-character word took minutes). Words no line can hold are cut here first,
 * into pieces pdfkit wraps on its own; ordinary words and URLs are left alone.
 */
function breakLongWords(text: string): string {
  return text.replace(/\S+/g, (word) => {
    if (word.length <= MAX_UNBROKEN) return word;
    const pieces: string[] = [];
    for (let i = 0; i < word.length; i += PIECE) pieces.push(word.slice(i, i + PIECE));
    return pieces.join("\n");
  });
}

/** A real, paginated PDF with selectable text (pdfkit flows text onto new pages by itself). */
export function renderPdf(title: string, content: string): Promise<Buffer> {
  const doc = new PDFDocument({ size: "A4", margins: { top: 56, bottom: 56, left: 56, right: 56 }, info: { Title: title, Creator: "JobWise" } });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  for (const parsed of parseBlocks(content)) {
    const block = { ...parsed, text: breakLongWords(parsed.text) };
    switch (block.kind) {
      case "h1":
        doc.font("Helvetica-Bold").fontSize(18).text(block.text).moveDown(0.3);
        break;
      case "h2":
        doc.moveDown(0.4).font("Helvetica-Bold").fontSize(13).text(block.text).moveDown(0.2);
        break;
      case "h3":
        doc.font("Helvetica-Bold").fontSize(11).text(block.text);
        break;
      case "bullet":
        doc.font("Helvetica").fontSize(10.5).text(`•  ${block.text}`, { indent: 12 });
        break;
      case "para":
        doc.font("Helvetica").fontSize(10.5).text(block.text);
        break;
      case "blank":
        doc.moveDown(0.5);
    }
  }
  doc.end();
  return done;
}

/** A real Word document: headings as Word headings, bullets as Word bullets. */
export async function renderDocx(title: string, content: string): Promise<Buffer> {
  const children = parseBlocks(content)
    .filter((b) => b.kind !== "blank")
    .map((b) => {
      if (b.kind === "h1") return new Paragraph({ text: b.text, heading: HeadingLevel.HEADING_1 });
      if (b.kind === "h2") return new Paragraph({ text: b.text, heading: HeadingLevel.HEADING_2 });
      if (b.kind === "h3") return new Paragraph({ text: b.text, heading: HeadingLevel.HEADING_3 });
      if (b.kind === "bullet") return new Paragraph({ children: [new TextRun(b.text)], bullet: { level: 0 } });
      return new Paragraph({ children: [new TextRun(b.text)] });
    });
  const doc = new DocxDocument({ title, creator: "JobWise", sections: [{ children }] });
  return Packer.toBuffer(doc);
}

/** Plain text: the Markdown markers removed. */
export function renderText(content: string): string {
  return parseBlocks(content)
    .map((b) => (b.kind === "bullet" ? `- ${b.text}` : b.kind === "h1" || b.kind === "h2" ? b.text.toUpperCase() : b.text))
    .join("\n");
}
