import { describe, expect, it } from "vitest";
import { EnhancedItemSchema, ParsedJobSchema, ResumeDraftSchema, ToneSchema } from "../../../src/ai/schemas.ts";
import { parseStructured } from "../../../src/ai/structured.ts";

describe("ParsedJobSchema", () => {
  it("accepts a model's usual habits and fills what it left out", () => {
    const job = ParsedJobSchema.parse({
      title: "Backend Engineer",
      keywords: ["TypeScript", "", null, "PostgreSQL"],
      requirements: [{ text: "3+ years of Node.js", keywords: ["Node.js"] }],
      salary: { min: "120,000", max: 150000, currency: "usd", period: "year" },
      remoteMode: "remote",
      seniority: "senior",
      yearsExperience: "3",
    });
    expect(job).toEqual({
      title: "Backend Engineer",
      company: null,
      location: null,
      description: "",
      keywords: ["TypeScript", "PostgreSQL"],
      requirements: [{ text: "3+ years of Node.js", required: true, keywords: ["Node.js"] }],
      responsibilities: [],
      benefits: [],
      salary: { min: 120000, max: 150000, currency: "USD", period: "YEAR" },
      remoteMode: "REMOTE",
      seniority: "SENIOR",
      yearsExperience: 3,
    });
  });

  it("rejects values that would mislead the user", () => {
    const result = parseStructured(
      JSON.stringify({ salary: { min: 200000, max: 100000, currency: "dollars" }, remoteMode: "sometimes", yearsExperience: 400 }),
      ParsedJobSchema,
    );
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems.join("\n");
    expect(problems).toMatch(/^salary\.currency: /m);
    expect(problems).toMatch(/^salary\.min: min must not exceed max/m);
    expect(problems).toMatch(/^remoteMode: /m);
    expect(problems).toMatch(/^yearsExperience: /m);
  });
});

describe("EnhancedItemSchema and ToneSchema", () => {
  it("takes bullets for items and text for a summary", () => {
    expect(EnhancedItemSchema.parse({ bullets: ["Led X"] })).toEqual({ bullets: ["Led X"] });
    expect(EnhancedItemSchema.parse({ text: "Engineer." })).toEqual({ text: "Engineer." });
    expect(EnhancedItemSchema.safeParse({ bullets: [" "] }).success).toBe(false);
    expect(EnhancedItemSchema.safeParse({ paragraphs: ["x"] }).success).toBe(false);
  });

  it("normalises the tone's case and rejects unknown tones", () => {
    expect(ToneSchema.parse({ tone: "formal", description: "Reserved." }).tone).toBe("FORMAL");
    expect(ToneSchema.safeParse({ tone: "grumpy", description: "x" }).success).toBe(false);
  });
});

describe("ResumeDraftSchema", () => {
  it("accepts a partial draft and reads 'Present' as no end date", () => {
    const draft = ResumeDraftSchema.parse({
      fullName: "Ada Lovelace",
      experiences: [{ title: "Engineer", company: "Acme", startDate: "2021-03", endDate: "Present", current: true }],
      education: [{ institution: "MIT", gpa: 3.9 }],
    });
    expect(draft.experiences?.[0]).toMatchObject({ startDate: "2021-03", endDate: null, current: true });
    expect(draft.education?.[0]?.gpa).toBe("3.9");
    expect(draft.projects).toBeUndefined();
  });

  it("asks for ISO partial dates", () => {
    const result = parseStructured('{"experiences": [{"startDate": "March 2021"}]}', ResumeDraftSchema);
    expect(result).toEqual({ ok: false, problems: ["experiences.0.startDate: use YYYY, YYYY-MM or YYYY-MM-DD"] });
  });
});
