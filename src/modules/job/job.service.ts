import { z } from "zod";
import { db } from "../../db/client.ts";
import { NotFoundError, ValidationError, fromZod, fromSchemaErrors, AiUnavailableGqlError } from "../../errors.ts";
import type { AppServices } from "../../services.ts";
import type { Viewer } from "../auth/tokens.ts";
import type { ApplicationStatus, Job, JobStatus, Prisma } from "../../generated/prisma/client.ts";
import type { JobFields } from "../../core/job-parser.ts";
import { CpuLimitError, runCpu } from "../../workers/cpu-pool.ts";
import type { ParsedJob } from "../../core/types.ts";
import { AiError } from "../../ai/errors.ts";
import { objectList, stringList } from "../profile/json.ts";
import { jsonResumeJobToParsedJob, validateJsonResumeJob } from "../../core/json-resume.ts";
import { containsText, selection } from "../../db/query.ts";
import { httpUrl, safeString } from "../../core/safe-text.ts";
import { clock } from "../../clock.ts";
import { addInterviewInTx, checkInterviewTime } from "./interview.service.ts";

const MAX_TEXT = 100_000;

const FieldsSchema = z.object({
  title: safeString(z.string().trim().min(1, "Title cannot be empty").max(200)).nullish(),
  company: safeString(z.string().trim().max(200)).nullish(),
  location: safeString(z.string().trim().max(200)).nullish(),
  description: safeString(z.string().trim().min(1, "Description cannot be empty").max(MAX_TEXT, `Description must be at most ${MAX_TEXT} characters`)),
  url: httpUrl(1000).nullish(),
  requirements: z.array(safeString(z.string().trim().min(1).max(1000))).max(100).nullish(),
  preferred: z.array(safeString(z.string().trim().min(1).max(1000))).max(100).nullish(),
  responsibilities: z.array(safeString(z.string().trim().min(1).max(1000))).max(100).nullish(),
  benefits: z.array(safeString(z.string().trim().min(1).max(1000))).max(100).nullish(),
  salary: safeString(z.string().trim().max(200)).nullish(),
  // The parser reads the mode from words ("remote", "onsite"); the enum value lower-cased is one.
  remote: z
    .enum(["REMOTE", "HYBRID", "ONSITE", "UNKNOWN"])
    .nullish()
    .transform((m) => (m && m !== "UNKNOWN" ? m.toLowerCase() : null)),
});

const CreateSchema = z
  .object({
    text: safeString(z.string().trim().min(20, "Paste the whole job description (at least 20 characters)").max(MAX_TEXT, `The job text must be at most ${MAX_TEXT} characters`)).nullish(),
    fields: FieldsSchema.nullish(),
    jsonResume: z.string().max(MAX_TEXT).nullish(),
    url: httpUrl(1000).nullish(),
  })
  .superRefine((v, ctx) => {
    const given = [v.text, v.fields, v.jsonResume].filter((x) => x != null).length;
    if (given !== 1) ctx.addIssue({ code: "custom", path: [], message: "Give exactly one of text, fields or jsonResume" });
  });

export async function createJob(services: AppServices, viewer: Viewer, input: unknown): Promise<Job> {
  const parsed = CreateSchema.safeParse(input);
  if (!parsed.success) throw fromZod(parsed.error.issues);
  const { text, fields, jsonResume, url } = parsed.data;
  let job: ParsedJob;
  let source: "TEXT" | "FIELDS" | "JSON_RESUME";
  let provider = "builtin";
  if (text) {
    source = "TEXT";
    try {
      job = await services.ai.parseJob(text);
      provider = services.ai.name;
    } catch (e) {
      if (e instanceof AiError) throw new AiUnavailableGqlError(`${e.message} The job was not saved; try again, or give the fields.`);
      throw tooSlow(e, ["input", "text"]);
    }
  } else if (fields) {
    source = "FIELDS";
    job = await runCpu("parseJobFields", [fields as JobFields]).catch((e: unknown) => {
      throw tooSlow(e, ["input", "fields"]);
    });
  } else {
    source = "JSON_RESUME";
    job = readJsonResumeJob(jsonResume!);
  }
  return db().job.create({
    data: { userId: viewer.id, source, provider, rawText: text ?? null, url: url ?? fields?.url ?? null, ...toColumns(job) },
  });
}

/** A job text that ran past the parsing time limit is the input's problem: a field error, not a crash. */
function tooSlow(e: unknown, path: string[]): unknown {
  if (!(e instanceof CpuLimitError)) return e;
  return ValidationError.field(path, "This text took too much time or memory to read; shorten it to the job description itself and try again.");
}

/** A JSON Resume job document (https://jsonresume.org/job-description-schema), validated by its official schema. */
function readJsonResumeJob(raw: string): ParsedJob {
  let doc: unknown;
  try {
    doc = JSON.parse(raw);
  } catch (e) {
    throw ValidationError.field(["input", "jsonResume"], `Not valid JSON: ${(e as Error).message}`);
  }
  const valid = validateJsonResumeJob(doc);
  if (!valid.ok) throw fromSchemaErrors(valid.errors, ["input", "jsonResume"], "Not a valid JSON Resume job document");
  const job = jsonResumeJobToParsedJob(doc);
  if (!job.title && !job.description.trim()) throw ValidationError.field(["input", "jsonResume"], "A job document needs at least a title or a description");
  return job;
}

export function toColumns(job: ParsedJob) {
  return {
    title: job.title,
    company: job.company,
    location: job.location,
    description: job.description,
    keywords: job.keywords,
    requirements: job.requirements as unknown as Prisma.InputJsonValue,
    responsibilities: job.responsibilities,
    benefits: job.benefits,
    salaryMin: job.salary?.min ?? null,
    salaryMax: job.salary?.max ?? null,
    salaryCurrency: job.salary?.currency ?? null,
    salaryPeriod: job.salary?.period ?? null,
    remoteMode: job.remoteMode,
    seniority: job.seniority,
    yearsExperience: job.yearsExperience,
  };
}

/** The stored job in the shape the pure core reads. */
export function toParsedJob(row: Job): ParsedJob {
  return {
    title: row.title,
    company: row.company,
    location: row.location,
    description: row.description,
    keywords: stringList(row.keywords),
    requirements: objectList(row.requirements),
    responsibilities: stringList(row.responsibilities),
    benefits: stringList(row.benefits),
    salary: row.salaryMin == null && row.salaryMax == null ? null : { min: row.salaryMin, max: row.salaryMax, currency: row.salaryCurrency, period: row.salaryPeriod },
    remoteMode: row.remoteMode,
    seniority: row.seniority as ParsedJob["seniority"],
    yearsExperience: row.yearsExperience,
  };
}

export async function findOwnedJob(viewer: Viewer, id: string, query: object = {}): Promise<Job> {
  const job = await db().job.findFirst({ ...selection(query), where: { id, userId: viewer.id } });
  if (!job) throw new NotFoundError("Job", id);
  return job;
}

const UpdateSchema = z.object({
  id: z.string().min(1),
  title: safeString(z.string().trim().min(1, "Title cannot be empty").max(200)).nullish(),
  company: safeString(z.string().trim().max(200)).nullish(),
  location: safeString(z.string().trim().max(200)).nullish(),
  description: safeString(z.string().trim().min(1, "Description cannot be empty").max(MAX_TEXT)).optional(),
  url: httpUrl(1000).nullish(),
  status: z.enum(["ACTIVE", "ARCHIVED"]).optional(),
  remoteMode: z.enum(["REMOTE", "HYBRID", "ONSITE", "UNKNOWN"]).optional(),
  followUpDays: z.number().int("A whole number of days").min(0, "0 (no reminders) or more").max(90, "At most 90 days").nullish(),
});

/** Edits the fields a user corrects after parsing; a new description re-derives keywords and requirements. */
export async function updateJob(viewer: Viewer, input: unknown, query: object = {}) {
  const parsed = UpdateSchema.safeParse(input);
  if (!parsed.success) throw fromZod(parsed.error.issues);
  const { id, description, ...rest } = parsed.data;
  const existing = await findOwnedJob(viewer, id);
  const data: Prisma.JobUpdateInput = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
  if (description !== undefined && description !== existing.description) {
    const reparsed = await runCpu("parseJobFields", [{ description }]).catch((e: unknown) => {
      throw tooSlow(e, ["input", "description"]);
    });
    Object.assign(data, { description, keywords: reparsed.keywords, requirements: reparsed.requirements as unknown as Prisma.InputJsonValue, responsibilities: reparsed.responsibilities, benefits: reparsed.benefits });
  }
  return db().job.update({ ...selection(query), where: { id: existing.id }, data });
}

export async function deleteJob(viewer: Viewer, id: string) {
  const job = await findOwnedJob(viewer, id);
  await db().job.delete({ where: { id: job.id } });
  return job.id;
}

export async function setApplicationStatus(
  viewer: Viewer,
  input: { jobId: string; status: ApplicationStatus; note?: string | null; interviewAt?: Date | null },
  query: object = {},
) {
  const job = await findOwnedJob(viewer, input.jobId);
  if (input.note && input.note.length > 2000) throw ValidationError.field(["input", "note"], "Note must be at most 2000 characters");
  if (job.applicationStatus === input.status) {
    throw ValidationError.field(["input", "status"], `The application is already ${input.status.toLowerCase().replace("_", " ")}`);
  }
  const now = clock().now();
  if (input.interviewAt) checkInterviewTime(input.interviewAt, now, ["input", "interviewAt"]);
  return db().$transaction(async (tx) => {
    const event = await tx.applicationStatusEvent.create({ data: { jobId: job.id, fromStatus: job.applicationStatus, toStatus: input.status, note: input.note ?? null, createdAt: now } });
    if (input.interviewAt) await addInterviewInTx(tx, { userId: viewer.id, jobId: job.id, at: input.interviewAt, note: null }, now);
    return tx.job.update({ ...selection(query), where: { id: job.id }, data: { applicationStatus: input.status, statusChangedAt: event.createdAt } });
  });
}

export function jobFilter(viewer: Viewer, args: { status?: JobStatus | null; applicationStatus?: ApplicationStatus | null; search?: string | null }): Prisma.JobWhereInput {
  const search = args.search?.trim();
  return {
    userId: viewer.id,
    ...(args.status && { status: args.status }),
    ...(args.applicationStatus && { applicationStatus: args.applicationStatus }),
    ...(search && { OR: [{ title: containsText(search) }, { company: containsText(search) }, { description: containsText(search) }] }),
  };
}
