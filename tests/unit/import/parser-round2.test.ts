import { describe, expect, it } from "vitest";
import { findDateRange, parseResumeText, unspaceLetters, type DraftExperience } from "../../../src/core/resume-parser.ts";

const roles = (xs: DraftExperience[]) => xs.map((e) => ({ title: e.title, company: e.company, startDate: e.startDate, endDate: e.endDate, current: e.current }));

describe("parseResumeText round 2: headings outside the vocabulary", () => {
  it.each(["Volunteering Experience", "Hospitality Experience", "Employment Record", "Nursing Employment", "INTERNSHIP EXPERIENCE"])(
    '"%s" heads the work section',
    (heading) => {
      const text = `Sam Reed
sam@example.com
${heading}
Bar Manager — The Crown Inn                               May 2019 – Present
• Ran a team of eight
Skills
Stock control, Rota planning`;
      const p = parseResumeText(text).profile;
      expect(roles(p.experiences)).toEqual([{ title: "Bar Manager", company: "The Crown Inn", startDate: "2019-05", endDate: undefined, current: true }]);
    },
  );

  it("a job title ending in Experience is not a heading", () => {
    const text = `Work History
Acme Retail                                                 2019 – 2022
Head of Customer Experience
• Ran the contact centre`;
    const p = parseResumeText(text).profile;
    expect(p.experiences).toHaveLength(1);
    expect(p.experiences[0].title).toBe("Head of Customer Experience");
  });

  it("letter-spaced PDF headings and › bullets are read", () => {
    expect(unspaceLetters("W o r k E x p e r i e n c e")).toBe("Work Experience");
    expect(unspaceLetters("Tr a i n i n g")).toBe("Training");
    expect(unspaceLetters("A team of six")).toBe("A team of six");
    const text = `E x p e r i e n c e
Line Cook \tJun '19 – Aug '21
The Harbour Grill — Cork, Ireland
› Prepped the fish section
L a n g u a g e S k i l l s
English (Native)`;
    const p = parseResumeText(text).profile;
    expect(roles(p.experiences)).toEqual([{ title: "Line Cook", company: "The Harbour Grill", startDate: "2019-06", endDate: "2021-08", current: false }]);
    expect(p.experiences[0].bullets).toEqual(["Prepped the fish section"]);
  });

  it("registration and licence entries, and a Qualifications section, are not jobs", () => {
    const text = `Career History
Leeds Teaching Hospitals, Leeds
Staff Nurse (March 2018 – present)
Cared for 12 patients a shift on a surgical ward
Registration & Licensure
Nursing and Midwifery Council, Registered Nurse No. 12A3456 (2018)
Qualifications
Bachelor of Science in Adult Nursing, University of Leeds 	2015 – 2018`;
    const p = parseResumeText(text).profile;
    expect(p.experiences).toHaveLength(1);
    expect(p.experiences[0].bullets).toEqual(["Cared for 12 patients a shift on a surgical ward"]);
    expect(p.skills.certifications.join(" ")).toContain("Nursing and Midwifery Council");
    expect(p.education).toEqual([
      expect.objectContaining({ institution: "University of Leeds", degree: "Bachelor of Science", field: "Adult Nursing", startDate: "2015", endDate: "2018" }),
    ]);
  });

  it("a Training section holding a degree and a school is the education section", () => {
    const text = `Experience
Baker — Crumbs Ltd                                          2020 – 2023
Training
Bachelor of Arts in Baking Science
Dublin Institute of Technology
Sep '16 – Jun '19`;
    const p = parseResumeText(text).profile;
    expect(p.education).toEqual([expect.objectContaining({ institution: "Dublin Institute of Technology", degree: "Bachelor of Arts", field: "Baking Science", startDate: "2016-09", endDate: "2019-06" })]);
  });
});

describe("parseResumeText round 2: labelled fields and date wording", () => {
  it("reads Employer / Position / Period / Location forms and skips the sub-heading", () => {
    const text = `Employment History
Employer: Kier Group (Manchester, UK)
Position: Quantity Surveyor
Period: Sept 2018 to date
Key achievements:
- Priced 40 variations on a hospital extension
Employer: Mace
Position: Assistant Surveyor
Location: London, UK
Period: Oct 2015 to Aug 2018
Key achievements:
- Kept the cost report for a 12-storey office block`;
    const p = parseResumeText(text).profile;
    expect(roles(p.experiences)).toEqual([
      { title: "Quantity Surveyor", company: "Kier Group", startDate: "2018-09", endDate: undefined, current: true },
      { title: "Assistant Surveyor", company: "Mace", startDate: "2015-10", endDate: "2018-08", current: false },
    ]);
    expect(p.experiences.map((e) => e.location)).toEqual(["Manchester, UK", "London, UK"]);
    expect(p.experiences[0].bullets).toEqual(["Priced 40 variations on a hospital extension"]);
  });

  it.each([
    ["Sept 2017 to Aug 2020", { startDate: "2017-09", endDate: "2020-08", current: false }],
    ["Sept 2020 to date", { startDate: "2020-09", endDate: undefined, current: true }],
    ["April 2019 — Now", { startDate: "2019-04", endDate: undefined, current: true }],
    ["Mar '19 – Jun '21", { startDate: "2019-03", endDate: "2021-06", current: false }],
  ])("parses %s", (raw, range) => {
    expect(findDateRange(raw)?.range).toEqual(range);
  });

  it("a date range glued after a title in DOCX text, with two-digit years", () => {
    const text = `Experience
Pastry ChefOct '20 – Present
Patisserie Lune — Bristol, UK
› Laminated dough for 400 croissants a day`;
    const p = parseResumeText(text).profile;
    expect(roles(p.experiences)).toEqual([{ title: "Pastry Chef", company: "Patisserie Lune", startDate: "2020-10", endDate: undefined, current: true }]);
  });
});

describe("parseResumeText round 2: company, title and entry boundaries", () => {
  const text = `Career History
St Mary's Hospital Trust, Portsmouth
Senior Physiotherapist, Musculoskeletal Outpatients (May 2020 – present)
Run a back pain class for 20 patients a week
Cut the waiting list from 14 to 6 weeks
Physio Direct, Southampton
Physiotherapist (June 2017 – April 2020)
Treated sports injuries in a private clinic
Bupa Health, Winchester
Pre-registration Physiotherapist (July 2016 – May 2017)
Completed six clinical rotations`;
  const p = parseResumeText(text).profile;

  it("a town after every company goes to the location; a department after the title stays in the title", () => {
    expect(roles(p.experiences)).toEqual([
      { title: "Senior Physiotherapist, Musculoskeletal Outpatients", company: "St Mary's Hospital Trust", startDate: "2020-05", endDate: undefined, current: true },
      { title: "Physiotherapist", company: "Physio Direct", startDate: "2017-06", endDate: "2020-04", current: false },
      { title: "Pre-registration Physiotherapist", company: "Bupa Health", startDate: "2016-07", endDate: "2017-05", current: false },
    ]);
    expect(p.experiences.map((e) => e.location)).toEqual(["Portsmouth", "Southampton", "Winchester"]);
  });

  it("a hyphenated title does not let the third job fall into the second one's bullets", () => {
    expect(p.experiences[1].bullets).toEqual(["Treated sports injuries in a private clinic"]);
    expect(p.experiences[2].bullets).toEqual(["Completed six clinical rotations"]);
  });

  it("keeps a comma in the company when only one entry has it", () => {
    const single = parseResumeText(`Experience
Smith, Jones & Partners                                     2019 – 2022
Accountant
Beta Ltd                                                    2016 – 2019
Junior Accountant`).profile;
    expect(single.experiences.map((e) => e.company)).toEqual(["Smith, Jones & Partners", "Beta Ltd"]);
  });

  it("a state code at a line end is not a connector", () => {
    const e = parseResumeText(`Internship Experience
City Water Bureau — Portland, OR
Field Intern
June 2023 - August 2023
- Sampled 20 sites`).profile.experiences;
    expect(roles(e)).toEqual([{ title: "Field Intern", company: "City Water Bureau", startDate: "2023-06", endDate: "2023-08", current: false }]);
    expect(e[0].location).toBe("Portland, OR");
  });

  it("a title glued to the company after it (DOCX) is split", () => {
    const e = parseResumeText(`Experience
Mar 2018 –PresentDenver, CO
Senior Claims AdjusterAllstate Insurance
Settled 300 property claims a year`).profile.experiences;
    expect(roles(e)).toEqual([{ title: "Senior Claims Adjuster", company: "Allstate Insurance", startDate: "2018-03", endDate: undefined, current: true }]);
  });
});

describe("parseResumeText round 2: stacked dates, degrees, skill chips", () => {
  it("dates stacked in a left column stay with their entry (plain text)", () => {
    const text = `Experience
Jan 2020 –      Court Clerk
Present         Denver District Court
Denver, CO
                - Kept the docket for two judges

Education
Sep 2014 –      University of Denver
May 2018        Bachelor of Arts in History`;
    const p = parseResumeText(text).profile;
    expect(roles(p.experiences)).toEqual([{ title: "Court Clerk", company: "Denver District Court", startDate: "2020-01", endDate: undefined, current: true }]);
    expect(p.education).toEqual([expect.objectContaining({ institution: "University of Denver", degree: "Bachelor of Arts", field: "History", startDate: "2014-09", endDate: "2018-05" })]);
  });

  it("a date range broken between the end month and its year is joined", () => {
    const p = parseResumeText(`Education
Postgraduate Diploma in Public Health, University of
Glasgow
September 2019 – June
2021`).profile;
    expect(p.education).toEqual([expect.objectContaining({ institution: "University of Glasgow", degree: "Postgraduate Diploma", field: "Public Health", endDate: "2021-06" })]);
  });

  it('"Master of <subject outside the list> in <field>" keeps the degree whole', () => {
    const p = parseResumeText(`Education
Master of Librarianship in Digital Archives
University of Sheffield
2018 – 2019`).profile;
    expect(p.education[0]).toEqual(expect.objectContaining({ degree: "Master of Librarianship", field: "Digital Archives" }));
  });

  it("skill chips run together are cut at the size the known skills show", () => {
    const p = parseResumeText(`Skills
Tools
Jira Figma Notion Slack
Methods
Usability Testing Stakeholder Interviews User Research Persona Building
Advanced Excel`).profile;
    expect(p.skills.technical).toEqual(expect.arrayContaining(["Jira", "Figma", "Notion", "Slack", "Usability Testing", "Stakeholder Interviews", "User Research", "Persona Building"]));
    expect(p.skills.technical).toContain("Advanced Excel");
  });

  it("a one-per-line skill list is not cut into words", () => {
    const p = parseResumeText(`Key Skills
AutoCAD Civil 3D
Revit
Site Supervision`).profile;
    expect(p.skills.technical).toEqual(["AutoCAD Civil 3D", "Revit", "Site Supervision"]);
  });
});
