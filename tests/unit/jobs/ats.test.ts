import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ATS_WEIGHTS, atsReport, detectSections } from "../../../src/core/ats.ts";
import { parseJobText } from "../../../src/core/job-parser.ts";
import type { ParsedJob } from "../../../src/core/types.ts";

const backendJob = parseJobText(readFileSync(new URL("../../fixtures/jobs/backend-engineer.txt", import.meta.url), "utf8"));

const filler = (words: number) => Array.from({ length: words }, (_, i) => `word${i % 50}`).join(" ");

function resume(body: string, extraWords = 0): string {
  return `Dana Whitfield
dana@example.com | +1 555 0142

SUMMARY
Backend engineer.

EXPERIENCE
Senior Software Engineer, Ledgerly
- ${body}
${extraWords ? `- ${filler(extraWords)}` : ""}

EDUCATION
BSc Computer Science

SKILLS
Go, PostgreSQL`;
}

const job = (over: Partial<ParsedJob>): ParsedJob => ({
  title: "Engineer",
  company: null,
  location: null,
  description: "",
  keywords: [],
  requirements: [],
  responsibilities: [],
  benefits: [],
  salary: null,
  remoteMode: "UNKNOWN",
  seniority: null,
  yearsExperience: null,
  ...over,
});

describe("atsReport", () => {
  it("measures required and preferred coverage through aliases and lists missing keywords, required first", () => {
    const text = resume("Built Golang services on k8s with postgres, Redis, Docker and AWS; distributed systems; REST APIs in Java. Terraform.", 400);
    const r = atsReport(text, backendJob);
    expect(r.required.matched).toEqual(
      expect.arrayContaining(["Go", "Kubernetes", "PostgreSQL", "Redis", "Docker", "AWS", "Distributed Systems", "REST APIs", "Java"]),
    );
    expect(r.required.missing).toEqual(["Kotlin"]);
    expect(r.preferred.matched).toEqual(["Terraform"]);
    expect(r.missingKeywords[0]).toBe("Kotlin");
    expect(r.missingKeywords.slice(1)).toEqual(r.preferred.missing);
    expect(r.required.coverage).toBeCloseTo(10 / 11, 5);
  });

  it("adds up a score from its documented components", () => {
    const text = resume("Built Go services on k8s with postgres.", 400);
    const r = atsReport(text, backendJob);
    expect(r.breakdown.map((c) => c.name)).toEqual(["requiredKeywords", "preferredKeywords", "sections", "length", "contact"]);
    expect(r.breakdown.reduce((s, c) => s + c.weight, 0)).toBe(100);
    expect(r.score).toBe(r.breakdown.reduce((s, c) => s + c.earned, 0));
    const part = (name: string) => r.breakdown.find((c) => c.name === name)!;
    // Go, PostgreSQL (twice), Kubernetes and "Backend" in the summary: 4 of 11 required.
    expect(part("requiredKeywords").earned).toBe(Math.round(50 * (4 / 11)));
    expect(part("preferredKeywords")).toMatchObject({ weight: 15, earned: 0 });
    expect(part("sections")).toMatchObject({ earned: 20 });
    expect(part("length")).toMatchObject({ earned: 10 });
    expect(part("contact")).toMatchObject({ earned: 5, detail: "Email and phone found." });
    expect(r.score).toBe(18 + 0 + 20 + 10 + 5);
  });

  it("checks length: fine between 350 and 900 words, half marks just outside, none far outside", () => {
    expect(atsReport(resume("Go.", 500), backendJob).length.status).toBe("OK");
    const short = atsReport(resume("Go.", 280), backendJob);
    expect(short.length.status).toBe("TOO_SHORT");
    expect(short.breakdown.find((c) => c.name === "length")!.earned).toBe(5);
    const long = atsReport(resume("Go.", 1500), backendJob);
    expect(long.length.status).toBe("TOO_LONG");
    expect(long.breakdown.find((c) => c.name === "length")!.earned).toBe(0);
    expect(long.wordCount).toBeGreaterThan(1500);
  });

  it("reports missing sections and contact details", () => {
    const r = atsReport("Built Go services.\nKubernetes and PostgreSQL.", backendJob);
    expect(r.sections.filter((s) => s.present)).toEqual([]);
    expect(r.breakdown.find((c) => c.name === "sections")).toMatchObject({
      earned: 0,
      detail: "Missing section headings: experience, education, skills, summary.",
    });
    expect(r.breakdown.find((c) => c.name === "contact")).toMatchObject({ earned: 0, detail: "Missing email and phone." });
  });

  it("gives the preferred weight to required keywords when the job lists no preferred ones", () => {
    const j = job({ keywords: ["Python", "SQL"], requirements: [{ text: "Python and SQL", required: true, keywords: ["Python", "SQL"] }] });
    const r = atsReport("Python", j);
    const req = r.breakdown.find((c) => c.name === "requiredKeywords")!;
    expect(req).toMatchObject({ weight: ATS_WEIGHTS.requiredKeywords + ATS_WEIGHTS.preferredKeywords, earned: 33 });
    expect(r.breakdown.find((c) => c.name === "preferredKeywords")).toMatchObject({ weight: 0, earned: 0 });
  });

  it("falls back to the job's keywords when it states no requirements, matching unknown phrases literally", () => {
    const j = job({ keywords: ["Salesforce", "Widget Wrangling"] });
    const r = atsReport("Ten years of widget-wrangling and SFDC administration.", j);
    expect(r.required.matched).toEqual(["Salesforce", "Widget Wrangling"]);
    expect(r.required.coverage).toBe(1);
  });

  it("is deterministic", () => {
    const text = resume("Built Go services on k8s.", 300);
    expect(atsReport(text, backendJob)).toEqual(atsReport(text, backendJob));
  });
});

describe("detectSections", () => {
  it("recognises common heading styles", () => {
    const text = "## Professional Summary\nx\n**Work Experience**\nx\nEDUCATION:\nx\nTechnical Skills\nx\nSelected Projects\nCertifications\n";
    expect([...detectSections(text)].sort()).toEqual(["certifications", "education", "experience", "projects", "skills", "summary"]);
  });

  it("does not treat sentences as headings", () => {
    expect(detectSections("I have experience with skills that matter in education.").size).toBe(0);
  });
});
