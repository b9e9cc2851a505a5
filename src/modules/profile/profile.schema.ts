import { builder } from "../../graphql/builder.ts";
import { ValidationError } from "../../graphql/errors.ts";
import type { SkillGroups } from "../../core/types.ts";
import { nullableStringList, objectList, stringList } from "./json.ts";
import * as profiles from "./profile.store.ts";
import { db } from "../../db/client.ts";
import { selection } from "../../db/query.ts";

const Link = builder.objectRef<{ label: string; url: string }>("Link").implement({
  fields: (t) => ({ label: t.exposeString("label"), url: t.exposeString("url") }),
});
const CustomField = builder.objectRef<{ key: string; value: string }>("CustomField").implement({
  fields: (t) => ({ key: t.exposeString("key"), value: t.exposeString("value") }),
});
const Skills = builder.objectRef<SkillGroups>("SkillGroups").implement({
  fields: (t) => ({
    technical: t.field({ type: ["String"], resolve: (s) => stringList(s.technical) }),
    soft: t.field({ type: ["String"], resolve: (s) => stringList(s.soft) }),
    languages: t.field({ type: ["String"], resolve: (s) => stringList(s.languages) }),
    certifications: t.field({ type: ["String"], resolve: (s) => stringList(s.certifications) }),
  }),
});

builder.prismaObject("MasterProfile", {
  name: "Profile",
  description: "The master profile every resume and cover letter is built from",
  fields: (t) => ({
    id: t.exposeID("id"),
    fullName: t.exposeString("fullName", { nullable: true }),
    email: t.exposeString("email", { nullable: true }),
    phone: t.exposeString("phone", { nullable: true }),
    location: t.exposeString("location", { nullable: true }),
    links: t.field({ type: [Link], resolve: (p) => objectList<{ label: string; url: string }>(p.links) }),
    summary: t.exposeString("summary", { nullable: true }),
    enhancedSummary: t.exposeString("enhancedSummary", { nullable: true, description: "Latest enhanced summary (read-only)" }),
    previousEnhancedSummary: t.exposeString("previousEnhancedSummary", { nullable: true }),
    useEnhancedSummary: t.exposeBoolean("useEnhancedSummary"),
    skills: t.field({ type: Skills, resolve: (p) => (p.skills ?? {}) as unknown as SkillGroups }),
    customFields: t.field({ type: [CustomField], resolve: (p) => objectList<{ key: string; value: string }>(p.customFields) }),
    enhancementVersion: t.exposeInt("enhancementVersion"),
    lastEnhancedAt: t.expose("lastEnhancedAt", { type: "DateTime", nullable: true }),
    experiences: t.relation("experiences", { query: { orderBy: { sortOrder: "asc" } } }),
    projects: t.relation("projects", { query: { orderBy: { sortOrder: "asc" } } }),
    education: t.relation("education", { query: { orderBy: { sortOrder: "asc" } } }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
  }),
});

builder.prismaObject("Experience", {
  fields: (t) => ({
    id: t.exposeID("id"),
    order: t.exposeInt("sortOrder"),
    title: t.exposeString("title"),
    company: t.exposeString("company"),
    location: t.exposeString("location", { nullable: true }),
    startDate: t.expose("startDate", { type: "PartialDate", nullable: true }),
    endDate: t.expose("endDate", { type: "PartialDate", nullable: true }),
    current: t.exposeBoolean("current"),
    bullets: t.field({ type: ["String"], resolve: (r) => stringList(r.bullets) }),
    technologies: t.field({ type: ["String"], resolve: (r) => stringList(r.technologies) }),
    enhancedBullets: t.field({ type: ["String"], nullable: true, resolve: (r) => nullableStringList(r.enhancedBullets) }),
    previousEnhancedBullets: t.field({ type: ["String"], nullable: true, resolve: (r) => nullableStringList(r.previousEnhancedBullets) }),
    useEnhanced: t.exposeBoolean("useEnhanced"),
  }),
});

builder.prismaObject("Project", {
  fields: (t) => ({
    id: t.exposeID("id"),
    order: t.exposeInt("sortOrder"),
    name: t.exposeString("name"),
    bullets: t.field({ type: ["String"], resolve: (r) => stringList(r.bullets) }),
    technologies: t.field({ type: ["String"], resolve: (r) => stringList(r.technologies) }),
    url: t.exposeString("url", { nullable: true }),
    repoUrl: t.exposeString("repoUrl", { nullable: true }),
    startDate: t.expose("startDate", { type: "PartialDate", nullable: true }),
    endDate: t.expose("endDate", { type: "PartialDate", nullable: true }),
    enhancedBullets: t.field({ type: ["String"], nullable: true, resolve: (r) => nullableStringList(r.enhancedBullets) }),
    previousEnhancedBullets: t.field({ type: ["String"], nullable: true, resolve: (r) => nullableStringList(r.previousEnhancedBullets) }),
    useEnhanced: t.exposeBoolean("useEnhanced"),
  }),
});

builder.prismaObject("Education", {
  fields: (t) => ({
    id: t.exposeID("id"),
    order: t.exposeInt("sortOrder"),
    institution: t.exposeString("institution"),
    degree: t.exposeString("degree", { nullable: true }),
    field: t.exposeString("field", { nullable: true }),
    startDate: t.expose("startDate", { type: "PartialDate", nullable: true }),
    endDate: t.expose("endDate", { type: "PartialDate", nullable: true }),
    gpa: t.exposeString("gpa", { nullable: true }),
    honors: t.field({ type: ["String"], resolve: (r) => stringList(r.honors) }),
    coursework: t.field({ type: ["String"], resolve: (r) => stringList(r.coursework) }),
  }),
});

const LinkInput = builder.inputType("LinkInput", {
  fields: (t) => ({ label: t.string({ required: true }), url: t.string({ required: true }) }),
});
const CustomFieldInput = builder.inputType("CustomFieldInput", {
  fields: (t) => ({ key: t.string({ required: true }), value: t.string({ required: true }) }),
});
const SkillGroupsInput = builder.inputType("SkillGroupsInput", {
  fields: (t) => ({
    technical: t.stringList(),
    soft: t.stringList(),
    languages: t.stringList(),
    certifications: t.stringList(),
  }),
});

const UpsertProfileInput = builder.inputType("UpsertProfileInput", {
  description: "Omitted fields keep their value; null clears a field",
  fields: (t) => ({
    fullName: t.string(),
    email: t.string(),
    phone: t.string(),
    location: t.string(),
    links: t.field({ type: [LinkInput] }),
    summary: t.string(),
    skills: t.field({ type: SkillGroupsInput }),
    customFields: t.field({ type: [CustomFieldInput] }),
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
    args: { input: t.arg({ type: UpsertProfileInput, required: true }) },
    errors: { types: [ValidationError] },
    resolve: (_q, _r, { input }, ctx) => profiles.upsertProfile(ctx.viewer!, input),
  }),
);
