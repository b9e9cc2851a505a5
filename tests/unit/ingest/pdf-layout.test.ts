// The layout-aware reading stage (src/ingest/pdf-layout.mjs) on pages of real resumes from the
// development corpus (../shared/corpus/real-resumes, beside the repository), each case one failure
// family of the old content-order reading.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { documentLines, dropRunningLines, normaliseItemText, readPage, type LayoutPage } from "../../../src/ingest/pdf-layout.mjs";

const CORPUS = resolve(fileURLToPath(new URL("../../..", import.meta.url)), "../shared/corpus/real-resumes");

async function read(file: string): Promise<string[]> {
  // pdf.js as the worker loads it: the copy pdf-parse depends on.
  const require = createRequire(createRequire(import.meta.url).resolve("pdf-parse"));
  const pdfjs = await import(pathToFileURL(require.resolve("pdfjs-dist/legacy/build/pdf.mjs")).href);
  const task = pdfjs.getDocument({ data: new Uint8Array(readFileSync(resolve(CORPUS, file))), verbosity: 0, isEvalSupported: false, disableFontFace: true, useSystemFonts: false });
  const doc = await task.promise;
  const pages: LayoutPage[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const { items } = await page.getTextContent();
    pages.push({ number: n, width: page.view[2], height: page.view[3], lines: readPage(items as never, page.view[2], page.view[3]) });
  }
  await task.destroy();
  return documentLines(dropRunningLines(pages)).map((l) => l.text);
}

describe("item text normalisation", () => {
  it("reads a soft hyphen drawn between dates as a dash, and drops one inside a word", () => {
    expect(normaliseItemText("Sep. 2023 \u00ad Mar. 2024")).toBe("Sep. 2023 – Mar. 2024");
    expect(normaliseItemText("\u00ad")).toBe("–");
    expect(normaliseItemText("manage\u00adment")).toBe("management");
  });

  it("folds ligatures, turns Symbol-font bullets into •, drops icon glyphs from the private-use area", () => {
    expect(normaliseItemText("Certiﬁed Proﬁles")).toBe("Certified Profiles");
    expect(normaliseItemText("\uf0b7 Led a team")).toBe("• Led a team");
    expect(normaliseItemText("\uf095 555 0100")).toBe(" 555 0100");
  });
});

describe("reading real resume pages", () => {
  it("puts a left-gutter section label on its own line (LaTeX res.cls)", async () => {
    const lines = await read("latex-rescls-yochum.pdf");
    const i = lines.indexOf("EXPERIENCE");
    expect(i).toBeGreaterThan(0);
    expect(lines[i + 1]).toBe("Staff Data Engineer, Data Science Enablement & Operations\tJune 2022 - January 2023");
    expect(lines[i + 2]).toBe("Socure\tRemote");
  });

  it("rejoins a date broken over rows of a left date column (LaTeX moderncv classic)", async () => {
    const lines = await read("latex-moderncv-classic-hautau.pdf");
    expect(lines).toContain("October 2014–Present\tSenior Software Engineer, Trakstar, Seattle, WA.");
    expect(lines).toContain("May 2014– October 2014\tSoftware Developer (contract), Whitepages, Seattle, WA.");
  });

  it("reads a contact sidebar after the main column instead of across it (LaTeX friggeri)", async () => {
    const lines = await read("latex-friggeri-sullivan.pdf");
    const experience = lines.indexOf("experience");
    expect(lines[experience + 1]).toBe("2016 – Now\tFocusVision\tPortland, Oregon");
    expect(lines.indexOf("contact")).toBeGreaterThan(experience);
    expect(lines.some((l) => /contact.*experience/.test(l))).toBe(false);
  });

  it("keeps two tight columns apart (LaTeX deedy, 2 pt gutter)", async () => {
    const lines = await read("latex-deedy-adato.pdf");
    expect(lines).toContain("11/2021 - Present | New Relic | San Francisco, CA");
    expect(lines.some((l) => l.includes("New Relic") && l.includes("\t"))).toBe(false);
  });

  it("continues the main column onto page 2 after a right sidebar (LaTeX AltaCV)", async () => {
    const lines = await read("latex-altacv-ashton.pdf");
    const bbc = lines.indexOf("BBC");
    expect(bbc).toBeGreaterThan(lines.indexOf("EXPERIENCE"));
    expect(lines.indexOf("SUMMARY")).toBeGreaterThan(bbc);
  });

  it("reads a sidebar of comparable width after the main flow when pages share its gutter (JSON Resume kendall, 6 pages)", async () => {
    const lines = await read("jsonresume-kendall-jammes.pdf");
    // Page 2's main column ends mid-sentence; page 3 continues it. The page-2 sidebar (skills,
    // publications, references) used to sit between the two halves.
    const end = lines.indexOf("secure, automated, and scalable, critical for the transition to");
    expect(end).toBeGreaterThan(0);
    expect(lines[end + 1]).toBe("5G networks.");
    expect(lines.indexOf("REFERENCES")).toBeGreaterThan(lines.indexOf("Perl programming"));
    expect(lines.indexOf("CONTACT")).toBeGreaterThan(lines.indexOf("Perl programming"));
  });

  it("keeps per-page column order on a single page of comparable columns", () => {
    const page = (number: number, at: number): LayoutPage => ({
      number,
      width: 600,
      height: 800,
      lines: [
        { text: "Main column text", x: 50, y: 100, size: 10, font: "f", gapBefore: false, column: { at, right: false } },
        { text: "Side", x: 400, y: 100, size: 10, font: "f", gapBefore: false, column: { at, right: true } },
      ],
    });
    expect(documentLines([page(1, 350)]).map((l) => l.text)).toEqual(["Main column text", "Side"]);
    // Two pages whose gutters differ by more than 3 % of the width are not one design.
    expect(documentLines([page(1, 350), page(2, 250)]).map((l) => l.text)).toEqual(["Main column text", "Side", "Main column text", "Side"]);
    expect(documentLines([page(1, 350), page(2, 355)]).map((l) => l.text)).toEqual(["Main column text", "Main column text", "Side", "Side"]);
  });

  it("drops icon-font glyphs (FontAwesome letters) from contact lines", async () => {
    const lines = await read("latex-altacv-ashton.pdf");
    expect(lines.find((l) => l.includes("Cambridge, UK"))).not.toMatch(/\bs\b|£|\b5\b/);
  });
});
