import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { detectRemoteMode, detectSeniority, parseJobFields, parseJobText, parseSalary } from "../../../src/core/job-parser.ts";
import type { ParsedJob, RemoteMode, Seniority } from "../../../src/core/types.ts";

const fixture = (name: string) => parseJobText(readFileSync(new URL(`../../fixtures/jobs/${name}.txt`, import.meta.url), "utf8"));

const requiredKeywords = (job: ParsedJob) => [...new Set(job.requirements.filter((r) => r.required).flatMap((r) => r.keywords))];
const preferredKeywords = (job: ParsedJob) => [...new Set(job.requirements.filter((r) => !r.required).flatMap((r) => r.keywords))];

interface Expected {
  title: string;
  company: string;
  location: string | null;
  salary: ParsedJob["salary"];
  remoteMode: RemoteMode;
  years: number | null;
  seniority: Seniority | null;
  required: string[];
  preferred: string[];
  firstKeywords?: string[];
}

const cases: [string, Expected][] = [
  [
    "backend-engineer",
    {
      title: "Senior Backend Engineer",
      company: "Northwind Labs",
      location: "Remote (US)",
      salary: { min: 150000, max: 190000, currency: "USD", period: "YEAR" },
      remoteMode: "REMOTE",
      years: 5,
      seniority: "SENIOR",
      required: ["Go", "PostgreSQL", "Redis", "Docker", "Kubernetes", "AWS", "Distributed Systems"],
      preferred: ["Terraform", "Apache Kafka", "HIPAA"],
      firstKeywords: ["Go", "Backend Development", "PostgreSQL", "Kubernetes"],
    },
  ],
  [
    "icu-nurse",
    {
      title: "Registered Nurse (RN)",
      company: "St. Mary's Regional Medical Center",
      location: "Springfield, IL",
      salary: { min: 42.5, max: 58, currency: "USD", period: "HOUR" },
      remoteMode: "ONSITE",
      years: 2,
      seniority: "MID",
      required: ["Registered Nurse", "BLS", "ACLS", "Critical Care"],
      preferred: ["BSN"],
      firstKeywords: ["Registered Nurse", "Critical Care"],
    },
  ],
  [
    "account-executive",
    {
      title: "Account Executive",
      company: "Brightpath",
      location: "Chicago",
      salary: { min: 65000, max: 80000, currency: "USD", period: "YEAR" },
      remoteMode: "HYBRID",
      years: 2,
      seniority: "MID",
      required: ["SaaS Sales", "Quota Attainment", "CRM", "Communication", "Negotiation"],
      preferred: ["Salesforce"],
    },
  ],
  [
    "staff-accountant",
    {
      title: "Staff Accountant",
      company: "Hansa Logistik",
      location: "Hamburg, Germany",
      salary: { min: 55000, max: 65000, currency: "EUR", period: "YEAR" },
      remoteMode: "HYBRID",
      years: 3,
      seniority: "MID",
      required: ["General Ledger", "IFRS", "Microsoft Excel", "English", "German"],
      preferred: ["GAAP", "ACCA", "CPA"],
    },
  ],
  [
    "maths-teacher",
    {
      title: "Teacher of Mathematics",
      company: "Riverside Academy",
      location: "Leeds, UK",
      salary: { min: 31650, max: 43607, currency: "GBP", period: "YEAR" },
      remoteMode: "ONSITE",
      years: null,
      seniority: null,
      required: ["Teaching License"],
      preferred: ["Google Classroom", "Educational Technology"],
    },
  ],
  [
    "warehouse-associate",
    {
      title: "Warehouse Associate",
      company: "Cascade Distribution Co.",
      location: "Reno, NV",
      salary: { min: 19.5, max: 23, currency: "USD", period: "HOUR" },
      remoteMode: "UNKNOWN",
      years: null,
      seniority: "JUNIOR",
      required: [],
      preferred: ["Forklift Certification"],
    },
  ],
  [
    "product-designer",
    {
      title: "Senior Product Designer",
      company: "Lumen Health",
      location: "Remote, EU",
      salary: { min: 60000, max: 75000, currency: "EUR", period: "YEAR" },
      remoteMode: "REMOTE",
      years: 4,
      seniority: "SENIOR",
      required: ["Figma", "Design Systems", "Interaction Design", "Usability Testing", "Accessibility"],
      preferred: ["Healthcare", "Adobe After Effects", "German", "Dutch"],
    },
  ],
  [
    "data-scientist",
    {
      title: "Data Scientist",
      company: "Alpenbank AG",
      location: "Zürich",
      salary: { min: 120000, max: 140000, currency: "CHF", period: "YEAR" },
      remoteMode: "HYBRID",
      years: 3,
      seniority: "MID",
      required: ["Machine Learning", "Python", "Pandas", "scikit-learn", "SQL", "Time Series Analysis", "English"],
      preferred: ["German", "PySpark", "Databricks"],
    },
  ],
  [
    "devops-engineer",
    {
      title: "Staff DevOps Engineer",
      company: "Quarry Cloud",
      location: "Remote - United States",
      salary: { min: 170000, max: 210000, currency: "USD", period: "YEAR" },
      remoteMode: "REMOTE",
      years: 8,
      seniority: "PRINCIPAL",
      required: ["Kubernetes", "Helm", "Terraform", "AWS", "Linux", "Python", "Go", "CI/CD", "Argo CD"],
      preferred: ["Certified Kubernetes Administrator", "PostgreSQL", "MySQL"],
      firstKeywords: ["DevOps", "Kubernetes"],
    },
  ],
  [
    "marketing-manager",
    {
      title: "Marketing Manager",
      company: "Brightleaf Organics",
      location: "Denver, CO",
      salary: { min: 95000, max: 115000, currency: "USD", period: "YEAR" },
      remoteMode: "HYBRID",
      years: 5,
      seniority: "LEAD",
      required: ["Social Media Marketing", "SEO", "Content Marketing", "HubSpot", "Mailchimp", "Copywriting"],
      preferred: [],
    },
  ],
  [
    "frontend-developer",
    {
      title: "Junior Frontend Developer",
      company: "Kiezkoch GmbH",
      location: "Berlin, Germany",
      salary: { min: 45000, max: 52000, currency: "EUR", period: "YEAR" },
      remoteMode: "ONSITE",
      years: 1,
      seniority: "JUNIOR",
      required: ["JavaScript", "React", "HTML", "CSS", "Git", "English"],
      preferred: ["Next.js", "Tailwind CSS", "German"],
    },
  ],
  [
    "software-intern",
    {
      title: "Software Engineering Intern",
      company: "Orbital Robotics",
      location: "Pittsburgh, PA",
      salary: { min: 38, max: 38, currency: "USD", period: "HOUR" },
      remoteMode: "ONSITE",
      years: null,
      seniority: "INTERN",
      required: ["C++", "Python", "Linux"],
      preferred: ["Embedded Systems", "Computer Vision"],
    },
  ],
];

describe("parseJobText on real-world postings", () => {
  it.each(cases)("%s", (name, e) => {
    const job = fixture(name);
    expect(job.title).toBe(e.title);
    expect(job.company).toBe(e.company);
    expect(job.location).toBe(e.location);
    expect(job.salary).toEqual(e.salary);
    expect(job.remoteMode).toBe(e.remoteMode);
    expect(job.yearsExperience).toBe(e.years);
    expect(job.seniority).toBe(e.seniority);
    expect(requiredKeywords(job)).toEqual(expect.arrayContaining(e.required));
    expect(preferredKeywords(job)).toEqual(expect.arrayContaining(e.preferred));
    for (const k of e.preferred) expect(requiredKeywords(job), `${k} should only be preferred`).not.toContain(k);
    if (e.firstKeywords) expect(job.keywords.slice(0, e.firstKeywords.length)).toEqual(e.firstKeywords);
  });

  it("splits responsibilities and benefits into items and keeps benefits out of keywords", () => {
    const job = fixture("backend-engineer");
    expect(job.responsibilities).toHaveLength(4);
    expect(job.responsibilities[0]).toMatch(/^Design, build and operate Go services/);
    expect(job.benefits).toContain("401(k) with 4% match, health, dental and vision insurance");
    expect(job.keywords.indexOf("Go")).toBeLessThan(job.keywords.indexOf("Terraform"));
    expect(job.keywords).not.toContain("Northwind Labs");
  });

  it("ranks required skills before preferred ones and those before mentions elsewhere", () => {
    const job = fixture("data-scientist");
    const pos = (k: string) => job.keywords.indexOf(k);
    expect(pos("Python")).toBeLessThan(pos("PySpark"));
    expect(pos("PySpark")).toBeLessThan(pos("MLflow"));
    expect(pos("MLflow")).toBeGreaterThan(-1);
  });

  it("keeps a trailing salary paragraph out of the requirements", () => {
    const job = fixture("data-scientist");
    expect(job.requirements.some((r) => /CHF/.test(r.text))).toBe(false);
  });

  it("finds requirements in prose postings without headings", () => {
    const job = fixture("software-intern");
    const texts = job.requirements.map((r) => r.text);
    expect(texts).toContain("You know C++ or Python well and have used Linux.");
    expect(job.requirements.find((r) => r.text.startsWith("Experience with ROS"))?.required).toBe(false);
  });

  it("reads CRLF text and keeps requirement lines that merely start like headings", () => {
    const job = parseJobText(
      "Backend Developer - Zenith Apps\r\n\r\nRequirements\r\n- 3+ years with Node.js\r\nExperience with Kubernetes\r\nExperience with one of the following:\r\n  - AWS\r\n  - GCP\r\n\r\nSchedule and pay\r\n- $30 - $40 an hour\r\n",
    );
    expect(job.title).toBe("Backend Developer");
    expect(job.company).toBe("Zenith Apps");
    expect(job.requirements.map((r) => r.text)).toEqual([
      "3+ years with Node.js",
      "Experience with Kubernetes",
      "Experience with one of the following:",
      "AWS",
      "GCP",
    ]);
    expect(requiredKeywords(job)).toEqual(["Node.js", "Kubernetes", "AWS", "Google Cloud Platform"]);
    expect(job.salary).toEqual({ min: 30, max: 40, currency: "USD", period: "HOUR" });
    expect(job.yearsExperience).toBe(3);
  });

  it("is deterministic", () => {
    const raw = readFileSync(new URL("../../fixtures/jobs/devops-engineer.txt", import.meta.url), "utf8");
    expect(parseJobText(raw)).toEqual(parseJobText(raw));
  });

  it("handles empty input", () => {
    const job = parseJobText("   ");
    expect(job).toMatchObject({ title: null, company: null, keywords: [], requirements: [], salary: null, remoteMode: "UNKNOWN" });
  });
});

describe("years of experience", () => {
  it.each([
    ["Requirements\n- 5+ years of backend experience\n- 2+ years with Kafka", 5],
    ["Requirements\n- At least three years of experience with SQL", 3],
    ["Requirements\n- 3-5 years in a customer-facing role", 3],
    ["Requirements\n- Minimum of 4 yrs experience in payroll", 4],
    ["About us\nFounded 20 years ago, we have served clients for over 20 years.", null],
  ] as const)("%s → %s", (text, years) => {
    expect(parseJobText(text).yearsExperience).toBe(years);
  });
});

describe("keyword phrases the lexicon does not know", () => {
  it("adds repeated capitalised phrases after the skills, never the company or title", () => {
    const job = parseJobText(
      "Solutions Consultant at Orbis\n\nYou will demo Revenue Cloud to customers and train partners on Revenue Cloud. Orbis Orbis.\n\nRequirements\n- Salesforce experience\n- Experience with Revenue Cloud or CPQ Studio; CPQ Studio certification a plus",
    );
    expect(job.keywords[0]).toBe("Salesforce");
    expect(job.keywords).toContain("Revenue Cloud");
    expect(job.keywords).toContain("CPQ Studio");
    expect(job.keywords.indexOf("Revenue Cloud")).toBeGreaterThan(job.keywords.indexOf("Salesforce"));
    expect(job.keywords).not.toContain("Solutions Consultant");
  });
});

describe("parseSalary", () => {
  it.each([
    ["Salary: $120k–$150k", { min: 120000, max: 150000, currency: "USD", period: "YEAR" }],
    ["Pay range $120,000 - $150,000", { min: 120000, max: 150000, currency: "USD", period: "YEAR" }],
    ["Compensation: 120,000–150,000 USD a year", { min: 120000, max: 150000, currency: "USD", period: "YEAR" }],
    ["Gehalt: €60.000 – €72.000 per year", { min: 60000, max: 72000, currency: "EUR", period: "YEAR" }],
    ["Salary: £45k", { min: 45000, max: 45000, currency: "GBP", period: "YEAR" }],
    ["Rate: $45/hour", { min: 45, max: 45, currency: "USD", period: "HOUR" }],
    ["$25–30 per hour", { min: 25, max: 30, currency: "USD", period: "HOUR" }],
    ["Salary CHF 100'000 - 120'000", { min: 100000, max: 120000, currency: "CHF", period: "YEAR" }],
    ["Base salary $120-150k", { min: 120000, max: 150000, currency: "USD", period: "YEAR" }],
    ["Salary: €4.500 per month", { min: 4500, max: 4500, currency: "EUR", period: "MONTH" }],
    ["Salary: up to $90,000", { min: null, max: 90000, currency: "USD", period: "YEAR" }],
    ["Salary from C$85,000+", { min: 85000, max: null, currency: "CAD", period: "YEAR" }],
  ] as const)("%s", (text, expected) => {
    expect(parseSalary(text)).toEqual(expected);
  });

  it("ignores money that is not pay", () => {
    expect(parseSalary("We raised $40M in 2023 and hit $5M ARR.")).toBeNull();
    expect(parseSalary("Perks: $1,000 learning budget and a 401(k) match.")).toBeNull();
    expect(parseSalary("Founded in 2015, we have 250 employees.")).toBeNull();
  });
});

describe("detectRemoteMode", () => {
  it.each([
    ["We are a remote-first company.", "REMOTE"],
    ["This is a fully remote position.", "REMOTE"],
    ["Hybrid: 3 days in office, 2 from home.", "HYBRID"],
    ["Expect 3 days in office each week.", "HYBRID"],
    ["You will be in the office three days a week.", "HYBRID"],
    ["This role is on-site in Austin.", "ONSITE"],
    ["This role is not remote.", "ONSITE"],
    ["Experience with remote patient monitoring is a plus.", "UNKNOWN"],
    ["We have an on-site gym.", "UNKNOWN"],
    ["Work from the office 5 days a week.", "ONSITE"],
  ] as const)("%s → %s", (text, mode) => {
    expect(detectRemoteMode(text)).toBe(mode);
  });
});

describe("detectSeniority", () => {
  it.each([
    ["Software Engineering Intern", "INTERN"],
    ["Junior Data Analyst", "JUNIOR"],
    ["Software Engineer II", "MID"],
    ["Senior Product Designer", "SENIOR"],
    ["Tech Lead, Payments", "LEAD"],
    ["Nurse Manager", "LEAD"],
    ["Staff Software Engineer", "PRINCIPAL"],
    ["Principal Architect", "PRINCIPAL"],
    ["Head of Marketing", "EXECUTIVE"],
    ["Senior Director of Sales", "EXECUTIVE"],
    ["Lead Generation Specialist", null],
    ["Staff Nurse", null],
  ] as const)("%s → %s", (title, level) => {
    expect(detectSeniority(title, "", null)).toBe(level);
  });

  it("falls back to level phrases and years in the text", () => {
    expect(detectSeniority("Accountant", "This is an entry-level role.", null)).toBe("JUNIOR");
    expect(detectSeniority("Product Manager", "", 6)).toBe("SENIOR");
    expect(detectSeniority("Account Manager", "", 3)).toBe("MID");
  });
});

describe("parseJobFields", () => {
  it("keeps given fields and extracts the rest from the description", () => {
    const job = parseJobFields({
      title: "Backend Engineer",
      company: "Acme",
      location: { city: "Austin", region: "TX", countryCode: "US" },
      description: "We build billing software. Our stack is TypeScript, Node.js and PostgreSQL on AWS.",
      qualifications: ["3+ years of experience with Node.js", "Experience with PostgreSQL"],
      preferred: ["Kubernetes"],
      salary: "$130k - $160k",
      remote: "Hybrid",
    });
    expect(job.title).toBe("Backend Engineer");
    expect(job.company).toBe("Acme");
    expect(job.location).toBe("Austin, TX, US");
    expect(job.remoteMode).toBe("HYBRID");
    expect(job.salary).toEqual({ min: 130000, max: 160000, currency: "USD", period: "YEAR" });
    expect(job.yearsExperience).toBe(3);
    expect(job.seniority).toBe("MID");
    expect(requiredKeywords(job)).toEqual(["Node.js", "PostgreSQL"]);
    expect(preferredKeywords(job)).toEqual(["Kubernetes"]);
    expect(job.keywords.slice(0, 3)).toEqual(["Node.js", "PostgreSQL", "Kubernetes"]);
  });

  it("reads a level given as free text", () => {
    expect(parseJobFields({ title: "Designer", description: "Design things.", experience: "Senior" }).seniority).toBe("SENIOR");
  });
});
