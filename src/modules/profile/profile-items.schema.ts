import { builder } from "../../graphql/builder.ts";
import { NotFoundError, ValidationError } from "../../graphql/errors.ts";
import * as profiles from "./profile.store.ts";
import { withoutNulls } from "../../input.ts";
import { db } from "../../db/client.ts";
import { selection } from "../../db/query.ts";

const ERRORS = { types: [ValidationError, NotFoundError] };

const ExperienceFields = builder.inputType("ExperienceFieldsInput", {
  description: "An experience's values. Adding requires title and company; updating changes only what is given",
  fields: (t) => ({
    title: t.string({ description: "1 to 200 characters" }),
    company: t.string({ description: "1 to 200 characters" }),
    location: t.string({ description: "At most 200 characters" }),
    startDate: t.field({ type: "PartialDate", description: "YYYY, YYYY-MM or YYYY-MM-DD" }),
    endDate: t.field({ type: "PartialDate", description: "Not before startDate; must be empty when current is true" }),
    current: t.boolean({ description: "The user still holds this role; default false" }),
    bullets: t.stringList({ description: "Achievement lines: up to 50 of 1 to 1000 characters" }),
    technologies: t.stringList({ description: "Up to 50 of at most 100 characters, no duplicates (ignoring case)" }),
  }),
});
const ProjectFields = builder.inputType("ProjectFieldsInput", {
  description: "A project's values. Adding requires name; updating changes only what is given",
  fields: (t) => ({
    name: t.string({ description: "1 to 200 characters" }),
    bullets: t.stringList({ description: "Up to 50 lines of 1 to 1000 characters" }),
    technologies: t.stringList({ description: "Up to 50 of at most 100 characters, no duplicates (ignoring case)" }),
    url: t.string({ description: "An absolute http(s) URL, at most 500 characters" }),
    repoUrl: t.string({ description: "An absolute http(s) URL, at most 500 characters" }),
    startDate: t.field({ type: "PartialDate", description: "YYYY, YYYY-MM or YYYY-MM-DD" }),
    endDate: t.field({ type: "PartialDate", description: "Not before startDate" }),
  }),
});
const EducationFields = builder.inputType("EducationFieldsInput", {
  description: "An education entry's values. Adding requires institution; updating changes only what is given",
  fields: (t) => ({
    institution: t.string({ description: "1 to 200 characters" }),
    degree: t.string({ description: "At most 200 characters" }),
    field: t.string({ description: "Field of study, at most 200 characters" }),
    startDate: t.field({ type: "PartialDate", description: "YYYY, YYYY-MM or YYYY-MM-DD" }),
    endDate: t.field({ type: "PartialDate", description: "Not before startDate" }),
    gpa: t.string({ description: "As written, at most 20 characters" }),
    honors: t.stringList({ description: "Up to 30 of at most 300 characters, no duplicates" }),
    coursework: t.stringList({ description: "Up to 60 of at most 200 characters, no duplicates" }),
  }),
});
const AwardFields = builder.inputType("AwardFieldsInput", {
  description: "An award's values. Adding requires title; updating changes only what is given",
  fields: (t) => ({
    title: t.string({ description: "1 to 200 characters" }),
    awarder: t.string({ description: "Who gave it, at most 200 characters" }),
    date: t.field({ type: "PartialDate", description: "YYYY, YYYY-MM or YYYY-MM-DD" }),
    summary: t.string({ description: "At most 1000 characters" }),
  }),
});

/** A deleted list entry and the profile after the delete, so a normalised cache drops it from the list too. */
const DeletedItemPayload = builder.objectRef<{ deletedId: string; userId: string }>("DeletedProfileItem").implement({
  description: "The result of deleting a profile list entry: the id that no longer exists and the profile as it is now",
  fields: (t) => ({
    deletedId: t.exposeID("deletedId", { description: "The id of the deleted entry (evict it from client caches)" }),
    profile: t.prismaField({
      type: "MasterProfile",
      description: "The profile after the delete, its lists without the entry",
      resolve: (query, p) => db().masterProfile.findUniqueOrThrow({ ...selection(query), where: { userId: p.userId } }),
    }),
  }),
});

const DeleteItemInput = builder.inputType("DeleteItemInput", {
  description: "Which list item to delete",
  fields: (t) => ({ id: t.id({ required: true, description: "The experience, project, education or award id" }) }),
});
const ReorderInput = builder.inputType("ReorderInput", {
  description: "Every id of the list exactly once, in the new order",
  fields: (t) => ({ ids: t.idList({ required: true, description: "All the list's ids, first to last; a missing, extra or repeated id is a ValidationError" }) }),
});

/**
 * add / update / delete / reorder for one ordered profile list. The field sets are the same for
 * add and update; the service enforces which are required (validation errors carry field paths).
 */
function defineListOperations(
  kind: profiles.ListKind,
  names: { type: "Experience" | "Project" | "Education" | "Award"; plural: string },
  fields: typeof ExperienceFields | typeof ProjectFields | typeof EducationFields | typeof AwardFields,
) {
  const { type, plural } = names;
  const AddInput = builder.inputType(`Add${type}Input`, {
    description: `A new ${type.toLowerCase()} entry and where it goes in the list`,
    fields: (t) => ({
      fields: t.field({ type: fields, required: true, description: "The entry's values" }),
      position: t.int({ description: "0-based place in the list; default: the end. A position past the end means the end" }),
    }),
  });
  const UpdateInput = builder.inputType(`Update${type}Input`, {
    description: `Which ${type.toLowerCase()} entry to change and the new values; omitted values stay`,
    fields: (t) => ({
      id: t.id({ required: true, description: `The ${type.toLowerCase()} entry's id` }),
      fields: t.field({ type: fields, required: true, description: "The values to change" }),
    }),
  });

  builder.mutationField(`add${type}`, (t) =>
    t.prismaField({
      type,
      authScopes: { viewer: true },
      description: `Adds ${type === "Experience" || type === "Award" ? "an" : "a"} ${type.toLowerCase()} entry to the profile (creating an empty profile if needed). Errors: ValidationError (required values, lengths, dates, or the list is full: 100 experiences, 100 projects, 30 education entries, 50 awards; see fieldErrors), NotFoundError`,
      args: { input: t.arg({ type: AddInput, required: true }) },
      errors: ERRORS,
      resolve: (query, _r, { input }, ctx) =>
        profiles.addItem(kind, ctx.viewer!, { ...withoutNulls(input.fields), position: input.position }, query) as never,
    }),
  );
  builder.mutationField(`update${type}`, (t) =>
    t.prismaField({
      type,
      authScopes: { viewer: true },
      description: `Changes a ${type.toLowerCase()} entry; omitted fields keep their value. Errors: ValidationError (see fieldErrors), NotFoundError (no such entry)`,
      args: { input: t.arg({ type: UpdateInput, required: true }) },
      errors: ERRORS,
      resolve: (query, _r, { input }, ctx) => profiles.updateItem(kind, ctx.viewer!, { id: input.id, ...input.fields }, query) as never,
    }),
  );
  builder.mutationField(`delete${type}`, (t) =>
    t.field({
      type: DeletedItemPayload,
      authScopes: { viewer: true },
      description: `Deletes a ${type.toLowerCase()} entry; the others keep their order. Errors: ValidationError, NotFoundError (no such entry)`,
      args: { input: t.arg({ type: DeleteItemInput, required: true }) },
      errors: ERRORS,
      resolve: async (_r, { input }, ctx) => ({ deletedId: await profiles.deleteItem(kind, ctx.viewer!, String(input.id)), userId: ctx.viewer!.id }),
    }),
  );
  builder.mutationField(`reorder${plural}`, (t) =>
    t.prismaField({
      type: [type],
      authScopes: { viewer: true },
      description: `Puts the ${plural.toLowerCase()} list in a new order; returns it in that order. Errors: ValidationError (ids not exactly the list's), NotFoundError (no profile)`,
      args: { input: t.arg({ type: ReorderInput, required: true }) },
      errors: ERRORS,
      resolve: (query, _r, { input }, ctx) => profiles.reorderItems(kind, ctx.viewer!, input.ids.map(String), query) as never,
    }),
  );
}

defineListOperations("experience", { type: "Experience", plural: "Experiences" }, ExperienceFields);
defineListOperations("project", { type: "Project", plural: "Projects" }, ProjectFields);
defineListOperations("education", { type: "Education", plural: "Education" }, EducationFields);
defineListOperations("award", { type: "Award", plural: "Awards" }, AwardFields);
