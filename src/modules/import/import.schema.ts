import { builder } from "../../graphql/builder.ts";
import { LimitExceededError, NotFoundError, PreconditionError, UnsupportedFileError, ValidationError } from "../../graphql/errors.ts";
import type { DraftEducation, DraftExperience, DraftProfile, DraftProject, FieldConfidence } from "../../core/resume-parser.ts";
import type { SkillGroups } from "../../core/types.ts";
import { profileToJsonResume, jobToJsonResumeJob } from "../../core/json-resume.ts";
import { loadProfile } from "../profile/profile.mapper.ts";
import { findOwnedJob, toParsedJob } from "../job/job.service.ts";
import * as imports from "./import.service.ts";
import { db } from "../../db/client.ts";
import { selection } from "../../db/query.ts";

const ModeEnum = builder.enumType("ImportMode", {
  values: {
    PREVIEW: { description: "Return the draft; write nothing" },
    MERGE: { description: "Add what is new; fill empty personal fields; never duplicate an item" },
    REPLACE: { description: "Swap the profile's content for the draft, in one transaction" },
  },
});

const DraftLink = builder.objectRef<{ label: string; url: string }>("DraftLink").implement({
  fields: (t) => ({ label: t.exposeString("label"), url: t.exposeString("url") }),
});
const DraftSkills = builder.objectRef<SkillGroups>("DraftSkills").implement({
  fields: (t) => ({
    technical: t.exposeStringList("technical"),
    soft: t.exposeStringList("soft"),
    languages: t.exposeStringList("languages"),
    certifications: t.exposeStringList("certifications"),
  }),
});
const opt = { nullable: true } as const;
const DraftExperienceRef = builder.objectRef<DraftExperience>("DraftExperience").implement({
  fields: (t) => ({
    title: t.exposeString("title", opt),
    company: t.exposeString("company", opt),
    location: t.exposeString("location", opt),
    startDate: t.exposeString("startDate", opt),
    endDate: t.exposeString("endDate", opt),
    current: t.boolean({ resolve: (e) => Boolean(e.current) }),
    bullets: t.exposeStringList("bullets"),
    technologies: t.exposeStringList("technologies"),
    section: t.exposeString("section", { ...opt, description: "The resume section a role was listed under when it is not the main experience section (Volunteer, Leadership, Research…)" }),
  }),
});
const DraftProjectRef = builder.objectRef<DraftProject>("DraftProject").implement({
  fields: (t) => ({
    name: t.exposeString("name", opt),
    bullets: t.exposeStringList("bullets"),
    technologies: t.exposeStringList("technologies"),
    url: t.exposeString("url", opt),
    repoUrl: t.exposeString("repoUrl", opt),
    startDate: t.exposeString("startDate", opt),
    endDate: t.exposeString("endDate", opt),
  }),
});
const DraftEducationRef = builder.objectRef<DraftEducation>("DraftEducation").implement({
  fields: (t) => ({
    institution: t.exposeString("institution", opt),
    degree: t.exposeString("degree", opt),
    field: t.exposeString("field", opt),
    startDate: t.exposeString("startDate", opt),
    endDate: t.exposeString("endDate", opt),
    gpa: t.exposeString("gpa", opt),
    honors: t.exposeStringList("honors"),
    coursework: t.exposeStringList("coursework"),
  }),
});
const DraftProfileRef = builder.objectRef<DraftProfile>("ProfileDraft").implement({
  fields: (t) => ({
    fullName: t.exposeString("fullName", opt),
    email: t.exposeString("email", opt),
    phone: t.exposeString("phone", opt),
    location: t.exposeString("location", opt),
    links: t.field({ type: [DraftLink], resolve: (p) => p.links }),
    summary: t.exposeString("summary", opt),
    skills: t.field({ type: DraftSkills, resolve: (p) => p.skills }),
    experiences: t.field({ type: [DraftExperienceRef], resolve: (p) => p.experiences }),
    projects: t.field({ type: [DraftProjectRef], resolve: (p) => p.projects }),
    education: t.field({ type: [DraftEducationRef], resolve: (p) => p.education }),
  }),
});
const FieldConfidenceRef = builder.objectRef<FieldConfidence>("FieldConfidence").implement({
  fields: (t) => ({ path: t.exposeString("path", { description: "e.g. experiences[0].company" }), confidence: t.exposeFloat("confidence") }),
});
const Counts = builder.objectRef<imports.ImportResult["added"]>("ImportCounts").implement({
  fields: (t) => ({ experiences: t.exposeInt("experiences"), projects: t.exposeInt("projects"), education: t.exposeInt("education"), skills: t.exposeInt("skills") }),
});

const ImportResultRef = builder.objectRef<imports.ImportResult>("ImportResult").implement({
  fields: (t) => ({
    mode: t.field({ type: ModeEnum, resolve: (r) => r.mode }),
    applied: t.exposeBoolean("applied", { description: "false for PREVIEW" }),
    format: t.exposeString("format", { description: "pdf, docx, txt or json (JSON Resume)" }),
    draft: t.field({ type: DraftProfileRef, resolve: (r) => r.draft.profile }),
    confidence: t.float({ description: "Overall, 0..1", resolve: (r) => r.draft.confidence.overall }),
    fieldConfidence: t.field({ type: [FieldConfidenceRef], resolve: (r) => r.draft.confidence.fields }),
    warnings: t.stringList({ resolve: (r) => r.draft.warnings }),
    added: t.field({ type: Counts, resolve: (r) => r.added }),
    skippedDuplicates: t.exposeInt("skippedDuplicates"),
    profile: t.prismaField({
      type: "MasterProfile",
      nullable: true,
      resolve: (query, r) => (r.profileId ? db().masterProfile.findUnique({ ...selection(query), where: { id: r.profileId } }) : null),
    }),
  }),
});

const ImportResumeInput = builder.inputType("ImportResumeInput", {
  fields: (t) => ({
    file: t.field({ type: "File", required: true, description: "PDF, DOCX, text, or a JSON Resume document" }),
    mode: t.field({ type: ModeEnum, required: true }),
    force: t.boolean({ description: "Apply even a draft that does not look like a resume" }),
  }),
});

builder.mutationField("importResume", (t) =>
  t.field({
    type: ImportResultRef,
    authScopes: { viewer: true },
    description: "Reads an existing resume into a profile draft; previews it, merges it or replaces the profile",
    args: { input: t.arg({ type: ImportResumeInput, required: true }) },
    errors: { types: [ValidationError, UnsupportedFileError, LimitExceededError, PreconditionError] },
    resolve: (_r, { input }, ctx) => imports.importResume(ctx.services, ctx.viewer!, input),
  }),
);

builder.queryField("exportProfileJsonResume", (t) =>
  t.string({
    authScopes: { viewer: true },
    description: "The profile as a JSON Resume document (validates against the official schema), enhanced text where chosen",
    errors: { types: [NotFoundError] },
    resolve: async (_r, _a, ctx) => {
      const profile = await loadProfile(ctx.viewer!.id);
      if (!profile) throw new NotFoundError("Profile");
      return JSON.stringify(profileToJsonResume(profile, { lastModified: new Date().toISOString().slice(0, 19) }), null, 2);
    },
  }),
);

builder.queryField("exportJobJsonResume", (t) =>
  t.string({
    authScopes: { viewer: true },
    description: "The job as a JSON Resume job document",
    args: { jobId: t.arg.id({ required: true }) },
    errors: { types: [NotFoundError] },
    resolve: async (_r, { jobId }, ctx) => {
      const job = await findOwnedJob(ctx.viewer!, String(jobId));
      return JSON.stringify(jobToJsonResumeJob({ ...toParsedJob(job), url: job.url, postedAt: job.createdAt.toISOString().slice(0, 10) }), null, 2);
    },
  }),
);
