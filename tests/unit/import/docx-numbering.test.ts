// DOCX list numbering (word/numbering.xml): what each numbered paragraph draws decides whether it
// becomes a bullet line. On the corpus's Word files and on snippets shaped like them.
import { execFileSync } from "node:child_process";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readDocx, readNumbering } from "../../../src/ingest/docx-layout.mjs";

const CORPUS = resolve(fileURLToPath(new URL("../../..", import.meta.url)), "../shared/corpus/real-resumes");
const part = (file: string, name: string): string => execFileSync("unzip", ["-p", resolve(CORPUS, file), name], { encoding: "utf8", maxBuffer: 1 << 26 });

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const doc = (body: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>${body}</w:body></w:document>`;
const numbered = (text: string, numId: string, ilvl = "0", extra = "") =>
  `<w:p><w:pPr>${extra}<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr></w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;
const plain = (text: string, style = "") => `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ""}<w:r><w:t>${text}</w:t></w:r></w:p>`;
const level = (ilvl: string, fmt: string, text: string) => `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="${text}"/></w:lvl>`;
const numbering = `<w:numbering ${W}>
  <w:abstractNum w:abstractNumId="0">${level("0", "bullet", "\uf0b7")}${level("1", "bullet", "o")}</w:abstractNum>
  <w:abstractNum w:abstractNumId="1">${level("0", "decimal", "%1.")}${level("1", "lowerLetter", "%2)")}</w:abstractNum>
  <w:abstractNum w:abstractNumId="2">${level("0", "none", "")}</w:abstractNum>
  <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
  <w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
  <w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>
</w:numbering>`;

describe("numbering.xml", () => {
  it("tells bullet levels from numbered ones in a real Word file (docx-word-white: numId 10 is decimal)", () => {
    const nums = readNumbering(part("docx-word-white.docx", "word/numbering.xml"));
    expect(nums.get("1")?.get("0")).toBe("bullet");
    expect(nums.get("10")?.get("0")).toBe("number");
  });

  it("reads a decimal list of achievements as bullet lines (docx-word-white)", () => {
    const file = "docx-word-white.docx";
    const { lines } = readDocx(part(file, "word/document.xml"), part(file, "word/styles.xml"), part(file, "word/numbering.xml"));
    const line = lines.find((l) => l.text.includes("Built an iOS app to view JT files"));
    expect(line?.text.startsWith("• ")).toBe(true);
  });

  it("keeps every bullet of the corpus's Word files a bullet (docx-word-hulse: 21)", () => {
    const file = "docx-word-hulse.docx";
    const { lines } = readDocx(part(file, "word/document.xml"), part(file, "word/styles.xml"), part(file, "word/numbering.xml"));
    expect(lines.filter((l) => l.text.startsWith("• ")).length).toBe(21);
  });
});

describe("numbered paragraphs", () => {
  it("bullet and numbered levels are bullet lines; numbering that draws nothing, or numId 0, is not", () => {
    const xml = doc(numbered("Led a team of five", "1") + numbered("Cut build time by 40 %", "2") + numbered("Indented only", "3") + numbered("Numbering switched off", "0") + numbered("Sub-point", "2", "1"));
    expect(readDocx(xml, undefined, numbering).lines.map((l) => l.text)).toEqual(["• Led a team of five", "• Cut build time by 40 %", "Indented only", "Numbering switched off", "• Sub-point"]);
  });

  it("a section heading in a numbered heading style stays a heading (\"1. Work Experience\")", () => {
    const xml = doc(numbered("Work Experience", "2") + plain("Acme Corp"));
    expect(readDocx(xml, undefined, numbering).lines.map((l) => l.text)).toEqual(["Work Experience", "Acme Corp"]);
  });

  it("a list style (\"List Bullet\") numbers its paragraphs through the style's own numPr; an outline level alone does not", () => {
    const styles = `<w:styles ${W}>
      <w:style w:type="paragraph" w:styleId="ListBullet"><w:name w:val="List Bullet"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
      <w:style w:type="paragraph" w:styleId="Subtitle"><w:name w:val="Subtitle"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>
    </w:styles>`;
    const xml = doc(plain("Shipped the billing service", "ListBullet") + plain("Software Engineer", "Subtitle"));
    expect(readDocx(xml, styles, numbering).lines.map((l) => l.text)).toEqual(["• Shipped the billing service", "Software Engineer"]);
  });

  it("ignores the replaced numbering a tracked change keeps (w:pPrChange)", () => {
    const change = `<w:pPrChange w:id="1" w:author="A"><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr></w:pPrChange>`;
    const xml = doc(`<w:p><w:pPr>${change}</w:pPr><w:r><w:t>EXPERIENCE</w:t></w:r></w:p>`);
    expect(readDocx(xml, undefined, numbering).lines.map((l) => l.text)).toEqual(["EXPERIENCE"]);
  });

  it("without numbering.xml a numbered paragraph is a bullet, as before", () => {
    expect(readDocx(doc(numbered("Led a team of five", "7")), undefined).lines.map((l) => l.text)).toEqual(["• Led a team of five"]);
  });
});
