// Schemas for the structured answers the prompts ask for. They are deliberately lenient where a
// model's habits are harmless (lower-case enums, numbers as strings, missing lists) and strict
// where a wrong value would mislead the user — every rejected answer costs a repair call.

import { z } from "zod";
import type { ParsedJob, ProfileData, Tone } from "../core/types.ts";
import type { ModelDraft } from "../core/draft-grounding.ts";

const TONES = ["FORMAL", "NEUTRAL", "CONVERSATIONAL", "ENTHUSIASTIC"] as const satisfies readonly Tone[];

/** Accepts "remote" for "REMOTE". */
function upperEnum<const T extends readonly [string, ...string[]]>(values: T) {
  return z.preprocess((v) => (typeof v === "string" ? v.trim().toUpperCase() : v), z.enum(values));
}

/** Accepts 120000, "120000" and "120,000"; empty and null mean unknown. */
const looseNumber = z.preprocess((v) => {
  if (typeof v !== "string") return v;
  const cleaned = v.replace(/[,\s]/g, "");
  return cleaned === "" ? null : Number(cleaned);
}, z.number().finite().nullable());

const text = z.string().trim().min(1);
/** Non-empty strings only: models pad lists with "" or null, which is noise, not an error. */
const looseTextList = z
  .array(z.string().nullable())
  .default([])
  .transform((items) => items.map((s) => s?.trim() ?? "").filter((s) => s.length > 0));
const optionalText = z.string().trim().nullable().optional();

// ---------------------------------------------------------------- enhance_item

/** Experiences and projects come back as bullets, a summary as one text. */
export const EnhancedItemSchema = z.union([
  z.object({ bullets: z.array(text).min(1, "give at least one bullet") }),
  z.object({ text }),
]);
export type EnhancedItem = z.infer<typeof EnhancedItemSchema>;

// ---------------------------------------------------------------- style_tone

export const ToneSchema = z.object({
  tone: upperEnum(TONES),
  description: text,
});
export type ToneAnswer = z.infer<typeof ToneSchema>;

// ---------------------------------------------------------------- parse_job

const SALARY_PERIODS = ["HOUR", "DAY", "WEEK", "MONTH", "YEAR"] as const;
const REMOTE_MODES = ["REMOTE", "HYBRID", "ONSITE", "UNKNOWN"] as const;
const SENIORITIES = ["INTERN", "JUNIOR", "MID", "SENIOR", "LEAD", "PRINCIPAL", "EXECUTIVE"] as const;

const JobRequirementSchema = z.object({
  text,
  required: z.boolean().default(true),
  keywords: looseTextList,
});

const SalarySchema = z
  .object({
    min: looseNumber.default(null),
    max: looseNumber.default(null),
    currency: z.string().trim().toUpperCase().length(3, "use an ISO 4217 code such as USD").nullable().default(null),
    period: upperEnum(SALARY_PERIODS).nullable().default(null),
  })
  .refine((s) => s.min === null || s.max === null || s.min <= s.max, { message: "min must not exceed max", path: ["min"] });

export const ParsedJobSchema = z.object({
  title: optionalText.default(null),
  company: optionalText.default(null),
  location: optionalText.default(null),
  /** The prompt asks for a short summary; callers may replace it with the source text. */
  description: z.string().trim().default(""),
  keywords: looseTextList,
  requirements: z.array(JobRequirementSchema).default([]),
  responsibilities: looseTextList,
  benefits: looseTextList,
  salary: SalarySchema.nullable().default(null),
  remoteMode: upperEnum(REMOTE_MODES).default("UNKNOWN"),
  seniority: upperEnum(SENIORITIES).nullable().default(null),
  yearsExperience: looseNumber.pipe(z.number().min(0).max(50).nullable()).default(null),
});

// ---------------------------------------------------------------- import_resume

/** "2021", "2021-03" or "2021-03-15"; "present" and friends mean no end date. */
const partialDate = z.preprocess(
  (v) => (typeof v === "string" && /^(present|current|now|ongoing)$/i.test(v.trim()) ? null : v),
  z
    .string()
    .trim()
    .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "use YYYY, YYYY-MM or YYYY-MM-DD")
    .nullable()
    .optional(),
);

// Drafts carry no ids: the importer assigns them when the user accepts the draft.
const DraftExperienceSchema = z.object({
  title: optionalText,
  company: optionalText,
  location: optionalText,
  startDate: partialDate,
  endDate: partialDate,
  current: z.boolean().optional(),
  bullets: looseTextList.optional(),
  technologies: looseTextList.optional(),
});

const DraftProjectSchema = z.object({
  name: optionalText,
  bullets: looseTextList.optional(),
  technologies: looseTextList.optional(),
  url: optionalText,
  repoUrl: optionalText,
  startDate: partialDate,
  endDate: partialDate,
});

const DraftEducationSchema = z.object({
  institution: optionalText,
  degree: optionalText,
  field: optionalText,
  startDate: partialDate,
  endDate: partialDate,
  gpa: z.preprocess((v) => (typeof v === "number" ? String(v) : v), optionalText),
  honors: looseTextList.optional(),
  coursework: looseTextList.optional(),
});

export const ResumeDraftSchema = z.object({
  fullName: optionalText,
  email: optionalText,
  phone: optionalText,
  location: optionalText,
  links: z.array(z.object({ label: z.string().trim().default(""), url: text })).optional(),
  summary: optionalText,
  skills: z
    .object({
      technical: looseTextList.optional(),
      soft: looseTextList.optional(),
      languages: looseTextList.optional(),
      certifications: looseTextList.optional(),
    })
    .optional(),
  experiences: z.array(DraftExperienceSchema).optional(),
  projects: z.array(DraftProjectSchema).optional(),
  education: z.array(DraftEducationSchema).optional(),
});
export type ResumeDraft = z.infer<typeof ResumeDraftSchema>;

// Compile-time guards: a change to the shared shapes in core/types.ts must break here, not at runtime.
type Assert<T extends true> = T;
export type _ParsedJobFits = Assert<z.output<typeof ParsedJobSchema> extends ParsedJob ? true : false>;
export type _DraftFieldsExist = Assert<keyof ResumeDraft extends keyof ProfileData ? true : false>;
export type _DraftFitsGrounding = Assert<ResumeDraft extends ModelDraft ? true : false>;
