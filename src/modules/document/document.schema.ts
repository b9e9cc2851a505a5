import { builder } from "../../graphql/builder.ts";
import { pageSize } from "../../graphql/pagination.ts";
import { NotFoundError, ValidationError } from "../../graphql/errors.ts";
import { db } from "../../db/client.ts";
import { FormatEnum, GenerationTypeEnum } from "../generation/generation.schema.ts";
import * as documents from "./document.service.ts";
import { selection } from "../../db/query.ts";
import { DeletedPayload } from "../../graphql/payloads.ts";

builder.prismaObject("DocumentVersion", {
  description: "One saved content of a document; versions are never changed",
  fields: (t) => ({
    version: t.exposeInt("version", { description: "1 for the saved generation, +1 per content edit" }),
    content: t.exposeString("content", { description: "The document's text at this version" }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When this version was made" }),
  }),
});

builder.prismaObject("Document", {
  description: "A saved generation the user keeps, edits and downloads",
  fields: (t) => ({
    id: t.exposeID("id", { description: "Stable document id" }),
    type: t.field({ type: GenerationTypeEnum, description: "Resume or cover letter", resolve: (d) => d.type }),
    format: t.field({ type: FormatEnum, description: "The markup of content", resolve: (d) => d.format }),
    title: t.exposeString("title", { description: "The user's name for it, 1 to 200 characters" }),
    notes: t.exposeString("notes", { nullable: true, description: "The user's notes, at most 5000 characters" }),
    content: t.exposeString("content", { description: "The current text (the latest version)" }),
    version: t.exposeInt("version", { description: "Grows with each content edit" }),
    versions: t.relation("versions", { description: "Every content version, newest first", query: { orderBy: { version: "desc" } } }),
    job: t.relation("job", { nullable: true, description: "The job it targets; null once that job is deleted" }),
    generation: t.relation("generation", { nullable: true, description: "The generation it was saved from" }),
    downloadPath: t.string({
      description: "GET this path with the bearer token; add ?format=pdf|docx|md|txt",
      resolve: (d) => `/documents/${d.id}/export`,
    }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When it was saved" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime", description: "When its title, notes or content last changed" }),
  }),
});

const SaveDocumentInput = builder.inputType("SaveDocumentInput", {
  description: "A generation to keep as an editable document",
  fields: (t) => ({
    generationId: t.id({ required: true, description: "The generation's id" }),
    title: t.string({ required: true, description: "1 to 200 characters" }),
    notes: t.string({ description: "At most 5000 characters" }),
  }),
});
const UpdateDocumentInput = builder.inputType("UpdateDocumentInput", {
  description: "Which document to change and the new values; omitted values stay",
  fields: (t) => ({
    id: t.id({ required: true, description: "The document's id" }),
    title: t.string({ description: "1 to 200 characters" }),
    notes: t.string({ description: "At most 5000 characters; null clears" }),
    content: t.string({ description: "1 to 200,000 characters; a new content makes a new version" }),
  }),
});
const DeleteDocumentInput = builder.inputType("DeleteDocumentInput", {
  description: "Which document to delete",
  fields: (t) => ({ id: t.id({ required: true, description: "The document's id" }) }),
});
const ERRORS = { types: [ValidationError, NotFoundError] };

builder.mutationField("saveDocument", (t) =>
  t.prismaField({
    type: "Document",
    authScopes: { viewer: true },
    description: "Saves a generation as a document (version 1). Errors: ValidationError (title, notes), NotFoundError (generation)",
    args: { input: t.arg({ type: SaveDocumentInput, required: true }) },
    errors: ERRORS,
    resolve: (query, _r, { input }, ctx) => documents.saveDocument(ctx.viewer!, { ...input, generationId: String(input.generationId) }, query),
  }),
);
builder.mutationField("updateDocument", (t) =>
  t.prismaField({
    type: "Document",
    authScopes: { viewer: true },
    description: "Renames, annotates or edits a document; new content adds a version. Errors: ValidationError (see fieldErrors), NotFoundError",
    args: { input: t.arg({ type: UpdateDocumentInput, required: true }) },
    errors: ERRORS,
    resolve: (query, _r, { input }, ctx) =>
      documents.updateDocument(ctx.viewer!, { ...input, id: String(input.id), title: input.title ?? undefined, content: input.content ?? undefined }, query),
  }),
);
builder.mutationField("deleteDocument", (t) =>
  t.field({
    type: DeletedPayload,
    authScopes: { viewer: true },
    description: "Deletes a document and its versions; the generation stays. Errors: NotFoundError",
    args: { input: t.arg({ type: DeleteDocumentInput, required: true }) },
    errors: { types: [NotFoundError] },
    resolve: async (_r, { input }, ctx) => ({ deletedId: await documents.deleteDocument(ctx.viewer!, String(input.id)) }),
  }),
);
builder.queryField("document", (t) =>
  t.prismaField({
    type: "Document",
    authScopes: { viewer: true },
    description: "One of the user's documents. Errors: NotFoundError",
    args: { id: t.arg.id({ required: true, description: "The document's id" }) },
    errors: { types: [NotFoundError] },
    resolve: (query, _r, { id }, ctx) => documents.findOwnedDocument(ctx.viewer!, String(id), query),
  }),
);
builder.queryField("documents", (t) =>
  t.prismaConnection({
    type: "Document",
    cursor: "id",
    maxSize: pageSize,
    authScopes: { viewer: true },
    description: "Saved documents, most recently updated first",
    args: {
      jobId: t.arg.id({ description: "Only documents for this job; an id that names none of the user's jobs gives an empty list" }),
      type: t.arg({ type: GenerationTypeEnum, description: "Only resumes or only cover letters" }),
    },
    resolve: (query, _r, args, ctx) =>
      db().document.findMany({
        ...selection(query),
        where: documents.documentFilter(ctx.viewer!, { jobId: args.jobId ? String(args.jobId) : null, type: args.type }),
        orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      }),
  }),
);
