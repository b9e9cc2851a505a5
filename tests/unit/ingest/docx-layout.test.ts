// The DOCX reader on WordprocessingML snippets shaped like the corpus's Word and Google Docs files.
import { describe, expect, it } from "vitest";
import { readDocx, readStyles } from "../../../src/ingest/docx-layout.mjs";
import { parseAwards, readAward } from "../../../src/core/resume/awards.ts";
import { parseResumeText } from "../../../src/core/resume-parser.ts";

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"';
const doc = (body: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>${body}</w:body></w:document>`;
const run = (text: string, props = "") => `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ""}<w:t xml:space="preserve">${text}</w:t></w:r>`;
const p = (...runs: string[]) => `<w:p>${runs.join("")}</w:p>`;
const tab = "<w:r><w:tab/></w:r>";

describe("readDocx", () => {
  it("keeps the tab before right-aligned dates and marks a bold first cell", () => {
    const { lines } = readDocx(doc(p(run("Datadog", "<w:b/>"), tab, run("Oct 2023 – Present"))), undefined);
    expect(lines).toEqual([{ text: "Datadog\tOct 2023 – Present", page: 1, bold: true, gapBefore: true }]);
  });

  it("reads a table row of one-line cells as one tabbed line, a layout table cell by cell", () => {
    const cell = (...ps: string[]) => `<w:tc>${ps.join("")}</w:tc>`;
    const xml = doc(
      `<w:tbl><w:tr>${cell(p(run("Northwind Traders")))}${cell(p(run("2019 – 2022")))}</w:tr></w:tbl>` +
        `<w:tbl><w:tr>${cell(p(run("SKILLS")), p(run("Python")))}${cell(p(run("EXPERIENCE")), p(run("Acme")))}</w:tr></w:tbl>`,
    );
    expect(readDocx(xml, undefined).lines.map((l) => l.text)).toEqual(["Northwind Traders\t2019 – 2022", "SKILLS", "Python", "EXPERIENCE", "Acme"]);
  });

  it("reads a text box once: the DrawingML copy, not the VML fallback Word writes beside it", () => {
    const box = (text: string) => `<w:txbxContent>${p(run(text))}</w:txbxContent>`;
    const xml = doc(`<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps">${box("Physical Therapist Aide")}</mc:Choice><mc:Fallback>${box("Physical Therapist Aide")}</mc:Fallback></mc:AlternateContent></w:r></w:p>`);
    expect(readDocx(xml, undefined).text).toBe("Physical Therapist Aide");
  });

  it("takes bold and size from paragraph styles, lists get their bullet, line breaks split a paragraph", () => {
    const styles = `<w:styles ${W}><w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="22"/></w:rPr></w:rPrDefault></w:docDefaults>` +
      `<w:style w:type="paragraph" w:styleId="Heading1"><w:rPr><w:b/><w:sz w:val="32"/></w:rPr></w:style>` +
      `<w:style w:type="paragraph" w:styleId="Heading2"><w:basedOn w:val="Heading1"/><w:rPr><w:sz w:val="28"/></w:rPr></w:style></w:styles>`;
    expect(readStyles(styles).styles.get("Heading2")).toEqual({ bold: true, size: 14 });
    const xml = doc(
      `<w:p><w:pPr><w:pStyle w:val="Heading2"/><w:rPr><w:b w:val="0"/></w:rPr></w:pPr>${run("Experience")}</w:p>` +
        `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/></w:numPr></w:pPr>${run("Led the team")}</w:p>` +
        p(run("Sincerely,"), "<w:r><w:br/></w:r>", run("Ada")),
    );
    expect(readDocx(xml, styles).lines).toEqual([
      { text: "Experience", page: 1, size: 14, bold: true, gapBefore: true },
      { text: "• Led the team", page: 1, size: 11, gapBefore: true },
      { text: "Sincerely,", page: 1, size: 11, gapBefore: true },
      { text: "Ada", page: 1, size: 11 },
    ]);
  });

  it("refuses malformed XML rather than reading half of it", () => {
    expect(() => readDocx(doc(`<w:p>${run("Acme")}`), undefined)).toThrow(/Malformed XML/);
  });
});

describe("bold evidence in the parser (docx-word-white's family)", () => {
  it("a bold heading over a plain 'descriptor, dates' line is the employer; without bold the line is no entry header", () => {
    const text = "EXPERIENCE\n\nSiemens Product Lifecycle Management\n\nFull-time co-op positions, January 2013 – January 2016\n\n• Built an iOS app to view JT files.";
    const lines = text.split("\n").map((t) => ({ text: t, page: 1, ...(t.startsWith("Siemens") || t === "EXPERIENCE" ? { bold: true } : {}) }));
    const bold = parseResumeText(text, { lines }).profile.experiences;
    expect(bold.map((e) => [e.title, e.company, e.startDate, e.endDate])).toEqual([["Full-time co-op positions", "Siemens Product Lifecycle Management", "2013-01", "2016-01"]]);
    const plain = parseResumeText(text).profile.experiences;
    expect(plain.map((e) => e.company)).not.toContain("Siemens Product Lifecycle Management");
  });
});

describe("awards", () => {
  it("reads title, awarder, date and description from the usual shapes", () => {
    expect(readAward("Dean's List, University of Cincinnati, 2014")).toEqual({ title: "Dean's List", awarder: "University of Cincinnati", date: "2014" });
    expect(readAward("Employee of the Year – Acme Corp (2019)")).toEqual({ title: "Employee of the Year", awarder: "Acme Corp", date: "2019" });
    expect(readAward("Best Paper Award | ICSE | May 2021")).toEqual({ title: "Best Paper Award", awarder: "ICSE", date: "2021-05" });
    expect(readAward("Eagle Scout")).toEqual({ title: "Eagle Scout" });
  });

  it("a sentence under an award describes it", () => {
    const line = (text: string, bullet = false) => ({ text, bullet, blankBefore: false });
    expect(parseAwards([line("Hackathon winner, 2019"), line("Built a flood-warning app with three classmates over a weekend.")])).toEqual([
      { title: "Hackathon winner", date: "2019", summary: "Built a flood-warning app with three classmates over a weekend." },
    ]);
  });

  it("an Awards section lands in the draft's awards, not in a skipped-section warning", () => {
    const draft = parseResumeText("Ada Byron\nada@example.org\n\nHONORS AND AWARDS\n• Royal Society Fellowship, Royal Society, 2022\n• Class Medal, University of Edinburgh, 2016");
    expect(draft.profile.awards.map((a) => [a.title, a.awarder, a.date])).toEqual([
      ["Royal Society Fellowship", "Royal Society", "2022"],
      ["Class Medal", "University of Edinburgh", "2016"],
    ]);
    expect(draft.warnings.join(" ")).not.toMatch(/HONORS AND AWARDS/);
  });
});

