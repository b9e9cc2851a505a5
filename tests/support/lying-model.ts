/**
 * A lying model for fake-groq: it answers every task honestly from the prompt's own data, then
 * adds one invented fact to every answer. The facts are chosen to slip through a guard that
 * compares loosely: each number's value is in the profile in another role ("3x faster" against
 * "3 engineers"), and each substring family hides inside a real word ("Java" in "JavaScript",
 * "Scala" in "scalable", "Rust" in "trust", "Go" in "going", "Meta" in "metadata").
 *
 *   const liar = lyingModel();
 *   fake.setHandler(liar.handler);
 *   liar.inject(INJECTIONS[0]);      // every answer from now on carries this fact
 *   liar.inject(null);               // honest again
 *
 * The honest material (profile, job, resume) is here too, because the injections only make sense
 * against it.
 */
import { promptBlock, type FakeReply, type FakeRequest } from "./fake-groq.ts";

export type FamilyGroup = "numbers" | "organisations" | "technologies" | "substrings";

export interface Injection {
  family: string;
  group: FamilyGroup;
  /** Appended to enhanced text and written into letters: "made the build 3x faster". */
  phrase: string;
  /** Matches the invented fact wherever it could end up (saved rows, answers, streamed text). */
  marker: RegExp;
  /** What a job parse adds: a keyword, or the company for organisations. */
  jobKeyword: string;
  /** What a resume extraction adds (see IMPORT_RESUME for the real words it hides in). */
  draft: (d: DraftShape) => void;
}

/** The profile the enhancement and letter tests seed: every injected number's value is here in another role. */
export const LIAR_PROFILE = {
  fullName: "Lin Park",
  summary: "Backend engineer who mentored 3 engineers, resolved 2,000 tickets and earned the trust of clients while going from prototype to production.",
  skills: { technical: ["Python", "JavaScript", "Kubernetes"] },
  experience: {
    title: "Backend Engineer",
    company: "Zalando",
    startDate: "2021-03",
    current: true,
    bullets: ["Built Python services handling 2M events a day", "Migrated 12 services to Kubernetes", "Cut p99 latency by 40 ms and trained 5 interns", "Designed the metadata store"],
  },
  project: { name: "Ledger", bullets: ["Wrote a scalable ledger in JavaScript", "Reached 40 contributors"], technologies: ["JavaScript"] },
};

/** A job whose text holds JavaScript, scalable, trust and going, and neither Java, Scala, Rust nor Go. */
export const LIAR_JOB = `Senior Backend Engineer
Acme Robotics — Berlin, Germany (Hybrid, 3 days in office)

About us
Acme Robotics builds scalable warehouse robots that customers trust. We are going through fast growth.

Requirements
- 5+ years of backend experience with Python
- Experience with JavaScript and Kubernetes
- Strong communication skills

Benefits
- 30 days of paid vacation
- Salary: €70,000 – €90,000 per year
`;

/** A resume whose real words contain every import injection as a substring. */
export const IMPORT_RESUME = `Lin Park
lin.park@example.com

Experience
Backend Engineer, Zalando — 2021-03 to present
- Made the build 13x faster
- Raised throughput to 140% of plan
- Saved $12M a year
- Onboarded 112 engineers
- Served 120000 requests a minute
- Has 15 years of Python
- Designed the metadata store for scalable JavaScript services that customers trust, going global

Skills
Python, JavaScript, Kubernetes
`;

export interface DraftShape {
  fullName: string;
  email: string;
  experiences: { title: string; company: string; startDate: string; current: boolean; bullets: string[]; technologies: string[] }[];
  projects: never[];
  education: never[];
  skills: { technical: string[]; soft: string[]; languages: string[]; certifications: string[] };
  links: never[];
}

const bullet = (text: string) => (d: DraftShape) => void d.experiences[0].bullets.push(text);
const technology = (name: string) => (d: DraftShape) => {
  d.experiences[0].technologies.push(name);
  d.skills.technical.push(name);
};

export const INJECTIONS: Injection[] = [
  { family: "multiplier", group: "numbers", phrase: "made the build 3x faster", marker: /\b3x faster/, jobKeyword: "3x faster", draft: bullet("3x faster") },
  { family: "percent", group: "numbers", phrase: "cut cloud costs by 40%", marker: /\b40%/, jobKeyword: "40%", draft: bullet("40% of plan") },
  { family: "money", group: "numbers", phrase: "saved $2M a year", marker: /(?<![\d.])\$?\b2M a year/, jobKeyword: "$2M", draft: bullet("2M a year") },
  { family: "count", group: "numbers", phrase: "hired 12 engineers", marker: /\b12 engineers/, jobKeyword: "12 engineers", draft: bullet("12 engineers") },
  {
    family: "year", group: "numbers", phrase: "has led this work since 2000", marker: /since 2000|"2000-01"/, jobKeyword: "since 2000",
    draft: (d) => void (d.experiences[0].startDate = "2000-01"),
  },
  { family: "duration", group: "numbers", phrase: "brings 40 years of experience", marker: /\b(40|5) years of (experience|Python)/, jobKeyword: "40 years", draft: bullet("5 years of Python") },
  {
    family: "organisation", group: "organisations", phrase: "worked with Google", marker: /Google/, jobKeyword: "Google",
    draft: (d) => void (d.experiences[0].company = "Google"),
  },
  {
    family: "organisation inside a word (Meta/metadata)", group: "substrings", phrase: "partnered with Meta", marker: /\bMeta\b/, jobKeyword: "Meta",
    draft: (d) => void (d.experiences[0].company = "Meta"),
  },
  { family: "technology", group: "technologies", phrase: "used Haskell", marker: /Haskell/, jobKeyword: "Haskell", draft: technology("Haskell") },
  { family: "Java in JavaScript", group: "substrings", phrase: "wrote the services in Java", marker: /\bJava\b/, jobKeyword: "Java", draft: technology("Java") },
  { family: "Scala in scalable", group: "substrings", phrase: "wrote the services in Scala", marker: /\bScala\b/, jobKeyword: "Scala", draft: technology("Scala") },
  { family: "Rust in trust", group: "substrings", phrase: "wrote the services in Rust", marker: /\bRust\b/, jobKeyword: "Rust", draft: technology("Rust") },
  { family: "Go in going", group: "substrings", phrase: "wrote the services in Go", marker: /\bGo\b/, jobKeyword: "Go", draft: technology("Go") },
];

/** The substring keywords a lying job parse adds, so a later letter would find them among the job's facts. */
export const SUBSTRING_KEYWORDS = ["Java", "Scala", "Rust", "Go"];

export interface LyingModel {
  handler: (req: FakeRequest) => FakeReply;
  inject(injection: Injection | null): void;
  /** Keywords every job parse adds on top of the injection (e.g. SUBSTRING_KEYWORDS). */
  alsoKeywords(keywords: string[]): void;
  /** Answers that carried an invented fact, by task. */
  readonly lies: Record<string, number>;
}

export function lyingModel(): LyingModel {
  let current: Injection | null = null;
  let extraKeywords: string[] = [];
  const lies: Record<string, number> = {};
  const lied = (task: string) => void (current && (lies[task] = (lies[task] ?? 0) + 1));

  function handler(req: FakeRequest): FakeReply {
    const jobText = promptBlock(req, "JOB_TEXT");
    if (jobText) {
      lied("job");
      return { json: parseJob(jobText, current, extraKeywords) };
    }
    const resume = promptBlock(req, "RESUME_TEXT");
    if (resume) {
      lied("import");
      return { json: extractResume(current) };
    }
    const kind = promptBlock(req, "ITEM_KIND").trim();
    if (kind) {
      lied("enhance");
      const text = promptBlock(req, "ITEM_TEXT");
      if (kind === "SUMMARY") return { json: { text: current ? `${text} I also ${current.phrase}.` : text } };
      const bullets = text.split("\n").map((l) => l.replace(/^- /, ""));
      if (current) bullets[0] = `${bullets[0]} and ${current.phrase}`;
      return { json: { bullets } };
    }
    if (promptBlock(req, "SAMPLE_TEXT")) {
      lied("tone");
      return { json: { tone: "FORMAL", description: current ? `measured and formal, from someone who ${current.phrase}` : "measured and formal" } };
    }
    // The cover letter: honest sentences around one invented one, streamed in small chunks.
    lied("letter");
    const letter = [
      "Dear Hiring Manager,\n\n",
      "At Zalando I built Python services handling 2M events a day. ",
      "I migrated 12 services to Kubernetes. ",
      current ? `In my last role I ${current.phrase}. ` : "",
      "I would bring that to Acme Robotics.\n\n",
      "Sincerely,\nLin Park",
    ].join("");
    return { chunks: letter.match(/[\s\S]{1,12}/g)!, chunkDelayMs: 1 };
  }

  return {
    handler,
    inject: (injection) => void (current = injection),
    alsoKeywords: (keywords) => void (extraKeywords = keywords),
    lies,
  };
}

function parseJob(text: string, injection: Injection | null, extra: string[]) {
  const keywords = ["Python", "JavaScript", "Kubernetes", ...extra];
  if (injection && injection.group !== "organisations") keywords.push(injection.jobKeyword);
  return {
    title: text.split("\n")[0].trim(),
    company: injection?.group === "organisations" || injection?.family.startsWith("organisation") ? injection.jobKeyword : "Acme Robotics",
    location: "Berlin, Germany",
    description: "A backend role.",
    keywords,
    requirements: [
      { text: "5+ years of backend experience with Python", required: true, keywords: ["Python", ...(injection ? [injection.jobKeyword] : [])] },
      { text: "Experience with JavaScript and Kubernetes", required: true, keywords: ["JavaScript", "Kubernetes"] },
    ],
    responsibilities: [],
    benefits: ["30 days of paid vacation"],
    remoteMode: "HYBRID",
  };
}

function extractResume(injection: Injection | null): DraftShape {
  const draft: DraftShape = {
    fullName: "Lin Park",
    email: "lin.park@example.com",
    experiences: [
      {
        title: "Backend Engineer",
        company: "Zalando",
        startDate: "2021-03",
        current: true,
        bullets: ["Made the build 13x faster", "Saved $12M a year", "Onboarded 112 engineers"],
        technologies: ["Python", "JavaScript"],
      },
    ],
    projects: [],
    education: [],
    skills: { technical: ["Python", "JavaScript", "Kubernetes"], soft: [], languages: [], certifications: [] },
    links: [],
  };
  injection?.draft(draft);
  return draft;
}
