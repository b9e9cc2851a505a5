import { db } from "../../db/client.ts";
import { LimitExceededError, NotFoundError, UnsupportedFileError, ValidationError } from "../../errors.ts";
import { sniffFile, describeUnsupported, type FileKind } from "../../ingest/sniff.ts";
import { extractText, type ExtractFailureReason, type ExtractedLine } from "../../ingest/extract.ts";
import { readUploadBytes } from "../../ingest/upload-bytes.ts";
import { displayFileName } from "../../ingest/storage.ts";
import { CpuLimitError, runCpu } from "../../workers/cpu-pool.ts";
import type { AppServices } from "../../services.ts";
import type { Viewer } from "../auth/tokens.ts";
import type { SampleType } from "../../generated/prisma/client.ts";

/** About 65 pages of dense text: far beyond any resume or letter. */
export const MAX_TEXT_CHARS = 200_000;

export interface ReadDocument {
  kind: FileKind;
  mime: string;
  text: string;
  bytes: Uint8Array;
  fileName: string;
  /** PDF and DOCX: text lines with their page, position (PDF), size and bold (DOCX). */
  lines?: ExtractedLine[];
}

/**
 * Reads an uploaded file into text, refusing with a typed error anything that is not a PDF, DOCX
 * or UTF-8 text by content, or that cannot be read. Shared by sample upload and resume import.
 */
export async function readUpload(services: AppServices, file: File | null | undefined): Promise<ReadDocument> {
  if (!file || typeof file.arrayBuffer !== "function") throw ValidationError.field(["input", "file"], "Attach a file");
  const { maxUploadBytes, extractTimeoutMs } = services.config;
  if (file.size > maxUploadBytes) {
    throw new LimitExceededError(`The file is larger than ${Math.round(maxUploadBytes / 1048576)} MB`, maxUploadBytes);
  }
  const bytes = await readUploadBytes(file, maxUploadBytes);
  const sniffed = sniffFile(bytes);
  if (!sniffed.ok) throw new UnsupportedFileError(describeUnsupported(sniffed.found), sniffed.found);
  // A book-length text is refused inside the worker: style analysis and storage of it would stall every request.
  const extracted = await extractText(bytes, sniffed.kind, { timeoutMs: extractTimeoutMs, maxChars: MAX_TEXT_CHARS });
  if (!extracted.ok) throw extractionError(extracted.reason, extracted.message, maxUploadBytes);
  return { kind: sniffed.kind, mime: sniffed.mime, text: extracted.text, bytes, fileName: displayFileName(file.name), lines: extracted.lines };
}

function extractionError(reason: ExtractFailureReason, message: string, limit: number) {
  if (reason === "TOO_LONG") return new LimitExceededError(message, MAX_TEXT_CHARS);
  if (reason === "ZIP_BOMB" || reason === "TIMEOUT") return new LimitExceededError(message, reason === "ZIP_BOMB" ? limit : null);
  return new UnsupportedFileError(message, reason.toLowerCase().replace("_", " "));
}

export async function uploadSample(services: AppServices, viewer: Viewer, input: { type: SampleType; file: File }) {
  const doc = await readUpload(services, input.file);
  // Up to 200,000 characters of statistics: off the main thread.
  const stats = await runCpu("analyzeStyle", [doc.text, input.type]).catch((e: unknown) => {
    throw e instanceof CpuLimitError ? new LimitExceededError("Reading the writing style of this document took too much time or memory; upload a shorter one.", MAX_TEXT_CHARS) : e;
  });
  const style = { ...stats, toneDescription: await services.ai.describeTone(doc.text, stats) };
  const { storage } = services;
  const storagePath = await storage.write(viewer.id, "samples", doc.kind, doc.bytes);
  let previousPath: string | null = null;
  try {
    const sample = await db().$transaction(async (tx) => {
      const previous = await tx.sampleDocument.findUnique({ where: { userId_type: { userId: viewer.id, type: input.type } } });
      previousPath = previous?.storagePath ?? null;
      const data = {
        fileName: doc.fileName,
        mimeType: doc.mime,
        sizeBytes: doc.bytes.length,
        storagePath,
        text: doc.text,
        style: style as object,
        provider: services.ai.name,
      };
      return previous
        ? tx.sampleDocument.update({ where: { id: previous.id }, data: { ...data, version: previous.version + 1 } })
        : tx.sampleDocument.create({ data: { ...data, userId: viewer.id, type: input.type, version: 1 } });
    });
    // The old file goes only once the new row is committed: a crash before leaves the old sample intact.
    if (previousPath) await storage.remove(previousPath).catch((e) => services.logger.warn("old sample file not removed", { error: e }));
    return sample;
  } catch (e) {
    await storage.remove(storagePath);
    throw e;
  }
}

export async function listSamples(viewer: Viewer) {
  return db().sampleDocument.findMany({ where: { userId: viewer.id }, orderBy: { type: "asc" } });
}

export async function getSample(viewer: Viewer, type: SampleType) {
  return db().sampleDocument.findUnique({ where: { userId_type: { userId: viewer.id, type } } });
}

export async function deleteSample(services: AppServices, viewer: Viewer, type: SampleType) {
  const sample = await getSample(viewer, type);
  if (!sample) throw new NotFoundError(type === "RESUME" ? "Resume sample" : "Cover letter sample");
  await db().sampleDocument.delete({ where: { id: sample.id } });
  await services.storage.remove(sample.storagePath);
  return sample;
}
