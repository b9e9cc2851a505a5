import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseJobText } from "../../../src/core/job-parser.ts";
import { experienceRecency, rankProfile, scoreTexts } from "../../../src/core/ranking.ts";
import type { ExperienceData, ParsedJob, ProfileData, RankedItem } from "../../../src/core/types.ts";
import { backendProfile, nurseProfile } from "../../fixtures/jobs/profiles.ts";

const NOW = new Date("2025-06-01T00:00:00Z");
const job = (name: string) => parseJobText(readFileSync(new URL(`../../fixtures/jobs/${name}.txt`, import.meta.url), "utf8"));
const backendJob = job("backend-engineer");

const find = (items: RankedItem[], kind: RankedItem["kind"], id: string, bullet: number | null = null) =>
  items.find((i) => i.kind === kind && i.itemId === id && i.bulletIndex === bullet)!;

function experience(id: string, bullets: string[], extra: Partial<ExperienceData> = {}): ExperienceData {
  return { id, title: "Engineer", company: "Acme", startDate: "2015-01", endDate: null, current: true, bullets, technologies: [], ...extra };
}

function profileWith(experiences: ExperienceData[], technical: string[] = []): ProfileData {
  return { links: [], skills: { technical, soft: [], languages: [], certifications: [] }, experiences, projects: [], education: [] };
}

const smallJob: ParsedJob = {
  title: "Platform Engineer",
  company: "Acme",
  location: null,
  description: "Platform Engineer. Requirements: Kubernetes and Go. Nice to have: Terraform.",
  keywords: ["Kubernetes", "Go", "Terraform"],
  requirements: [
    { text: "Kubernetes and Go", required: true, keywords: ["Kubernetes", "Go"] },
    { text: "Terraform", required: false, keywords: ["Terraform"] },
  ],
  responsibilities: [],
  benefits: [],
  salary: null,
  remoteMode: "UNKNOWN",
  seniority: null,
  yearsExperience: null,
};

describe("rankProfile", () => {
  const ranking = rankProfile(backendProfile, backendJob, { now: NOW });

  it("scores every experience, project, bullet and skill within 0..1", () => {
    const count = (kind: RankedItem["kind"]) => ranking.items.filter((i) => i.kind === kind).length;
    expect(count("EXPERIENCE")).toBe(3);
    expect(count("PROJECT")).toBe(2);
    expect(count("BULLET")).toBe(5 + 3 + 2 + 1 + 1);
    expect(count("SKILL")).toBe(13);
    for (const i of ranking.items) {
      expect(i.score).toBeGreaterThanOrEqual(0);
      expect(i.score).toBeLessThanOrEqual(1);
      expect(i.reason).toMatch(/\.$/);
    }
  });

  it("ranks the relevant current role first and the unrelated one last, and explains why", () => {
    const experiences = ranking.items.filter((i) => i.kind === "EXPERIENCE");
    expect(experiences.map((e) => e.itemId)).toEqual(["exp-ledgerly", "exp-shopwave", "exp-cafe"]);
    expect(experiences[0].score).toBeGreaterThan(0.9);
    expect(experiences[0].matchedKeywords.slice(0, 3)).toEqual(["Go", "Kubernetes", "PostgreSQL"]);
    expect(experiences[0].reason).toBe(
      "Matches 3 required skills (Go, Kubernetes, PostgreSQL) and 3 job keywords (Code Review, GitHub Actions, Mentoring); current role.",
    );
    expect(experiences[1].reason).toBe("Matches 3 required skills (AWS, Docker, Java) and 1 preferred skill (Terraform); ended 4 years ago.");
    expect(experiences[2]).toMatchObject({ score: 0, matchedKeywords: [], reason: "No job keywords found; ended 8 years ago." });
  });

  it("maps aliases through the lexicon (k8s and postgres in bullets match Kubernetes and PostgreSQL)", () => {
    const b0 = find(ranking.items, "BULLET", "exp-ledgerly", 0);
    expect(b0.text).toContain("k8s");
    expect(b0.matchedKeywords).toEqual(["Go", "Kubernetes"]);
    expect(find(ranking.items, "BULLET", "exp-ledgerly", 1).matchedKeywords).toEqual(["PostgreSQL"]);
    expect(find(ranking.items, "SKILL", "k8s").score).toBe(1);
  });

  it("sorts by score within each kind and keeps kinds grouped", () => {
    const kinds = ranking.items.map((i) => i.kind);
    expect(kinds.indexOf("PROJECT")).toBeGreaterThan(kinds.lastIndexOf("EXPERIENCE"));
    expect(kinds.indexOf("BULLET")).toBeGreaterThan(kinds.lastIndexOf("PROJECT"));
    for (const kind of ["EXPERIENCE", "PROJECT", "BULLET", "SKILL"] as const) {
      const scores = ranking.items.filter((i) => i.kind === kind).map((i) => i.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
    }
  });

  it("puts an off-topic bullet of a relevant role below its on-topic bullets", () => {
    const hackathon = find(ranking.items, "BULLET", "exp-ledgerly", 2);
    expect(hackathon.score).toBe(0);
    expect(find(ranking.items, "BULLET", "exp-ledgerly", 0).score).toBeGreaterThan(0.7);
  });

  it("scores skills by how strongly the job asks for them and whether the profile shows them", () => {
    const skill = (name: string) => find(ranking.items, "SKILL", name);
    expect(skill("Go")).toMatchObject({ score: 1, matchedKeywords: ["Go"], reason: "Required by the job; used in 1 role and 1 project." });
    expect(skill("Redis").score).toBeCloseTo(0.91, 4);
    expect(skill("Terraform").reason).toBe("Preferred by the job; used in 1 role.");
    expect(skill("Terraform").score).toBeLessThan(skill("AWS").score);
    expect(skill("MySQL")).toMatchObject({ score: 0.1, reason: "Not in the job, but related to the database skills it asks for." });
    expect(skill("AWS Certified Solutions Architect").reason).toBe("Not in the job, but related to AWS, which it asks for.");
    expect(skill("Spanish")).toMatchObject({ score: 0, reason: "Not mentioned in the job." });
  });

  it("treats listed certifications as evidence on their own", () => {
    const nurse = rankProfile(nurseProfile, job("icu-nurse"), { now: NOW });
    expect(find(nurse.items, "SKILL", "BLS")).toMatchObject({ score: 1, reason: "Required by the job; listed in the profile." });
    expect(find(nurse.items, "SKILL", "Epic").matchedKeywords).toEqual(["Epic EHR"]);
    const medsurg = find(nurse.items, "EXPERIENCE", "exp-medsurg");
    expect(medsurg.reason).toBe("Shares wording with the job (nurse, families, patients) but no listed skills; ended 4 years ago.");
    expect(medsurg.score).toBeGreaterThan(0);
    expect(medsurg.score).toBeLessThan(find(nurse.items, "EXPERIENCE", "exp-icu").score);
  });

  it("is deterministic: same input, same output", () => {
    const again = rankProfile(structuredClone(backendProfile), structuredClone(backendJob), { now: new Date(NOW) });
    expect(again).toEqual(ranking);
    expect(JSON.stringify(again)).toBe(JSON.stringify(ranking));
  });

  it("weights required skills above preferred ones", () => {
    const p = profileWith([experience("e1", ["Ran Terraform modules for the team", "Ran Kubernetes clusters for the team"])]);
    const r = rankProfile(p, smallJob, { now: NOW });
    expect(find(r.items, "BULLET", "e1", 1).score).toBeGreaterThan(find(r.items, "BULLET", "e1", 0).score);
    expect(find(r.items, "BULLET", "e1", 0).reason).toBe("Matches 1 preferred skill (Terraform).");
  });

  it("decays older experiences and uses the given clock", () => {
    const bullets = ["Operated Kubernetes and Go services"];
    const p = profileWith([
      experience("old", bullets, { current: false, endDate: "2015-05" }),
      experience("now", bullets),
    ]);
    const r = rankProfile(p, smallJob, { now: NOW });
    const [first, second] = r.items.filter((i) => i.kind === "EXPERIENCE");
    expect(first.itemId).toBe("now");
    expect(first.reason).toMatch(/; current role\.$/);
    expect(second.reason).toMatch(/; ended 10 years ago\.$/);
    expect(second.score).toBeCloseTo(first.score * (0.4 + 0.6 * 0.5 ** (10.005 / 4)), 2);
    const later = rankProfile(p, smallJob, { now: new Date("2035-06-01T00:00:00Z") });
    expect(find(later.items, "EXPERIENCE", "old").score).toBeLessThan(second.score);
    expect(find(later.items, "EXPERIENCE", "now").score).toBe(first.score);
  });

  it("breaks ties by stable ids", () => {
    const p = profileWith([experience("b", ["Built Go services"]), experience("a", ["Built Go services"])]);
    const r = rankProfile(p, smallJob, { now: NOW });
    expect(r.items.filter((i) => i.kind === "EXPERIENCE").map((i) => i.itemId)).toEqual(["a", "b"]);
    expect(r.items.filter((i) => i.kind === "BULLET").map((i) => i.itemId)).toEqual(["a", "b"]);
  });

  it("handles an empty profile", () => {
    expect(rankProfile(profileWith([]), smallJob, { now: NOW }).items).toEqual([]);
  });
});

describe("experienceRecency", () => {
  it("is 1 for a current role, ≈0.82 two years after the end and 0.7 when the end is unknown", () => {
    expect(experienceRecency({ current: true, endDate: null }, NOW).factor).toBe(1);
    expect(experienceRecency({ current: false, endDate: "2023-05-31" }, NOW).factor).toBeCloseTo(0.82, 2);
    expect(experienceRecency({ current: false, endDate: null }, NOW)).toEqual({ factor: 0.7, yearsAgo: null, current: false });
  });
});

describe("scoreTexts", () => {
  it("scores free texts with the bullet rules", () => {
    const [a, b] = scoreTexts(["Ran k8s clusters in Go", "Baked bread"], smallJob);
    expect(a.matchedKeywords).toEqual(["Go", "Kubernetes"]);
    expect(a.score).toBeGreaterThan(0.8);
    expect(b.score).toBe(0);
  });
});
