// Every pure function that sees user text, as `(text) => unknown`, with the text placed where a
// user can put it: a pasted job, a sample, a resume for the ATS report, a document to export, a
// bullet or summary to enhance, a profile field that ranking, compiling and the cover letter read.
import { parseJobFields, parseJobText, parseSalary } from "../../../src/core/job-parser.ts";
import { analyzeStyle, DEFAULT_STYLE } from "../../../src/core/style.ts";
import { atsReport, detectSections } from "../../../src/core/ats.ts";
import { parseBlocks, renderText } from "../../../src/modules/document/render.ts";
import { bulletClause, enhanceBullet, enhanceSummary, explainChanges, removeFillers } from "../../../src/core/enhance.ts";
import { rankProfile, scoreTexts } from "../../../src/core/ranking.ts";
import { compileResume } from "../../../src/core/resume-compiler.ts";
import { composeCoverLetter } from "../../../src/core/cover-letter.ts";
import { canonicalSkill, findSkills } from "../../../src/core/lexicon.ts";
import { countPhrase, normaliseText, retrievalTokens, splitSentences, wordCount } from "../../../src/core/text.ts";
import type { ParsedJob, ProfileData } from "../../../src/core/types.ts";

const NOW = new Date("2025-06-01T00:00:00Z");

export const JOB: ParsedJob = parseJobText(
  [
    "Senior Backend Engineer",
    "Acme Cloud GmbH | Berlin, Germany (Hybrid)",
    "",
    "Requirements",
    "- 5+ years of TypeScript and Node.js",
    "- Production Kubernetes experience",
    "",
    "Nice to have",
    "- Kafka, PostgreSQL",
    "",
    "Responsibilities",
    "- Own the Payments Platform and the Payments Platform roadmap",
    "",
    "Salary: €80,000 – €95,000 per year",
  ].join("\n"),
);

/** A small, realistic profile with `text` put into the field `where` names. */
export function profileWith(text: string, where: "summary" | "bullet" | "title" | "skill" | "education" | "technology"): ProfileData {
  return {
    fullName: "Ada Lovelace",
    email: "ada@example.com",
    phone: "+44 20 7946 0958",
    location: "London",
    links: [],
    summary: where === "summary" ? text : "Backend engineer with 8 years of TypeScript.",
    skills: { technical: ["TypeScript", "Kubernetes", ...(where === "skill" ? [text] : [])], soft: [], languages: ["English"], certifications: [] },
    experiences: [
      {
        id: "exp-1",
        title: where === "title" ? text : "Senior Engineer",
        company: "Globex",
        current: true,
        startDate: "2021-03",
        bullets: ["Led the migration of 40 services to Kubernetes", where === "bullet" ? text : "Built payment APIs in TypeScript"],
        technologies: ["Kubernetes", ...(where === "technology" ? [text] : [])],
      },
    ],
    projects: [{ id: "proj-1", name: "OpenLedger", bullets: ["Wrote a ledger in TypeScript"], technologies: ["TypeScript"] }],
    education: [
      { id: "edu-1", institution: where === "education" ? text : "University of Leeds", degree: "BSc", field: "Computer Science", honors: [], coursework: [] },
    ],
  };
}

const compile = (profile: ProfileData, job: ParsedJob) =>
  compileResume({
    profile,
    ranking: rankProfile(profile, job, { now: NOW }),
    job,
    options: { maxExperiences: 5, maxBulletsPerExperience: 4, includeProjects: true, includeEducation: true, format: "MARKDOWN" },
  });

const letter = (profile: ProfileData, job: ParsedJob) =>
  composeCoverLetter({ profile, job, ranking: rankProfile(profile, job, { now: NOW }).items, style: DEFAULT_STYLE, tone: "ENTHUSIASTIC", length: "LONG" });

/** A job whose own text is the adversarial one: what ranking, ATS and the letter get after createJob. */
const jobFrom = (text: string): ParsedJob => ({ ...parseJobText(text), title: "Engineer", company: "Acme" });

export type EntryPoint = (text: string) => unknown;

export const ENTRY_POINTS: Record<string, EntryPoint> = {
  // job parser
  "parseJobText": (s) => parseJobText(s),
  "parseJobFields description": (s) => parseJobFields({ description: s }),
  "parseJobFields fields": (s) => parseJobFields({ description: "Backend role", title: s, company: s, salary: s, requirements: [s], remote: s, experience: s }),
  "parseSalary": (s) => parseSalary(s),
  // style
  "analyzeStyle resume": (s) => analyzeStyle(s, "RESUME"),
  "analyzeStyle cover letter": (s) => analyzeStyle(s, "COVER_LETTER"),
  // ATS
  "atsReport resume text": (s) => atsReport(s, JOB),
  "atsReport job text": (s) => atsReport("Summary\nEngineer\nExperience\n- Built TypeScript services\nSkills\nKubernetes", jobFrom(s)),
  "detectSections": (s) => detectSections(s),
  // export renderer (PDF and DOCX are timed through the server; their Markdown reading is this)
  "parseBlocks": (s) => parseBlocks(s),
  "renderText": (s) => renderText(s),
  // enhance rules
  "enhanceBullet": (s) => enhanceBullet(s, { style: DEFAULT_STYLE, current: false }),
  "enhanceSummary": (s) => enhanceSummary(s, DEFAULT_STYLE),
  "removeFillers": (s) => removeFillers(s),
  "bulletClause": (s) => bulletClause(s, "past"),
  "explainChanges": (s) => explainChanges(s, enhanceBullet(s, { style: DEFAULT_STYLE, current: true })),
  // ranking
  "rankProfile bullet": (s) => rankProfile(profileWith(s, "bullet"), JOB, { now: NOW }),
  "rankProfile skill and title": (s) => rankProfile({ ...profileWith(s, "skill"), experiences: profileWith(s, "title").experiences }, JOB, { now: NOW }),
  "rankProfile job text": (s) => rankProfile(profileWith("Built APIs", "bullet"), jobFrom(s), { now: NOW }),
  "scoreTexts": (s) => scoreTexts([s, "Built TypeScript APIs"], JOB),
  // resume compiler
  "compileResume bullet": (s) => compile(profileWith(s, "bullet"), JOB),
  "compileResume summary and education": (s) => compile({ ...profileWith(s, "summary"), education: profileWith(s, "education").education }, JOB),
  "compileResume job text": (s) => compile(profileWith("Built TypeScript APIs", "bullet"), jobFrom(s)),
  // cover letter
  "composeCoverLetter bullet": (s) => letter(profileWith(s, "bullet"), JOB),
  "composeCoverLetter summary": (s) => letter(profileWith(s, "summary"), JOB),
  "composeCoverLetter job text": (s) => letter(profileWith("Built TypeScript APIs", "bullet"), jobFrom(s)),
  // lexicon and text helpers everything above shares
  "findSkills": (s) => findSkills(s),
  "canonicalSkill": (s) => canonicalSkill(s),
  "retrievalTokens": (s) => retrievalTokens(s),
  "countPhrase": (s) => countPhrase(s, "payments platform"),
  "normaliseText": (s) => normaliseText(s),
  "splitSentences": (s) => splitSentences(s),
  "wordCount": (s) => wordCount(s),
};
