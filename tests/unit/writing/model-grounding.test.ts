/** groundJob and groundDraft: a model's value is kept only where the text has it as whole words (issue 9). */
import { describe, expect, it } from "vitest";
import { groundJob, termMatcher } from "../../../src/core/job-grounding.ts";
import { groundDraft } from "../../../src/core/draft-grounding.ts";
import { parseJobText } from "../../../src/core/job-parser.ts";
import { parseResumeText } from "../../../src/core/resume-parser.ts";

const JOB = `Backend Engineer
Acme Robotics — Berlin

We build scalable JavaScript services that customers trust, and we are going fast. Experience with k8s.
Requirements
- Experience with JavaScript
`;

describe("termMatcher", () => {
  const text = termMatcher(JOB);
  it.each([
    ["Java", null], ["Scala", null], ["Rust", null], ["Go", null], ["Golang", null],
    ["JavaScript", "JavaScript"], ["JS", "JavaScript"], ["Kubernetes", "Kubernetes"], ["scalable", "scalable"], ["going fast", "going fast"],
  ])("%s → %s", (term, expected) => {
    expect(text.term(term)).toBe(expected);
  });

  it("finds phrases only as whole words", () => {
    expect(text.has("Acme Robotics")).toBe(true);
    expect(text.has("Acme Robot")).toBe(false);
    expect(text.has("cme")).toBe(false);
  });
});

describe("groundJob", () => {
  it("drops keywords, companies and requirements that are only substrings of the job's words", () => {
    const rules = parseJobText(JOB);
    const llm = { ...rules, company: "Acme Robot", title: "Backend", keywords: ["Java", "Scala", "Rust", "Go", "JS", "trust"], requirements: [{ text: "Experience with Java", required: true, keywords: ["Java", "JavaScript"] }] };
    const job = groundJob(llm, rules, JOB);
    for (const k of ["Java", "Scala", "Rust", "Go"]) expect(job.keywords).not.toContain(k);
    expect(job.keywords).toEqual(expect.arrayContaining(["JavaScript", "trust"]));
    expect(job.company).toBe(rules.company);
    expect(job.title).toBe("Backend"); // a whole word of the text
    expect(job.requirements).toEqual(rules.requirements); // "Experience with Java" is not in the text
  });
});

describe("groundDraft", () => {
  const RESUME = "Lin Park\nlin@example.com\n\nExperience\nBackend Engineer, Zalando — 2021-03 to present\n- Made the build 13x faster\n- Designed the metadata store for scalable JavaScript services\n- Served 120000 requests\n\nSkills\nPython, JavaScript\n";
  it("keeps whole values and drops values hidden inside longer words or numbers", () => {
    const rules = parseResumeText(RESUME);
    const draft = groundDraft(
      {
        fullName: "Lin Park",
        experiences: [
          { title: "Backend Engineer", company: "Zalando", startDate: "2021-03", bullets: ["Made the build 13x faster", "3x faster"], technologies: ["JavaScript", "Java", "Scala"] },
          { title: "Backend Engineer", company: "Meta", startDate: "2000-01", bullets: [] },
        ],
        skills: { technical: ["Python", "Rust", "Go", "JS"] },
      },
      rules,
      RESUME,
    );
    const zalando = draft.profile.experiences.find((e) => e.company === "Zalando")!;
    expect(zalando.bullets).toEqual(["Made the build 13x faster"]);
    expect(zalando.technologies).toEqual(["JavaScript"]);
    expect(draft.profile.experiences.some((e) => e.company === "Meta")).toBe(false);
    expect(draft.profile.skills.technical).toEqual(["Python", "JS"]);
  });
});
