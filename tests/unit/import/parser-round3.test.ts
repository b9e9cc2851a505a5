import { describe, expect, it } from "vitest";
import { parseResumeText, type DraftExperience } from "../../../src/core/resume-parser.ts";

const roles = (xs: DraftExperience[]) =>
  xs.map((e) => ({ title: e.title, company: e.company, location: e.location, startDate: e.startDate, endDate: e.endDate, current: e.current }));

describe("parseResumeText round 3: profile-export durations", () => {
  it.each([
    ["(3 years 4 months)", "Mar 2022 – Present"],
    ["(1 year 8 months)", "Sep 2014 – Apr 2016"],
    ["(2 yrs 1 mo)", "Jan 2019 – Feb 2021"],
    ["· 11 months", "Jan 2019 – Nov 2019"],
  ])("a date line followed by %s still anchors the entry", (duration, range) => {
    const text = `Ola Nowak
ola@example.com

Experience
Northwind Press
Senior Correspondent
${range} ${duration}
Warsaw, Poland
- Covered courts and council meetings
- Ran the election-night live blog`;
    const [exp, ...rest] = parseResumeText(text).profile.experiences;
    expect(rest).toEqual([]);
    expect(exp.company).toBe("Northwind Press");
    expect(exp.title).toBe("Senior Correspondent");
    expect(exp.startDate).toBeDefined();
    expect(exp.bullets).toEqual(["Covered courts and council meetings", "Ran the election-night live blog"]);
  });

  it("a duration inside a sentence does not make the sentence a date line", () => {
    const text = `Experience
Northwind Press
Reporter
Jan 2019 – Feb 2021
- Spent 2 years 3 months on the courts beat before moving to politics in 2020 and more`;
    const [exp] = parseResumeText(text).profile.experiences;
    expect(exp.bullets).toEqual(["Spent 2 years 3 months on the courts beat before moving to politics in 2020 and more"]);
  });
});

describe("parseResumeText round 3: comma tail versus the company slot", () => {
  const entries = (third: string) => `Experience
Harbor Build Co                                             Mesa, AZ
Site Electrician                                            Mar 2020 to Present
* Wired retail units

Harbor Build Co                                             Mesa, AZ
Apprentice Electrician                                      Jun 2016 to Feb 2020
* Pulled wire

Corner Hardware                                             Tempe, AZ
${third}                                  Aug 2014 to May 2016
* Advised customers`;

  it("a department after the title's comma stays in the title when the company line is above", () => {
    const exps = parseResumeText(entries("Sales Associate, Lighting Department")).profile.experiences;
    expect(roles(exps)[2]).toMatchObject({ title: "Sales Associate, Lighting Department", company: "Corner Hardware", startDate: "2014-08", endDate: "2016-05" });
  });

  it("a title without a comma tail keeps the company line as before", () => {
    const exps = parseResumeText(entries("Sales Associate")).profile.experiences;
    expect(roles(exps)[2]).toMatchObject({ title: "Sales Associate", company: "Corner Hardware" });
  });

  it("the comma tail is still the company when there is no separate company line", () => {
    const text = `Experience
Site Electrician, Harbor Build Co                           Mar 2020 to Present
* Wired retail units

Sales Associate, Corner Hardware Department                 Aug 2014 to May 2016
* Advised customers`;
    const exps = parseResumeText(text).profile.experiences;
    expect(exps.map((e) => e.title)).toEqual(["Site Electrician", "Sales Associate"]);
    expect(exps[1].company).toBe("Corner Hardware Department");
  });
});

describe("parseResumeText round 3: towns glued onto companies", () => {
  it("splits the same glued town shape off every company (DOCX raw text lost the tab)", () => {
    const text = `Experience
TrellisoftLeeds
Account Director
Oct. 2023 – Present
• Ran the northern territory

QuayDBManchester
Account Executive
Nov. 2020 – Mar. 2022
• Closed the largest retail deal

NorthpathNew York
Sales Representative
June 2019 – Oct. 2020
• Booked first meetings`;
    const exps = parseResumeText(text).profile.experiences;
    expect(exps.map((e) => [e.company, e.location])).toEqual([
      ["Trellisoft", "Leeds"],
      ["QuayDB", "Manchester"],
      ["Northpath", "New York"],
    ]);
  });

  it("leaves camel-case company names alone when not every company has the glued shape", () => {
    const text = `Experience
PayPal
Account Director
Oct. 2023 – Present
• Ran the northern territory

Acme Widgets
Account Executive
Nov. 2020 – Mar. 2022
• Closed the largest retail deal`;
    const exps = parseResumeText(text).profile.experiences;
    expect(exps.map((e) => e.company)).toEqual(["PayPal", "Acme Widgets"]);
  });

  it("leaves companies alone when the entries already have a location", () => {
    const text = `Experience
YouTube                                                     Leeds, UK
Account Director                                            Oct. 2023 – Present
• Ran the northern territory

HubSpot                                                     Dublin, Ireland
Account Executive                                           Nov. 2020 – Mar. 2022
• Closed the largest retail deal`;
    const exps = parseResumeText(text).profile.experiences;
    expect(exps.map((e) => e.company)).toEqual(["YouTube", "HubSpot"]);
  });

  it("does not cut an organisation word off as a town", () => {
    const text = `Experience
TrellisoftGroup
Account Director
Oct. 2023 – Present
• Ran the northern territory

QuaySystems
Account Executive
Nov. 2020 – Mar. 2022
• Closed the largest retail deal`;
    const exps = parseResumeText(text).profile.experiences;
    expect(exps.map((e) => e.company)).toEqual(["TrellisoftGroup", "QuaySystems"]);
  });
});

describe("parseResumeText round 3: UK qualification names", () => {
  const edu = (body: string) =>
    parseResumeText(`Education\n${body}`).profile.education.map((e) => ({ institution: e.institution, degree: e.degree, field: e.field, startDate: e.startDate, endDate: e.endDate }));

  it("reads a framework level award under its awarding body", () => {
    expect(
      edu(`Chartered Institute of Marine Studies                 September 2016 - June 2018
Level 7 Advanced Diploma in Harbour Management`),
    ).toEqual([{ institution: "Chartered Institute of Marine Studies", degree: "Level 7 Advanced Diploma", field: "Harbour Management", startDate: "2016-09", endDate: "2018-06" }]);
  });

  it("keeps the awarding body in front of the level and the word Degree in a Foundation Degree", () => {
    expect(
      edu(`Foundation Degree in Equine Studies, Fenwick College           Sept 2015 to July 2018
BTEC Level 3 Extended Diploma in Animal Care, Rowan Vale College  Sept 2012 to June 2014`),
    ).toEqual([
      { institution: "Fenwick College", degree: "Foundation Degree", field: "Equine Studies", startDate: "2015-09", endDate: "2018-07" },
      { institution: "Rowan Vale College", degree: "BTEC Level 3 Extended Diploma", field: "Animal Care", startDate: "2012-09", endDate: "2014-06" },
    ]);
  });

  it("still drops a trailing Degree after other degree names", () => {
    expect(edu("Bachelor's Degree in Biology, Fenwick College   2010 – 2013")[0].degree).toBe("Bachelor's");
  });

  it("does not read a level in a sentence as a qualification", () => {
    expect(edu("Fenwick College   2010 – 2013\nReached level 3 of the chess club ladder in my first year")[0].degree).toBeUndefined();
  });
});

describe("parseResumeText round 3: long lines with a right-aligned date", () => {
  it("an eleven-word header line still anchors when the date sits after a column gap", () => {
    const text = `Experience
Senior Programme Manager for Regional Water and Flood Resilience, Ferncastle Borough Council    Jan 2019 – Present
• Ran the flood grant programme
Programme Officer, Ferncastle Borough Council    Jan 2015 – Dec 2018
• Wrote grant bids`;
    const exps = parseResumeText(text).profile.experiences;
    expect(exps).toHaveLength(2);
    expect(exps.map((e) => e.startDate)).toEqual(["2019-01", "2015-01"]);
    expect(exps[0].bullets).toEqual(["Ran the flood grant programme"]);
  });

  it("an eleven-word line with the date in the middle of the text is not an entry", () => {
    const text = `Experience
Programme Officer, Ferncastle Borough Council    Jan 2015 – Dec 2018
• Wrote grant bids
Led The Regional Water And Flood Resilience Programme From Jan 2019 – Present With Partners`;
    const exps = parseResumeText(text).profile.experiences;
    expect(exps).toHaveLength(1);
  });
});

describe("parseResumeText round 3: semesters abroad", () => {
  it("reads a study-abroad semester as the entry's programme with its subject", () => {
    const [, abroad] = parseResumeText(`Education
Lakeside State University                                        September 2020 - June 2024
Bachelor of Science in Geology
University of Tromsø                                             February 2023 - June 2023
Study Abroad Semester in Glaciology`).profile.education;
    expect(abroad).toMatchObject({ institution: "University of Tromsø", degree: "Study Abroad Semester", field: "Glaciology" });
  });

  it("an exchange mentioned in a sentence is not a programme", () => {
    const [edu] = parseResumeText(`Education
Lakeside State University                                        September 2020 - June 2024
Organised the exchange of field notes between labs`).profile.education;
    expect(edu.degree).toBeUndefined();
  });
});
