import { builder } from "../../graphql/builder.ts";
import { ValidationError } from "../../graphql/errors.ts";
import type { SkillGroups } from "../../core/types.ts";
import { nullableStringList, objectList, stringList } from "./json.ts";
import * as profiles from "./profile.store.ts";
import { db } from "../../db/client.ts";
import { selection } from "../../db/query.ts";

const Link = builder.objectRef<{ label: string; url: string }>("Link").implement({
  description: "A labelled web link on the profile (portfolio, GitHub, LinkedIn …)",
  fields: (t) => ({ label: t.exposeString("label", { description: "What the link is, e.g. GitHub" }), url: t.exposeString("url", { description: "An absolute http(s) URL" }) }),
});
const CustomField = builder.objectRef<{ key: string; value: string }>("CustomField").implement({
  description: "A free-form key/value the user keeps on the profile (e.g. Clearance: Secret)",
  fields: (t) => ({ key: t.exposeString("key", { description: "The label, unique per profile (case-insensitive)" }), value: t.exposeString("value", { description: "The text" }) }),
});
const Skills = builder.objectRef<SkillGroups>("SkillGroups").implement({
  description: "The profile's skills in four groups, each in the order the user gave",
  fields: (t) => ({
    technical: t.field({ type: ["String"], description: "Tools, languages, frameworks (e.g. TypeScript, PostgreSQL)", resolve: (s) => stringList(s.technical) }),
    soft: t.field({ type: ["String"], description: "Interpersonal skills (e.g. mentoring)", resolve: (s) => stringList(s.soft) }),
    languages: t.field({ type: ["String"], description: "Spoken languages (e.g. German (C1))", resolve: (s) => stringList(s.languages) }),
    certifications: t.field({ type: ["String"], description: "Certifications held (e.g. AWS Solutions Architect)", resolve: (s) => stringList(s.certifications) }),
  }),
});

builder.prismaObject("MasterProfile", {
  name: "Profile",
  description: "The master profile every resume and cover letter is built from",
  fields: (t) => ({
    id: t.exposeID("id", { description: "Stable profile id" }),
    fullName: t.exposeString("fullName", { nullable: true, description: "Name as it appears on documents, at most 200 characters" }),
    email: t.exposeString("email", { nullable: true, description: "Contact email for documents (not the sign-in email)" }),
    phone: t.exposeString("phone", { nullable: true, description: "Contact phone as typed, at most 40 characters" }),
    location: t.exposeString("location", { nullable: true, description: "City / region as typed, at most 200 characters" }),
    links: t.field({ type: [Link], description: "Up to 20 links, in the user's order", resolve: (p) => objectList<{ label: string; url: string }>(p.links) }),
    summary: t.exposeString("summary", { nullable: true, description: "The user's own summary, at most 5000 characters" }),
    enhancedSummary: t.exposeString("enhancedSummary", { nullable: true, description: "Latest enhanced summary (read-only); null until an enhancement rewrote it" }),
    previousEnhancedSummary: t.exposeString("previousEnhancedSummary", { nullable: true, description: "The enhanced summary before the latest one; revertEnhancement puts it back" }),
    useEnhancedSummary: t.exposeBoolean("useEnhancedSummary", { description: "True when documents use enhancedSummary instead of summary (set with setUseEnhanced)" }),
    skills: t.field({ type: Skills, description: "Skills by group", resolve: (p) => (p.skills ?? {}) as unknown as SkillGroups }),
    customFields: t.field({ type: [CustomField], description: "Up to 50 key/value pairs, in the user's order", resolve: (p) => objectList<{ key: string; value: string }>(p.customFields) }),
    enhancementVersion: t.exposeInt("enhancementVersion", { description: "How many enhancements have completed on this profile (0 = never)" }),
    lastEnhancedAt: t.expose("lastEnhancedAt", { type: "DateTime", nullable: true, description: "When the last enhancement completed; null if never" }),
    experiences: t.relation("experiences", { description: "Work experience, in the user's order (see Experience.order)", query: { orderBy: { sortOrder: "asc" } } }),
    projects: t.relation("projects", { description: "Projects, in the user's order", query: { orderBy: { sortOrder: "asc" } } }),
    education: t.relation("education", { description: "Education, in the user's order", query: { orderBy: { sortOrder: "asc" } } }),
    awards: t.relation("awards", { description: "Awards, honours and scholarships, in the user's order", query: { orderBy: { sortOrder: "asc" } } }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When the profile was created" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime", description: "When any profile field last changed" }),
  }),
});

builder.prismaObject("Experience", {
  description: "One role on the profile",
  fields: (t) => ({
    id: t.exposeID("id", { description: "Stable id; pass it to updateExperience, deleteExperience, reorderExperiences" }),
    order: t.exposeInt("sortOrder", { description: "0-based position in the profile's list" }),
    title: t.exposeString("title", { description: "Job title, at most 200 characters" }),
    company: t.exposeString("company", { description: "Employer, at most 200 characters" }),
    location: t.exposeString("location", { nullable: true, description: "Where the role was, at most 200 characters" }),
    startDate: t.expose("startDate", { type: "PartialDate", nullable: true, description: "When the role started" }),
    endDate: t.expose("endDate", { type: "PartialDate", nullable: true, description: "When it ended; null while current" }),
    current: t.exposeBoolean("current", { description: "True for a role the user still holds (then endDate is null)" }),
    bullets: t.field({ type: ["String"], description: "The user's own achievement lines, up to 50 of at most 1000 characters", resolve: (r) => stringList(r.bullets) }),
    technologies: t.field({ type: ["String"], description: "Technologies used, up to 50, no duplicates", resolve: (r) => stringList(r.technologies) }),
    enhancedBullets: t.field({ type: ["String"], nullable: true, description: "The latest enhanced rewrite of bullets (read-only); null until enhanced", resolve: (r) => nullableStringList(r.enhancedBullets) }),
    previousEnhancedBullets: t.field({ type: ["String"], nullable: true, description: "The rewrite before the latest; revertEnhancement puts it back", resolve: (r) => nullableStringList(r.previousEnhancedBullets) }),
    useEnhanced: t.exposeBoolean("useEnhanced", { description: "True when documents use enhancedBullets instead of bullets (set with setUseEnhanced)" }),
    profile: t.relation("profile", { description: "The profile this entry is on, with its lists as they are now: select it in add, update and reorder results so a normalised client cache sees the new list" }),
  }),
});

builder.prismaObject("Project", {
  description: "One project on the profile",
  fields: (t) => ({
    id: t.exposeID("id", { description: "Stable id; pass it to updateProject, deleteProject, reorderProjects" }),
    order: t.exposeInt("sortOrder", { description: "0-based position in the profile's list" }),
    name: t.exposeString("name", { description: "Project name, at most 200 characters" }),
    bullets: t.field({ type: ["String"], description: "The user's own lines, up to 50 of at most 1000 characters", resolve: (r) => stringList(r.bullets) }),
    technologies: t.field({ type: ["String"], description: "Technologies used, up to 50, no duplicates", resolve: (r) => stringList(r.technologies) }),
    url: t.exposeString("url", { nullable: true, description: "Live site, an http(s) URL" }),
    repoUrl: t.exposeString("repoUrl", { nullable: true, description: "Source repository, an http(s) URL" }),
    startDate: t.expose("startDate", { type: "PartialDate", nullable: true, description: "When the project started" }),
    endDate: t.expose("endDate", { type: "PartialDate", nullable: true, description: "When it ended; null if ongoing or unknown" }),
    enhancedBullets: t.field({ type: ["String"], nullable: true, description: "The latest enhanced rewrite of bullets (read-only); null until enhanced", resolve: (r) => nullableStringList(r.enhancedBullets) }),
    previousEnhancedBullets: t.field({ type: ["String"], nullable: true, description: "The rewrite before the latest; revertEnhancement puts it back", resolve: (r) => nullableStringList(r.previousEnhancedBullets) }),
    useEnhanced: t.exposeBoolean("useEnhanced", { description: "True when documents use enhancedBullets instead of bullets (set with setUseEnhanced)" }),
    profile: t.relation("profile", { description: "The profile this entry is on, with its lists as they are now: select it in add, update and reorder results so a normalised client cache sees the new list" }),
  }),
});

builder.prismaObject("Education", {
  description: "One degree, course or school on the profile",
  fields: (t) => ({
    id: t.exposeID("id", { description: "Stable id; pass it to updateEducation, deleteEducation, reorderEducation" }),
    order: t.exposeInt("sortOrder", { description: "0-based position in the profile's list" }),
    institution: t.exposeString("institution", { description: "School or university, at most 200 characters" }),
    degree: t.exposeString("degree", { nullable: true, description: "e.g. BSc, at most 200 characters" }),
    field: t.exposeString("field", { nullable: true, description: "Field of study, e.g. Computer Science" }),
    startDate: t.expose("startDate", { type: "PartialDate", nullable: true, description: "When studies started" }),
    endDate: t.expose("endDate", { type: "PartialDate", nullable: true, description: "When they ended (or are expected to)" }),
    gpa: t.exposeString("gpa", { nullable: true, description: "Grade as written, e.g. 3.8/4.0, at most 20 characters" }),
    honors: t.field({ type: ["String"], description: "Honours and awards, up to 30", resolve: (r) => stringList(r.honors) }),
    coursework: t.field({ type: ["String"], description: "Relevant courses, up to 60", resolve: (r) => stringList(r.coursework) }),
    profile: t.relation("profile", { description: "The profile this entry is on, with its lists as they are now: select it in add, update and reorder results so a normalised client cache sees the new list" }),
  }),
});

builder.prismaObject("Award", {
  description: "An award, honour or scholarship on the profile (JSON Resume `awards`)",
  fields: (t) => ({
    id: t.exposeID("id", { description: "Stable id; pass it to updateAward, deleteAward, reorderAwards" }),
    order: t.exposeInt("sortOrder", { description: "0-based position in the profile's list" }),
    title: t.exposeString("title", { description: "What was awarded, 1 to 200 characters" }),
    awarder: t.exposeString("awarder", { nullable: true, description: "Who gave it, at most 200 characters" }),
    date: t.expose("date", { type: "PartialDate", nullable: true, description: "When it was given" }),
    summary: t.exposeString("summary", { nullable: true, description: "What it was for, at most 1000 characters" }),
    profile: t.relation("profile", { description: "The profile this entry is on, with its lists as they are now" }),
  }),
});

const LinkInput = builder.inputType("LinkInput", {
  description: "A labelled web link",
  fields: (t) => ({
    label: t.string({ required: true, description: "1 to 50 characters, e.g. GitHub" }),
    url: t.string({ required: true, description: "An absolute http or https URL, at most 500 characters" }),
  }),
});
const CustomFieldInput = builder.inputType("CustomFieldInput", {
  description: "A free-form key/value pair",
  fields: (t) => ({
    key: t.string({ required: true, description: "1 to 100 characters; unique per profile, ignoring case" }),
    value: t.string({ required: true, description: "1 to 2000 characters" }),
  }),
});
const SkillGroupsInput = builder.inputType("SkillGroupsInput", {
  description: "Skills by group; a given group replaces the stored one, an omitted group stays. Duplicates (ignoring case) are refused",
  fields: (t) => ({
    technical: t.stringList({ description: "Up to 200 entries of at most 100 characters" }),
    soft: t.stringList({ description: "Up to 100 entries of at most 100 characters" }),
    languages: t.stringList({ description: "Up to 50 entries of at most 100 characters" }),
    certifications: t.stringList({ description: "Up to 100 entries of at most 200 characters" }),
  }),
});

const UpsertProfileInput = builder.inputType("UpsertProfileInput", {
  description: "Omitted fields keep their value; null clears a field",
  fields: (t) => ({
    fullName: t.string({ description: "At most 200 characters" }),
    email: t.string({ description: "Contact email for documents, a valid address of at most 254 characters" }),
    phone: t.string({ description: "At most 40 characters: digits, spaces, +, -, ., / and parentheses" }),
    location: t.string({ description: "At most 200 characters" }),
    links: t.field({ type: [LinkInput], description: "Replaces every link; at most 20" }),
    summary: t.string({ description: "At most 5000 characters" }),
    skills: t.field({ type: SkillGroupsInput, description: "Skills by group" }),
    customFields: t.field({ type: [CustomFieldInput], description: "Replaces every custom field; at most 50" }),
  }),
});

builder.queryField("myProfile", (t) =>
  t.prismaField({
    type: "MasterProfile",
    nullable: true,
    authScopes: { viewer: true },
    description: "The signed-in user's master profile, or null before it is created",
    resolve: (query, _r, _a, ctx) => db().masterProfile.findUnique({ ...selection(query), where: { userId: ctx.viewer!.id } }),
  }),
);

builder.mutationField("upsertProfile", (t) =>
  t.prismaField({
    type: "MasterProfile",
    authScopes: { viewer: true },
    description: "Creates the profile or changes the given fields. Errors: ValidationError (lengths, formats, duplicates; see fieldErrors)",
    args: { input: t.arg({ type: UpsertProfileInput, required: true }) },
    errors: { types: [ValidationError] },
    resolve: (_q, _r, { input }, ctx) => profiles.upsertProfile(ctx.viewer!, input),
  }),
);
