import { builder } from "../../graphql/builder.ts";
import { AiUnavailableGqlError, NotFoundError, ValidationError } from "../../graphql/errors.ts";
import { db } from "../../db/client.ts";
import type { JobRequirement } from "../../core/types.ts";
import { objectList, stringList } from "../profile/json.ts";
import * as jobs from "./job.service.ts";
import { selection } from "../../db/query.ts";
import { DeletedPayload } from "../../graphql/payloads.ts";

export const ApplicationStatusEnum = builder.enumType("ApplicationStatus", {
  values: ["NOT_APPLIED", "APPLIED", "INTERVIEWING", "OFFER", "REJECTED", "WITHDRAWN", "ACCEPTED"] as const,
});
export const JobStatusEnum = builder.enumType("JobStatus", { values: ["ACTIVE", "ARCHIVED"] as const });
const RemoteModeEnum = builder.enumType("RemoteMode", { values: ["REMOTE", "HYBRID", "ONSITE", "UNKNOWN"] as const });
const SalaryPeriodEnum = builder.enumType("SalaryPeriod", { values: ["HOUR", "DAY", "WEEK", "MONTH", "YEAR"] as const });
const JobSourceEnum = builder.enumType("JobSource", { values: ["TEXT", "FIELDS", "JSON_RESUME"] as const });

const Requirement = builder.objectRef<JobRequirement>("JobRequirement").implement({
  fields: (t) => ({
    text: t.exposeString("text"),
    required: t.exposeBoolean("required", { description: "false for preferred / nice-to-have" }),
    keywords: t.exposeStringList("keywords"),
  }),
});
type Salary = { min: number | null; max: number | null; currency: string | null; period: "HOUR" | "DAY" | "WEEK" | "MONTH" | "YEAR" | null };
const SalaryRange = builder.objectRef<Salary>("SalaryRange").implement({
  fields: (t) => ({
    min: t.exposeFloat("min", { nullable: true }),
    max: t.exposeFloat("max", { nullable: true }),
    currency: t.exposeString("currency", { nullable: true, description: "ISO 4217 code, e.g. USD" }),
    period: t.field({ type: SalaryPeriodEnum, nullable: true, resolve: (s) => s.period }),
  }),
});

builder.prismaObject("ApplicationStatusEvent", {
  fields: (t) => ({
    id: t.exposeID("id"),
    from: t.field({ type: ApplicationStatusEnum, nullable: true, resolve: (e) => e.fromStatus }),
    to: t.field({ type: ApplicationStatusEnum, resolve: (e) => e.toStatus }),
    note: t.exposeString("note", { nullable: true }),
    at: t.expose("createdAt", { type: "DateTime" }),
  }),
});

builder.prismaObject("Job", {
  fields: (t) => ({
    id: t.exposeID("id"),
    title: t.exposeString("title", { nullable: true }),
    company: t.exposeString("company", { nullable: true }),
    location: t.exposeString("location", { nullable: true }),
    description: t.exposeString("description"),
    rawText: t.exposeString("rawText", { nullable: true, description: "The pasted text, when the job was created from text" }),
    url: t.exposeString("url", { nullable: true }),
    keywords: t.field({ type: ["String"], resolve: (j) => stringList(j.keywords) }),
    requirements: t.field({ type: [Requirement], resolve: (j) => objectList<JobRequirement>(j.requirements) }),
    responsibilities: t.field({ type: ["String"], resolve: (j) => stringList(j.responsibilities) }),
    benefits: t.field({ type: ["String"], resolve: (j) => stringList(j.benefits) }),
    salary: t.field({
      type: SalaryRange,
      nullable: true,
      resolve: (j) => (j.salaryMin == null && j.salaryMax == null ? null : { min: j.salaryMin, max: j.salaryMax, currency: j.salaryCurrency, period: j.salaryPeriod }),
    }),
    remoteMode: t.field({ type: RemoteModeEnum, resolve: (j) => j.remoteMode }),
    seniority: t.exposeString("seniority", { nullable: true }),
    yearsExperience: t.exposeInt("yearsExperience", { nullable: true }),
    status: t.field({ type: JobStatusEnum, resolve: (j) => j.status }),
    applicationStatus: t.field({ type: ApplicationStatusEnum, resolve: (j) => j.applicationStatus }),
    statusHistory: t.relation("statusEvents", { description: "Oldest first", query: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] } }),
    source: t.field({ type: JobSourceEnum, resolve: (j) => j.source }),
    provider: t.exposeString("provider", { description: "Who parsed the job: builtin or groq" }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
  }),
});

const JobFieldsInput = builder.inputType("JobFieldsInput", {
  fields: (t) => ({
    title: t.string(),
    company: t.string(),
    location: t.string(),
    description: t.string({ required: true }),
    url: t.string(),
    requirements: t.stringList(),
    preferred: t.stringList(),
    responsibilities: t.stringList(),
    benefits: t.stringList(),
    salary: t.string({ description: "Free text, e.g. $120k–$150k a year" }),
    remote: t.string({ description: "remote, hybrid or on-site" }),
  }),
});
const CreateJobInput = builder.inputType("CreateJobInput", {
  description: "Exactly one of text, fields or jsonResume",
  fields: (t) => ({
    text: t.string({ description: "The job description as pasted" }),
    fields: t.field({ type: JobFieldsInput }),
    jsonResume: t.string({ description: "A JSON Resume job document, as JSON text" }),
    url: t.string(),
  }),
});
const UpdateJobInput = builder.inputType("UpdateJobInput", {
  fields: (t) => ({
    id: t.id({ required: true }),
    title: t.string(),
    company: t.string(),
    location: t.string(),
    description: t.string(),
    url: t.string(),
    status: t.field({ type: JobStatusEnum }),
    remoteMode: t.field({ type: RemoteModeEnum }),
  }),
});
const DeleteJobInput = builder.inputType("DeleteJobInput", { fields: (t) => ({ id: t.id({ required: true }) }) });
const SetApplicationStatusInput = builder.inputType("SetApplicationStatusInput", {
  fields: (t) => ({
    jobId: t.id({ required: true }),
    status: t.field({ type: ApplicationStatusEnum, required: true }),
    note: t.string(),
  }),
});

builder.mutationField("createJob", (t) =>
  t.prismaField({
    type: "Job",
    authScopes: { viewer: true },
    description: "Creates a job from pasted text (parsed), from fields, or from a JSON Resume job document",
    args: { input: t.arg({ type: CreateJobInput, required: true }) },
    errors: { types: [ValidationError, AiUnavailableGqlError] },
    resolve: (_q, _r, { input }, ctx) => jobs.createJob(ctx.services, ctx.viewer!, input),
  }),
);
builder.mutationField("updateJob", (t) =>
  t.prismaField({
    type: "Job",
    authScopes: { viewer: true },
    args: { input: t.arg({ type: UpdateJobInput, required: true }) },
    errors: { types: [ValidationError, NotFoundError] },
    resolve: (query, _r, { input }, ctx) => jobs.updateJob(ctx.viewer!, { ...input, id: String(input.id) }, query),
  }),
);
builder.mutationField("deleteJob", (t) =>
  t.field({
    type: DeletedPayload,
    authScopes: { viewer: true },
    description: "Deletes the job with its ranking and status history; generations and documents stay, unlinked",
    args: { input: t.arg({ type: DeleteJobInput, required: true }) },
    errors: { types: [NotFoundError] },
    resolve: async (_r, { input }, ctx) => ({ deletedId: await jobs.deleteJob(ctx.viewer!, String(input.id)) }),
  }),
);
builder.mutationField("setApplicationStatus", (t) =>
  t.prismaField({
    type: "Job",
    authScopes: { viewer: true },
    args: { input: t.arg({ type: SetApplicationStatusInput, required: true }) },
    errors: { types: [ValidationError, NotFoundError] },
    resolve: (query, _r, { input }, ctx) => jobs.setApplicationStatus(ctx.viewer!, { ...input, jobId: String(input.jobId) }, query),
  }),
);

builder.queryField("job", (t) =>
  t.prismaField({
    type: "Job",
    authScopes: { viewer: true },
    args: { id: t.arg.id({ required: true }) },
    errors: { types: [NotFoundError] },
    resolve: (query, _r, { id }, ctx) => jobs.findOwnedJob(ctx.viewer!, String(id), query),
  }),
);
builder.queryField("jobs", (t) =>
  t.prismaConnection({
    type: "Job",
    cursor: "id",
    authScopes: { viewer: true },
    description: "The user's jobs, newest first",
    args: {
      status: t.arg({ type: JobStatusEnum }),
      applicationStatus: t.arg({ type: ApplicationStatusEnum }),
      search: t.arg.string({ description: "Matches title, company or description" }),
    },
    resolve: (query, _r, args, ctx) => db().job.findMany({ ...selection(query), where: jobs.jobFilter(ctx.viewer!, args), orderBy: [{ createdAt: "desc" }, { id: "desc" }] }),
  }),
);
