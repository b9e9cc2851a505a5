import { builder } from "../../graphql/builder.ts";
import { pageSize } from "../../graphql/pagination.ts";
import { AiProviderEnum, providerOf } from "../../graphql/enums.ts";
import { AiUnavailableGqlError, NotFoundError, ValidationError } from "../../graphql/errors.ts";
import { db } from "../../db/client.ts";
import type { JobRequirement } from "../../core/types.ts";
import { objectList, stringList } from "../profile/json.ts";
import * as jobs from "./job.service.ts";
import { selection } from "../../db/query.ts";
import { DeletedPayload } from "../../graphql/payloads.ts";

export const ApplicationStatusEnum = builder.enumType("ApplicationStatus", {
  description: "Where the user's application for a job stands; any status may follow any other",
  values: {
    NOT_APPLIED: { description: "Saved, not applied yet (the start)" },
    APPLIED: { description: "Application sent" },
    INTERVIEWING: { description: "In interviews" },
    OFFER: { description: "An offer was made" },
    REJECTED: { description: "The employer said no" },
    WITHDRAWN: { description: "The user withdrew" },
    ACCEPTED: { description: "The user accepted an offer" },
  } as const,
});
export const JobStatusEnum = builder.enumType("JobStatus", {
  description: "Whether a job is in the working list",
  values: { ACTIVE: { description: "In the working list (the default)" }, ARCHIVED: { description: "Kept but hidden from the working list" } } as const,
});
export const RemoteModeEnum = builder.enumType("RemoteMode", {
  description: "Where the work happens",
  values: {
    REMOTE: { description: "Fully remote" },
    HYBRID: { description: "Partly remote, partly on site" },
    ONSITE: { description: "On site only" },
    UNKNOWN: { description: "The posting does not say" },
  } as const,
});
const SalaryPeriodEnum = builder.enumType("SalaryPeriod", {
  description: "The time a salary amount is paid for",
  values: {
    HOUR: { description: "Per hour" },
    DAY: { description: "Per day" },
    WEEK: { description: "Per week" },
    MONTH: { description: "Per month" },
    YEAR: { description: "Per year" },
  } as const,
});
const JobSourceEnum = builder.enumType("JobSource", {
  description: "How a job was entered",
  values: {
    TEXT: { description: "Pasted text, parsed by the server" },
    FIELDS: { description: "Structured fields given by the client" },
    JSON_RESUME: { description: "A JSON Resume job document" },
  } as const,
});

const Requirement = builder.objectRef<JobRequirement>("JobRequirement").implement({
  description: "One requirement line of a job, with the keywords ranking and ATS scoring look for",
  fields: (t) => ({
    text: t.exposeString("text", { description: "The requirement as written" }),
    required: t.exposeBoolean("required", { description: "false for preferred / nice-to-have" }),
    keywords: t.exposeStringList("keywords", { description: "Skills and terms found in the line, lower case" }),
  }),
});
type Salary = { min: number | null; max: number | null; currency: string | null; period: "HOUR" | "DAY" | "WEEK" | "MONTH" | "YEAR" | null };
const SalaryRange = builder.objectRef<Salary>("SalaryRange").implement({
  description: "Pay as the posting states it; any part may be unknown",
  fields: (t) => ({
    min: t.exposeFloat("min", { nullable: true, description: "Lower bound in currency units per period (120000, not 120k)" }),
    max: t.exposeFloat("max", { nullable: true, description: "Upper bound; equals min for a single figure" }),
    currency: t.exposeString("currency", { nullable: true, description: "ISO 4217 code, e.g. USD" }),
    period: t.field({ type: SalaryPeriodEnum, nullable: true, description: "What the amounts are paid for; null when unstated", resolve: (s) => s.period }),
  }),
});

builder.prismaObject("ApplicationStatusEvent", {
  description: "One change of a job's application status",
  fields: (t) => ({
    id: t.exposeID("id", { description: "Stable event id" }),
    from: t.field({ type: ApplicationStatusEnum, nullable: true, description: "The status before; null for the first event", resolve: (e) => e.fromStatus }),
    to: t.field({ type: ApplicationStatusEnum, description: "The status after", resolve: (e) => e.toStatus }),
    note: t.exposeString("note", { nullable: true, description: "The user's note on the change" }),
    at: t.expose("createdAt", { type: "DateTime", description: "When it changed" }),
  }),
});

builder.prismaObject("Job", {
  description: "A job posting the user tailors documents for",
  fields: (t) => ({
    id: t.exposeID("id", { description: "Stable job id" }),
    title: t.exposeString("title", { nullable: true, description: "Job title; null when parsing found none" }),
    company: t.exposeString("company", { nullable: true, description: "Employer; null when parsing found none" }),
    location: t.exposeString("location", { nullable: true, description: "Where the job is, as written" }),
    description: t.exposeString("description", { description: "The posting's body text, at most 100,000 characters" }),
    rawText: t.exposeString("rawText", { nullable: true, description: "The pasted text, when the job was created from text" }),
    url: t.exposeString("url", { nullable: true, description: "The posting's http(s) URL" }),
    keywords: t.field({ type: ["String"], description: "Every keyword of the job, lower case, most important first", resolve: (j) => stringList(j.keywords) }),
    requirements: t.field({ type: [Requirement], description: "Required and preferred qualifications, in posting order", resolve: (j) => objectList<JobRequirement>(j.requirements) }),
    responsibilities: t.field({ type: ["String"], description: "What the role does, one line each", resolve: (j) => stringList(j.responsibilities) }),
    benefits: t.field({ type: ["String"], description: "What the employer offers, one line each", resolve: (j) => stringList(j.benefits) }),
    salary: t.field({
      type: SalaryRange,
      nullable: true,
      description: "The pay; null when the posting states none",
      resolve: (j) => (j.salaryMin == null && j.salaryMax == null ? null : { min: j.salaryMin, max: j.salaryMax, currency: j.salaryCurrency, period: j.salaryPeriod }),
    }),
    remoteMode: t.field({ type: RemoteModeEnum, description: "Remote, hybrid or on site", resolve: (j) => j.remoteMode }),
    seniority: t.exposeString("seniority", { nullable: true, description: "Level as detected, e.g. senior, lead; null when unstated" }),
    yearsExperience: t.exposeInt("yearsExperience", { nullable: true, description: "Minimum years of experience asked for; null when unstated" }),
    status: t.field({ type: JobStatusEnum, description: "Active or archived", resolve: (j) => j.status }),
    applicationStatus: t.field({ type: ApplicationStatusEnum, description: "Where the application stands (change it with setApplicationStatus)", resolve: (j) => j.applicationStatus }),
    statusHistory: t.relation("statusEvents", { description: "Oldest first", query: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] } }),
    statusChangedAt: t.expose("statusChangedAt", { type: "DateTime", description: "When applicationStatus last changed (the job's creation until then); follow-up reminders count from here" }),
    followUpDays: t.exposeInt("followUpDays", {
      nullable: true,
      description: "This application's own follow-up delay in days (0: no reminders); null: the user's NotificationSettings.followUpDays",
    }),
    interviews: t.relation("interviews", { description: "Scheduled interviews, soonest first; each is reminded the day before", query: { orderBy: [{ at: "asc" }, { id: "asc" }] } }),
    source: t.field({ type: JobSourceEnum, description: "How the job was entered", resolve: (j) => j.source }),
    provider: t.field({ type: AiProviderEnum, description: "Who parsed the job: BUILTIN or GROQ", resolve: (r) => providerOf(r.provider) }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When the job was created" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime", description: "When it last changed" }),
  }),
});

const JobFieldsInput = builder.inputType("JobFieldsInput", {
  description: "A job given as structured fields (no parsing)",
  fields: (t) => ({
    title: t.string({ description: "1 to 200 characters" }),
    company: t.string({ description: "At most 200 characters" }),
    location: t.string({ description: "At most 200 characters" }),
    description: t.string({ required: true, description: "1 to 100,000 characters" }),
    url: t.string({ description: "An absolute http(s) URL" }),
    requirements: t.stringList({ description: "Required qualifications: up to 100 lines of 1 to 1000 characters" }),
    preferred: t.stringList({ description: "Nice-to-have qualifications: up to 100 lines of 1 to 1000 characters" }),
    responsibilities: t.stringList({ description: "Up to 100 lines of 1 to 1000 characters" }),
    benefits: t.stringList({ description: "Up to 100 lines of 1 to 1000 characters" }),
    salary: t.string({ description: "Free text, at most 200 characters, e.g. $120k–$150k a year; parsed into Job.salary" }),
    remote: t.field({ type: RemoteModeEnum, description: "Where the work happens; omitted or UNKNOWN: detected from the description" }),
  }),
});
const CreateJobInput = builder.inputType("CreateJobInput", {
  description: "Exactly one of text, fields or jsonResume",
  fields: (t) => ({
    text: t.string({ description: "The job description as pasted, 20 to 100,000 characters" }),
    fields: t.field({ type: JobFieldsInput, description: "The job as structured fields" }),
    jsonResume: t.string({ description: "A JSON Resume job document, as JSON text, at most 100,000 characters" }),
    url: t.string({ description: "The posting's http(s) URL (overrides fields.url)" }),
  }),
});
const UpdateJobInput = builder.inputType("UpdateJobInput", {
  description: "Which job to change and the new values; omitted values stay",
  fields: (t) => ({
    id: t.id({ required: true, description: "The job's id" }),
    title: t.string({ description: "1 to 200 characters" }),
    company: t.string({ description: "At most 200 characters" }),
    location: t.string({ description: "At most 200 characters" }),
    description: t.string({ description: "1 to 100,000 characters; keywords and requirements are not re-parsed" }),
    url: t.string({ description: "An absolute http(s) URL" }),
    status: t.field({ type: JobStatusEnum, description: "Archive or re-activate" }),
    remoteMode: t.field({ type: RemoteModeEnum, description: "Correct the detected remote mode" }),
    followUpDays: t.int({ description: "Days quiet in APPLIED before a follow-up reminder for this application, 0 to 90 (0: none); null: back to the user's setting" }),
  }),
});
const DeleteJobInput = builder.inputType("DeleteJobInput", {
  description: "Which job to delete",
  fields: (t) => ({ id: t.id({ required: true, description: "The job's id" }) }),
});
const SetApplicationStatusInput = builder.inputType("SetApplicationStatusInput", {
  description: "A new application status for a job; recorded in Job.statusHistory",
  fields: (t) => ({
    jobId: t.id({ required: true, description: "The job's id" }),
    status: t.field({ type: ApplicationStatusEnum, required: true, description: "The new status" }),
    note: t.string({ description: "Why, for the user's own record; at most 2000 characters" }),
    interviewAt: t.field({ type: "DateTime", description: "Also schedule an interview at this time (typically with INTERVIEWING); reminded the day before" }),
  }),
});

builder.mutationField("createJob", (t) =>
  t.prismaField({
    type: "Job",
    authScopes: { viewer: true },
    description:
      "Creates a job from pasted text (parsed), from fields, or from a JSON Resume job document. Errors: ValidationError (not exactly one source, lengths, invalid JSON Resume), " +
      "AiUnavailableError (the language model failed parsing text; nothing saved: retry or send fields)",
    args: { input: t.arg({ type: CreateJobInput, required: true }) },
    errors: { types: [ValidationError, AiUnavailableGqlError] },
    resolve: (_q, _r, { input }, ctx) => jobs.createJob(ctx.services, ctx.viewer!, input),
  }),
);
builder.mutationField("updateJob", (t) =>
  t.prismaField({
    type: "Job",
    authScopes: { viewer: true },
    description: "Changes a job's fields. Errors: ValidationError (see fieldErrors), NotFoundError",
    args: { input: t.arg({ type: UpdateJobInput, required: true }) },
    errors: { types: [ValidationError, NotFoundError] },
    resolve: (query, _r, { input }, ctx) => jobs.updateJob(ctx.viewer!, { ...input, id: String(input.id) }, query),
  }),
);
builder.mutationField("deleteJob", (t) =>
  t.field({
    type: DeletedPayload,
    authScopes: { viewer: true },
    description: "Deletes the job with its ranking and status history; generations and documents stay, unlinked. Errors: NotFoundError",
    args: { input: t.arg({ type: DeleteJobInput, required: true }) },
    errors: { types: [NotFoundError] },
    resolve: async (_r, { input }, ctx) => ({ deletedId: await jobs.deleteJob(ctx.viewer!, String(input.id)) }),
  }),
);
builder.mutationField("setApplicationStatus", (t) =>
  t.prismaField({
    type: "Job",
    authScopes: { viewer: true },
    description:
      "Moves the application to a new status and records the change; the follow-up clock restarts. Errors: ValidationError (note over 2000 characters, the same status, interviewAt out of range), NotFoundError",
    args: { input: t.arg({ type: SetApplicationStatusInput, required: true }) },
    errors: { types: [ValidationError, NotFoundError] },
    resolve: (query, _r, { input }, ctx) => jobs.setApplicationStatus(ctx.viewer!, { ...input, jobId: String(input.jobId) }, query),
  }),
);

builder.queryField("job", (t) =>
  t.prismaField({
    type: "Job",
    authScopes: { viewer: true },
    description: "One of the user's jobs. Errors: NotFoundError",
    args: { id: t.arg.id({ required: true, description: "The job's id" }) },
    errors: { types: [NotFoundError] },
    resolve: (query, _r, { id }, ctx) => jobs.findOwnedJob(ctx.viewer!, String(id), query),
  }),
);
builder.queryField("jobs", (t) =>
  t.prismaConnection({
    type: "Job",
    cursor: "id",
    maxSize: pageSize,
    authScopes: { viewer: true },
    description: "The user's jobs, newest first",
    args: {
      status: t.arg({ type: JobStatusEnum, description: "Only jobs with this status; default: both" }),
      applicationStatus: t.arg({ type: ApplicationStatusEnum, description: "Only jobs at this application stage" }),
      search: t.arg.string({ description: "Matches title, company or description" }),
    },
    resolve: (query, _r, args, ctx) => db().job.findMany({ ...selection(query), where: jobs.jobFilter(ctx.viewer!, args), orderBy: [{ createdAt: "desc" }, { id: "desc" }] }),
  }),
);
