import { builder } from "../../graphql/builder.ts";
import { LimitExceededError, NotFoundError, PreconditionError, UnsupportedFileError, ValidationError } from "../../graphql/errors.ts";
import type { DraftAward, DraftEducation, DraftExperience, DraftProfile, DraftProject, FieldConfidence } from "../../core/resume-parser.ts";
import type { SkillGroups } from "../../core/types.ts";
import { profileToJsonResume, jobToJsonResumeJob } from "../../core/json-resume.ts";
import { loadProfile } from "../profile/profile.mapper.ts";
import { findOwnedJob, toParsedJob } from "../job/job.service.ts";
import * as imports from "./import.service.ts";
import { db } from "../../db/client.ts";
import { selection } from "../../db/query.ts";

const ModeEnum = builder.enumType("ImportMode", {
  description: "What importResume does with the draft",
  values: {
    PREVIEW: { description: "Return the draft; write nothing" },
    MERGE: { description: "Add what is new; fill empty personal fields; never duplicate an item" },
    REPLACE: { description: "Swap the profile's content for the draft, in one transaction" },
  },
});

const ImportFormatEnum = builder.enumType("ImportFormat", {
  description: "What an imported file turned out to be (recognised by content, not by name)",
  values: {
    PDF: { description: "A PDF with a text layer" },
    DOCX: { description: "A Word document" },
    TXT: { description: "UTF-8 plain text" },
    JSON: { description: "A JSON Resume document (read exactly, no guessing)" },
  } as const,
});

const DraftLink = builder.objectRef<{ label: string; url: string }>("DraftLink").implement({
  description: "A link found in the resume",
  fields: (t) => ({ label: t.exposeString("label", { description: "What the link is, e.g. GitHub" }), url: t.exposeString("url", { description: "An http(s) URL" }) }),
});
const DraftSkills = builder.objectRef<SkillGroups>("DraftSkills").implement({
  description: "Skills found in the resume, by group",
  fields: (t) => ({
    technical: t.exposeStringList("technical", { description: "Tools, languages, frameworks" }),
    soft: t.exposeStringList("soft", { description: "Interpersonal skills" }),
    languages: t.exposeStringList("languages", { description: "Spoken languages" }),
    certifications: t.exposeStringList("certifications", { description: "Certifications" }),
  }),
});
const DraftExperienceRef = builder.objectRef<DraftExperience>("DraftExperience").implement({
  description: "An experience read from the resume; any value may be missing",
  fields: (t) => ({
    title: t.exposeString("title", { nullable: true, description: "Job title" }),
    company: t.exposeString("company", { nullable: true, description: "Employer" }),
    location: t.exposeString("location", { nullable: true, description: "Where" }),
    startDate: t.exposeString("startDate", { nullable: true, description: "Start date as found (YYYY, YYYY-MM or YYYY-MM-DD when recognised)" }),
    endDate: t.exposeString("endDate", { nullable: true, description: "End date as found; null while current or unknown" }),
    current: t.boolean({ description: "True when the resume says the role continues (present, now)", resolve: (e) => Boolean(e.current) }),
    bullets: t.exposeStringList("bullets", { description: "Lines under the entry" }),
    technologies: t.exposeStringList("technologies", { description: "Technologies mentioned" }),
    section: t.exposeString("section", { nullable: true, description: "The resume section a role was listed under when it is not the main experience section (Volunteer, Leadership, Research…)" }),
  }),
});
const DraftProjectRef = builder.objectRef<DraftProject>("DraftProject").implement({
  description: "A project read from the resume; any value may be missing",
  fields: (t) => ({
    name: t.exposeString("name", { nullable: true, description: "Project name" }),
    bullets: t.exposeStringList("bullets", { description: "Lines under the entry" }),
    technologies: t.exposeStringList("technologies", { description: "Technologies mentioned" }),
    url: t.exposeString("url", { nullable: true, description: "Live site URL" }),
    repoUrl: t.exposeString("repoUrl", { nullable: true, description: "Repository URL" }),
    startDate: t.exposeString("startDate", { nullable: true, description: "Start date as found (YYYY, YYYY-MM or YYYY-MM-DD when recognised)" }),
    endDate: t.exposeString("endDate", { nullable: true, description: "End date as found; null while current or unknown" }),
  }),
});
const DraftEducationRef = builder.objectRef<DraftEducation>("DraftEducation").implement({
  description: "An education entry read from the resume; any value may be missing",
  fields: (t) => ({
    institution: t.exposeString("institution", { nullable: true, description: "School or university" }),
    degree: t.exposeString("degree", { nullable: true, description: "Degree, e.g. BSc" }),
    field: t.exposeString("field", { nullable: true, description: "Field of study" }),
    startDate: t.exposeString("startDate", { nullable: true, description: "Start date as found (YYYY, YYYY-MM or YYYY-MM-DD when recognised)" }),
    endDate: t.exposeString("endDate", { nullable: true, description: "End date as found; null while current or unknown" }),
    gpa: t.exposeString("gpa", { nullable: true, description: "Grade as written" }),
    honors: t.exposeStringList("honors", { description: "Honours and awards" }),
    coursework: t.exposeStringList("coursework", { description: "Courses listed" }),
  }),
});
const DraftAwardRef = builder.objectRef<DraftAward>("DraftAward").implement({
  description: "An award, honour or scholarship read from the resume; any value but the title may be missing",
  fields: (t) => ({
    title: t.exposeString("title", { nullable: true, description: "What was awarded" }),
    awarder: t.exposeString("awarder", { nullable: true, description: "Who gave it" }),
    date: t.exposeString("date", { nullable: true, description: "When (YYYY, YYYY-MM or YYYY-MM-DD when recognised)" }),
    summary: t.exposeString("summary", { nullable: true, description: "What it was for" }),
  }),
});
const DraftProfileRef = builder.objectRef<DraftProfile>("ProfileDraft").implement({
  description: "A profile read from a resume file, before it is applied; fields mirror Profile",
  fields: (t) => ({
    fullName: t.exposeString("fullName", { nullable: true, description: "The name at the top" }),
    email: t.exposeString("email", { nullable: true, description: "Contact email" }),
    phone: t.exposeString("phone", { nullable: true, description: "Contact phone" }),
    location: t.exposeString("location", { nullable: true, description: "Where" }),
    links: t.field({ type: [DraftLink], description: "Links found", resolve: (p) => p.links }),
    summary: t.exposeString("summary", { nullable: true, description: "The summary paragraph" }),
    skills: t.field({ type: DraftSkills, description: "Skills found", resolve: (p) => p.skills }),
    experiences: t.field({ type: [DraftExperienceRef], description: "Experiences, in resume order", resolve: (p) => p.experiences }),
    projects: t.field({ type: [DraftProjectRef], description: "Projects, in resume order", resolve: (p) => p.projects }),
    education: t.field({ type: [DraftEducationRef], description: "Education, in resume order", resolve: (p) => p.education }),
    awards: t.field({ type: [DraftAwardRef], description: "Awards, honours and scholarships, in resume order", resolve: (p) => p.awards }),
  }),
});
const FieldConfidenceRef = builder.objectRef<FieldConfidence>("FieldConfidence").implement({
  description: "How sure the reader is of one drafted value",
  fields: (t) => ({
    path: t.exposeString("path", { description: "e.g. experiences[0].company" }),
    confidence: t.exposeFloat("confidence", { description: "0..1; below 0.5 deserves a look before applying" }),
  }),
});
const Counts = builder.objectRef<imports.ImportResult["added"]>("ImportCounts").implement({
  description: "How many items an import wrote (all 0 for PREVIEW)",
  fields: (t) => ({
    experiences: t.exposeInt("experiences", { description: "Experiences added" }),
    projects: t.exposeInt("projects", { description: "Projects added" }),
    education: t.exposeInt("education", { description: "Education entries added" }),
    awards: t.exposeInt("awards", { description: "Awards added" }),
    skills: t.exposeInt("skills", { description: "Skills added, over all groups" }),
  }),
});

const ImportResultRef = builder.objectRef<imports.ImportResult>("ImportResult").implement({
  description: "What importResume read and what it did with it",
  fields: (t) => ({
    mode: t.field({ type: ModeEnum, description: "The mode asked for", resolve: (r) => r.mode }),
    applied: t.exposeBoolean("applied", { description: "false for PREVIEW" }),
    format: t.field({ type: ImportFormatEnum, description: "What the file was", resolve: (r) => r.format.toUpperCase() as "PDF" | "DOCX" | "TXT" | "JSON" }),
    draft: t.field({ type: DraftProfileRef, description: "Everything read from the file", resolve: (r) => r.draft.profile }),
    confidence: t.float({ description: "Overall, 0..1", resolve: (r) => r.draft.confidence.overall }),
    fieldConfidence: t.field({ type: [FieldConfidenceRef], description: "Confidence per drafted value", resolve: (r) => r.draft.confidence.fields }),
    warnings: t.stringList({ description: "What the reader was unsure of or skipped, for a person to read", resolve: (r) => r.draft.warnings }),
    added: t.field({ type: Counts, description: "What was written", resolve: (r) => r.added }),
    skippedDuplicates: t.exposeInt("skippedDuplicates", { description: "MERGE: items already on the profile and so not added" }),
    profile: t.prismaField({
      type: "MasterProfile",
      nullable: true,
      description: "The profile after MERGE or REPLACE; null for PREVIEW",
      resolve: (query, r) => (r.profileId ? db().masterProfile.findUnique({ ...selection(query), where: { id: r.profileId } }) : null),
    }),
  }),
});

const ImportResumeInput = builder.inputType("ImportResumeInput", {
  description: "A resume file and what to do with it; send as a GraphQL multipart request",
  fields: (t) => ({
    file: t.field({ type: "File", required: true, description: "PDF, DOCX, UTF-8 text, or a JSON Resume document; at most MAX_UPLOAD_MB (default 10 MB)" }),
    mode: t.field({ type: ModeEnum, required: true, description: "Preview, merge or replace" }),
    force: t.boolean({ description: "Apply even a draft that does not look like a resume" }),
  }),
});

builder.mutationField("importResume", (t) =>
  t.field({
    type: ImportResultRef,
    authScopes: { viewer: true },
    description:
      "Reads an existing resume into a profile draft; previews it, merges it or replaces the profile. Errors: ValidationError (invalid JSON Resume, values over the profile's limits), " +
      "UnsupportedFileError (not a readable PDF/DOCX/text/JSON), LimitExceededError (text too long), PreconditionError (does not look like a resume; set force to apply anyway)",
    args: { input: t.arg({ type: ImportResumeInput, required: true }) },
    errors: { types: [ValidationError, UnsupportedFileError, LimitExceededError, PreconditionError] },
    resolve: (_r, { input }, ctx) => imports.importResume(ctx.services, ctx.viewer!, input),
  }),
);

builder.queryField("exportProfileJsonResume", (t) =>
  t.string({
    authScopes: { viewer: true },
    description: "The profile as a JSON Resume document (validates against the official schema), enhanced text where chosen. Errors: NotFoundError (no profile yet)",
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
    description: "The job as a JSON Resume job document (JSON text). Errors: NotFoundError",
    args: { jobId: t.arg.id({ required: true, description: "The job's id" }) },
    errors: { types: [NotFoundError] },
    resolve: async (_r, { jobId }, ctx) => {
      const job = await findOwnedJob(ctx.viewer!, String(jobId));
      return JSON.stringify(jobToJsonResumeJob({ ...toParsedJob(job), url: job.url, postedAt: job.createdAt.toISOString().slice(0, 10) }), null, 2);
    },
  }),
);
