// Parses one untrusted PDF or DOCX per task, off the main thread, as a piscina worker module
// (src/workers/timed-pool.ts). Plain JavaScript on purpose: piscina starts it without the
// TypeScript loader, both under vitest and under tsx.
// Task: { ticket, payload: { kind: "pdf" | "docx", bytes: Uint8Array } or { kind, shared: SharedArrayBuffer, offset, length }, maxChars }
// Returns { ok: true, text, pages, lines } | { ok: false, reason, message }
//       | { ok: false, internalError } when the worker itself is broken; never throws.
// The main thread (extract.ts) normalises the text and turns too-little-text into NO_TEXT.
import { workerData } from "node:worker_threads";
import { taskStarted } from "../workers/task-clock.mjs";
import { lowerThreadPriority } from "../workers/low-priority.mjs";
import { inflatedSizeOver } from "./pdf-guard.mjs";
import yauzl from "yauzl";
import { documentLines, dropRunningLines, linesToText, readPage } from "./pdf-layout.mjs";
import { decodeEntities, readDocx } from "./docx-layout.mjs";
// pdf-parse's getText() flattens each page in content order, which is not reading order for columns,
// sidebars or Chromium's headings-first output: pages are read from pdf.js text items (pdf-layout.mjs).
import { loadPdfjs } from "./pdfjs-load.mjs";

// pdf.js runs for seconds on a long document: the main thread must win the core meanwhile.
lowerThreadPriority();

const MESSAGES = {
  PDF_ENCRYPTED:
    "This PDF is password-protected, so we can't read it. Remove the password (for example, open it and print it to a new PDF) and upload it again.",
  PDF_CORRUPT:
    "This PDF is damaged or incomplete and can't be read. Try exporting or downloading it again, then upload the new copy.",
  PDF_INFLATES:
    "This PDF's compressed content unpacks to far more data than any resume holds, so we stopped reading it. Please export it again, or upload a DOCX.",
  DOCX_LYING_SIZES:
    "This .docx file unpacks to far more data than it claims, a trick real documents never use, so we stopped. Please save it again from Word, or upload a PDF.",
  DOCX_CORRUPT:
    "This Word document is damaged and can't be opened. Open it in Word or LibreOffice, save it again as .docx, and upload the new copy.",
};

let mammothModule;

async function loadMammoth() {
  mammothModule ??= (await import("mammoth")).default;
  return mammothModule;
}

async function extractPdf(bytes) {
  const pdfjs = await loadPdfjs();
  const task = pdfjs.getDocument({
    data: bytes,
    verbosity: 0,
    // Never compile font programs into JavaScript, never touch the host's fonts: text only.
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
  });
  try {
    const doc = await task.promise;
    const pages = [];
    for (let number = 1; number <= doc.numPages; number++) {
      const page = await doc.getPage(number);
      const { items, styles } = await page.getTextContent();
      const width = page.view[2] - page.view[0];
      const height = page.view[3] - page.view[1];
      pages.push({ number, width, height, lines: readPage(items, width, height, styles) });
      page.cleanup();
    }
    const kept = dropRunningLines(pages);
    const lines = documentLines(kept).map((l) => ({ text: l.text, page: l.page, y: l.y, x: l.x, size: l.size, gapBefore: l.gapBefore, bold: l.bold }));
    return { ok: true, text: linesToText(kept), pages: doc.numPages, lines };
  } catch (error) {
    if (error?.name === "PasswordException") return { ok: false, reason: "ENCRYPTED", message: MESSAGES.PDF_ENCRYPTED };
    return { ok: false, reason: "CORRUPT", message: MESSAGES.PDF_CORRUPT };
  } finally {
    await task.destroy().catch(() => {});
  }
}

/** The parts the DOCX reader needs; everything else in the package is only size-checked. */
const DOCX_PARTS = new Set(["word/document.xml", "word/styles.xml", "word/numbering.xml"]);

async function extractDocx(bytes) {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts = new Map();
  const sizes = await checkEntrySizes(buffer, parts);
  if (sizes === "LIES") return { ok: false, reason: "ZIP_BOMB", message: MESSAGES.DOCX_LYING_SIZES };
  if (sizes === "BROKEN") return { ok: false, reason: "CORRUPT", message: MESSAGES.DOCX_CORRUPT };
  // The document's own structure first: paragraphs, runs (bold, size), tabs, tables, text boxes.
  const documentXml = parts.get("word/document.xml");
  if (documentXml) {
    try {
      const { text, lines } = readDocx(documentXml, parts.get("word/styles.xml"), parts.get("word/numbering.xml"));
      if (text.replace(/\s+/g, "").length > 0) return { ok: true, text, pages: null, lines };
    } catch {
      // An XML shape the reader does not know: mammoth's reading below.
    }
  }
  return extractDocxWithMammoth(buffer);
}

/** mammoth's reading, for packages whose main part the structural reader could not use. */
async function extractDocxWithMammoth(buffer) {
  const mammoth = await loadMammoth();
  try {
    // convertToHtml rather than extractRawText: raw text drops line breaks inside a paragraph
    // ("Sincerely,<br>Name" became "Sincerely,Name") and the markers of Word's own lists.
    const result = await mammoth.convertToHtml(
      { buffer },
      // Images are never read: we only want the text, and they can be most of the file.
      { convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: "" })) },
    );
    return { ok: true, text: htmlToText(result.value), pages: null, lines: null };
  } catch {
    return { ok: false, reason: "CORRUPT", message: MESSAGES.DOCX_CORRUPT };
  }
}

/**
 * The main thread's zip guard trusted the sizes the central directory declares. A bomb can lie
 * there: declare 1 KB and inflate to gigabytes, which JSZip (inside mammoth) would hold in memory.
 * yauzl's size validation stops each entry's inflation the moment it passes its declared size,
 * so checking costs no more than the honest document.
 */
function checkEntrySizes(buffer, parts = new Map()) {
  return new Promise((resolve) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true }, (openError, zip) => {
      if (openError) return resolve("BROKEN");
      let settled = false;
      const finish = (verdict) => {
        if (settled) return;
        settled = true;
        zip.close();
        resolve(verdict);
      };
      zip.on("entry", (entry) => {
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError) return finish("BROKEN");
          const keep = DOCX_PARTS.has(entry.fileName) ? [] : null;
          if (keep) stream.on("data", (chunk) => keep.push(chunk));
          stream.on("end", () => {
            if (keep) parts.set(entry.fileName, Buffer.concat(keep).toString("utf8"));
          });
          stream.on("error", (error) => finish(/too many bytes/i.test(error.message) ? "LIES" : "BROKEN"));
          stream.on("end", () => zip.readEntry());
          if (!keep) stream.resume();
        });
      });
      zip.on("end", () => finish("OK"));
      zip.on("error", () => finish("BROKEN"));
      zip.readEntry();
    });
  });
}

/**
 * Mammoth's HTML is small and regular (p, h1-h6, ul/ol/li, table/tr/td, br, a, strong, em, img),
 * so a tag scanner is enough. Paragraphs end with a blank line; list items and table cells with
 * a line break, list items get "• " or "1. " back.
 */
export function htmlToText(html) {
  const out = [];
  const lists = [];
  let cellDepth = 0;
  const styles = { strong: 0, b: 0, em: 0, i: 0, u: 0 };
  let lastStyle = null;
  const newline = () => {
    const last = out.length ? out[out.length - 1] : "\n";
    if (!last.endsWith("\n")) out.push("\n");
  };
  const tokens = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>|([^<]+)/g;
  for (const [, closing, rawTag, text] of html.matchAll(tokens)) {
    if (text !== undefined) {
      const decoded = decodeEntities(text);
      const style = styleKey(styles);
      if (lastStyle !== null && style !== lastStyle && gluedAtStyleChange(out, decoded)) out.push("\t");
      out.push(decoded);
      lastStyle = style;
      continue;
    }
    const tag = rawTag.toLowerCase();
    if (tag in styles) styles[tag] = Math.max(0, styles[tag] + (closing ? -1 : 1));
    if (tag === "br") out.push("\n");
    else if (tag === "p" || /^h[1-6]$/.test(tag)) {
      if (closing) out.push(lists.length || cellDepth ? "\n" : "\n\n");
    } else if (tag === "ul" || tag === "ol") {
      if (closing) {
        lists.pop();
        if (!lists.length) out.push("\n");
      } else {
        newline();
        lists.push({ ordered: tag === "ol", count: 0 });
      }
    } else if (tag === "li") {
      const list = lists[lists.length - 1];
      if (closing) newline();
      else if (list) {
        list.count += 1;
        out.push("  ".repeat(lists.length - 1) + (list.ordered ? `${list.count}. ` : "• "));
      }
    } else if (tag === "td" || tag === "th") {
      if (closing) {
        cellDepth -= 1;
        newline();
      } else cellDepth += 1;
    } else if (tag === "tr" && closing) newline();
    else if (tag === "table" && closing) out.push("\n");
  }
  return out.join("");
}

function styleKey(styles) {
  return `${styles.strong + styles.b > 0}${styles.em + styles.i > 0}${styles.u > 0}`;
}

/**
 * Word lays out "**Datadog**<tab>London" or "*Sales Director*<tab>Oct 2023", and mammoth's HTML keeps
 * the runs but not the tab, so the two would read as one word ("DatadogLondon"). A tab goes back
 * where bold/italic/underline changes between two word characters. Punctuation and spaces at the
 * change ("**Skills:** Python", "**Python**, Java") are left alone, and so is sup/sub ("1<sup>st</sup>").
 * Mid-word emphasis ("**Java**Script") would be split too; that is rare in resumes and letters.
 */
function gluedAtStyleChange(out, next) {
  const prev = out.length ? out[out.length - 1] : "";
  return /[\p{L}\p{N})]$/u.test(prev) && /^[\p{L}\p{N}(]/u.test(next);
}

async function handle(message) {
  // The upload's shared buffer belongs to the request; pdf.js may keep or detach what it is given, so it gets a copy.
  const bytes = message.shared ? new Uint8Array(message.shared, message.offset ?? 0, message.length).slice() : message.bytes;
  if (message.kind === "pdf") {
    const inflated = await inflatedSizeOver(bytes, workerData?.maxInflateBytes ?? 100 * 1024 * 1024);
    if (inflated !== null) return { ok: false, reason: "ZIP_BOMB", message: MESSAGES.PDF_INFLATES };
    return extractPdf(bytes);
  }
  if (message.kind === "docx") return extractDocx(bytes);
  throw new Error(`Unsupported kind: ${message.kind}`);
}

/** A book-length text is refused here, so it is never copied back to (and normalised on) the main thread. */
function withinLimit(result, maxChars) {
  if (!result.ok || !maxChars || result.text.length <= maxChars) return result;
  return { ok: false, reason: "TOO_LONG", message: String(result.text.length) };
}

export default async function extract({ ticket, payload }) {
  taskStarted(ticket);
  try {
    return withinLimit(await handle(payload), payload.maxChars);
  } catch (error) {
    // Parse failures are answered above; reaching here means the worker itself is broken
    // (a library failed to load), which is the server's fault and must not be blamed on the file.
    return { ok: false, internalError: String(error?.stack ?? error) };
  }
}
