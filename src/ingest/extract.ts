// Text out of an uploaded file. PDF and DOCX parsing runs in worker threads with a time limit:
// pdf.js and mammoth are synchronous for long stretches, and a hostile file must neither freeze
// the API for everyone nor run forever. Plain text is decoded here; it costs a few milliseconds.
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { report } from "../telemetry.ts";
import { TaskTimeoutError, TimedPool, WorkerCrashedError, type TimedPoolStats } from "../workers/timed-pool.ts";
import type { FileKind } from "./sniff.ts";
import { inspectDocxZip } from "./zip-guard.ts";

export type ExtractFailureReason = "EMPTY" | "NO_TEXT" | "ENCRYPTED" | "CORRUPT" | "ZIP_BOMB" | "TIMEOUT" | "TOO_LONG";

export interface ExtractedLine {
  text: string;
  /** 1-based page number. */
  page: number;
  /** Baseline position in PDF points from the top of the page. */
  y?: number;
  /** Left edge in PDF points. */
  x?: number;
  /** Font size in points. */
  size?: number;
  /** A paragraph gap (clearly more than the usual line pitch) or a column change precedes this line. */
  gapBefore?: boolean;
  /** Its first cell is set in bold (DOCX run properties; PDF font names, see pdf-runs.mjs). */
  bold?: boolean;
}

export type ExtractResult =
  | { ok: true; text: string; pages: number | null; lines?: ExtractedLine[] }
  /** `message` is a sentence written for the person who uploaded the file. */
  | { ok: false; reason: ExtractFailureReason; message: string };

export interface ExtractOptions {
  /** Parsing time limit once a worker has the file; the worker is terminated when it runs out. */
  timeoutMs?: number;
  /** Longest text accepted (characters); longer gives TOO_LONG, decided inside the worker. */
  maxChars?: number;
}

export const DEFAULT_EXTRACT_TIMEOUT_MS = 10_000;
/** Fewer non-space characters than this is not a document, whatever the file claims. */
export const MIN_TEXT_CHARACTERS = 20;
// One core stays free for the event loop: with every core parsing, the OS starves the main
// thread and /health stalls for hundreds of milliseconds under upload load.
const POOL_SIZE = Math.max(1, availableParallelism() - 1);
/** A dense page of text, for telling a user how long their document is. */
const CHARS_PER_PAGE = 3000;

const fail = (reason: ExtractFailureReason, message: string): ExtractResult => ({ ok: false, reason, message });

const MESSAGES = {
  empty: "This file is empty (0 bytes). Please choose the file again, or upload a different one.",
  notPdf: "This file is not a PDF, even if its name says so. Please upload the original PDF, a .docx or a .txt file.",
  truncatedPdf:
    "This PDF is incomplete: its end is missing, as happens with an interrupted download. Please download or export it again and upload the new copy.",
  notUtf8:
    "This text file is not in UTF-8, so its letters would come out garbled. Save it as UTF-8 text (in most editors: Save As › Encoding › UTF-8) and upload it again.",
  noTextPdf:
    "This PDF has no selectable text: it looks like a scan or a photo of a page. Please upload a PDF with selectable text (exported from Word, Google Docs or similar), a .docx or a .txt file.",
  noTextDocx:
    "This Word document contains almost no text (it may hold only images). Please upload a document with the text typed in, or a PDF with selectable text.",
  noTextTxt: "This text file contains almost no text. Please upload the full document.",
  tooLong: (chars: number, max: number) =>
    `This document holds about ${Math.round(chars / CHARS_PER_PAGE)} pages of text; a resume or cover letter is expected to be ` +
    `at most ${Math.round(max / CHARS_PER_PAGE)} pages. Please upload the document itself, not a collection.`,
  timeout: (ms: number) =>
    `Reading this file took longer than ${formatSeconds(ms)}, so we stopped. It may be unusually complex; ` +
    "try saving it again as a simpler PDF or as a .docx.",
  crashed: {
    pdf: "This PDF is damaged in a way that stops our reader. Try exporting or downloading it again, then upload the new copy.",
    docx: "This Word document is damaged in a way that stops our reader. Save it again as .docx from Word or LibreOffice, then upload the new copy.",
  },
  outOfMemory: {
    pdf: "This PDF needs far more memory to read than a resume or letter should, so we stopped. Please export a simpler PDF, or upload a .docx.",
    docx: "This Word document unpacks to far more data than a resume or letter should, so we stopped. Please save it again, or upload a PDF.",
  },
};

function formatSeconds(ms: number): string {
  const seconds = ms / 1000;
  return seconds >= 1 ? `${Math.round(seconds)} second${Math.round(seconds) === 1 ? "" : "s"}` : `${ms} ms`;
}

export async function extractText(bytes: Uint8Array, kind: FileKind, opts: ExtractOptions = {}): Promise<ExtractResult> {
  if (bytes.length === 0) return fail("EMPTY", MESSAGES.empty);
  if (kind === "txt") return limitLength(decodeTextFile(bytes), opts.maxChars);

  if (kind === "pdf" && !hasPdfHeader(bytes)) return fail("CORRUPT", MESSAGES.notPdf);
  if (kind === "pdf" && !hasEndOfFileMarker(bytes)) return fail("CORRUPT", MESSAGES.truncatedPdf);
  if (kind === "docx") {
    const guard = await inspectDocxZip(bytes);
    if (!guard.ok) return guard;
  }
  const reply = await runInWorker(kind, bytes, opts.timeoutMs ?? DEFAULT_EXTRACT_TIMEOUT_MS, opts.maxChars);
  if (!reply.ok && reply.reason === "TOO_LONG") return fail("TOO_LONG", MESSAGES.tooLong(Number(reply.message), opts.maxChars ?? 0));
  if (!reply.ok) return fail(reply.reason, reply.message);

  const text = normalizeText(reply.text);
  if (countNonSpace(text) < MIN_TEXT_CHARACTERS) return fail("NO_TEXT", kind === "pdf" ? MESSAGES.noTextPdf : MESSAGES.noTextDocx);
  const lines = reply.lines ? cleanLines(reply.lines) : undefined;
  return { ok: true, text, pages: reply.pages, ...(lines ? { lines } : {}) };
}

/**
 * CRLF and CR to LF, NUL and other invisible controls removed, trailing spaces trimmed, at most
 * two blank lines in a row, no leading or trailing blank lines.
 */
export function normalizeText(raw: string): string {
  return raw
    .replace(/\r\n?/g, "\n")
    .replace(/\f/g, "\n")
    .replace(/\u00a0/g, " ")
    // Controls other than tab/newline, zero-width characters and byte-order marks carry no text.
    .replace(/[\u0000-\u0008\u000b\u000e-\u001f\u007f\u200b\u200c\u200d\u2060\ufeff]/g, "")
    // Per line, from the end: /[ \t]+$/gm restarts at every blank of a run (200,000 spaces in one
    // line took minutes on the main thread).
    .split("\n")
    .map(trimEndBlanks)
    .join("\n")
    .replace(/\n{4,}/g, "\n\n\n")
    .replace(/^\n+|\n+$/g, "");
}

function trimEndBlanks(line: string): string {
  let end = line.length;
  while (end > 0 && (line.charCodeAt(end - 1) === 32 || line.charCodeAt(end - 1) === 9)) end--;
  return end === line.length ? line : line.slice(0, end);
}

function countNonSpace(text: string): number {
  return text.replace(/\s+/g, "").length;
}

function limitLength(result: ExtractResult, maxChars: number | undefined): ExtractResult {
  if (!result.ok || !maxChars || result.text.length <= maxChars) return result;
  return fail("TOO_LONG", MESSAGES.tooLong(result.text.length, maxChars));
}

function decodeTextFile(bytes: Uint8Array): ExtractResult {
  let text: string;
  try {
    text = decodeWithByteOrderMark(bytes);
  } catch {
    return fail("CORRUPT", MESSAGES.notUtf8);
  }
  const normalized = normalizeText(text);
  if (!normalized.trim()) return fail("EMPTY", MESSAGES.empty.replace("(0 bytes)", "(it holds only blank space)"));
  if (countNonSpace(normalized) < MIN_TEXT_CHARACTERS) return fail("NO_TEXT", MESSAGES.noTextTxt);
  return { ok: true, text: normalized, pages: null };
}

function decodeWithByteOrderMark(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le", { fatal: true }).decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be", { fatal: true }).decode(bytes.subarray(2));
  // TextDecoder drops a UTF-8 byte-order mark by itself.
  return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
}

function hasPdfHeader(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 1024)).indexOf("%PDF-") !== -1;
}

/**
 * A complete PDF ends with "%%EOF" (possibly followed by a little padding). A cut-off download
 * often still opens in pdf.js, which rebuilds what it can; we would then learn a style from half
 * a resume without anyone noticing.
 */
function hasEndOfFileMarker(bytes: Uint8Array): boolean {
  const tailStart = Math.max(0, bytes.length - 8 * 1024);
  return Buffer.from(bytes.buffer, bytes.byteOffset + tailStart, bytes.length - tailStart).lastIndexOf("%%EOF") !== -1;
}

function cleanLines(lines: ExtractedLine[]): ExtractedLine[] {
  return lines
    .map((line) => ({ ...line, text: normalizeText(line.text) }))
    .filter((line) => line.text.trim());
}

// ---------------------------------------------------------------------------------------------
// Worker pool: piscina through timed-pool.ts (time limit from pick-up, resource limits, a dead
// worker fails only its own task).

type WorkerReply =
  | { ok: true; text: string; pages: number | null; lines: ExtractedLine[] | null }
  | { ok: false; reason: ExtractFailureReason; message: string };

export type ExtractPoolStats = TimedPoolStats;

const WORKER_FILE = fileURLToPath(new URL("./extract-worker.mjs", import.meta.url));
const MB = 1024 * 1024;

async function runInWorker(kind: "pdf" | "docx", bytes: Uint8Array, timeoutMs: number, maxChars?: number): Promise<WorkerReply> {
  const started = performance.now();
  const reply = await askWorker(kind, bytes, timeoutMs, maxChars);
  report.extraction({ kind, outcome: reply.ok ? "ok" : reply.reason.toLowerCase(), seconds: (performance.now() - started) / 1000 });
  return reply;
}

async function askWorker(kind: "pdf" | "docx", bytes: Uint8Array, timeoutMs: number, maxChars?: number): Promise<WorkerReply> {
  // Bytes in shared memory (an upload read by readUploadBytes) are read by the worker in place;
  // anything else is structured-cloned, which is one copy.
  const input = bytes.buffer instanceof SharedArrayBuffer
    ? { kind, shared: bytes.buffer, offset: bytes.byteOffset, length: bytes.byteLength, maxChars }
    : { kind, bytes, maxChars };
  let reply: WorkerReply & { internalError?: string };
  try {
    reply = await getPool().run(input, { timeoutMs });
  } catch (error) {
    if (error instanceof TaskTimeoutError) return { ok: false, reason: "TIMEOUT", message: MESSAGES.timeout(timeoutMs) };
    // A running worker only dies mid-job on something the file provoked: memory, or an uncaught
    // exception deep in a parser. Libraries that fail to load are reported as internalError.
    if (error instanceof WorkerCrashedError) {
      return error.outOfMemory
        ? { ok: false, reason: kind === "docx" ? "ZIP_BOMB" : "CORRUPT", message: MESSAGES.outOfMemory[kind] }
        : { ok: false, reason: "CORRUPT", message: MESSAGES.crashed[kind] };
    }
    throw error;
  }
  if (reply.internalError) throw new Error(`Extraction worker failed: ${reply.internalError}`);
  return reply;
}

let pool: TimedPool | null = null;
const getPool = () => (pool ??= new TimedPool({ filename: WORKER_FILE, threads: POOL_SIZE, workerData: { maxInflateBytes } }));

let maxInflateBytes = 100 * MB;

/** Sets how much a PDF's streams may inflate to (EXTRACT_MAX_INFLATE_MB); applies to workers started after. */
export function configureExtraction(opts: { maxInflateBytes: number }): void {
  maxInflateBytes = opts.maxInflateBytes;
}

export function extractPoolStats(): ExtractPoolStats {
  return getPool().stats();
}

/** Terminates the extraction workers (graceful shutdown, end of a test file). A later call starts new ones. */
export async function closeExtractPool(): Promise<void> {
  const closing = pool;
  pool = null;
  await closing?.close();
}
