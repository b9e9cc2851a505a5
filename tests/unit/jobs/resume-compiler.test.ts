import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseJobText } from "../../../src/core/job-parser.ts";
import { rankProfile } from "../../../src/core/ranking.ts";
import { compileResume, estimateLines, type CompileOptions, type CompilerProfile } from "../../../src/core/resume-compiler.ts";
import type { ParsedJob } from "../../../src/core/types.ts";
import { backendProfile } from "../../fixtures/jobs/profiles.ts";

const NOW = new Date("2025-06-01T00:00:00Z");
const backendJob = parseJobText(readFileSync(new URL("../../fixtures/jobs/backend-engineer.txt", import.meta.url), "utf8"));
const options: CompileOptions = { maxExperiences: 3, maxBulletsPerExperience: 3, includeProjects: true, includeEducation: true, format: "TEXT" };

function compile(profile: CompilerProfile = backendProfile, job: ParsedJob = backendJob, over: Partial<CompileOptions> = {}) {
  return compileResume({ profile, ranking: rankProfile(profile, job, { now: NOW }), job, options: { ...options, ...over } });
}

const headings = (content: string) => content.split("\n").filter((l) => /^[A-Z]{4,}$/.test(l));

describe("compileResume", () => {
  const result = compile();

  it("keeps the relevant roles, drops the unrelated one and shows them newest first", () => {
    expect(result.content).toContain("Senior Software Engineer, Ledgerly\nRemote | Apr 2021 – Present");
    expect(result.content).toContain("Software Engineer, Shopwave\nAustin, TX | Jan 2018 – Mar 2021");
    expect(result.content.indexOf("Ledgerly")).toBeLessThan(result.content.indexOf("Shopwave"));
    expect(result.content).not.toContain("Barista");
  });

  it("picks each role's most relevant bullets and keeps their original order", () => {
    const bullets = result.included.filter((i) => i.kind === "BULLET" && i.itemId === "exp-ledgerly").map((i) => i.bulletIndex);
    expect(bullets).toEqual([0, 1, 3]);
    expect(result.content).not.toContain("hackathon");
    // Shopwave's best bullet (index 1) is printed after bullet 0, as the user wrote them.
    const shopwave = result.content.slice(result.content.indexOf("Shopwave"));
    expect(shopwave.indexOf("Built Java Spring Boot")).toBeLessThan(shopwave.indexOf("Provisioned AWS"));
    expect(result.content).not.toContain("React dashboards");
  });

  it("prints skills by relevance under their canonical names", () => {
    expect(result.content).toContain(
      "Skills: Go, PostgreSQL, Kubernetes, Redis, Java, AWS, Terraform, Mentoring, MySQL, React, Public Speaking\nCertifications: AWS Certified Solutions Architect\nLanguages: Spanish",
    );
  });

  it("orders sections by relevance after the header and summary", () => {
    expect(headings(result.content)).toEqual(["SUMMARY", "EXPERIENCE", "SKILLS", "PROJECTS", "EDUCATION"]);
    expect(result.content.startsWith("DANA WHITFIELD\ndana.whitfield@example.com | +1 555 0142 | Denver, CO | GitHub: https://github.com/danaw\n")).toBe(true);
    const noProjects = compile(backendProfile, backendJob, { includeProjects: false, includeEducation: false });
    expect(headings(noProjects.content)).toEqual(["SUMMARY", "EXPERIENCE", "SKILLS"]);
  });

  it("puts projects above experience when they match the job better", () => {
    const profile: CompilerProfile = {
      ...backendProfile,
      experiences: [backendProfile.experiences[2]],
      projects: backendProfile.projects,
    };
    // The only role (a barista job) matches nothing, so it comes last.
    expect(headings(compile(profile).content)).toEqual(["SUMMARY", "PROJECTS", "SKILLS", "EDUCATION", "EXPERIENCE"]);
  });

  it("lists what it included, with scores and reasons, in document order", () => {
    expect(result.included[0]).toMatchObject({ kind: "EXPERIENCE", itemId: "exp-ledgerly", bulletIndex: null });
    expect(result.included[0].reason).toMatch(/^Matches 3 required skills/);
    for (const item of result.included.filter((i) => i.kind === "BULLET")) {
      const owner = [...backendProfile.experiences, ...backendProfile.projects].find((o) => o.id === item.itemId)!;
      expect(result.content).toContain(owner.bullets[item.bulletIndex!]);
    }
  });

  it("renders Markdown", () => {
    const md = compile(backendProfile, backendJob, { format: "MARKDOWN" }).content;
    expect(md).toMatch(/^# Dana Whitfield\n/);
    expect(md).toContain("[GitHub](https://github.com/danaw)");
    expect(md).toContain("## Experience\n### Senior Software Engineer, Ledgerly\n*Remote · Apr 2021 – Present*\n- Designed a Go payment-routing service");
    expect(md).toContain("**Skills:** Go, PostgreSQL, Kubernetes");
  });

  it("is byte-identical for the same inputs", () => {
    const again = compile(structuredClone(backendProfile), structuredClone(backendJob));
    expect(again.content).toBe(result.content);
    expect(again.included).toEqual(result.included);
  });

  it("uses enhanced text only where the user chose it", () => {
    const enhanced = backendProfile.experiences[0].bullets.map((b) => `${b} (enhanced)`);
    const chosen: CompilerProfile = {
      ...backendProfile,
      summary: "Original summary.",
      enhancedSummary: "Enhanced summary.",
      useEnhancedSummary: true,
      experiences: [{ ...backendProfile.experiences[0], enhancedBullets: enhanced, useEnhanced: true }, ...backendProfile.experiences.slice(1)],
    };
    const on = compile(chosen).content;
    expect(on).toContain("Designed a Go payment-routing service on k8s that processes 2M transactions a day (enhanced)");
    expect(on).toContain("Enhanced summary.");
    expect(on).not.toContain("Original summary.");

    const off = compile({ ...chosen, useEnhancedSummary: false, experiences: [{ ...chosen.experiences[0], useEnhanced: false }, ...chosen.experiences.slice(1)] }).content;
    expect(off).not.toContain("(enhanced)");
    expect(off).toContain("Original summary.");
  });

  it("scores enhanced bullets afresh when their count differs from the originals", () => {
    const profile: CompilerProfile = {
      ...backendProfile,
      experiences: [
        {
          ...backendProfile.experiences[0],
          useEnhanced: true,
          enhancedBullets: ["Led the office book club", "Built Go services on Kubernetes backed by PostgreSQL", "Ran the hackathon"],
        },
        ...backendProfile.experiences.slice(1),
      ],
    };
    const r = compile(profile, backendJob, { maxBulletsPerExperience: 1 });
    expect(r.content).toContain("- Built Go services on Kubernetes backed by PostgreSQL");
    expect(r.content).not.toContain("book club");
    expect(r.included.find((i) => i.kind === "BULLET" && i.itemId === "exp-ledgerly")).toMatchObject({
      bulletIndex: 1,
      reason: "Matches 3 required skills (Go, Kubernetes, PostgreSQL).",
    });
  });

  it("respects maxExperiences and maxBulletsPerExperience", () => {
    const r = compile(backendProfile, backendJob, { maxExperiences: 1, maxBulletsPerExperience: 1 });
    expect(r.included.filter((i) => i.kind === "EXPERIENCE").map((i) => i.itemId)).toEqual(["exp-ledgerly"]);
    expect(r.included.filter((i) => i.kind === "BULLET" && i.itemId === "exp-ledgerly").map((i) => i.bulletIndex)).toEqual([0]);
  });

  it("fits a page budget by dropping the weakest content first", () => {
    const full = estimateLines(result.content);
    const tight = compile(backendProfile, backendJob, { pageBudgetLines: 28 });
    expect(full).toBeGreaterThan(28);
    expect(estimateLines(tight.content)).toBeLessThanOrEqual(28);
    expect(tight.content).toContain("Designed a Go payment-routing service");
    expect(tight.content).toContain("Provisioned AWS infrastructure");
    expect(tight.content).not.toContain("Mentored four engineers");
    // Every role that is shown keeps at least one bullet.
    for (const exp of tight.included.filter((i) => i.kind === "EXPERIENCE")) {
      expect(tight.included.some((i) => i.kind === "BULLET" && i.itemId === exp.itemId)).toBe(true);
    }
  });

  it("fills thin resumes with unmatched roles rather than leaving them empty", () => {
    const job: ParsedJob = {
      ...backendJob,
      title: "Underwater Welder",
      description: "Underwater Welder. Commercial diving.",
      keywords: [],
      requirements: [{ text: "Commercial diving", required: true, keywords: [] }],
      responsibilities: [],
    };
    const r = compile(backendProfile, job);
    expect(r.included.filter((i) => i.kind === "EXPERIENCE").map((i) => [i.itemId, i.score])).toEqual([
      ["exp-ledgerly", 0],
      ["exp-shopwave", 0],
    ]);
    expect(r.included.filter((i) => i.kind === "BULLET").map((i) => `${i.itemId}#${i.bulletIndex}`)).toEqual([
      "exp-ledgerly#0",
      "exp-ledgerly#1",
      "exp-shopwave#0",
      "exp-shopwave#1",
    ]);
    expect(r.content).not.toContain("PROJECTS");
  });
});
