// One test block per parser stage (src/core/resume/*), each on snippets of real resumes from
// ../shared/corpus/real-resumes as the reading stage hands them over. The file a snippet comes
// from is named; the family it stands for is what the assertion is about.
import { describe, expect, it } from "vitest";
import { findDateRange, parseDate } from "../../../src/core/resume/dates.ts";
import { parseResumeText } from "../../../src/core/resume/draft.ts";
import { institutionInProse } from "../../../src/core/resume/education.ts";
import { toLines, unspaceLetters } from "../../../src/core/resume/lines.ts";
import { splitSections } from "../../../src/core/resume/sections.ts";
import { entrySegments, isSentenceCaseTitle, joinDualTitles, segmentEntries } from "../../../src/core/resume/entries.ts";
import { guessRoles, splitSegments } from "../../../src/core/resume/roles.ts";
import { looksLikeLocation, parseContact } from "../../../src/core/resume/contact.ts";

// latex-moderncv-classic-hautau: left-column dates, "Title, Company, City, ST." after a tab.
const MODERNCV = `Professional Experience
October 2014–Present\tSenior Software Engineer, Trakstar, Seattle, WA.
Trakstar is platform for HR needs including performance appraisals, goal setting, and
continuous feedback.
2011–2012\tData Indexer, Institute for Health Metrics and Evaluation, Seattle, WA.
Technical documentation and metadata creation in support of the Global Health Data
Education
2008–2012\tBachelor of Science, University of Washington, Seattle, WA.`;

// typst-moderncv-ottenhoff: title and location on one line, company and dates on the next.
const OTTENHOFF = `Experience
Senior Software Engineer (Backend)\tParis, France
Microsoft\tSeptember 2018 - March 2019
• Worked on the integration of AI services into Power Apps
Software Engineer (Frontend)\tParis, France
Sqreen\tJune 2016 - August 2018
• Built the dashboard`;

describe("stage layout (lines.ts)", () => {
  it("keeps a tab between a left date column and the entry text (moderncv)", () => {
    const lines = toLines(MODERNCV, undefined);
    expect(lines[1]).toEqual({ text: "October 2014–Present\tSenior Software Engineer, Trakstar, Seattle, WA.", bullet: false, blankBefore: false });
  });

  it("splits a right-aligned date glued onto a DOCX run and marks bullet lines (docx-word family)", () => {
    expect(toLines("Volvo CarsJan 2019 – Present\n• Built the telemetry pipeline", undefined).map((l) => [l.text, l.bullet])).toEqual([
      ["Volvo Cars\tJan 2019 – Present", false],
      ["Built the telemetry pipeline", true],
    ]);
  });

  it("drops a running header repeated on the same spot of every page (multi-page PDFs)", () => {
    const lines = toLines("", {
      lines: [
        { text: "Jane Doe – Resume", page: 1, y: 20 },
        { text: "Acme", page: 1, y: 100 },
        { text: "Jane Doe – Resume", page: 2, y: 20 },
        { text: "Beta", page: 2, y: 100 },
      ],
    });
    expect(lines.map((l) => l.text)).toEqual(["Acme", "Beta"]);
  });

  it("re-joins letter-spaced headings (Canva / InDesign tracking)", () => {
    expect(unspaceLetters("K i t c h e n E x p e r i e n c e")).toBe("Kitchen Experience");
    expect(unspaceLetters("Built a web app")).toBe("Built a web app");
  });
});

describe("stage sections (sections.ts)", () => {
  it("cuts experience and education at their headings; the lines before are the header", () => {
    const sections = splitSections(toLines(MODERNCV, undefined));
    expect(sections.map((s) => [s.kind, s.heading, s.lines.length])).toEqual([
      ["header", "", 0],
      ["experience", "Professional Experience", 5],
      ["education", "Education", 1],
    ]);
  });
});

describe("stage entries (entries.ts)", () => {
  it("one entry per dated header line, body lines below it (moderncv)", () => {
    const exp = splitSections(toLines(MODERNCV, undefined)).find((s) => s.kind === "experience")!;
    const entries = segmentEntries(exp.lines);
    expect(entries.map((e) => [e.header.length, e.dates?.range.startDate, e.dates?.range.current, e.body.length])).toEqual([
      [1, "2014-10", true, 2],
      [1, "2011", false, 1],
    ]);
  });

  it("takes the undated title line above the dated company line into the same entry (ottenhoff)", () => {
    const exp = splitSections(toLines(OTTENHOFF, undefined)).find((s) => s.kind === "experience")!;
    const entries = segmentEntries(exp.lines);
    expect(entries.map((e) => e.header.map((l) => l.text))).toEqual([
      ["Senior Software Engineer (Backend)\tParis, France", "Microsoft\tSeptember 2018 - March 2019"],
      ["Software Engineer (Frontend)\tParis, France", "Sqreen\tJune 2016 - August 2018"],
    ]);
  });
});

describe("stage fields (roles.ts, dates.ts, contact.ts)", () => {
  it("splits header cells at tabs and wide gaps", () => {
    expect(splitSegments("Senior Software Engineer (Backend)\tParis, France")).toEqual(["Senior Software Engineer (Backend)", "Paris, France"]);
  });

  it("tells title, company and trailing location apart in 'Title, Company, City, ST.' (moderncv)", () => {
    const exp = splitSections(toLines(MODERNCV, undefined)).find((s) => s.kind === "experience")!;
    const guesses = segmentEntries(exp.lines).map((e) => guessRoles(entrySegments(e)));
    expect(guesses.map((g) => [g.title?.text, g.company?.text, g.location])).toEqual([
      ["Senior Software Engineer", "Trakstar", "Seattle, WA"],
      ["Data Indexer", "Institute for Health Metrics and Evaluation", "Seattle, WA"],
    ]);
  });

  it("reads dates as written in real resumes", () => {
    expect(parseDate("09/2022")).toBe("2022-09");
    expect(findDateRange("Microsoft\tSeptember 2018 - March 2019")?.range).toMatchObject({ startDate: "2018-09", endDate: "2019-03", current: false });
    expect(findDateRange("Data Analyst 09/2022 – Current.")?.range).toMatchObject({ startDate: "2022-09", current: true });
  });

  it("reads name, email and links from a header block (contact line with separators)", () => {
    const header = toLines("Jane Doe\njane.doe@example.com | (206) 555-0199 | github.com/janedoe | Seattle, WA", undefined);
    const c = parseContact(header, []);
    expect([c.fullName, c.email, c.location]).toEqual(["Jane Doe", "jane.doe@example.com", "Seattle, WA"]);
  });
});

describe("failure families (round 4)", () => {
  it("several places for one role and a street address are locations, not companies (gdocs-nguyen, docx-word-hulse)", () => {
    expect(looksLikeLocation("Costa Mesa, CA & Anaheim, CA")).toBe(true);
    expect(looksLikeLocation("Hopkinsville, KY & Clarksville, TN")).toBe(true);
    expect(looksLikeLocation("11951 Beach Blvd Suite L, Stanton, CA 90680")).toBe(true);
    expect(looksLikeLocation("801 5th Ave Seattle, WA 98104")).toBe(true);
    expect(looksLikeLocation("Smith & Jones")).toBe(false);
    expect(looksLikeLocation("3M Company")).toBe(false);
  });

  it("a left-gutter label wrapped over two lines becomes the section heading (gdocs-nguyen)", () => {
    const lines = toLines("PROFESSIONAL\tKumon Math & Reading Staff\tSep 2021 – Dec 2022\nEXPERIENCE\n• Work with students on their assignments", undefined);
    const sections = splitSections(lines);
    expect(sections.map((s) => [s.kind, s.heading, s.lines.map((l) => l.text)])).toEqual([
      ["header", "", []],
      ["experience", "PROFESSIONAL EXPERIENCE", ["Kumon Math & Reading Staff\tSep 2021 – Dec 2022", "Work with students on their assignments"]],
    ]);
  });

  it("' - ' with a qualifier stays inside the title before ', Company' (jsonresume-elegant)", () => {
    const line = "Technical Marketing Manager - Service Providers, F5 Inc.";
    expect(joinDualTitles(splitSegments(line), line)).toEqual(["Technical Marketing Manager - Service Providers, F5 Inc."]);
    // Without a comma tail the part after the dash is the company.
    expect(joinDualTitles(splitSegments("Software Engineer - Acme Corp"), "Software Engineer - Acme Corp")).toEqual(["Software Engineer", "Acme Corp"]);
  });

  it("'Independent / Contract (Remote)' is one employer name (latex-rendercv-alejandro)", () => {
    const line = "Independent / Contract (Remote)";
    expect(joinDualTitles(splitSegments(line), line)).toEqual(["Independent / Contract (Remote)"]);
    expect(joinDualTitles(splitSegments("Acme / Globex"), "Acme / Globex")).toEqual(["Acme", "Globex"]);
  });
});

describe("failure family 'Title, Unit' above 'Parent organisation  dates' (docx-word-shropshire)", () => {
  it("keeps the unit out of the title and the parent as the company", () => {
    const draft = parseResumeText(`Professional Experience

Circulation Staff, Wyndham Robertson Library

Hollins University 2005-2006

• Trained and supervised 20 work study students.

Circulation Supervisor, Wyndham Robertson Library

Hollins University 2003-2006

• Completed archival and inventory projects.`);
    expect(draft.profile.experiences.map((e) => [e.title, e.company])).toEqual([
      ["Circulation Staff", "Hollins University"],
      ["Circulation Supervisor", "Hollins University"],
    ]);
  });

  it("a comma tail that is not an organisation stays in the title ('Lead Pharmacist, Acute Medicine')", () => {
    const draft = parseResumeText(`Experience
Lead Pharmacist, Acute Medicine
Royal Free Hospital\tJan 2019 – Present
• Led the ward pharmacy team`);
    expect(draft.profile.experiences[0].title).toBe("Lead Pharmacist, Acute Medicine");
  });
});

describe("education fields (education.ts)", () => {
  it("'Organisation, Place' is not a place (latex-altacv-ashton); 'University Park, PA' still is", () => {
    expect(looksLikeLocation("Aberystwyth University, Wales")).toBe(false);
    expect(looksLikeLocation("University Park, PA")).toBe(true);
    const draft = parseResumeText(`Education
Aberystwyth University, Wales
B.Eng. in Software Engineering
Sept 2011 – June 2015`);
    expect(draft.profile.education.map((e) => [e.institution, e.degree])).toEqual([["Aberystwyth University", "B.Eng."]]);
  });

  it("an institution inside a sentence (indesign-graves)", () => {
    expect(institutionInProse("Bacholer of Science: Communication and Informations Design, with a minor in computer science from SUNY Polytechnic Institute.")).toBe("SUNY Polytechnic Institute");
    expect(institutionInProse("Georgian College, Ontario Advanced College Diploma in Aviation Mgmt")).toBe("Georgian College");
  });

  it("'School, Programme' keeps the part with an organisation cue (wkhtmltopdf-duke)", () => {
    const draft = parseResumeText(`Education
Lighthouse Labs, Web Development (Immersive)\t2017`);
    expect(draft.profile.education[0]?.institution).toBe("Lighthouse Labs");
  });
});

describe("entry header families (macos-quartz-jackson)", () => {
  it("'Company - Place' above a title line, and a sentence-case title ('Lead sales associate')", () => {
    expect(isSentenceCaseTitle("Lead sales associate")).toBe(true);
    expect(isSentenceCaseTitle("Promoted to sales lead 2 weeks into the start of the job")).toBe(false);
    const draft = parseResumeText(`Relevant Experience
Walmart - Newberry, SC
Employee
November 2022 - April 2023
● Worked as a team member fulfilling online orders and delivery

Dollar General - Prosperity, SC
Lead sales associate
April 2025 - September 2025
● Promoted to sales lead 2 weeks into the start of the job`);
    expect(draft.profile.experiences.map((e) => [e.title, e.company, e.location])).toEqual([
      ["Employee", "Walmart", "Newberry, SC"],
      ["Lead sales associate", "Dollar General", "Prosperity, SC"],
    ]);
  });
});

describe("entry header family 'employer header, blurb and URL, then the dates' (jsonresume-kendall-jammes)", () => {
  // Positioned lines as the PDF reader gives them for that theme: the employer and the position in
  // 11.6 pt, the blurb, URL and dates in 9.7 pt body text.
  const line = (text: string, size: number, gapBefore = false) => ({ text, page: 1, size, gapBefore });
  const kendall = [
    line("WORK EXPERIENCE", 14.5, true),
    line("F5 Inc.\t801 5th Ave Seattle, WA 98104", 11.6, true),
    line("Enterprise Application Delivery and Security, including Web", 9.7),
    line("Application Firewalls, and Datacenter firewalls", 9.7),
    line("https://www.f5.com", 9.7),
    line("July 2018 – July 2020", 9.7),
    line("Senior Solutions Engineer", 11.6, true),
    line("Working with large enterprise customers in the Greater Toronto Area to help architect hybrid cloud.", 9.7),
    line("Scalar Decisions", 11.6, true),
    line("Canada's leading IT solution provider, focused on security, infrastructure, and cloud.", 9.7),
    line("https://www.cdw.ca", 9.7),
    line("June 2008 – June 2014", 9.7),
    line("Sales Engineer", 11.6, true),
    line("Responsible for helping build North America's largest F5 partner, including product sales.", 9.7),
  ];

  it("marks lines set larger than the body as emphasised", () => {
    const lines = toLines("", { lines: kendall });
    expect(lines.filter((l) => l.emphasis).map((l) => l.text)).toEqual([
      "WORK EXPERIENCE",
      "F5 Inc.\t801 5th Ave Seattle, WA 98104",
      "Senior Solutions Engineer",
      "Scalar Decisions",
      "Sales Engineer",
    ]);
  });

  it("reads the employer above the blurb as this role's company, not the previous role's last bullet", () => {
    const draft = parseResumeText(kendall.map((l) => l.text).join("\n"), { lines: kendall });
    expect(draft.profile.experiences.map((e) => [e.title, e.company, e.startDate])).toEqual([
      ["Senior Solutions Engineer", "F5 Inc.", "2018-07"],
      ["Sales Engineer", "Scalar Decisions", "2008-06"],
    ]);
    expect(draft.profile.experiences[0].bullets.join(" ")).not.toContain("Scalar Decisions");
  });

  it("changes nothing without size evidence (the same text from a DOCX or a .txt)", () => {
    const draft = parseResumeText(kendall.map((l) => l.text).join("\n"));
    expect(draft.profile.experiences.some((e) => e.company === "Scalar Decisions")).toBe(false);
  });
});
