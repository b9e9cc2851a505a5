// What is this file, really? Decided from its bytes alone: the name and the MIME type a browser
// sends are whatever the user's machine guessed, and a renamed file must not reach a parser that
// was never meant for it.

export type FileKind = "pdf" | "docx" | "txt";

export type SniffResult =
  | { ok: true; kind: FileKind; ext: FileKind; mime: string }
  /** `found` names what the file is, in words its owner would recognise ("a PNG image"). */
  | { ok: false; found: string };

export const MIME_TYPES: Record<FileKind, string> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  txt: "text/plain; charset=utf-8",
};

export const EMPTY_FILE = "an empty file";

const accept = (kind: FileKind, mime = MIME_TYPES[kind]): SniffResult => ({ ok: true, kind, ext: kind, mime });
const reject = (found: string): SniffResult => ({ ok: false, found });

export function sniffFile(bytes: Uint8Array): SniffResult {
  if (bytes.length === 0) return reject(EMPTY_FILE);
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return accept("pdf");
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return sniffZip(bytes);
  const binary = sniffKnownBinary(bytes);
  if (binary) return reject(binary);
  if (hasPdfHeaderAfterJunk(bytes)) return accept("pdf");
  return sniffText(bytes);
}

/**
 * The sentence to show when a file is refused. Kept here so every caller words it the same way.
 */
export function describeUnsupported(found: string): string {
  if (found === EMPTY_FILE) return "This file is empty (0 bytes). Please choose the file again, or upload a different one.";
  if (/damaged/.test(found)) return `This file looks like ${found}. Please save or download it again and upload the new copy.`;
  if (/password-protected/.test(found)) return `This file looks like ${found}. Remove the password, save it, and upload it again.`;
  if (/^a text file/.test(found)) return `This file looks like ${found}. Please save it as UTF-8 text and upload it again.`;
  if (/legacy Word|OpenDocument text|Rich Text/.test(found)) {
    return `We can read PDF, Word (.docx) and plain-text files, but this looks like ${found}. ` +
      "Open it in Word or LibreOffice, save it as .docx or PDF, and upload that.";
  }
  return `We can read PDF, Word (.docx) and plain-text files, but this looks like ${found}. ` +
    "Please upload your document as a PDF, a .docx or a .txt file.";
}

function startsWith(bytes: Uint8Array, prefix: number[], at = 0): boolean {
  if (bytes.length < at + prefix.length) return false;
  return prefix.every((b, i) => bytes[at + i] === b);
}

function ascii(bytes: Uint8Array, start: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(start, Math.min(bytes.length, start + length)));
}

/**
 * Like Acrobat, accept a "%PDF-" header within the first 1024 bytes when what precedes it is
 * blank or binary (mail gateways and old Mac tools prepend such junk), but not inside prose: a
 * text file may well quote "%PDF-1.7".
 */
function hasPdfHeaderAfterJunk(bytes: Uint8Array): boolean {
  const at = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 1024)).indexOf("%PDF-");
  if (at <= 0) return false;
  const prefix = bytes.subarray(0, at);
  return prefix.every((b) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d) || !looksLikeText(prefix);
}

// ---------------------------------------------------------------------------------------------
// ZIP containers: DOCX, and the other Office / OpenDocument formats users confuse with it.

function sniffZip(bytes: Uint8Array): SniffResult {
  const listed = readCentralDirectoryNames(bytes);
  if (!listed) {
    const localNames = readLocalHeaderNames(bytes);
    return reject(
      localNames.some((n) => n.startsWith("word/") || n === "[Content_Types].xml")
        ? "an incomplete or damaged Word document (the end of the file is missing)"
        : "an incomplete or damaged ZIP archive",
    );
  }
  const names = new Set(listed);
  if (names.has("word/document.xml")) return accept("docx");
  if (names.has("xl/workbook.xml")) return reject("an Excel spreadsheet (.xlsx)");
  if (names.has("ppt/presentation.xml")) return reject("a PowerPoint presentation (.pptx)");
  if (names.has("mimetype")) {
    const mime = readStoredMimetype(bytes);
    if (mime === "application/vnd.oasis.opendocument.text") return reject("an OpenDocument text file (.odt)");
    if (mime === "application/epub+zip") return reject("an EPUB e-book");
    if (mime.startsWith("application/vnd.oasis.opendocument.")) return reject("an OpenDocument file (spreadsheet or presentation)");
  }
  if (names.has("[Content_Types].xml") && [...names].some((n) => n.startsWith("word/"))) {
    return reject("a damaged Word document (its main part, word/document.xml, is missing)");
  }
  return reject("a ZIP archive that is not a Word document");
}

const u16 = (b: Uint8Array, at: number) => b[at] | (b[at + 1] << 8);
const u32 = (b: Uint8Array, at: number) => (u16(b, at) + u16(b, at + 2) * 0x10000);
const u64 = (b: Uint8Array, at: number) => u32(b, at) + u32(b, at + 4) * 0x1_0000_0000;

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL_HEADER = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
/** Enough to classify any Office file; the zip guard enforces the real entry limit. */
const MAX_NAMES = 5_000;

function findEndOfCentralDirectory(bytes: Uint8Array): number {
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= lowest; at--) {
    if (u32(bytes, at) === EOCD && at + 22 + u16(bytes, at + 20) === bytes.length) return at;
  }
  // Some writers leave bytes after the comment; accept a signature whose comment length is off.
  for (let at = bytes.length - 22; at >= lowest; at--) if (u32(bytes, at) === EOCD) return at;
  return -1;
}

function readCentralDirectoryNames(bytes: Uint8Array): string[] | null {
  const eocd = findEndOfCentralDirectory(bytes);
  if (eocd < 0) return null;
  let count = u16(bytes, eocd + 10);
  let offset = u32(bytes, eocd + 16);
  if ((count === 0xffff || offset === 0xffffffff) && eocd >= 20 && u32(bytes, eocd - 20) === ZIP64_LOCATOR) {
    const zip64 = u64(bytes, eocd - 12);
    if (zip64 + 56 > bytes.length || u32(bytes, zip64) !== ZIP64_EOCD) return null;
    count = u64(bytes, zip64 + 32);
    offset = u64(bytes, zip64 + 48);
  }
  const names: string[] = [];
  const decoder = new TextDecoder("utf-8");
  let at = offset;
  for (let i = 0; i < Math.min(count, MAX_NAMES); i++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== CENTRAL_HEADER) return names.length ? names : null;
    const nameLength = u16(bytes, at + 28);
    names.push(decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)));
    at += 46 + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
  }
  return names;
}

/**
 * Without a central directory (a cut-off download) the local headers still say what was inside.
 * Writers that stream (LibreOffice, Word) put sizes after the data, so headers are found by their
 * signature rather than by hopping from one to the next.
 */
function readLocalHeaderNames(bytes: Uint8Array): string[] {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const signature = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
  const decoder = new TextDecoder("utf-8");
  const names: string[] = [];
  for (let at = buffer.indexOf(signature); at !== -1 && at + 30 <= bytes.length && names.length < 200; at = buffer.indexOf(signature, at + 4)) {
    const nameLength = u16(bytes, at + 26);
    names.push(decoder.decode(bytes.subarray(at + 30, Math.min(bytes.length, at + 30 + nameLength))));
  }
  return names;
}

/** OpenDocument stores "mimetype" first and uncompressed, precisely so it can be read like this. */
function readStoredMimetype(bytes: Uint8Array): string {
  if (u32(bytes, 0) !== LOCAL_HEADER || u16(bytes, 8) !== 0) return "";
  const nameLength = u16(bytes, 26);
  if (ascii(bytes, 30, nameLength) !== "mimetype") return "";
  const dataStart = 30 + nameLength + u16(bytes, 28);
  return ascii(bytes, dataStart, Math.min(u32(bytes, 18), 100));
}

// ---------------------------------------------------------------------------------------------
// Other binary formats, by magic number.

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function sniffKnownBinary(bytes: Uint8Array): string | null {
  if (startsWith(bytes, [0x7f, 0x45, 0x4c, 0x46])) return "an ELF executable (a Linux program)";
  if (startsWith(bytes, [0x4d, 0x5a]) && isWindowsExecutable(bytes)) return "a Windows executable (MZ)";
  for (const magic of [[0xfe, 0xed, 0xfa, 0xce], [0xfe, 0xed, 0xfa, 0xcf], [0xce, 0xfa, 0xed, 0xfe], [0xcf, 0xfa, 0xed, 0xfe]]) {
    if (startsWith(bytes, magic)) return "a macOS program (Mach-O)";
  }
  if (startsWith(bytes, OLE)) return describeOle(bytes);
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "a PNG image";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "a JPEG image";
  if (ascii(bytes, 0, 6) === "GIF87a" || ascii(bytes, 0, 6) === "GIF89a") return "a GIF image";
  if (ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 4) === "WEBP") return "a WebP image";
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return "a TIFF image";
  if (startsWith(bytes, [0x42, 0x4d]) && bytes.length > 26 && u32(bytes, 2) === bytes.length) return "a BMP image";
  if (ascii(bytes, 4, 4) === "ftyp") {
    const brand = ascii(bytes, 8, 4);
    if (/^(heic|heix|hevc|mif1|msf1|avif)$/.test(brand)) return "a HEIC/AVIF photo";
    return "a video or audio file (MP4/MOV)";
  }
  if (ascii(bytes, 0, 5) === "{\\rtf") return "a Rich Text Format (.rtf) document";
  if (ascii(bytes, 0, 4) === "%!PS") return "a PostScript file";
  if (startsWith(bytes, [0x1f, 0x8b])) return "a gzip-compressed file";
  if (startsWith(bytes, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])) return "a 7-Zip archive";
  if (ascii(bytes, 0, 6) === "Rar!\x1a\x07") return "a RAR archive";
  if (ascii(bytes, 257, 5) === "ustar") return "a tar archive";
  if (ascii(bytes, 0, 16) === "SQLite format 3\0") return "a SQLite database";
  if (ascii(bytes, 0, 4) === "ID3" || startsWith(bytes, [0xff, 0xfb])) return "an MP3 audio file";
  return null;
}

/** "MZ" alone is a weak signal (a text file can start with it); a PE header behind it is not. */
function isWindowsExecutable(bytes: Uint8Array): boolean {
  if (bytes.length < 64) return !looksLikeText(bytes);
  const peOffset = u32(bytes, 0x3c);
  if (peOffset + 4 <= bytes.length && ascii(bytes, peOffset, 4) === "PE\0\0") return true;
  return !looksLikeText(bytes);
}

/** OLE compound files hold legacy .doc/.xls/.ppt, and also every password-protected .docx. */
function describeOle(bytes: Uint8Array): string {
  const has = (name: string) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).indexOf(Buffer.from(name, "utf16le")) !== -1;
  if (has("EncryptionInfo") || has("EncryptedPackage")) return "a password-protected Word or Office document";
  if (has("WordDocument")) return "a legacy Word .doc file (Word 97–2003, OLE format)";
  if (has("Workbook") || has("Book")) return "a legacy Excel .xls spreadsheet";
  if (has("PowerPoint Document")) return "a legacy PowerPoint .ppt presentation";
  return "a legacy Microsoft Office file (OLE format)";
}

// ---------------------------------------------------------------------------------------------
// Text.

const utf8 = new TextDecoder("utf-8", { fatal: true });

function sniffText(bytes: Uint8Array): SniffResult {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    // Notepad's "Unicode": real text, just not UTF-8. extractText decodes it by its byte-order mark.
    const le = bytes[0] === 0xff;
    return decodesAs(bytes.subarray(2), le ? "utf-16le" : "utf-16be") ? accept("txt", `text/plain; charset=utf-16${le ? "le" : "be"}`) : reject("binary data");
  }
  if (bytes.includes(0)) return reject(looksLikeUtf16WithoutBom(bytes) ? "a text file in UTF-16 encoding without a byte-order mark" : "binary data");
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return reject(looksLikeLegacyText(bytes) ? "a text file in an older encoding, not UTF-8" : "binary data");
  }
  return controlCharacterShare(text) > 0.01 ? reject("binary data") : accept("txt");
}

function decodesAs(bytes: Uint8Array, encoding: "utf-16le" | "utf-16be"): boolean {
  try {
    return controlCharacterShare(new TextDecoder(encoding, { fatal: true }).decode(bytes)) <= 0.01;
  } catch {
    return false;
  }
}

/** C0 controls other than tab, line feed, form feed and carriage return never occur in real prose. */
function controlCharacterShare(text: string): number {
  if (!text.length) return 0;
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d) || c === 0x7f) controls++;
  }
  return controls / text.length;
}

function looksLikeText(bytes: Uint8Array): boolean {
  try {
    return !bytes.includes(0) && controlCharacterShare(utf8.decode(bytes)) <= 0.01;
  } catch {
    return false;
  }
}

function looksLikeUtf16WithoutBom(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 4096);
  let zeroOdd = 0;
  let zeroEven = 0;
  for (let i = 0; i < sample.length; i++) if (sample[i] === 0) (i % 2 ? zeroOdd++ : zeroEven++);
  const half = sample.length / 2;
  return zeroOdd > half * 0.7 || zeroEven > half * 0.7;
}

/** Windows-1252 / Latin-1 prose: printable ASCII with a few high bytes, no control characters. */
function looksLikeLegacyText(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 64 * 1024);
  let high = 0;
  for (const b of sample) {
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) return false;
    if (b >= 0x80) high++;
  }
  return high / sample.length < 0.3;
}
