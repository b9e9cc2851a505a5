import { describe, expect, it } from "vitest";
import { ExperienceSchema } from "../../../src/modules/profile/profile.validation.ts";
import { skippedItemWarning } from "../../../src/core/resume/warnings.ts";

describe("skipped-item warnings", () => {
  it("say in words what is missing, not the validator's message", () => {
    const r = ExperienceSchema.safeParse({ company: "Acme", bullets: [] });
    expect(r.success).toBe(false);
    const warning = skippedItemWarning("experience", 2, "Acme", r.error!.issues[0]);
    expect(warning).toBe("Role 3 (Acme) was not imported: we could not find a job title in your resume. You can add it by hand in your profile.");
    expect(warning).not.toMatch(/Invalid input|expected string|—/);
  });

  it("explain date order problems", () => {
    const r = ExperienceSchema.safeParse({ title: "Engineer", company: "Acme", startDate: "2020-05", endDate: "2019-01" });
    expect(skippedItemWarning("experience", 0, "Acme", r.error!.issues[0])).toMatch(/^Role 1 \(Acme\) was not imported: its end date is before its start date\./);
  });
});
