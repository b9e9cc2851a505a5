import { describe, expect, it } from "vitest";
import { composeCoverLetter, composeCoverLetterChunks, type CoverLetterInput } from "../../../src/core/cover-letter.ts";
import { checkGrounding, extractFacts, jobTexts, profileTexts } from "../../../src/core/grounding.ts";
import { parseJobText } from "../../../src/core/job-parser.ts";
import { rankProfile } from "../../../src/core/ranking.ts";
import { analyzeStyle } from "../../../src/core/style.ts";
import type { Tone } from "../../../src/core/types.ts";
import {
  engineer,
  engineerJob,
  engineerRanking,
  nurse,
  nurseJob,
  nurseRanking,
  seller,
  sellerJob,
  sellerRanking,
  style,
  thin,
  thinRanking,
} from "./fixtures.ts";

const CASES = {
  engineer: { profile: engineer, job: engineerJob, ranking: engineerRanking },
  nurse: { profile: nurse, job: nurseJob, ranking: nurseRanking },
  seller: { profile: seller, job: sellerJob, ranking: sellerRanking },
};
const TONES: Tone[] = ["FORMAL", "NEUTRAL", "CONVERSATIONAL", "ENTHUSIASTIC"];
const LENGTHS = ["SHORT", "MEDIUM", "LONG"] as const;

function input(name: keyof typeof CASES, overrides: Partial<CoverLetterInput> = {}): CoverLetterInput {
  return { ...CASES[name], style: style(), tone: "NEUTRAL", length: "MEDIUM", ...overrides };
}

function words(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** Paragraphs between the greeting and the sign-off. */
function bodyParagraphs(letter: string): string[] {
  return letter.split("\n\n").slice(1, -1);
}

describe("composeCoverLetter", () => {
  it("names the candidate, the job title and the company", () => {
    for (const name of Object.keys(CASES) as (keyof typeof CASES)[]) {
      const letter = composeCoverLetter(input(name));
      const { profile, job } = CASES[name];
      expect(letter).toContain(profile.fullName!);
      expect(letter).toContain(job.title!);
      expect(letter).toContain(job.company!);
    }
  });

  it("carries the facts of the top-ranked bullet", () => {
    for (const length of LENGTHS) {
      const letter = composeCoverLetter(input("engineer", { length }));
      const top = engineer.experiences[0].bullets[0];
      const facts = extractFacts(top);
      const letterFacts = extractFacts(letter);
      expect(letterFacts.numbers).toEqual(expect.arrayContaining(facts.numbers));
      expect(letterFacts.technologies).toEqual(expect.arrayContaining(facts.technologies));
      expect(letter).toContain("Globex Payments");
    }
  });

  it("writes the current role in the present and an ended one in the past", () => {
    const letter = composeCoverLetter(input("engineer", { length: "LONG" }));
    expect(letter).toContain("I lead the migration of 40 services");
    expect(letter).toContain("I built a Kafka event pipeline");
  });

  it("grows with the requested length: SHORT < MEDIUM < LONG", () => {
    for (const name of Object.keys(CASES) as (keyof typeof CASES)[]) {
      for (const tone of TONES) {
        const [s, m, l] = LENGTHS.map((length) => words(composeCoverLetter(input(name, { tone, length }))));
        expect(s).toBeLessThan(m);
        expect(m).toBeLessThan(l);
      }
    }
  });

  it("keeps weaker facts out of a short letter", () => {
    const letter = composeCoverLetter(input("engineer", { length: "SHORT" }));
    expect(letter).not.toContain("Initech");
    expect(letter).not.toContain("Kafka");
    expect(letter).not.toContain("OpenLedger");
  });

  it("only names skills the job asks for", () => {
    const letter = composeCoverLetter(input("engineer", { length: "MEDIUM" }));
    const skillsSentence = letter.split(/(?<=\.)\s+/).find((s) => s.startsWith("My skills include"));
    expect(skillsSentence).toBe("My skills include Kubernetes, TypeScript and PostgreSQL, matching what this role asks for.");
  });

  it("passes the grounding check for every profile, tone and length", () => {
    for (const name of Object.keys(CASES) as (keyof typeof CASES)[]) {
      const { profile, job } = CASES[name];
      const sources = [...profileTexts(profile), ...jobTexts(job)];
      for (const tone of TONES) {
        for (const length of LENGTHS) {
          const letter = composeCoverLetter(input(name, { tone, length }));
          expect(checkGrounding(letter, sources)).toEqual({ ok: true, violations: [] });
        }
      }
    }
  });

  it("says less, and invents nothing, when the profile barely matches", () => {
    const thinInput: CoverLetterInput = { profile: thin, job: sellerJob, ranking: thinRanking, style: style(), tone: "NEUTRAL", length: "LONG" };
    const letter = composeCoverLetter(thinInput);
    expect(checkGrounding(letter, [...profileTexts(thin), ...jobTexts(sellerJob)]).ok).toBe(true);
    // The only bullet scored below relevance: it is not dressed up as a match.
    expect(letter).not.toContain("200");
    expect(bodyParagraphs(letter)).toHaveLength(2);
    expect(words(letter)).toBeLessThan(words(composeCoverLetter(input("seller", { length: "LONG" }))));
  });

  it("uses the style's greeting and closing", () => {
    const letter = composeCoverLetter(input("engineer", { style: style({ greeting: "Hi there", closing: "Cheers," }) }));
    expect(letter.startsWith("Hi there,\n\n")).toBe(true);
    expect(letter.endsWith("Cheers,\nJane Doe")).toBe(true);
  });

  it("replaces a style greeting that names someone the sources do not know", () => {
    const letter = composeCoverLetter(input("engineer", { style: style({ greeting: "Dear Ms. Smith," }) }));
    expect(letter.startsWith("Dear Hiring Manager,\n\n")).toBe(true);
  });

  it("falls back to the tone's greeting and closing", () => {
    const formal = composeCoverLetter(input("nurse", { tone: "FORMAL" }));
    const casual = composeCoverLetter(input("nurse", { tone: "CONVERSATIONAL" }));
    expect(formal.split("\n")[0]).toBe("Dear Hiring Manager,");
    expect(formal).toMatch(/Sincerely,\nMaria Santos$/);
    expect(casual.split("\n")[0]).toBe("Hello,");
    expect(casual).toMatch(/Best,\nMaria Santos$/);
  });

  it("follows the style's paragraph count", () => {
    const three = composeCoverLetter(input("engineer", { length: "LONG", style: style({ paragraphCount: 3 }) }));
    const free = composeCoverLetter(input("engineer", { length: "LONG" }));
    expect(bodyParagraphs(three)).toHaveLength(3);
    expect(bodyParagraphs(free)).toHaveLength(5);
    // Fewer paragraphs, same facts.
    expect(extractFacts(three).numbers).toEqual(expect.arrayContaining(extractFacts(free).numbers));
  });

  it("changes wording with the tone", () => {
    const texts = TONES.map((tone) => composeCoverLetter(input("seller", { tone })));
    expect(new Set(texts).size).toBe(TONES.length);
    expect(texts[3]).toContain("!");
    expect(texts[0]).not.toContain("!");
  });

  it("copes with a job that has no title or company", () => {
    const job = { ...engineerJob, title: null, company: null };
    const letter = composeCoverLetter({ ...input("engineer"), job });
    expect(letter).toContain("this position");
    expect(letter).not.toContain("null");
    expect(checkGrounding(letter, [...profileTexts(engineer), ...jobTexts(job)]).ok).toBe(true);
  });

  it("is deterministic", () => {
    expect(composeCoverLetter(input("engineer", { length: "LONG" }))).toBe(composeCoverLetter(input("engineer", { length: "LONG" })));
  });
});

describe("composeCoverLetterChunks", () => {
  it("yields pieces that join into exactly the letter", () => {
    for (const length of LENGTHS) {
      const chunks = [...composeCoverLetterChunks(input("engineer", { length }))];
      expect(chunks.length).toBeGreaterThan(4);
      expect(chunks.join("")).toBe(composeCoverLetter(input("engineer", { length })));
      expect(chunks[0]).toBe("Dear Hiring Manager,\n\n");
    }
  });
});

// The builtin pipeline end to end: a pasted posting, the real ranking and a style learnt from a
// sample letter, as generateCoverLetter runs them without an API key.
describe("composeCoverLetter with the real parser, ranking and style", () => {
  const posting = [
    "Senior Platform Engineer",
    "Umbrella Systems — Berlin (Hybrid)",
    "",
    "About the role",
    "We run a payments platform on Kubernetes and AWS.",
    "",
    "Requirements",
    "- 5+ years of experience with TypeScript and Node.js",
    "- Production experience with Kubernetes",
    "- Strong PostgreSQL skills",
    "",
    "Responsibilities",
    "- Design and operate core services",
  ].join("\n");
  const sample = [
    "Dear Hiring Manager,",
    "",
    "I am writing to apply for the Data Analyst role at Initrode. I have five years of experience in analytics.",
    "",
    "At my current company I built dashboards. I also led a reporting migration.",
    "",
    "Thank you for your consideration.",
    "",
    "Sincerely,",
    "Alex",
  ].join("\n");

  it("writes a grounded letter that keeps each fact with its own employer or project", () => {
    const job = parseJobText(posting);
    const ranking = rankProfile(engineer, job, { now: new Date("2025-01-01T00:00:00Z") });
    const learnt = analyzeStyle(sample, "COVER_LETTER");
    for (const length of LENGTHS) {
      const letter = composeCoverLetter({ profile: engineer, job, ranking: ranking.items, style: learnt, tone: learnt.tone, length });
      expect(checkGrounding(letter, [...profileTexts(engineer), ...jobTexts(job)])).toEqual({ ok: true, violations: [] });
      expect(letter).toContain(job.title!);
      expect(letter).toContain(job.company!);
      // Nothing from the sample letter's own content leaks in.
      expect(letter).not.toContain("Initrode");
      expect(letter).not.toContain("Alex");
      const sentences = letter.split(/(?<=[.!?])\s+/);
      for (const s of sentences.filter((x) => x.includes("1,200 GitHub stars"))) expect(s).toContain("OpenLedger");
      for (const s of sentences.filter((x) => x.includes("40 services"))) expect(s).not.toContain("OpenLedger");
    }
  });
});
