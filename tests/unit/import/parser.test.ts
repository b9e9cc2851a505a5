import { describe, expect, it } from "vitest";
import { parseResumeText, type DraftExperience } from "../../../src/core/resume-parser.ts";

const roles = (xs: DraftExperience[]) =>
  xs.map((e) => ({ title: e.title, company: e.company, startDate: e.startDate, endDate: e.endDate, current: e.current }));

describe("parseResumeText: classic single column, dates right", () => {
  const text = `JORDAN PATEL
Full-Stack Developer
jordan.patel@example.com | +1 (617) 555-0101 | Boston, MA | linkedin.com/in/jordanpatel | github.com/jpatel

SUMMARY
Full-stack developer with six years of experience shipping web products for healthcare and fintech.

EXPERIENCE
Senior Software Engineer — Flatiron Health                                  Jan 2021 – Present
New York, NY
• Built the clinical trial matching service in TypeScript and Node.js, used by 280 oncology clinics
• Cut median API latency by 45% by introducing Redis caching and query batching
• Mentor three junior engineers

Software Engineer — Wayfair                                             June 2018 - Dec 2020
Boston, MA
• Developed React components for the checkout flow serving 2M daily visitors
• Migrated 40 cron jobs to Kubernetes CronJobs

EDUCATION
Northeastern University                                                   Sep 2014 – May 2018
B.S. in Computer Science, GPA: 3.7/4.0
Relevant coursework: Algorithms, Databases, Distributed Systems

SKILLS
Languages: TypeScript, JavaScript, Python, SQL
Frameworks: React, Node.js, Express
Soft skills: Mentoring, Communication

PROJECTS
Pillbox — medication reminder app
github.com/jpatel/pillbox
• React Native app with 5,000 downloads
Tech: React Native, Firebase

CERTIFICATIONS
AWS Certified Developer – Associate
`;
  const draft = parseResumeText(text);
  const p = draft.profile;

  it("reads the contact block", () => {
    expect(p.fullName).toBe("JORDAN PATEL");
    expect(p.email).toBe("jordan.patel@example.com");
    expect(p.phone).toBe("+1 (617) 555-0101");
    expect(p.location).toBe("Boston, MA");
    expect(p.links).toEqual([
      { label: "LinkedIn", url: "https://linkedin.com/in/jordanpatel" },
      { label: "GitHub", url: "https://github.com/jpatel" },
    ]);
    expect(p.summary).toBe("Full-stack developer with six years of experience shipping web products for healthcare and fintech.");
  });

  it("reads each role with its dates, location and bullets", () => {
    expect(roles(p.experiences)).toEqual([
      { title: "Senior Software Engineer", company: "Flatiron Health", startDate: "2021-01", endDate: undefined, current: true },
      { title: "Software Engineer", company: "Wayfair", startDate: "2018-06", endDate: "2020-12", current: false },
    ]);
    expect(p.experiences[0].location).toBe("New York, NY");
    expect(p.experiences[0].bullets).toEqual([
      "Built the clinical trial matching service in TypeScript and Node.js, used by 280 oncology clinics",
      "Cut median API latency by 45% by introducing Redis caching and query batching",
      "Mentor three junior engineers",
    ]);
    expect(p.experiences[0].technologies).toEqual(expect.arrayContaining(["TypeScript", "Node.js", "Redis"]));
    expect(p.experiences[1].bullets).toHaveLength(2);
  });

  it("reads education with degree, field, GPA and coursework", () => {
    expect(p.education).toEqual([
      {
        institution: "Northeastern University",
        degree: "B.S.",
        field: "Computer Science",
        startDate: "2014-09",
        endDate: "2018-05",
        gpa: "3.7/4.0",
        honors: [],
        coursework: ["Algorithms", "Databases", "Distributed Systems"],
      },
    ]);
  });

  it("groups skills by their labels", () => {
    expect(p.skills.technical).toEqual(["TypeScript", "JavaScript", "Python", "SQL", "React", "Node.js", "Express"]);
    expect(p.skills.soft).toEqual(["Mentoring", "Communication"]);
    expect(p.skills.certifications).toEqual(["AWS Certified Developer – Associate"]);
  });

  it("reads projects with their repository and technologies", () => {
    expect(p.projects).toHaveLength(1);
    expect(p.projects[0].name).toBe("Pillbox");
    expect(p.projects[0].repoUrl).toBe("https://github.com/jpatel/pillbox");
    expect(p.projects[0].bullets).toEqual(["medication reminder app", "React Native app with 5,000 downloads"]);
    expect(p.projects[0].technologies).toEqual(expect.arrayContaining(["React Native", "Firebase"]));
  });

  it("is confident, with per-field confidence paths", () => {
    expect(draft.confidence.overall).toBeGreaterThan(0.7);
    const paths = draft.confidence.fields.map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(["email", "experiences[0].company", "experiences[1].title", "experiences[0].dates", "education[0].institution"]));
    for (const f of draft.confidence.fields) expect(f.confidence).toBeGreaterThan(0);
    expect(draft.warnings.filter((w) => w.startsWith("This does not look like a resume"))).toEqual([]);
  });
});

describe("parseResumeText: other common layouts", () => {
  it('"Company, Location" with the title on the next line', () => {
    const { profile } = parseResumeText(`Ana Souza
ana@example.com

Work History
Nubank, São Paulo, Brazil                    March 2019 - Present
Product Manager
- Own the credit card limit increase experience
- Launched instalment payments to 8M customers
Stone, Rio de Janeiro, Brazil                 February 2016 - February 2019
Business Analyst
- Built pricing dashboards for the merchant acquiring business
`);
    expect(roles(profile.experiences)).toEqual([
      { title: "Product Manager", company: "Nubank", startDate: "2019-03", endDate: undefined, current: true },
      { title: "Business Analyst", company: "Stone", startDate: "2016-02", endDate: "2019-02", current: false },
    ]);
    expect(profile.experiences[0].location).toBe("São Paulo, Brazil");
    expect(profile.experiences[0].bullets).toEqual(["Own the credit card limit increase experience", "Launched instalment payments to 8M customers"]);
  });

  it('"Title at Company" with the dates on the next line and wrapped bullets', () => {
    const { profile } = parseResumeText(`Kwame Asante
kwame.asante@example.com

Professional Experience
Data Engineer at Andela
Aug 2020 – Present · Lagos, Nigeria
* Designed the ingestion pipeline for 30 partner data sources and moved it from cron jobs to
  Airflow, reducing failed loads by 70%
* Maintain dbt models used by finance and growth
Junior Data Analyst at Jumia
Jan 2018 – Jul 2020 · Lagos, Nigeria
* Produced weekly sales reports for category managers
`);
    expect(roles(profile.experiences)).toEqual([
      { title: "Data Engineer", company: "Andela", startDate: "2020-08", endDate: undefined, current: true },
      { title: "Junior Data Analyst", company: "Jumia", startDate: "2018-01", endDate: "2020-07", current: false },
    ]);
    expect(profile.experiences[0].location).toBe("Lagos, Nigeria");
    expect(profile.experiences[0].bullets).toEqual([
      "Designed the ingestion pipeline for 30 partner data sources and moved it from cron jobs to Airflow, reducing failed loads by 70%",
      "Maintain dbt models used by finance and growth",
    ]);
  });

  it("dates on their own line, title above the company, ▪ and – bullets", () => {
    const { profile } = parseResumeText(`Experience
Registered Dietitian
Kaiser Permanente
2017 - present
▪ Counsel 25 outpatients a week on diabetes and cardiac diets
▪ Run monthly group classes
Clinical Nutrition Intern
Stanford Health Care
2016–2017
– Completed rotations in ICU, oncology and paediatrics
`);
    expect(roles(profile.experiences)).toEqual([
      { title: "Registered Dietitian", company: "Kaiser Permanente", startDate: "2017", endDate: undefined, current: true },
      { title: "Clinical Nutrition Intern", company: "Stanford Health Care", startDate: "2016", endDate: "2017", current: false },
    ]);
    expect(profile.experiences[0].bullets).toEqual(["Counsel 25 outpatients a week on diabetes and cardiac diets", "Run monthly group classes"]);
    expect(profile.experiences[1].bullets).toEqual(["Completed rotations in ICU, oncology and paediatrics"]);
  });

  it("several roles under one employer heading inherit the employer", () => {
    const { profile } = parseResumeText(`Employment
Accenture                                                  Dublin, Ireland
Manager                                                    Sep 2020 – Present
• Lead delivery of a core banking migration
Senior Analyst                                             Sep 2017 – Aug 2020
• Built reconciliation tooling in Python
`);
    expect(roles(profile.experiences)).toEqual([
      { title: "Manager", company: "Accenture", startDate: "2020-09", endDate: undefined, current: true },
      { title: "Senior Analyst", company: "Accenture", startDate: "2017-09", endDate: "2020-08", current: false },
    ]);
  });

  it("PDF text: unmarked bullets, a hard-wrapped one, tab-separated right-aligned dates", () => {
    const { profile } = parseResumeText(
      [
        "Experience",
        "Site Reliability Engineer — Cloudflare \tApr 2022 – Present",
        "Automated certificate rotation for 12,000 edge servers, removing a quarterly manual",
        "procedure that used to take two engineers a full week",
        "Wrote the incident commander handbook",
        "Systems Engineer — Fastly \tJul 2019 – Mar 2022",
        "Operated the Varnish fleet across 60 points of presence",
      ].join("\n"),
    );
    expect(roles(profile.experiences)).toEqual([
      { title: "Site Reliability Engineer", company: "Cloudflare", startDate: "2022-04", endDate: undefined, current: true },
      { title: "Systems Engineer", company: "Fastly", startDate: "2019-07", endDate: "2022-03", current: false },
    ]);
    expect(profile.experiences[0].bullets).toEqual([
      "Automated certificate rotation for 12,000 edge servers, removing a quarterly manual procedure that used to take two engineers a full week",
      "Wrote the incident commander handbook",
    ]);
  });

  it("DOCX text: a right-aligned date glued to the company", () => {
    const { profile } = parseResumeText(
      "Experience\n\nQA Engineer — SpotifyMar 2020 – Present\n\nWrote end-to-end tests for the web player\n\nQA Analyst — KingJan 2018 – Feb 2020\n\nTested mobile game releases\n",
    );
    expect(roles(profile.experiences)).toEqual([
      { title: "QA Engineer", company: "Spotify", startDate: "2020-03", endDate: undefined, current: true },
      { title: "QA Analyst", company: "King", startDate: "2018-01", endDate: "2020-02", current: false },
    ]);
  });

  it("languages and certifications sections, unlabelled skills classified by the lexicon", () => {
    const { profile } = parseResumeText(`Skills
Python • Leadership • Kubernetes • Teamwork
Languages
English (native), French – B2
Certifications
CKA, CKAD
`);
    expect(profile.skills.technical).toEqual(["Python", "Kubernetes"]);
    expect(profile.skills.soft).toEqual(["Leadership", "Teamwork"]);
    expect(profile.skills.languages).toEqual(["English (native)", "French (B2)"]);
    expect(profile.skills.certifications).toEqual(["CKA", "CKAD"]);
  });

  it("drops running headers and footers when given positioned lines", () => {
    const lines = [
      { text: "Mira Koh — Resume", page: 1, y: 800 },
      { text: "Experience", page: 1, y: 700 },
      { text: "Designer — Grab \t2019 – 2021", page: 1, y: 680 },
      { text: "• Designed the driver app onboarding", page: 1, y: 660 },
      { text: "Page 1 of 2", page: 1, y: 20 },
      { text: "Mira Koh — Resume", page: 2, y: 800 },
      { text: "• Ran research with 40 drivers", page: 2, y: 700 },
      { text: "Page 2 of 2", page: 2, y: 20 },
    ];
    const { profile } = parseResumeText(lines.map((l) => l.text).join("\n"), { lines });
    expect(profile.experiences).toHaveLength(1);
    expect(profile.experiences[0].bullets).toEqual(["Designed the driver app onboarding", "Ran research with 40 drivers"]);
  });
});

describe("parseResumeText: not a resume", () => {
  it("gives an invoice low confidence and says why", () => {
    const draft = parseResumeText(`INVOICE #2024-0042
Northwind Traders Ltd
12 Harbour Road, Bristol BS1 4DJ
Bill to: Contoso GmbH, Berlin
Invoice date: 03/2024   Due date: 04/2024

Description                         Qty    Unit price    Amount
Consulting services (March)          12      €150.00   €1,800.00
Travel expenses                       1      €240.00     €240.00

Subtotal                                                €2,040.00
VAT 19%                                                   €387.60
Total                                                   €2,427.60
Payment terms: 30 days. IBAN DE89 3704 0044 0532 0130 00
`);
    expect(draft.confidence.overall).toBeLessThan(0.3);
    expect(draft.warnings[0]).toMatch(/^This does not look like a resume: /);
    expect(draft.warnings[0]).toMatch(/invoice/);
    expect(draft.profile.experiences).toEqual([]);
  });

  it("gives an empty text zero confidence", () => {
    const draft = parseResumeText("");
    expect(draft.confidence.overall).toBe(0);
    expect(draft.warnings[0]).toMatch(/^This does not look like a resume/);
  });
});
