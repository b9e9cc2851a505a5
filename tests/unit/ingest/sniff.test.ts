import { describe, expect, it } from "vitest";
import { describeUnsupported, MIME_TYPES, sniffFile, type SniffResult } from "../../../src/ingest/sniff.ts";
import { buildZip, storedEntry, wordPackageParts } from "../../../scripts/fixtures/zip.ts";
import { fixture } from "./fixture-files.ts";

const bytes = (...parts: (number[] | string)[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? [...Buffer.from(p, "latin1")] : p)));

function rejected(result: SniffResult): string {
  if (result.ok) throw new Error(`expected a rejection, got ${result.kind}`);
  return result.found;
}

describe("sniffFile on the fixtures", () => {
  it.each([
    ["resume-chromium.pdf", "pdf"],
    ["cover-letter-chromium.pdf", "pdf"],
    ["resume-pdfkit.pdf", "pdf"],
    ["five-pages.pdf", "pdf"],
    ["scanned.pdf", "pdf"],
    ["encrypted.pdf", "pdf"],
    ["truncated.pdf", "pdf"],
    ["resume-libreoffice.docx", "docx"],
    ["cover-letter-libreoffice.docx", "docx"],
    ["cover-letter-docxjs.docx", "docx"],
    ["resume-word-lists.docx", "docx"],
    ["five-pages.docx", "docx"],
    ["broken-xml.docx", "docx"],
    ["zip-bomb.docx", "docx"],
    ["resume.txt", "txt"],
  ] as const)("%s is recognised as %s from its content", (name, kind) => {
    expect(sniffFile(fixture(name))).toEqual({ ok: true, kind, ext: kind, mime: MIME_TYPES[kind] });
  });

  it("sees through a Linux executable renamed to .pdf", () => {
    expect(rejected(sniffFile(fixture("executable-renamed.pdf")))).toBe("an ELF executable (a Linux program)");
  });

  it("trusts the content, not the name, when a Word file is called .pdf", () => {
    const result = sniffFile(fixture("docx-named-as.pdf"));
    expect(result.ok && result.kind).toBe("docx");
    expect(result.ok && result.ext).toBe("docx");
  });

  it("names an empty file", () => {
    expect(rejected(sniffFile(fixture("empty.pdf")))).toBe("an empty file");
  });

  it("recognises a cut-off Word download from its local headers", () => {
    expect(rejected(sniffFile(fixture("truncated.docx")))).toMatch(/incomplete or damaged Word document/);
  });
});

describe("sniffFile on other formats people upload by mistake", () => {
  it.each([
    ["a PNG image", bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], "\0\0\0\rIHDR")],
    ["a JPEG image", bytes([0xff, 0xd8, 0xff, 0xe0], "\0\x10JFIF\0")],
    ["a GIF image", bytes("GIF89a\x01\0\x01\0")],
    ["a TIFF image", bytes([0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0])],
    ["a HEIC/AVIF photo", bytes([0, 0, 0, 0x18], "ftypheic", [0, 0, 0, 0])],
    ["a Rich Text Format (.rtf) document", bytes("{\\rtf1\\ansi Jordan Rivera}")],
    ["a gzip-compressed file", bytes([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0])],
  ])("names %s", (found, data) => {
    expect(rejected(sniffFile(data))).toBe(found);
  });

  it("recognises a Windows program by its PE header", () => {
    const exe = new Uint8Array(256);
    exe.set(bytes("MZ"), 0);
    exe[0x3c] = 0x80;
    exe.set(bytes("PE\0\0"), 0x80);
    expect(rejected(sniffFile(exe))).toBe("a Windows executable (MZ)");
  });

  it("does not take a text file that happens to start with MZ for a program", () => {
    expect(sniffFile(bytes("MZ Rivera: notes for my resume, written in plain text.\n"))).toMatchObject({ ok: true, kind: "txt" });
  });

  it("tells a legacy .doc from a password-protected Word file (both OLE containers)", () => {
    const ole = (stream: string) => bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], "\0".repeat(100), [...Buffer.from(stream, "utf16le")]);
    expect(rejected(sniffFile(ole("WordDocument")))).toBe("a legacy Word .doc file (Word 97–2003, OLE format)");
    expect(rejected(sniffFile(ole("EncryptionInfo")))).toBe("a password-protected Word or Office document");
  });

  it("names ZIP-based files that are not Word documents", () => {
    const xlsx = buildZip([storedEntry("[Content_Types].xml", "<Types/>"), storedEntry("xl/workbook.xml", "<workbook/>")]);
    expect(rejected(sniffFile(xlsx))).toBe("an Excel spreadsheet (.xlsx)");
    const odt = buildZip([storedEntry("mimetype", "application/vnd.oasis.opendocument.text"), storedEntry("content.xml", "<x/>")]);
    expect(rejected(sniffFile(odt))).toBe("an OpenDocument text file (.odt)");
    const plainZip = buildZip([storedEntry("resume.pdf", "%PDF-1.4 …")]);
    expect(rejected(sniffFile(plainZip))).toBe("a ZIP archive that is not a Word document");
    const wordWithoutBody = buildZip([...wordPackageParts(), storedEntry("word/styles.xml", "<w:styles/>")]);
    expect(rejected(sniffFile(wordWithoutBody))).toMatch(/damaged Word document/);
  });
});

describe("sniffFile on text", () => {
  it("accepts UTF-8 text, with or without a byte-order mark", () => {
    expect(sniffFile(new TextEncoder().encode("Résumé — Jordan Rivera\n• Led the migration"))).toMatchObject({ ok: true, kind: "txt" });
    expect(sniffFile(bytes([0xef, 0xbb, 0xbf], "Jordan Rivera"))).toMatchObject({ ok: true, kind: "txt" });
  });

  it("accepts Notepad's UTF-16 text, marked by its byte-order mark", () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from("Jordan Rivera\r\nBackend engineer", "utf16le")]);
    expect(sniffFile(utf16)).toEqual({ ok: true, kind: "txt", ext: "txt", mime: "text/plain; charset=utf-16le" });
  });

  it("explains a Latin-1 text file instead of calling it binary", () => {
    const latin1 = Buffer.from("Curriculum vitae: José Müller, Zürich\n", "latin1");
    const found = rejected(sniffFile(new Uint8Array(latin1)));
    expect(found).toBe("a text file in an older encoding, not UTF-8");
    expect(describeUnsupported(found)).toMatch(/save it as UTF-8/i);
  });

  it("finds a PDF header behind junk that a mail gateway prepended, but not one quoted in prose", () => {
    expect(sniffFile(bytes([0, 0, 0x80, 0x12], "%PDF-1.7\n1 0 obj"))).toMatchObject({ ok: true, kind: "pdf" });
    expect(sniffFile(bytes("Notes: the export produced a file starting with %PDF-1.7 as expected.\n"))).toMatchObject({ ok: true, kind: "txt" });
  });

  it("calls unknown bytes binary data", () => {
    const noise = new Uint8Array(512).map((_, i) => (i * 73 + 11) % 256);
    expect(rejected(sniffFile(noise))).toBe("binary data");
    expect(rejected(sniffFile(bytes("plain start\0\0\0then zeros")))).toBe("binary data");
  });
});

describe("describeUnsupported", () => {
  it("says what the file is and what to upload instead", () => {
    const message = describeUnsupported("a PNG image");
    expect(message).toContain("this looks like a PNG image");
    expect(message).toMatch(/PDF, a \.docx or a \.txt/);
  });

  it("asks for a fresh copy of a damaged file rather than a different format", () => {
    expect(describeUnsupported("an incomplete or damaged Word document (the end of the file is missing)")).toMatch(/save or download it again/);
    expect(describeUnsupported("an empty file")).toMatch(/empty \(0 bytes\)/);
  });

  it("tells the owner of an old Word file how to convert it", () => {
    expect(describeUnsupported("a legacy Word .doc file (Word 97–2003, OLE format)")).toMatch(/save it as \.docx or PDF/);
  });
});
