// Checks a DOCX's ZIP central directory before mammoth unpacks anything: a few hundred KB can
// declare gigabytes of XML, and mammoth (through JSZip) would inflate it all into memory.
// Only the directory is read; no entry is decompressed here.
import yauzl from "yauzl";

export interface ZipLimits {
  maxEntries: number;
  maxTotalUncompressedBytes: number;
  /** Ratio uncompressed/compressed above which an entry is refused… */
  maxCompressionRatio: number;
  /** …when the entry unpacks to more than this (small XML parts legitimately compress 100:1). */
  ratioCheckAboveBytes: number;
}

export const DOCX_ZIP_LIMITS: ZipLimits = {
  maxEntries: 2_000,
  maxTotalUncompressedBytes: 50 * 1024 * 1024,
  maxCompressionRatio: 100,
  ratioCheckAboveBytes: 1024 * 1024,
};

export type ZipGuardResult = { ok: true } | { ok: false; reason: "ZIP_BOMB" | "CORRUPT"; message: string };

const DAMAGED =
  "This Word document is damaged and can't be opened. Open it in Word or LibreOffice, save it again as .docx, and upload the new copy.";
const SAVE_AGAIN = "Please save it again from Word, or upload it as a PDF instead.";

const bomb = (message: string): ZipGuardResult => ({ ok: false, reason: "ZIP_BOMB", message });
const corrupt = (message = DAMAGED): ZipGuardResult => ({ ok: false, reason: "CORRUPT", message });
const megabytes = (n: number) => `${Math.round(n / (1024 * 1024))} MB`;

export function inspectDocxZip(bytes: Uint8Array, limits: ZipLimits = DOCX_ZIP_LIMITS): Promise<ZipGuardResult> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return new Promise((resolve) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true, autoClose: true }, (openError, zip) => {
      if (openError || !zip) return resolve(corrupt());
      let settled = false;
      const finish = (result: ZipGuardResult) => {
        if (settled) return;
        settled = true;
        zip.close();
        resolve(result);
      };

      if (zip.entryCount > limits.maxEntries) {
        return finish(bomb(
          `This .docx file holds ${zip.entryCount.toLocaleString("en-US")} internal parts; a real document has a few dozen, ` +
          `so we did not open it. ${SAVE_AGAIN}`,
        ));
      }

      let total = 0;
      let hasMainDocument = false;
      zip.on("entry", (entry: yauzl.Entry) => {
        const verdict = checkEntry(entry, limits, (total += entry.uncompressedSize));
        if (verdict) return finish(verdict);
        if (entry.fileName === "word/document.xml") hasMainDocument = true;
        zip.readEntry();
      });
      zip.on("end", () => {
        finish(hasMainDocument ? { ok: true } : corrupt(
          "This file is a ZIP archive but not a Word document (it has no word/document.xml). Please upload a .docx, a PDF or a .txt file.",
        ));
      });
      // yauzl reports a malformed directory, bad file names ("../x") and truncation here.
      zip.on("error", () => finish(corrupt()));
      zip.readEntry();
    });
  });
}

function checkEntry(entry: yauzl.Entry, limits: ZipLimits, totalSoFar: number): ZipGuardResult | null {
  if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) return corrupt();
  if (entry.isEncrypted()) {
    return corrupt("This Word document is encrypted inside its ZIP container, so we can't read it. Save an unprotected copy and upload that.");
  }
  if (totalSoFar > limits.maxTotalUncompressedBytes) {
    return bomb(
      `This .docx file would unpack to more than ${megabytes(limits.maxTotalUncompressedBytes)} ` +
      `(it declares ${megabytes(totalSoFar)}), far more than any resume or letter, so we did not open it. ` +
      `If it contains large images, remove them. ${SAVE_AGAIN}`,
    );
  }
  const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
  if (entry.uncompressedSize > limits.ratioCheckAboveBytes && ratio > limits.maxCompressionRatio) {
    return bomb(
      `This .docx file contains a part that grows ${Math.round(ratio)} times when unpacked; real documents never do, ` +
      `so we did not open it. ${SAVE_AGAIN}`,
    );
  }
  return null;
}
