import { describe, expect, it } from "vitest";
import { canonicalSkill, findSkills, listSkills, skillCategory, SKILL_CATEGORIES } from "../../../src/core/lexicon.ts";

const canonicals = (text: string) => findSkills(text).map((m) => m.canonical);

describe("skills data", () => {
  it("holds at least 500 skills across technical and non-technical categories", () => {
    const skills = listSkills();
    expect(skills.length).toBeGreaterThanOrEqual(500);
    const categories = new Set(skills.map((s) => s.category));
    for (const c of ["language", "business", "domain", "certification", "soft", "design", "spoken"]) expect(categories).toContain(c);
    for (const s of skills) expect(SKILL_CATEGORIES).toContain(s.category);
  });

  it("never maps one written form to two skills", () => {
    const seen = new Map<string, string>();
    for (const s of listSkills()) {
      for (const form of [s.name, ...s.aliases, ...(s.exactAliases ?? [])]) {
        const key = form.toLowerCase();
        expect(seen.get(key) ?? s.name, `${form} is claimed by ${seen.get(key)} and ${s.name}`).toBe(s.name);
        seen.set(key, s.name);
      }
    }
  });
});

describe("canonicalSkill", () => {
  it.each([
    ["JS", "JavaScript"],
    ["k8s", "Kubernetes"],
    ["postgres", "PostgreSQL"],
    ["c++", "C++"],
    ["C#", "C#"],
    [".net", ".NET"],
    ["NodeJS", "Node.js"],
    ["node js", "Node.js"],
    ["Golang", "Go"],
    ["Python 3.11", "Python"],
    ["ms excel", "Microsoft Excel"],
    ["Project Management Professional", "PMP"],
    ["registered nurse", "Registered Nurse"],
    ["Español", "Spanish"],
    ["  Kubernetes.  ", "Kubernetes"],
  ])("%s → %s", (term, expected) => {
    expect(canonicalSkill(term)).toBe(expected);
  });

  it("returns null for words that are not skills", () => {
    expect(canonicalSkill("synergy")).toBeNull();
    expect(canonicalSkill("")).toBeNull();
  });
});

describe("skillCategory", () => {
  it("classifies canonical names and aliases", () => {
    expect(skillCategory("Kubernetes")).toBe("devops");
    expect(skillCategory("CPA")).toBe("certification");
    expect(skillCategory("Spanish")).toBe("spoken");
    expect(skillCategory("Patient Care")).toBe("domain");
    expect(skillCategory("not a skill")).toBeNull();
  });
});

describe("findSkills", () => {
  it("finds punctuated names and aliases with their position", () => {
    const text = "Stack: C++, C#, .NET, ASP.NET Core, Node.js and k8s.";
    const found = findSkills(text);
    expect(found.map((m) => m.canonical)).toEqual(["C++", "C#", ".NET", "ASP.NET", "Node.js", "Kubernetes"]);
    const k8s = found[found.length - 1];
    expect(text.slice(k8s.index, k8s.index + k8s.match.length)).toBe("k8s");
  });

  it("prefers the longest match and never overlaps", () => {
    expect(canonicals("Spring Boot microservices on Google Cloud Platform")).toEqual(["Spring Boot", "Microservices", "Google Cloud Platform"]);
    expect(canonicals("React Native and React")).toEqual(["React Native", "React"]);
  });

  it("treats hyphens and spaces alike inside names", () => {
    expect(canonicals("machine-learning and cross functional teams")).toEqual(["Machine Learning", "Cross-Functional Collaboration"]);
  });

  it("does not read everyday words as skills", () => {
    expect(canonicals("We go the extra mile and react quickly; you will excel in a spring of ideas.")).toEqual([]);
    expect(canonicals("Go to the office. R&D budget for the C-suite (R) brand.")).toEqual([]);
    expect(canonicals("JavaScript-free Javas")).toEqual(["JavaScript"]);
  });

  it("reads case-sensitive names when written as names", () => {
    expect(canonicals("Services in Go, analysis in R, tools in C/C++.")).toEqual(["Go", "R", "C", "C++"]);
    expect(canonicals("Built with React and Express; reports in Excel.")).toEqual(["React", "Express", "Microsoft Excel"]);
  });

  it("covers non-technical fields", () => {
    expect(canonicals("BLS and ACLS certified RN with Epic EHR charting; fluent Spanish.")).toEqual([
      "BLS",
      "ACLS",
      "Registered Nurse",
      "Epic EHR",
      "Clinical Documentation",
      "Spanish",
    ]);
    expect(canonicals("CPA preferred; month-end close, GAAP, QuickBooks and accounts payable.")).toEqual([
      "CPA",
      "Month-End Close",
      "GAAP",
      "QuickBooks",
      "Accounts Payable",
    ]);
  });
});
