// The parser on snippets of real resumes (../shared/corpus/real-resumes), as the layout-aware
// reading stage hands them over. Each case names the failure family it guards.
import { describe, expect, it } from "vitest";
import { parseResumeText } from "../../../src/core/resume-parser.ts";

const roles = (text: string) =>
  parseResumeText(text).profile.experiences.map((e) => [e.title ?? null, e.company ?? null, e.startDate ?? null, e.current ? "present" : (e.endDate ?? null)]);

describe("entry headers from real resumes", () => {
  it("moderncv: 'Title, Company, City, ST.' after a left-column date (latex-moderncv-classic)", () => {
    expect(roles(`Professional Experience
October 2014–Present\tSenior Software Engineer, Trakstar, Seattle, WA.
Trakstar is platform for HR needs including performance appraisals, goal setting, and
continuous feedback.
2011–2012\tData Indexer, Institute for Health Metrics and Evaluation, Seattle, WA.
Technical documentation and metadata creation in support of the Global Health Data`)).toEqual([
      ["Senior Software Engineer", "Trakstar", "2014-10", "present"],
      ["Data Indexer", "Institute for Health Metrics and Evaluation", "2011", "2012"],
    ]);
  });

  it("plain-text look: dash leaders between company and place (prince-adams)", () => {
    const draft = parseResumeText(`EXPERIENCE

2018-2023\tSalsify ------------------------------------------------- Boston MA
Web application architecture and implementation, product dev, leadership.

2007-2009\tRDVO, Inc ------------------------------------------- Somerville MA
Software implementation, open web standards evangelism.`);
    expect(draft.profile.experiences.map((e) => [e.company, e.startDate, e.endDate])).toEqual([
      ["Salsify", "2018", "2023"],
      ["RDVO, Inc", "2007", "2009"],
    ]);
    expect(draft.profile.experiences[0].location).toBe("Boston MA");
  });

  it("'Title at CamelCaseCompany (years)' with a Tech Stack line inside each role (weasyprint-buchek)", () => {
    expect(roles(`Professional Experience

Staff Software Engineer at DebtBook (2022 - 2024)

• Built web app to manage financial accounting for local governments.

Tech Stack: Ruby, Rails, Sidekiq, JavaScript, React

Sr. Software Developer at F5 Networks (2017 - 2019)

• Maintained the customer portal.`)).toEqual([
      ["Staff Software Engineer", "DebtBook", "2022", "2024"],
      ["Sr. Software Developer", "F5 Networks", "2017", "2019"],
    ]);
  });

  it("title with a bracketed specialty above 'Company  dates' (typst-moderncv-ottenhoff)", () => {
    expect(roles(`Experience
Senior Software Engineer (Backend)\tParis, France
Microsoft\tSeptember 2018 - March 2019
• Worked on the integration of AI services into Power Apps
Software Engineer (Frontend)\tParis, France
Sqreen\tJune 2016 - August 2018
• Developed a web application to visualise security data`)).toEqual([
      ["Senior Software Engineer (Backend)", "Microsoft", "2018-09", "2019-03"],
      ["Software Engineer (Frontend)", "Sqreen", "2016-06", "2018-08"],
    ]);
  });

  it("a duration with 'years experience' after the dates (odt-libreoffice-portwood)", () => {
    expect(roles(`Experience

Excion, Web Engineer
August 2012 – Feb 2015, 3 years experience

•\tTransitioned a technology consulting firm into a WordPress Website studio`)).toEqual([["Web Engineer", "Excion", "2012-08", "2015-02"]]);
  });

  it("a state written out in the location (word2007-howell)", () => {
    const [role] = parseResumeText(`PROFESSIONAL EXPERIENCE

Desktop Support, Prisma Health, Greenville, South Carolina\tMay 2019 - Present
•\tPrimarily responsible for imaging PCs for deployment

Key Achievements:
•\tRolled out Windows 10 across Upstate locations`).profile.experiences;
    expect([role.title, role.company, role.location, role.current]).toEqual(["Desktop Support", "Prisma Health", "Greenville, South Carolina", true]);
    expect(role.bullets).toContain("Rolled out Windows 10 across Upstate locations");
  });
});

describe("every section has a place", () => {
  it("volunteer roles are imported as experiences marked with their section (latex-custom-qadir)", () => {
    const draft = parseResumeText(`Experience
Malware Researcher\tApril, 2024 – Present
Ebryx (Pvt.) Ltd.\tLahore, Pakistan
• Reverse engineered malware samples

Volunteer Experience
Cyber Security Lead\t2023 – Present
Google Developer Student Clubs\tLahore, Pakistan
• Ran workshops`);
    const exps = draft.profile.experiences;
    expect(exps.map((e) => [e.company, e.section ?? null])).toEqual([
      ["Ebryx (Pvt.) Ltd.", null],
      ["Google Developer Student Clubs", "Volunteer Experience"],
    ]);
  });
});

describe("a plain single-column DOCX (issue 10's example)", () => {
  it("'Title' / 'Company · blurb' / dates gives title and company, not two empty fields", () => {
    expect(roles(`Experience

Senior Data Engineer
Acme · Data streaming platform
Feb 2020 – Present
Built the ingestion pipeline for 2B events a day.

Analyst
Initech · Banking software
Jun 2015 – Feb 2017
Wrote the reporting jobs.`)).toEqual([
      ["Senior Data Engineer", "Acme", "2020-02", "present"],
      ["Analyst", "Initech", "2015-06", "2017-02"],
    ]);
  });
});

describe("sections", () => {
  it("roles after a sub-block heading under Experience stay experiences (latex-deedy-adato)", () => {
    expect(roles(`EXPERIENCE
PERSONAL PROJECTS & CONTENT
• Host: "Technically Religious" podcast
• Speaker: DevOpsDays, Monitorama, CloudNative, & more

PRINCIPAL DEVELOPER RELATIONS ADVOCATE
11/2021 - Present | New Relic | San Francisco, CA
• Created in-depth technical content for brand-hosted publications.

SYSTEMS MONITORING ENGINEER
05/2010 - 11/2011 | Sentinel Technologies | Chicago, IL
• Built the monitoring practice.`)).toEqual([
      ["PRINCIPAL DEVELOPER RELATIONS ADVOCATE", "New Relic", "2021-11", "present"],
      ["SYSTEMS MONITORING ENGINEER", "Sentinel Technologies", "2010-05", "2011-11"],
    ]);
  });
});
