// Bold faces in PDFs: the font names pdf.js passes on with patches/pdfjs-dist+*.patch, read on
// real corpus pages and on the names the corpus uses.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { isBoldFont, readPage, type LayoutLine } from "../../../src/ingest/pdf-layout.mjs";

const CORPUS = resolve(fileURLToPath(new URL("../../..", import.meta.url)), "../shared/corpus/real-resumes");

async function firstPage(file: string, withStyles = true): Promise<LayoutLine[]> {
  // pdf.js as the extraction worker loads it: the copy pdf-parse depends on.
  const require = createRequire(createRequire(import.meta.url).resolve("pdf-parse"));
  const pdfjs = await import(pathToFileURL(require.resolve("pdfjs-dist/legacy/build/pdf.mjs")).href);
  const task = pdfjs.getDocument({ data: new Uint8Array(readFileSync(resolve(CORPUS, file))), verbosity: 0, isEvalSupported: false, disableFontFace: true, useSystemFonts: false });
  try {
    const page = await (await task.promise).getPage(1);
    const { items, styles } = await page.getTextContent();
    return readPage(items as never, page.view[2], page.view[3], withStyles ? styles : undefined);
  } finally {
    await task.destroy();
  }
}

describe("bold faces by font name", () => {
  it("reads bold, black, semibold and weight-numbered names as bold, regular/medium/light as not", () => {
    for (const name of ["CAAAAA+Roboto-Bold", "NOZFKH+Calibri,Bold", "CAAAAA+OpenSans_700wght", "LUSBAU+SourceSansPro-Black", "VJXIZO+SourceSansPro-Semibold", "GSHMKL+CMBX10", "EAAAAA+LiberationSans-BoldItalic"]) {
      expect(isBoldFont({ fontName: name }), name).toBe(true);
    }
    for (const name of ["AAAAAA+Roboto-Regular", "DAAAAA+HKGrotesk-Medium", "EAAAAA+OpenSans", "ZWQCLT+SourceSansPro-Light", "UFHLJN+CMR10", "MRJRYX+CMTI10", "Times New Roman"]) {
      expect(isBoldFont({ fontName: name }), name).toBe(false);
    }
    expect(isBoldFont({ fontName: "Arial,Bold", bold: true })).toBe(true);
  });

  it("without the patched styles (opaque ids, generic family) nothing is bold", () => {
    expect(isBoldFont({ fontFamily: "sans-serif" } as never)).toBe(false);
    expect(isBoldFont(undefined)).toBe(false);
  });
});

describe("bold lines on real pages", () => {
  it("marks Word's bold role titles and headings, not the bullets (Word 2010, Times New Roman,Bold)", async () => {
    const lines = await firstPage("word2010-huffman.pdf");
    const bold = (start: string) => lines.find((l) => l.text.startsWith(start))?.bold ?? false;
    expect(bold("Reliability Engineering Intern")).toBe(true);
    expect(bold("Experience:")).toBe(true);
    expect(bold("•\tPerformed pumping effectiveness")).toBe(false);
    expect(lines.filter((l) => l.bold).length).toBeLessThan(lines.length / 2);
  });

  it("marks a LaTeX bold-extended (CMBX) entry header (res.cls)", async () => {
    const lines = await firstPage("latex-rescls-yochum.pdf");
    expect(lines.some((l) => l.bold)).toBe(true);
    expect(lines.filter((l) => l.bold).length).toBeLessThan(lines.length / 3);
  });

  it("degrades to no bold evidence when pdf.js gives no styles", async () => {
    const lines = await firstPage("word2010-huffman.pdf", false);
    expect(lines.some((l) => l.bold)).toBe(false);
  });
});
