import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  jobToJsonResumeJob,
  jsonResumeJobToParsedJob,
  jsonResumeToDraft,
  parseSalaryText,
  profileToJsonResume,
  validateJsonResume,
  validateJsonResumeJob,
  type ExportProfile,
} from "../../../src/core/json-resume.ts";
import type { ParsedJob } from "../../../src/core/types.ts";

const schemaDir = dirname(createRequire(import.meta.url).resolve("@jsonresume/schema/package.json"));
const readSchemaFile = (name: string): unknown => JSON.parse(readFileSync(join(schemaDir, name), "utf8"));

const profile: ExportProfile = {
  fullName: "Ines Duarte",
  label: "Platform Engineer",
  email: "ines.duarte@example.pt",
  phone: "+351 913 000 111",
  location: "Porto, Portugal",
  links: [
    { label: "LinkedIn", url: "https://www.linkedin.com/in/inesduarte" },
    { label: "Website", url: "inesduarte.dev" },
    { label: "Broken", url: "http://exa mple.com/%%" },
  ],
  summary: "Platform engineer.",
  enhancedSummary: "Platform engineer who builds paved roads for product teams.",
  useEnhancedSummary: true,
  skills: { technical: ["Go", "Kubernetes", "PostgreSQL"], soft: ["Mentoring"], languages: ["Portuguese (Native)", "English (C1)"], certifications: ["CKA"] },
  experiences: [
    {
      id: "e1",
      title: "Platform Engineer",
      company: "Farfetch",
      location: "Porto, Portugal",
      startDate: "2021-03",
      endDate: "2024-01",
      current: true,
      bullets: ["did ci stuff"],
      enhancedBullets: ["Rebuilt the CI platform used by 300 engineers"],
      useEnhanced: true,
      technologies: ["Go"],
    },
    {
      id: "e2",
      title: "Backend Developer",
      company: "Talkdesk",
      startDate: "2018",
      endDate: "2021-02",
      current: false,
      bullets: ["Built call routing APIs"],
      enhancedBullets: ["Enhanced but not chosen"],
      useEnhanced: false,
      technologies: [],
    },
  ],
  projects: [{ id: "p1", name: "kube-lint", bullets: ["Linter for Helm charts"], technologies: ["Go", "Helm"], repoUrl: "https://github.com/ines/kube-lint", startDate: "March 2020" }],
  education: [
    { id: "d1", institution: "University of Porto", degree: "MSc", field: "Informatics", startDate: "2013", endDate: "2018", gpa: "17/20", honors: ["Dean's List"], coursework: ["Compilers"] },
  ],
};

describe("validateJsonResume (official schema, draft-07)", () => {
  it("accepts the package's own sample and examples", () => {
    expect(validateJsonResume(readSchemaFile("sample.resume.json"))).toEqual({ ok: true });
    expect(validateJsonResume(readSchemaFile("examples/senior-engineer.resume.json"))).toEqual({ ok: true });
  });

  it("reports every error with the path of the offending field", () => {
    const result = validateJsonResume({
      basics: { name: "X", email: "not-an-email", profiles: [{ url: "no scheme" }] },
      work: [{ name: "Acme", startDate: "2020-01" }, { name: "Globex", startDate: "March 2019", highlights: "one string" }],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.path).sort()).toEqual(["basics.email", "basics.profiles[0].url", "work[1].highlights", "work[1].startDate"]);
    expect(result.errors.find((e) => e.path === "work[1].startDate")?.message).toMatch(/2021-03/);
    expect(result.errors.find((e) => e.path === "work[1].highlights")?.message).toBe("must be a list");
  });

  it("rejects a document that is not an object", () => {
    const result = validateJsonResume(["not", "a", "resume"]);
    expect(result).toEqual({ ok: false, errors: [{ path: "", message: "must be a object" }] });
  });
});

describe("jsonResumeToDraft", () => {
  it("maps the sample resume with confidence 1 for present fields", () => {
    const draft = jsonResumeToDraft(readSchemaFile("sample.resume.json"));
    const p = draft.profile;
    expect(p.fullName).toBe("Richard Hendriks");
    expect(p.email).toBe("richard.hendriks@mail.com");
    expect(p.location).toBe("San Francisco, California, US");
    expect(p.experiences[0]).toMatchObject({ title: "CEO/President", company: "Pied Piper", location: "Palo Alto, CA", startDate: "2013-12-01", endDate: "2014-12-01", current: false });
    expect(p.experiences[0].bullets).toContain("Successfully won Techcrunch Disrupt");
    expect(p.education[0]).toMatchObject({ institution: "University of Oklahoma", degree: "Bachelor", field: "Information Technology", gpa: "4.0" });
    expect(p.skills.technical).toEqual(expect.arrayContaining(["HTML", "CSS"]));
    expect(p.skills.languages).toEqual(["English (Native speaker)"]);
    expect(p.projects[0].name).toBe("Miss Direction");
    expect(draft.confidence.overall).toBe(1);
    expect(draft.confidence.fields.every((f) => f.confidence === 1)).toBe(true);
    expect(draft.confidence.fields.map((f) => f.path)).toEqual(expect.arrayContaining(["experiences[0].company", "education[0].institution"]));
  });

  it("marks a role without an end date as current and warns about schema errors", () => {
    const draft = jsonResumeToDraft({ work: [{ name: "Acme", position: "Engineer", startDate: "2022-05" }], basics: { email: "nope" } });
    expect(draft.profile.experiences[0]).toMatchObject({ company: "Acme", title: "Engineer", startDate: "2022-05", current: true });
    expect(draft.profile.email).toBe("nope");
    expect(draft.confidence.overall).toBeLessThan(1);
    expect(draft.warnings).toContain("JSON Resume: basics.email must be an email address.");
  });
});

describe("profileToJsonResume", () => {
  const doc = profileToJsonResume(profile, { lastModified: "2025-01-31T10:00:00", canonical: "https://jobwise.example/r/1" });

  it("produces a document the official schema accepts", () => {
    expect(validateJsonResume(doc)).toEqual({ ok: true });
  });

  it("uses enhanced text only where the user chose it", () => {
    const d = doc as { basics: { summary: string }; work: { highlights: string[] }[] };
    expect(d.basics.summary).toBe("Platform engineer who builds paved roads for product teams.");
    expect(d.work[0].highlights).toEqual(["Rebuilt the CI platform used by 300 engineers"]);
    expect(d.work[1].highlights).toEqual(["Built call routing APIs"]);
  });

  it("writes current roles without an end date and drops values the schema would reject", () => {
    const d = doc as Record<string, any>;
    expect(d.work[0].endDate).toBeUndefined();
    expect(d.work[1]).toMatchObject({ name: "Talkdesk", position: "Backend Developer", startDate: "2018", endDate: "2021-02" });
    expect(d.projects[0].startDate).toBeUndefined();
    expect(d.projects[0].url).toBe("https://github.com/ines/kube-lint");
    expect(d.basics.url).toBe("https://inesduarte.dev");
    expect(d.basics.profiles).toEqual([{ network: "LinkedIn", username: "inesduarte", url: "https://www.linkedin.com/in/inesduarte" }]);
    expect(d.languages).toEqual([{ language: "Portuguese", fluency: "Native" }, { language: "English", fluency: "C1" }]);
    expect(d.awards).toEqual([{ title: "Dean's List", awarder: "University of Porto", date: "2018" }]);
    expect(d.meta).toEqual({ canonical: "https://jobwise.example/r/1", version: "v1.0.0", lastModified: "2025-01-31T10:00:00" });
  });

  it("round-trips through jsonResumeToDraft", () => {
    const back = jsonResumeToDraft(doc).profile;
    expect(back.fullName).toBe("Ines Duarte");
    expect(back.experiences.map((e) => [e.company, e.title, e.startDate, e.endDate, e.current])).toEqual([
      ["Farfetch", "Platform Engineer", "2021-03", undefined, true],
      ["Talkdesk", "Backend Developer", "2018", "2021-02", false],
    ]);
    expect(back.education[0]).toMatchObject({ institution: "University of Porto", degree: "MSc", field: "Informatics", gpa: "17/20", honors: ["Dean's List"], coursework: ["Compilers"] });
    expect(back.skills.technical).toEqual(expect.arrayContaining(["Go", "Kubernetes", "PostgreSQL"]));
    expect(back.skills.soft).toEqual(["Mentoring"]);
    expect(back.skills.certifications).toEqual(["CKA"]);
  });
});

describe("JSON Resume jobs", () => {
  const job: ParsedJob & { url: string; postedAt: string } = {
    title: "Senior Backend Engineer",
    company: "Mollie",
    location: "Amsterdam, Netherlands",
    description: "Build the payments platform.",
    keywords: ["Go", "PostgreSQL", "Kubernetes"],
    requirements: [
      { text: "5+ years building backend services in Go", required: true, keywords: ["Go"] },
      { text: "Experience with PostgreSQL at scale", required: true, keywords: ["PostgreSQL"] },
      { text: "Kubernetes in production", required: false, keywords: ["Kubernetes"] },
    ],
    responsibilities: ["Design payment APIs", "Own services in production"],
    benefits: ["30 days of holiday", "Learning budget"],
    salary: { min: 80000, max: 100000, currency: "EUR", period: "YEAR" },
    remoteMode: "HYBRID",
    seniority: "SENIOR",
    yearsExperience: 5,
    url: "https://careers.example.com/jobs/42",
    postedAt: "2025-02-03T09:30:00Z",
  };

  it("exports a job that the official job schema accepts", () => {
    const doc = jobToJsonResumeJob(job);
    expect(validateJsonResumeJob(doc)).toEqual({ ok: true });
    expect(doc).toMatchObject({ remote: "Hybrid", date: "2025-02-03", salary: "80000-100000 EUR per year", experience: "Senior, 5+ years" });
  });

  it("round-trips a parsed job", () => {
    const { url: _url, postedAt: _posted, requirements, keywords, ...rest } = job;
    const back = jsonResumeJobToParsedJob(jobToJsonResumeJob(job));
    expect(back).toMatchObject(rest);
    // Keywords survive; skills named in the qualifications are added to them.
    expect(back.keywords.slice(0, keywords.length)).toEqual(keywords);
    expect(back.requirements.map((r) => ({ text: r.text, required: r.required }))).toEqual(requirements.map((r) => ({ text: r.text, required: r.required })));
    // Per-requirement keywords are not in the job schema: they are read again from each text.
    back.requirements.forEach((r, i) => expect(r.keywords).toEqual(expect.arrayContaining(requirements[i].keywords)));
  });

  it("reads the package's sample job", () => {
    const sample = readSchemaFile("sample.job.json");
    expect(validateJsonResumeJob(sample)).toEqual({ ok: true });
    const parsed = jsonResumeJobToParsedJob(sample);
    expect(parsed).toMatchObject({ title: "Web Developer", company: "Microsoft", location: "Berlin, DE", remoteMode: "HYBRID", seniority: "MID", yearsExperience: 3 });
    expect(parsed.salary).toEqual({ min: 100000, max: 100000, currency: null, period: null });
    expect(parsed.keywords).toEqual(expect.arrayContaining(["HTML", "CSS", "JavaScript", "React", "Node.js", "MongoDB"]));
    expect(parsed.keywords).not.toContain("Database Management");
    expect(parsed.requirements.every((r) => r.required)).toBe(true);
  });

  it("reports job schema errors with paths", () => {
    const result = validateJsonResumeJob({ title: "X", remote: "Yes", date: "last week", skills: [{ name: 3 }] });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.path).sort()).toEqual(["date", "remote", "skills[0].name"]);
  });

  it("reads salary texts", () => {
    expect(parseSalaryText("$120k - $150k per year")).toEqual({ min: 120000, max: 150000, currency: "USD", period: "YEAR" });
    expect(parseSalaryText("€45/hour")).toEqual({ min: 45, max: 45, currency: "EUR", period: "HOUR" });
    expect(parseSalaryText("competitive")).toBeNull();
  });
});

describe("JSON Resume education with a long score", () => {
  it("keeps the entry: a short score is the GPA, a long one goes to the honours", async () => {
    const { EducationSchema } = await import("../../../src/modules/profile/profile.validation.ts");
    const draft = jsonResumeToDraft({
      education: [
        { institution: "University of Edinburgh", studyType: "MSc", area: "Informatics", score: "Dissertation: Distributed consensus under partial synchrony (distinction)" },
        { institution: "University of Porto", studyType: "BSc", area: "Computer Science", score: "17/20" },
      ],
    });
    expect(draft.profile.education.map((e) => [e.institution, e.gpa, e.honors])).toEqual([
      ["University of Edinburgh", undefined, ["Dissertation: Distributed consensus under partial synchrony (distinction)"]],
      ["University of Porto", "17/20", []],
    ]);
    for (const e of draft.profile.education) expect(EducationSchema.safeParse(e).success).toBe(true);
  });
});
