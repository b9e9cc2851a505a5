import { describe, expect, it } from "vitest";
import { inspectDocxZip } from "../../../src/ingest/zip-guard.ts";
import { buildZip, deflatedEntry, storedEntry, wordPackageParts } from "../../../scripts/fixtures/zip.ts";
import { fixture } from "./fixture-files.ts";

const documentXml = storedEntry("word/document.xml", "<w:document><w:body><w:p/></w:body></w:document>");

describe("inspectDocxZip", () => {
  it.each(["resume-libreoffice.docx", "cover-letter-docxjs.docx", "resume-word-lists.docx"])("lets a real Word file through: %s", async (name) => {
    expect(await inspectDocxZip(fixture(name))).toEqual({ ok: true });
  });

  it("stops the 150 MB zip bomb before anything is inflated", async () => {
    const started = performance.now();
    const result = await inspectDocxZip(fixture("zip-bomb.docx"));
    expect(result).toMatchObject({ ok: false, reason: "ZIP_BOMB" });
    expect(!result.ok && result.message).toMatch(/more than 50 MB \(it declares 150 MB\)/);
    // Reading the directory only: inflating 150 MB would take far longer than this.
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("refuses a package with thousands of parts", async () => {
    const parts = Array.from({ length: 2_001 }, (_, i) => storedEntry(`word/media/part${i}.xml`, "<x/>"));
    const result = await inspectDocxZip(buildZip([...wordPackageParts(), documentXml, ...parts]));
    expect(result).toMatchObject({ ok: false, reason: "ZIP_BOMB" });
    expect(!result.ok && result.message).toMatch(/2,004 internal parts/);
  });

  it("refuses one part that inflates more than 100:1 even when the total is small", async () => {
    const packed = await deflatedEntry("word/document.xml", new Uint8Array(64 * 1024), 32); // 2 MB of zeros
    const result = await inspectDocxZip(buildZip([...wordPackageParts(), packed]));
    expect(result).toMatchObject({ ok: false, reason: "ZIP_BOMB" });
    expect(!result.ok && result.message).toMatch(/grows \d+ times when unpacked/);
  });

  it("allows the high ratios of small XML parts", async () => {
    const packed = await deflatedEntry("word/document.xml", new Uint8Array(64 * 1024), 8); // 512 KB of zeros
    expect(await inspectDocxZip(buildZip([...wordPackageParts(), packed]))).toEqual({ ok: true });
  });

  it("reports a cut-off file as damaged", async () => {
    const result = await inspectDocxZip(fixture("truncated.docx"));
    expect(result).toMatchObject({ ok: false, reason: "CORRUPT" });
    expect(!result.ok && result.message).toMatch(/damaged/);
  });

  it("reports a ZIP without word/document.xml as not a Word document", async () => {
    const result = await inspectDocxZip(buildZip([storedEntry("notes.txt", "hello")]));
    expect(result).toMatchObject({ ok: false, reason: "CORRUPT" });
    expect(!result.ok && result.message).toMatch(/not a Word document/);
  });

  it("rejects entry names that climb out of the archive", async () => {
    const result = await inspectDocxZip(buildZip([documentXml, storedEntry("../../etc/evil.xml", "<x/>")]));
    expect(result).toMatchObject({ ok: false, reason: "CORRUPT" });
  });
});
