import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyzeStyle, DEFAULT_STYLE } from "../../../src/core/style.ts";
import type { WritingStyle } from "../../../src/core/types.ts";
import { closeExtractPool, extractText } from "../../../src/ingest/extract.ts";
import { fixture, fixtureSource } from "../ingest/fixture-files.ts";

afterAll(() => closeExtractPool());

async function extracted(name: string): Promise<string> {
  const result = await extractText(fixture(name), name.endsWith(".pdf") ? "pdf" : "docx");
  if (!result.ok) throw new Error(`${name}: ${result.reason}`);
  return result.text;
}

// The expected values below can be read off scripts/fixtures/resume.txt and cover-letter.txt.
describe("style of the sample resume (Chromium PDF and LibreOffice DOCX)", () => {
  const styles: Record<string, WritingStyle> = {};
  beforeAll(async () => {
    for (const name of ["resume-chromium.pdf", "resume-libreoffice.docx", "resume-word-lists.docx"]) {
      styles[name] = analyzeStyle(await extracted(name), "RESUME");
    }
  });

  it.each(["resume-chromium.pdf", "resume-libreoffice.docx"])("%s: past tense, • bullets, no pronouns", (name) => {
    expect(styles[name]).toMatchObject({ tense: "PAST", person: "IMPLIED", bulletMarker: "•", bulletsEndWithPeriod: false, tone: "NEUTRAL" });
  });

  it.each(["resume-chromium.pdf", "resume-libreoffice.docx"])("%s: 6 of 8 bullets carry a number", (name) => {
    expect(styles[name].numericBulletShare).toBe(0.75);
    // 97 words over 8 bullets; a wrapped PDF bullet must still count as one.
    expect(styles[name].avgBulletWords).toBe(12.1);
  });

  it.each(["resume-chromium.pdf", "resume-libreoffice.docx"])("%s: headings in order, opening verbs in base form", (name) => {
    expect(styles[name].sectionHeadings).toEqual(["SUMMARY", "EXPERIENCE", "EDUCATION", "SKILLS"]);
    expect(styles[name].topActionVerbs).toEqual(["lead", "reduce", "build", "mentor", "design", "automate", "migrate"]);
  });

  it("finds the same style whatever tool made the file", () => {
    expect(styles["resume-libreoffice.docx"]).toEqual(styles["resume-chromium.pdf"]);
    expect(styles["resume-word-lists.docx"]).toEqual(styles["resume-chromium.pdf"]);
    expect(analyzeStyle(fixtureSource("resume.txt"), "RESUME")).toEqual(styles["resume-chromium.pdf"]);
  });
});

describe("style of the sample cover letter (Chromium PDF and LibreOffice DOCX)", () => {
  it.each(["cover-letter-chromium.pdf", "cover-letter-libreoffice.docx"])("%s: formal, first person, 4 paragraphs", async (name) => {
    const style = analyzeStyle(await extracted(name), "COVER_LETTER");
    expect(style).toMatchObject({
      person: "FIRST",
      tone: "FORMAL",
      greeting: "Dear Hiring Manager,",
      closing: "Sincerely,",
      paragraphCount: 4,
      bulletMarker: null,
    });
    expect(style.toneScore).toBeGreaterThan(0.8);
    expect(style.avgSentenceWords).toBeGreaterThan(15);
  });
});

describe("styles that differ from the sample's", () => {
  it("pdfkit resume: present tense, '-' bullets ending with a period, Title Case headings", async () => {
    const style = analyzeStyle(await extracted("resume-pdfkit.pdf"), "RESUME");
    expect(style).toMatchObject({ tense: "PRESENT", bulletMarker: "-", bulletsEndWithPeriod: true, person: "IMPLIED" });
    expect(style.sectionHeadings).toEqual(["Profile", "Experience", "Education", "Skills"]);
    expect(style.topActionVerbs.slice(0, 3)).toEqual(["lead", "run", "maintain"]);
    expect(style.numericBulletShare).toBe(0.17);
  });

  it("docx-package letter: enthusiastic, 'Hello …,' and 'Best regards,', 3 paragraphs", async () => {
    const style = analyzeStyle(await extracted("cover-letter-docxjs.docx"), "COVER_LETTER");
    expect(style).toMatchObject({ tone: "ENTHUSIASTIC", person: "FIRST", greeting: "Hello Priya,", closing: "Best regards,", paragraphCount: 3 });
  });
});

describe("analyzeStyle on short texts", () => {
  it("reads present tense in a resume that only has a current role", () => {
    const style = analyzeStyle(
      ["EXPERIENCE", "Staff Engineer — Acme, 2022 – Present", "- Lead the platform team of 7 engineers", "- Own the billing roadmap",
        "- Manage a budget of $2M", "- Mentor two tech leads"].join("\n"),
      "RESUME",
    );
    expect(style).toMatchObject({ tense: "PRESENT", bulletMarker: "-", numericBulletShare: 0.5 });
    expect(style.topActionVerbs).toEqual(["lead", "own", "manage", "mentor"]);
  });

  it("calls a resume that mixes tenses evenly MIXED", () => {
    const style = analyzeStyle("EXPERIENCE\n• Lead the data team\n• Built the warehouse\n• Manage vendors\n• Designed the schema", "RESUME");
    expect(style.tense).toBe("MIXED");
  });

  it("detects first person, and third person", () => {
    const first = analyzeStyle("SUMMARY\nI build data platforms. My focus is reliability and I care about on-call health.\n", "RESUME");
    expect(first.person).toBe("FIRST");
    const third = analyzeStyle("SUMMARY\nJordan is a backend engineer. He builds payment systems and his teams ship weekly.\n", "RESUME");
    expect(third.person).toBe("THIRD");
  });

  it("tells a conversational letter from a formal one", () => {
    const letter = [
      "Hi Sam,",
      "",
      "I'm a backend developer who's spent the last few years building payment stuff at a startup. Honestly, it's been the best way to learn.",
      "",
      "I've read a bunch about your team and I think we'd get along. Happy to chat whenever works for you.",
      "",
      "Cheers,",
      "Alex",
    ].join("\n");
    const style = analyzeStyle(letter, "COVER_LETTER");
    expect(style).toMatchObject({ tone: "CONVERSATIONAL", greeting: "Hi Sam,", closing: "Cheers,", paragraphCount: 2, person: "FIRST" });
  });

  it("counts numbered lists and joins wrapped bullet lines", () => {
    const text = [
      "PROJECTS",
      "1. Designed a caching layer in front of the search API that cut the median response time from",
      "120 ms to 35 ms for 3 million daily queries.",
      "2. Wrote the migration guide used by",
      "four teams.",
      "3. Automated release notes.",
    ].join("\n");
    const style = analyzeStyle(text, "RESUME");
    expect(style.bulletMarker).toBe("1.");
    expect(style.avgBulletWords).toBe(12.7); // 27 + 8 + 3 words over 3 bullets, not 5 lines
    expect(style.bulletsEndWithPeriod).toBe(true);
    expect(style.numericBulletShare).toBe(0.33);
  });

  it("reads bullets whose marker lost its space, and Word's Symbol-font bullet from PDFs", () => {
    const glued = analyzeStyle("EXPERIENCE\n•Led the migration of 14 services\n•Built the refund API\n", "RESUME");
    expect(glued).toMatchObject({ bulletMarker: "•", numericBulletShare: 0.5 });
    const symbolFont = analyzeStyle("EXPERIENCE\n\uf0b7 Led the migration\n\uf0b7 Built the refund API\n", "RESUME");
    expect(symbolFont.bulletMarker).toBe("•");
    expect(symbolFont.topActionVerbs).toEqual(["lead", "build"]);
  });

  it("does not take a negative number or a decimal for a bullet", () => {
    const style = analyzeStyle("SUMMARY\n-5% churn after the redesign, measured over a quarter.\n2.1 million users reached in the first year of the launch.\n", "RESUME");
    expect(style.bulletMarker).toBeNull();
  });

  it("finds unmarked achievement lines under a section when there are no bullets", () => {
    const text = "EXPERIENCE\nData Engineer — Finch, 2019 – 2023\nBuilt the event pipeline for 40 services\nReduced warehouse costs by 30%\nLed the dbt migration\n";
    const style = analyzeStyle(text, "RESUME");
    expect(style).toMatchObject({ bulletMarker: null, tense: "PAST", numericBulletShare: 0.67 });
    expect(style.topActionVerbs).toEqual(["build", "reduce", "lead"]);
  });

  it("returns cover-letter fields only for cover letters", () => {
    const style = analyzeStyle("Dear Ms. Chen,\n\nI am writing to apply for the analyst role.\n\nSincerely,\nAlex", "RESUME");
    expect(style).toMatchObject({ greeting: null, closing: null, paragraphCount: null });
  });

  it("is deterministic", () => {
    const text = fixtureSource("cover-letter.txt");
    expect(analyzeStyle(text, "COVER_LETTER")).toEqual(analyzeStyle(text, "COVER_LETTER"));
  });
});

describe("DEFAULT_STYLE", () => {
  it("is the style the analyser finds in a conventional resume written to it", () => {
    const conventional = [
      "Alex Doe", "", "SUMMARY", "Engineer with a record of shipping reliable products on time and within budget for years.", "",
      "EXPERIENCE", "Engineer — Acme, 2019 – 2024",
      "• Led the launch of 3 products used by 40,000 customers across Europe",
      "• Built a reporting service that replaced four legacy tools for the finance team",
      "• Improved test coverage from 40% to 85% across all backend services",
      "• Designed the on-call process adopted by the whole engineering group",
      "", "EDUCATION", "BSc Computing — Open University",
    ].join("\n");
    const style = analyzeStyle(conventional, "RESUME");
    expect(style).toMatchObject({
      tense: DEFAULT_STYLE.tense,
      person: DEFAULT_STYLE.person,
      bulletMarker: DEFAULT_STYLE.bulletMarker,
      bulletsEndWithPeriod: DEFAULT_STYLE.bulletsEndWithPeriod,
      numericBulletShare: DEFAULT_STYLE.numericBulletShare,
      tone: DEFAULT_STYLE.tone,
    });
    expect(DEFAULT_STYLE.topActionVerbs).toEqual(expect.arrayContaining(style.topActionVerbs));
  });
});
