import { monitorEventLoopDelay } from "node:perf_hooks";
import { afterAll, describe, expect, it } from "vitest";
import { closeExtractPool, extractPoolStats, extractText, normalizeText, type ExtractResult } from "../../../src/ingest/extract.ts";
import { buildZip, deflatedEntry, wordPackageParts } from "../../../scripts/fixtures/zip.ts";
import { fixture } from "./fixture-files.ts";

afterAll(() => closeExtractPool());

function text(result: ExtractResult): string {
  if (!result.ok) throw new Error(`extraction failed: ${result.reason} ${result.message}`);
  return result.text;
}

describe("extractText from real documents", () => {
  it("reads the Chromium-printed resume, with pages and positioned lines", async () => {
    const result = await extractText(fixture("resume-chromium.pdf"), "pdf");
    expect(result.ok && result.pages).toBe(1);
    expect(text(result)).toContain("• Reduced p99 checkout latency by 38% by redesigning the ledger's PostgreSQL indexes");
    const lines = result.ok ? result.lines ?? [] : [];
    expect(lines[0]).toMatchObject({ text: "Jordan Rivera", page: 1 });
    const ys = lines.map((l) => l.y ?? NaN);
    expect(ys.every((y, i) => i === 0 || y > ys[i - 1])).toBe(true); // top to bottom
  });

  it("separates the paragraphs of a PDF letter and keeps wrapped lines together", async () => {
    const paragraphs = text(await extractText(fixture("cover-letter-chromium.pdf"), "pdf")).split("\n\n");
    expect(paragraphs).toContain("Dear Hiring Manager,");
    expect(paragraphs.filter((p) => p.startsWith("At Northwind Payments, I led the migration"))).toHaveLength(1);
    expect(paragraphs.at(-1)).toBe("Sincerely,\nJordan Rivera");
  });

  it("reads the LibreOffice DOCX resume", async () => {
    const result = await extractText(fixture("resume-libreoffice.docx"), "docx");
    expect(result.ok && result.pages).toBeNull();
    expect(text(result)).toContain("• Built an idempotent refund API that processed 2.1 million requests a month");
  });

  it("keeps line breaks inside a Word paragraph (the signature under the closing)", async () => {
    const letter = text(await extractText(fixture("cover-letter-libreoffice.docx"), "docx"));
    expect(letter).toContain("Jordan Rivera\nLisbon, Portugal");
    expect(letter.endsWith("Sincerely,\nJordan Rivera")).toBe(true);
  });

  it("gives Word's own list bullets back their marker", async () => {
    const resume = text(await extractText(fixture("resume-word-lists.docx"), "docx"));
    expect(resume).toContain("• Led the migration of 14 services from a monolith to Kubernetes");
    expect(resume.match(/^• /gm)).toHaveLength(8);
  });

  it("reads the pdfkit resume and the docx-package letter", async () => {
    expect(text(await extractText(fixture("resume-pdfkit.pdf"), "pdf"))).toContain("- Maintain the shared design system used by 6 product teams.");
    expect(text(await extractText(fixture("cover-letter-docxjs.docx"), "docx"))).toContain("I'm so excited to apply for the Product Designer role at Brightwave!");
  });

  it("reads all five pages of the long PDF and the long DOCX", async () => {
    const pdf = await extractText(fixture("five-pages.pdf"), "pdf");
    expect(pdf.ok && pdf.pages).toBe(5);
    const lines = pdf.ok ? pdf.lines ?? [] : [];
    expect(lines.find((l) => l.text === "CASE STUDY 5")?.page).toBe(5);
    expect(text(await extractText(fixture("five-pages.docx"), "docx"))).toContain("study 5, step 16");
  });

  it("reads a UTF-8 text file", async () => {
    expect(text(await extractText(fixture("resume.txt"), "txt"))).toContain("• Migrated 9 TB of shipment history");
  });
});

describe("extractText on hostile and broken files", () => {
  it.each([
    ["encrypted.pdf", "pdf", "ENCRYPTED", /password-protected/],
    ["scanned.pdf", "pdf", "NO_TEXT", /no selectable text: it looks like a scan/],
    ["truncated.pdf", "pdf", "CORRUPT", /incomplete/],
    ["executable-renamed.pdf", "pdf", "CORRUPT", /not a PDF/],
    ["empty.pdf", "pdf", "EMPTY", /empty/],
    ["truncated.docx", "docx", "CORRUPT", /damaged/],
    ["broken-xml.docx", "docx", "CORRUPT", /damaged/],
    ["zip-bomb.docx", "docx", "ZIP_BOMB", /more than 50 MB/],
  ] as const)("%s gives %s", async (name, kind, reason, message) => {
    const result = await extractText(fixture(name), kind);
    expect(result).toMatchObject({ ok: false, reason });
    expect(!result.ok && result.message).toMatch(message);
  });

  it("stops a bomb that lies about its size in the ZIP directory, without inflating it", async () => {
    const entry = await deflatedEntry("word/document.xml", new Uint8Array(1024 * 1024), 300);
    entry.uncompressedSize = 2_000; // passes the directory check, then inflates to 300 MB
    const started = performance.now();
    const result = await extractText(new Uint8Array(buildZip([...wordPackageParts(), entry])), "docx");
    expect(result).toMatchObject({ ok: false, reason: "ZIP_BOMB" });
    expect(!result.ok && result.message).toMatch(/far more data than it claims/);
    expect(performance.now() - started).toBeLessThan(3_000); // inflating 300 MB and parsing it would take far longer
  });

  it("stops a parse that runs over its time limit and terminates the worker", async () => {
    const before = extractPoolStats();
    const result = await extractText(fixture("five-pages.pdf"), "pdf", { timeoutMs: 1 });
    expect(result).toMatchObject({ ok: false, reason: "TIMEOUT" });
    expect(!result.ok && result.message).toMatch(/took longer than 1 ms/);
    const after = extractPoolStats();
    expect(after.timedOut).toBe(before.timedOut + 1);
    expect(after.busy).toBe(0);
    // The pool replaces the thread it killed.
    expect(text(await extractText(fixture("resume-chromium.pdf"), "pdf"))).toContain("Jordan Rivera");
  });

  it("keeps the main thread responsive while ten 5 MB PDFs are parsed", async () => {
    const big = padPdf(fixture("five-pages.pdf"), 5 * 1024 * 1024);
    expect(big.length).toBeGreaterThan(5 * 1024 * 1024);
    const delay = monitorEventLoopDelay({ resolution: 5 });
    delay.enable();
    const results = await Promise.all(Array.from({ length: 10 }, () => extractText(big, "pdf")));
    delay.disable();
    expect(results.every((r) => r.ok && r.pages === 5)).toBe(true);
    expect(extractPoolStats().workers).toBeLessThanOrEqual(2);
    expect(delay.max / 1e6).toBeLessThan(1000); // ms; parsing ten files takes far longer than that in all
  });
});

describe("text files and normalisation", () => {
  const encode = (s: string) => new TextEncoder().encode(s);

  it("normalises line endings, NULs, trailing spaces and runs of blank lines", () => {
    expect(normalizeText("Jordan\r\nRivera  \r\n\n\n\n\n\nSUMMARY\u0000\t\nEnd")).toBe("Jordan\nRivera\n\n\nSUMMARY\nEnd");
  });

  it("decodes UTF-16 text by its byte-order mark", async () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from("Jordan Rivera\r\nBackend engineer in Lisbon", "utf16le")]);
    expect(text(await extractText(utf16, "txt"))).toBe("Jordan Rivera\nBackend engineer in Lisbon");
  });

  it("refuses text that is not UTF-8 with advice on how to fix it", async () => {
    const result = await extractText(new Uint8Array(Buffer.from("José Müller, Zürich — curriculum vitae", "latin1")), "txt");
    expect(result).toMatchObject({ ok: false, reason: "CORRUPT" });
    expect(!result.ok && result.message).toMatch(/Save it as UTF-8/);
  });

  it("calls a text with almost nothing in it NO_TEXT, and blank space EMPTY", async () => {
    expect(await extractText(encode("Jordan Rivera\n"), "txt")).toMatchObject({ ok: false, reason: "NO_TEXT" });
    expect(await extractText(encode(" \n\t\n  "), "txt")).toMatchObject({ ok: false, reason: "EMPTY" });
  });
});

/**
 * A valid PDF of `size` bytes or more: the original plus an incremental update that adds one
 * unreferenced stream of filler, the way editors append to a PDF.
 */
function padPdf(pdf: Uint8Array, size: number): Uint8Array {
  const original = Buffer.from(pdf).toString("latin1");
  const trailer = original.slice(original.lastIndexOf("trailer"));
  const root = /\/Root\s+(\d+\s+\d+\s+R)/.exec(trailer)![1];
  const objectNumber = Number(/\/Size\s+(\d+)/.exec(trailer)![1]);
  const previousXref = Number(/startxref\s+(\d+)/.exec(trailer)![1]);
  const filler = "JobWise filler ".repeat(Math.ceil(size / 15));
  const objectOffset = pdf.length + 1;
  const body = `\n${objectNumber} 0 obj\n<< /Length ${filler.length} >>\nstream\n${filler}\nendstream\nendobj\n`;
  const xref = `xref\n${objectNumber} 1\n${String(objectOffset).padStart(10, "0")} 00000 n \n` +
    `trailer\n<< /Size ${objectNumber + 1} /Root ${root} /Prev ${previousXref} >>\nstartxref\n${pdf.length + body.length}\n%%EOF\n`;
  return new Uint8Array(Buffer.concat([Buffer.from(pdf), Buffer.from(body + xref, "latin1")]));
}
