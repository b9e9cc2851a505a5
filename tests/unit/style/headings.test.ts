// Section headings: one vocabulary for the resume parser and style extraction.
import { describe, expect, it } from "vitest";
import { sectionKind } from "../../../src/core/resume/headings.ts";
import { analyzeStyle } from "../../../src/core/style.ts";

describe("shared section headings", () => {
  it.each([
    ["Work", "experience"],
    ["WORK EXPERIENCE", "experience"],
    ["Professional Experience", "experience"],
    ["PROJECT", "projects"],
    ["Volunteer Experience", "activities"],
    ["On Campus Involvement", "activities"],
    ["Leadership", "activities"],
    ["Licenses & Certifications", "certifications"],
    ["Awards", "awards"],
  ])("%s → %s", (line, kind) => {
    expect(sectionKind(line)).toBe(kind);
  });

  it("an award's title or a job title is not a heading", () => {
    expect(sectionKind("Best Paper Award 2019")).toBeNull();
    expect(sectionKind("Senior Software Engineer")).toBeNull();
  });

  it("style extraction finds the same headings (Work counts, an award title does not)", () => {
    const text = ["Jane Doe", "", "Work", "", "• Built a billing system used by 40 teams", "• Cut cloud costs by 30%", "", "Awards", "", "Employee Of The Year Award", "", "Education", "", "BSc Computer Science"].join("\n");
    const style = analyzeStyle(text, "RESUME");
    expect(style.sectionHeadings).toEqual(expect.arrayContaining(["Work", "Awards", "Education"]));
    expect(style.sectionHeadings).not.toContain("Employee Of The Year Award");
  });
});
