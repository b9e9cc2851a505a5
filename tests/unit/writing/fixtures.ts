// Realistic inputs for the writing-side tests: three unrelated careers, so the composer and the
// grounding check are exercised on more than one vocabulary.
import type { ParsedJob, ProfileData, RankedItem, WritingStyle } from "../../../src/core/types.ts";

export function style(overrides: Partial<WritingStyle> = {}): WritingStyle {
  return {
    tense: "MIXED",
    person: "IMPLIED",
    bulletMarker: "•",
    avgBulletWords: 14,
    avgSentenceWords: 18,
    numericBulletShare: 0.4,
    bulletsEndWithPeriod: false,
    topActionVerbs: ["Led", "Built"],
    sectionHeadings: ["Experience", "Education", "Skills"],
    tone: "NEUTRAL",
    toneScore: 0.5,
    greeting: null,
    closing: null,
    paragraphCount: null,
    ...overrides,
  };
}

function job(fields: Partial<ParsedJob> & { title: string; company: string; description: string }): ParsedJob {
  return {
    location: null,
    keywords: [],
    requirements: [],
    responsibilities: [],
    benefits: [],
    salary: null,
    remoteMode: "UNKNOWN",
    seniority: null,
    yearsExperience: null,
    ...fields,
  };
}

export const engineer: ProfileData = {
  fullName: "Jane Doe",
  email: "jane.doe@example.com",
  phone: "+44 20 7946 0958",
  location: "London, UK",
  links: [{ label: "GitHub", url: "https://github.com/janedoe" }],
  summary: "Backend engineer with 8 years of experience building payment systems. I enjoy making slow things fast.",
  skills: {
    technical: ["TypeScript", "Node.js", "PostgreSQL", "Kubernetes", "AWS", "Kafka"],
    soft: ["Mentoring"],
    languages: ["English", "German"],
    certifications: [],
  },
  experiences: [
    {
      id: "exp-globex",
      title: "Senior Backend Engineer",
      company: "Globex Payments",
      location: "London",
      startDate: "2021-03",
      endDate: null,
      current: true,
      bullets: [
        "Led the migration of 40 services from Heroku to Kubernetes, cutting hosting costs by 35%",
        "Designed an idempotent payments API in TypeScript handling 2M requests per day",
        "Mentored 4 junior engineers through weekly code reviews",
      ],
      technologies: ["TypeScript", "Kubernetes", "PostgreSQL"],
    },
    {
      id: "exp-initech",
      title: "Software Engineer",
      company: "Initech",
      location: "Manchester",
      startDate: "2016-09",
      endDate: "2021-02",
      current: false,
      bullets: [
        "Built a Kafka event pipeline processing 150,000 orders a day",
        "Reduced p95 latency of the checkout service from 900 ms to 250 ms",
        "Responsible for the on-call rotation of a team of 6",
      ],
      technologies: ["Node.js", "Kafka", "PostgreSQL"],
    },
  ],
  projects: [
    {
      id: "proj-ledger",
      name: "OpenLedger",
      bullets: ["Wrote an open-source double-entry ledger library in TypeScript with 1,200 GitHub stars"],
      technologies: ["TypeScript"],
      url: null,
      repoUrl: "https://github.com/janedoe/openledger",
      startDate: "2022",
      endDate: null,
    },
  ],
  education: [
    {
      id: "edu-1",
      institution: "University of Leeds",
      degree: "BSc",
      field: "Computer Science",
      startDate: "2012",
      endDate: "2016",
      gpa: null,
      honors: ["First Class Honours"],
      coursework: [],
    },
  ],
};

export const engineerJob = job({
  title: "Staff Platform Engineer",
  company: "Acme Cloud",
  location: "Remote",
  description:
    "Acme Cloud is hiring a Staff Platform Engineer to scale our payments platform. You will run Kubernetes clusters on AWS and build services in TypeScript and Node.js backed by PostgreSQL.",
  keywords: ["Kubernetes", "TypeScript", "PostgreSQL", "AWS", "Node.js"],
  requirements: [
    { text: "5+ years with TypeScript or Node.js", required: true, keywords: ["TypeScript", "Node.js"] },
    { text: "Production Kubernetes experience", required: true, keywords: ["Kubernetes"] },
    { text: "PostgreSQL at scale", required: false, keywords: ["PostgreSQL"] },
  ],
  responsibilities: ["Own the platform roadmap", "Mentor engineers"],
  remoteMode: "REMOTE",
  seniority: "LEAD",
  yearsExperience: 5,
});

export const engineerRanking: RankedItem[] = [
  { kind: "EXPERIENCE", itemId: "exp-globex", bulletIndex: null, text: "Senior Backend Engineer at Globex Payments", score: 0.9, matchedKeywords: ["Kubernetes", "TypeScript", "PostgreSQL"], reason: "3 job keywords" },
  { kind: "BULLET", itemId: "exp-globex", bulletIndex: 0, text: engineer.experiences[0].bullets[0], score: 0.92, matchedKeywords: ["Kubernetes"], reason: "Kubernetes" },
  { kind: "BULLET", itemId: "exp-globex", bulletIndex: 1, text: engineer.experiences[0].bullets[1], score: 0.81, matchedKeywords: ["TypeScript"], reason: "TypeScript" },
  { kind: "BULLET", itemId: "exp-globex", bulletIndex: 2, text: engineer.experiences[0].bullets[2], score: 0.3, matchedKeywords: [], reason: "mentoring" },
  { kind: "EXPERIENCE", itemId: "exp-initech", bulletIndex: null, text: "Software Engineer at Initech", score: 0.6, matchedKeywords: ["Node.js", "PostgreSQL"], reason: "2 job keywords" },
  { kind: "BULLET", itemId: "exp-initech", bulletIndex: 0, text: engineer.experiences[1].bullets[0], score: 0.55, matchedKeywords: [], reason: "event pipeline" },
  { kind: "BULLET", itemId: "exp-initech", bulletIndex: 1, text: engineer.experiences[1].bullets[1], score: 0.5, matchedKeywords: [], reason: "latency" },
  { kind: "BULLET", itemId: "exp-initech", bulletIndex: 2, text: engineer.experiences[1].bullets[2], score: 0.2, matchedKeywords: [], reason: "team" },
  { kind: "PROJECT", itemId: "proj-ledger", bulletIndex: null, text: "OpenLedger", score: 0.4, matchedKeywords: ["TypeScript"], reason: "TypeScript" },
  { kind: "BULLET", itemId: "proj-ledger", bulletIndex: 0, text: engineer.projects[0].bullets[0], score: 0.45, matchedKeywords: ["TypeScript"], reason: "TypeScript" },
  { kind: "SKILL", itemId: "Kubernetes", bulletIndex: null, text: "Kubernetes", score: 1, matchedKeywords: ["Kubernetes"], reason: "required" },
  { kind: "SKILL", itemId: "TypeScript", bulletIndex: null, text: "TypeScript", score: 1, matchedKeywords: ["TypeScript"], reason: "required" },
  { kind: "SKILL", itemId: "PostgreSQL", bulletIndex: null, text: "PostgreSQL", score: 0.7, matchedKeywords: ["PostgreSQL"], reason: "preferred" },
  { kind: "SKILL", itemId: "Kafka", bulletIndex: null, text: "Kafka", score: 0.05, matchedKeywords: [], reason: "not in the posting" },
];

export const nurse: ProfileData = {
  fullName: "Maria Santos",
  email: "maria.santos@example.org",
  phone: null,
  location: "Leeds",
  links: [],
  summary: "Registered nurse with 6 years in acute care.",
  skills: { technical: ["Patient Care", "Triage", "Electronic Health Records"], soft: ["Communication"], languages: ["Spanish"], certifications: ["BLS"] },
  experiences: [
    {
      id: "exp-stjames",
      title: "Staff Nurse",
      company: "St James's University Hospital",
      location: "Leeds",
      startDate: "2019-01",
      endDate: null,
      current: true,
      bullets: [
        "Responsible for the care of up to 8 patients per shift on a 28-bed surgical ward",
        "Trained 12 newly qualified nurses in medication administration",
      ],
      technologies: [],
    },
    {
      id: "exp-airedale",
      title: "Healthcare Assistant",
      company: "Airedale General Hospital",
      location: null,
      startDate: "2016",
      endDate: "2018",
      current: false,
      bullets: ["Helped with admissions and discharges for a 20-bed ward"],
      technologies: [],
    },
  ],
  projects: [],
  education: [
    { id: "edu-n", institution: "University of Bradford", degree: "BSc", field: "Adult Nursing", startDate: "2015", endDate: "2018", gpa: null, honors: [], coursework: [] },
  ],
};

export const nurseJob = job({
  title: "Senior Staff Nurse",
  company: "Harrogate District Hospital",
  description: "We are looking for a Senior Staff Nurse for our surgical ward. Experience in triage and patient care is essential.",
  keywords: ["Patient Care", "Triage"],
  requirements: [{ text: "Experience in triage", required: true, keywords: ["Triage"] }],
});

export const nurseRanking: RankedItem[] = [
  { kind: "BULLET", itemId: "exp-stjames", bulletIndex: 0, text: nurse.experiences[0].bullets[0], score: 0.8, matchedKeywords: ["Patient Care"], reason: "patient care" },
  { kind: "BULLET", itemId: "exp-stjames", bulletIndex: 1, text: nurse.experiences[0].bullets[1], score: 0.4, matchedKeywords: [], reason: "training" },
  { kind: "BULLET", itemId: "exp-airedale", bulletIndex: 0, text: nurse.experiences[1].bullets[0], score: 0.3, matchedKeywords: [], reason: "ward" },
  { kind: "SKILL", itemId: "Triage", bulletIndex: null, text: "Triage", score: 0.9, matchedKeywords: ["Triage"], reason: "required" },
  { kind: "SKILL", itemId: "Patient Care", bulletIndex: null, text: "Patient Care", score: 0.9, matchedKeywords: ["Patient Care"], reason: "required" },
];

export const seller: ProfileData = {
  fullName: "Tom Becker",
  email: null,
  phone: null,
  location: "Berlin",
  links: [],
  summary: null,
  skills: { technical: ["Salesforce", "HubSpot"], soft: ["Negotiation"], languages: ["German", "English"], certifications: [] },
  experiences: [
    {
      id: "exp-sap",
      title: "Account Executive",
      company: "Northwind Traders GmbH",
      location: "Berlin",
      startDate: "2018",
      endDate: "2023",
      current: false,
      bullets: [
        "Closed €1.4M in new annual recurring revenue in 2022, 130% of quota",
        "Built a pipeline of 60 mid-market accounts in the DACH region",
      ],
      technologies: ["Salesforce"],
    },
  ],
  projects: [],
  education: [],
};

export const sellerJob = job({
  title: "Enterprise Account Executive",
  company: "Contoso",
  description: "Contoso sells analytics software to enterprises. You will own a territory and use Salesforce daily.",
  keywords: ["Salesforce"],
});

export const sellerRanking: RankedItem[] = [
  { kind: "BULLET", itemId: "exp-sap", bulletIndex: 0, text: seller.experiences[0].bullets[0], score: 0.7, matchedKeywords: [], reason: "revenue" },
  { kind: "BULLET", itemId: "exp-sap", bulletIndex: 1, text: seller.experiences[0].bullets[1], score: 0.6, matchedKeywords: [], reason: "pipeline" },
  { kind: "SKILL", itemId: "Salesforce", bulletIndex: null, text: "Salesforce", score: 0.9, matchedKeywords: ["Salesforce"], reason: "posting" },
];

/** A profile that barely matches: a career changer with one unrelated role. */
export const thin: ProfileData = {
  fullName: "Sam Lee",
  email: null,
  phone: null,
  location: null,
  links: [],
  summary: null,
  skills: { technical: [], soft: [], languages: [], certifications: [] },
  experiences: [
    { id: "exp-cafe", title: "Barista", company: "Bean There", location: null, startDate: "2020", endDate: null, current: true, bullets: ["Served 200 customers a day"], technologies: [] },
  ],
  projects: [],
  education: [],
};

export const thinRanking: RankedItem[] = [
  { kind: "BULLET", itemId: "exp-cafe", bulletIndex: 0, text: thin.experiences[0].bullets[0], score: 0.02, matchedKeywords: [], reason: "no overlap" },
];
