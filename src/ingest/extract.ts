// Text out of an uploaded file. PDF and DOCX parsing runs in worker threads with a time limit:
// pdf.js and mammoth are synchronous for long stretches, and a hostile file must neither freeze
// the API for everyone nor run forever. Plain text is decoded here; it costs a few milliseconds.
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
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
  const reply = await getPool().run(kind, bytes, opts.timeoutMs ?? DEFAULT_EXTRACT_TIMEOUT_MS, opts.maxChars);
  if (!reply.ok && reply.reason === "TOO_LONG") return fail("TOO_LONG", MESSAGES.tooLong(Number(reply.message), opts.maxChars ?? 0));
  if (!reply.ok) return fail(reply.reason, reply.message);

  const text = normalizeText(reply.text);
  if (countNonSpace(text) < MIN_TEXT_CHARACTERS) return fail("NO_TEXT", kind === "pdf" ? MESSAGES.noTextPdf : MESSAGES.noTextDocx);
  if (kind === "docx") return { ok: true, text, pages: null };
  return { ok: true, text, pages: reply.pages, lines: cleanLines(reply.lines ?? []) };
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
// Worker pool.

type WorkerReply =
  | { ok: true; text: string; pages: number | null; lines: ExtractedLine[] | null }
  | { ok: false; reason: ExtractFailureReason; message: string };

type WorkerMessage = WorkerReply & { id: number; internalError?: string };

interface Job {
  id: number;
  kind: "pdf" | "docx";
  bytes: Uint8Array;
  timeoutMs: number;
  maxChars?: number;
  resolve: (reply: WorkerReply) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  job: Job | null;
  timer: NodeJS.Timeout | null;
  /** Reused input buffer: see dispatch(). */
  scratch: SharedArrayBuffer | null;
  /** The worker's module loaded (it says so); a death before that is our bug, not the file's. */
  ready: boolean;
}

export interface ExtractPoolStats {
  /** Live worker threads. */
  workers: number;
  busy: number;
  queued: number;
  /** Workers terminated because a file ran over its time limit. */
  timedOut: number;
  /** Workers that died on their own (out of memory, crash). */
  crashed: number;
}

const WORKER_URL = new URL("./extract-worker.mjs", import.meta.url);
const MB = 1024 * 1024;
/** Inputs up to this size go through the slot's reusable buffer; larger ones are copied once. */
const MAX_SCRATCH_BYTES = 16 * MB;

class ExtractPool {
  private slots: Slot[] = [];
  private queue: Job[] = [];
  private nextId = 1;
  private timedOut = 0;
  private crashed = 0;

  constructor(private readonly size: number) {}

  run(kind: "pdf" | "docx", bytes: Uint8Array, timeoutMs: number, maxChars?: number): Promise<WorkerReply> {
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, kind, bytes, timeoutMs, maxChars, resolve, reject });
      this.pump();
    });
  }

  stats(): ExtractPoolStats {
    return {
      workers: this.slots.length,
      busy: this.slots.filter((s) => s.job).length,
      queued: this.queue.length,
      timedOut: this.timedOut,
      crashed: this.crashed,
    };
  }

  async close(): Promise<void> {
    const slots = this.slots;
    this.slots = [];
    for (const job of this.queue.splice(0)) job.reject(new Error("Extraction pool closed"));
    await Promise.all(slots.map(async (slot) => {
      if (slot.timer) clearTimeout(slot.timer);
      slot.job?.reject(new Error("Extraction pool closed"));
      await slot.worker.terminate();
    }));
  }

  private pump(): void {
    while (this.queue.length) {
      const slot = this.slots.find((s) => !s.job) ?? (this.slots.length < this.size ? this.spawn() : null);
      if (!slot) return;
      this.dispatch(slot, this.queue.shift()!);
    }
  }

  private spawn(): Slot {
    const worker = new Worker(WORKER_URL, {
      // The parent's flags may carry a TypeScript loader; the worker is plain JavaScript.
      execArgv: [],
      workerData: { maxInflateBytes },
      // Strings and objects pdf.js or mammoth build from a hostile file stop here, not at the host's limit.
      resourceLimits: { maxOldGenerationSizeMb: 512, maxYoungGenerationSizeMb: 64 },
    });
    const slot: Slot = { worker, job: null, timer: null, scratch: null, ready: false };
    worker.on("message", (reply: WorkerMessage | { ready: true }) => {
      if ("ready" in reply) slot.ready = true;
      else this.onReply(slot, reply);
    });
    worker.on("error", (error) => this.onCrash(slot, error));
    worker.on("exit", () => this.onCrash(slot, new Error("Extraction worker exited")));
    worker.unref();
    this.slots.push(slot);
    return slot;
  }

  /**
   * Posting a 5 MB Uint8Array clones it, and so does slice(): both fault in fresh memory and took
   * 20-100 ms of main-thread time per file on a busy 2-core host. Copying into a buffer the slot
   * keeps (already paged in) costs well under a millisecond; the worker copies it out on its side.
   */
  private dispatch(slot: Slot, job: Job): void {
    slot.job = job;
    slot.worker.ref();
    slot.timer = setTimeout(() => this.onTimeout(slot), job.timeoutMs);
    const length = job.bytes.length;
    if (length > MAX_SCRATCH_BYTES) {
      const copy = job.bytes.slice();
      slot.worker.postMessage({ id: job.id, kind: job.kind, bytes: copy, maxChars: job.maxChars }, [copy.buffer]);
      return;
    }
    if (!slot.scratch || slot.scratch.byteLength < length) slot.scratch = new SharedArrayBuffer(Math.ceil(length / MB) * MB);
    new Uint8Array(slot.scratch, 0, length).set(job.bytes);
    slot.worker.postMessage({ id: job.id, kind: job.kind, shared: slot.scratch, length, maxChars: job.maxChars });
  }

  private release(slot: Slot): Job | null {
    const job = slot.job;
    if (slot.timer) clearTimeout(slot.timer);
    slot.job = null;
    slot.timer = null;
    slot.worker.unref();
    return job;
  }

  private onReply(slot: Slot, reply: WorkerMessage): void {
    if (slot.job?.id !== reply.id) return;
    const job = this.release(slot)!;
    const { id: _id, internalError, ...result } = reply;
    if (internalError) job.reject(new Error(`Extraction worker failed: ${internalError}`));
    else job.resolve(result);
    this.pump();
  }

  private onTimeout(slot: Slot): void {
    const job = this.release(slot);
    this.remove(slot);
    this.timedOut++;
    // Answer only once the thread is really gone, so the caller never races a still-parsing worker.
    void slot.worker.terminate().finally(() => {
      job?.resolve({ ok: false, reason: "TIMEOUT", message: MESSAGES.timeout(job.timeoutMs) });
    });
    this.pump();
  }

  private onCrash(slot: Slot, error: Error & { code?: string }): void {
    if (!this.slots.includes(slot)) return; // already removed: timeout, close, or exit after error
    const job = this.release(slot);
    this.remove(slot);
    this.crashed++;
    if (job && !slot.ready) job.reject(new Error(`Extraction worker failed to start: ${error.message}`));
    else if (job) {
      // A running worker only dies mid-job on something the file provoked: memory, or an uncaught
      // exception deep in a parser. Libraries that fail to load are reported as internalError.
      const outOfMemory = error.code === "ERR_WORKER_OUT_OF_MEMORY";
      job.resolve(outOfMemory
        ? { ok: false, reason: job.kind === "docx" ? "ZIP_BOMB" : "CORRUPT", message: MESSAGES.outOfMemory[job.kind] }
        : { ok: false, reason: "CORRUPT", message: MESSAGES.crashed[job.kind] });
    }
    this.pump();
  }

  private remove(slot: Slot): void {
    this.slots = this.slots.filter((s) => s !== slot);
  }
}

let pool: ExtractPool | null = null;
const getPool = () => (pool ??= new ExtractPool(POOL_SIZE));

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
