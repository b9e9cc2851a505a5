// Real extractor output: PDFs printed by Chromium and DOCX written by LibreOffice
// (scripts/import-corpus/build.sh), read back with pdf-parse and mammoth as the upload path does.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import mammoth from "mammoth";
import { PDFParse } from "pdf-parse";
import { describe, expect, it } from "vitest";
import { parseResumeText } from "../../../src/core/resume-parser.ts";

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../../fixtures/import/${name}`, import.meta.url)));

async function pdfText(name: string): Promise<string> {
  const parser = new PDFParse({ data: fixture(name) });
  try {
    return (await parser.getText()).text;
  } finally {
    await parser.destroy();
  }
}

describe("imported files", () => {
  it("a DOCX resume (company-first layout) gives its employers, titles and dates", async () => {
    const { value } = await mammoth.extractRawText({ buffer: fixture("02-data-company-first.docx") });
    const draft = parseResumeText(value);
    expect(draft.profile.experiences.map((e) => [e.company, e.title, e.startDate, e.endDate ?? null, e.current])).toEqual([
      ["Lyft", "Senior Data Scientist", "2020-01", null, true],
      ["Intuit", "Data Scientist", "2017-08", "2019-12", false],
      ["Nielsen", "Data Analyst", "2015-06", "2017-07", false],
    ]);
    expect(draft.profile.education.map((e) => e.institution)).toEqual(["University of Chicago", "University of Michigan"]);
    expect(draft.confidence.overall).toBeGreaterThan(0.6);
  });

  it("a two-column PDF resume (dates in the left column) gives its employers and titles", async () => {
    const draft = parseResumeText(await pdfText("06-devops-table-two-column.pdf"));
    expect(draft.profile.experiences.map((e) => [e.company, e.title, e.startDate])).toEqual([
      ["Allegro", "Senior DevOps Engineer", "2021-02"],
      ["Sabre", "DevOps Engineer", "2018-05"],
      ["Comarch", "System Administrator", "2016-07"],
    ]);
    expect(draft.profile.experiences[0].bullets).toEqual([
      "Operate 40 Kubernetes clusters running 3,000 microservices",
      "Migrated CI from Jenkins to GitLab CI, halving median pipeline time",
      "Introduced SLOs and error budgets for the checkout domain",
    ]);
    expect(draft.profile.email).toBe("tomasz.nowak@example.pl");
  });

  it("a sidebar PDF read column by column keeps the contact details out of the experience", async () => {
    const draft = parseResumeText(await pdfText("14-support-right-sidebar.pdf"));
    expect(draft.profile.experiences.map((e) => e.company)).toEqual(["Hootsuite", "Clio", "Best Buy"]);
    expect(draft.profile.experiences[2].bullets).toEqual(["Diagnosed and repaired laptops and phones for walk-in customers"]);
    expect(draft.profile.links).toEqual([{ label: "LinkedIn", url: "https://linkedin.com/in/oliviachen" }]);
    expect(draft.profile.phone).toBe("+1 604 555 0188");
  });
});
