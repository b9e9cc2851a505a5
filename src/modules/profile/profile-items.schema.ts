import { builder } from "../../graphql/builder.ts";
import { NotFoundError, ValidationError } from "../../graphql/errors.ts";
import * as profiles from "./profile.store.ts";
import { withoutNulls } from "../../graphql/input.ts";
import { DeletedPayload } from "../../graphql/payloads.ts";

const ERRORS = { types: [ValidationError, NotFoundError] };

const ExperienceFields = builder.inputType("ExperienceFields", {
  fields: (t) => ({
    title: t.string(),
    company: t.string(),
    location: t.string(),
    startDate: t.field({ type: "PartialDate" }),
    endDate: t.field({ type: "PartialDate" }),
    current: t.boolean(),
    bullets: t.stringList(),
    technologies: t.stringList(),
  }),
});
const ProjectFields = builder.inputType("ProjectFields", {
  fields: (t) => ({
    name: t.string(),
    bullets: t.stringList(),
    technologies: t.stringList(),
    url: t.string(),
    repoUrl: t.string(),
    startDate: t.field({ type: "PartialDate" }),
    endDate: t.field({ type: "PartialDate" }),
  }),
});
const EducationFields = builder.inputType("EducationFields", {
  fields: (t) => ({
    institution: t.string(),
    degree: t.string(),
    field: t.string(),
    startDate: t.field({ type: "PartialDate" }),
    endDate: t.field({ type: "PartialDate" }),
    gpa: t.string(),
    honors: t.stringList(),
    coursework: t.stringList(),
  }),
});


const DeleteItemInput = builder.inputType("DeleteItemInput", { fields: (t) => ({ id: t.id({ required: true }) }) });
const ReorderInput = builder.inputType("ReorderInput", {
  description: "Every id of the list exactly once, in the new order",
  fields: (t) => ({ ids: t.idList({ required: true }) }),
});

/**
 * add / update / delete / reorder for one ordered profile list. The field sets are the same for
 * add and update; the service enforces which are required (validation errors carry field paths).
 */
function defineListOperations(
  kind: profiles.ListKind,
  names: { type: "Experience" | "Project" | "Education"; plural: string },
  fields: typeof ExperienceFields | typeof ProjectFields | typeof EducationFields,
) {
  const { type, plural } = names;
  const AddInput = builder.inputType(`Add${type}Input`, {
    fields: (t) => ({
      fields: t.field({ type: fields, required: true }),
      position: t.int({ description: "0-based place in the list; default: the end" }),
    }),
  });
  const UpdateInput = builder.inputType(`Update${type}Input`, {
    fields: (t) => ({ id: t.id({ required: true }), fields: t.field({ type: fields, required: true }) }),
  });

  builder.mutationField(`add${type}`, (t) =>
    t.prismaField({
      type,
      authScopes: { viewer: true },
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
      description: "Omitted fields keep their value",
      args: { input: t.arg({ type: UpdateInput, required: true }) },
      errors: ERRORS,
      resolve: (query, _r, { input }, ctx) => profiles.updateItem(kind, ctx.viewer!, { id: input.id, ...input.fields }, query) as never,
    }),
  );
  builder.mutationField(`delete${type}`, (t) =>
    t.field({
      type: DeletedPayload,
      authScopes: { viewer: true },
      args: { input: t.arg({ type: DeleteItemInput, required: true }) },
      errors: ERRORS,
      resolve: async (_r, { input }, ctx) => ({ deletedId: await profiles.deleteItem(kind, ctx.viewer!, String(input.id)) }),
    }),
  );
  builder.mutationField(`reorder${plural}`, (t) =>
    t.prismaField({
      type: [type],
      authScopes: { viewer: true },
      args: { input: t.arg({ type: ReorderInput, required: true }) },
      errors: ERRORS,
      resolve: (query, _r, { input }, ctx) => profiles.reorderItems(kind, ctx.viewer!, input.ids.map(String), query) as never,
    }),
  );
}

defineListOperations("experience", { type: "Experience", plural: "Experiences" }, ExperienceFields);
defineListOperations("project", { type: "Project", plural: "Projects" }, ProjectFields);
defineListOperations("education", { type: "Education", plural: "Education" }, EducationFields);
