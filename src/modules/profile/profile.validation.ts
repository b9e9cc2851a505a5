import { z } from "zod";
import { PARTIAL_DATE } from "../../core/partial-date.ts";
import { httpUrl as httpUrlOf, safeString } from "../../core/safe-text.ts";

// Every profile string is cleaned of control and bidi-override characters before it is checked,
// whichever path writes it: CRUD, import, enhancement or a version choice.
const text = (label: string, max: number) => safeString(z.string().trim().min(1, `${label} cannot be empty`).max(max, `${label} must be at most ${max} characters`));
const optionalText = (label: string, max: number) => safeString(z.string().trim().max(max, `${label} must be at most ${max} characters`)).nullish();
const list = (label: string, maxItems: number, maxLen: number) =>
  z
    .array(text(label, maxLen))
    .max(maxItems, `At most ${maxItems} ${label.toLowerCase()} entries`)
    .refine((xs) => new Set(xs.map((x) => x.toLowerCase())).size === xs.length, `${label} contains duplicates`);
const partialDate = z.string().regex(PARTIAL_DATE, "Use YYYY, YYYY-MM or YYYY-MM-DD").nullish();
const httpUrl = httpUrlOf(500);

export const LinkSchema = z.object({ label: text("Label", 50), url: httpUrl });
export const SkillGroupsSchema = z.object({
  technical: list("Technical skill", 200, 100).default([]),
  soft: list("Soft skill", 100, 100).default([]),
  languages: list("Language", 50, 100).default([]),
  certifications: list("Certification", 100, 200).default([]),
});
export const CustomFieldSchema = z.object({ key: text("Key", 100), value: text("Value", 2000) });

export const ProfilePatchSchema = z.object({
  fullName: optionalText("Full name", 200),
  email: safeString(z.string().trim().max(254).pipe(z.email("Enter a valid email address"))).nullish(),
  phone: safeString(
    z
      .string()
      .trim()
      .max(40, "Phone must be at most 40 characters")
      .regex(/^\+?[0-9 ().\-/]{5,}$/, "Phone may contain digits, spaces, +, -, ., / and parentheses"),
  ).nullish(),
  location: optionalText("Location", 200),
  links: z.array(LinkSchema).max(20, "At most 20 links").nullish(),
  summary: optionalText("Summary", 5000),
  skills: SkillGroupsSchema.nullish(),
  customFields: z
    .array(CustomFieldSchema)
    .max(50, "At most 50 custom fields")
    .refine((xs) => new Set(xs.map((x) => x.key.toLowerCase())).size === xs.length, "Custom field keys must be unique")
    .nullish(),
});

/** Adds "end not before start" and "a current item has no end" to an item schema. */
function withDateRules<T extends z.ZodType<{ startDate?: string | null; endDate?: string | null; current?: boolean }>>(schema: T) {
  return schema.superRefine((v, ctx) => {
    if (v.current && v.endDate) ctx.addIssue({ code: "custom", path: ["endDate"], message: "A current role has no end date" });
    if (v.startDate && v.endDate && comparePartial(v.endDate, v.startDate) < 0) {
      ctx.addIssue({ code: "custom", path: ["endDate"], message: "End date is before start date" });
    }
  });
}

/** Compares partial dates at the precision both have: 2021 vs 2021-03 compares years only. */
export function comparePartial(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  return a.slice(0, n).localeCompare(b.slice(0, n));
}

const bullets = z.array(text("Bullet", 1000)).max(50, "At most 50 bullets");
const technologies = list("Technology", 50, 100);

export const ExperienceSchema = withDateRules(
  z.object({
    title: text("Title", 200),
    company: text("Company", 200),
    location: optionalText("Location", 200),
    startDate: partialDate,
    endDate: partialDate,
    current: z.boolean().default(false),
    bullets: bullets.default([]),
    technologies: technologies.default([]),
  }),
);

export const ProjectSchema = withDateRules(
  z.object({
    name: text("Name", 200),
    bullets: bullets.default([]),
    technologies: technologies.default([]),
    url: httpUrl.nullish(),
    repoUrl: httpUrl.nullish(),
    startDate: partialDate,
    endDate: partialDate,
  }),
);

export const EducationSchema = withDateRules(
  z.object({
    institution: text("Institution", 200),
    degree: optionalText("Degree", 200),
    field: optionalText("Field", 200),
    startDate: partialDate,
    endDate: partialDate,
    gpa: optionalText("GPA", 20),
    honors: list("Honor", 30, 300).default([]),
    coursework: list("Course", 60, 200).default([]),
  }),
);

export const AwardSchema = z.object({
  title: text("Title", 200),
  awarder: optionalText("Awarder", 200),
  date: partialDate,
  summary: optionalText("Summary", 1000),
});

/** What an enhancement may write: the same cleaning and lengths as the fields it rewrites. */
export const EnhancedSummarySchema = text("Summary", 5000);
export const EnhancedBulletsSchema = bullets.min(1);
