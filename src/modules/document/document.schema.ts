import { builder } from "../../graphql/builder.ts";
import { NotFoundError, ValidationError } from "../../graphql/errors.ts";
import { db } from "../../db/client.ts";
import { FormatEnum, GenerationTypeEnum } from "../generation/generation.schema.ts";
import * as documents from "./document.service.ts";
import { selection } from "../../db/query.ts";
import { DeletedPayload } from "../../graphql/payloads.ts";

builder.prismaObject("DocumentVersion", {
  fields: (t) => ({
    version: t.exposeInt("version"),
    content: t.exposeString("content"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

builder.prismaObject("Document", {
  description: "A saved generation the user keeps, edits and downloads",
  fields: (t) => ({
    id: t.exposeID("id"),
    type: t.field({ type: GenerationTypeEnum, resolve: (d) => d.type }),
    format: t.field({ type: FormatEnum, resolve: (d) => d.format }),
    title: t.exposeString("title"),
    notes: t.exposeString("notes", { nullable: true }),
    content: t.exposeString("content"),
    version: t.exposeInt("version", { description: "Grows with each content edit" }),
    versions: t.relation("versions", { description: "Every content version, newest first", query: { orderBy: { version: "desc" } } }),
    job: t.relation("job", { nullable: true }),
    generation: t.relation("generation", { nullable: true }),
    downloadPath: t.string({
      description: "GET this path with the bearer token; add ?format=pdf|docx|md|txt",
      resolve: (d) => `/documents/${d.id}/export`,
    }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
  }),
});

const SaveDocumentInput = builder.inputType("SaveDocumentInput", {
  fields: (t) => ({ generationId: t.id({ required: true }), title: t.string({ required: true }), notes: t.string() }),
});
const UpdateDocumentInput = builder.inputType("UpdateDocumentInput", {
  fields: (t) => ({ id: t.id({ required: true }), title: t.string(), notes: t.string(), content: t.string({ description: "A new content makes a new version" }) }),
});
const DeleteDocumentInput = builder.inputType("DeleteDocumentInput", { fields: (t) => ({ id: t.id({ required: true }) }) });
const ERRORS = { types: [ValidationError, NotFoundError] };

builder.mutationField("saveDocument", (t) =>
  t.prismaField({
    type: "Document",
    authScopes: { viewer: true },
    args: { input: t.arg({ type: SaveDocumentInput, required: true }) },
    errors: ERRORS,
    resolve: (query, _r, { input }, ctx) => documents.saveDocument(ctx.viewer!, { ...input, generationId: String(input.generationId) }, query),
  }),
);
builder.mutationField("updateDocument", (t) =>
  t.prismaField({
    type: "Document",
    authScopes: { viewer: true },
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
    args: { input: t.arg({ type: DeleteDocumentInput, required: true }) },
    errors: { types: [NotFoundError] },
    resolve: async (_r, { input }, ctx) => ({ deletedId: await documents.deleteDocument(ctx.viewer!, String(input.id)) }),
  }),
);
builder.queryField("document", (t) =>
  t.prismaField({
    type: "Document",
    authScopes: { viewer: true },
    args: { id: t.arg.id({ required: true }) },
    errors: { types: [NotFoundError] },
    resolve: (query, _r, { id }, ctx) => documents.findOwnedDocument(ctx.viewer!, String(id), query),
  }),
);
builder.queryField("documents", (t) =>
  t.prismaConnection({
    type: "Document",
    cursor: "id",
    authScopes: { viewer: true },
    description: "Saved documents, most recently updated first",
    args: { jobId: t.arg.id(), type: t.arg({ type: GenerationTypeEnum }) },
    errors: { types: [NotFoundError] },
    resolve: async (query, _r, args, ctx) =>
      db().document.findMany({
        ...selection(query),
        where: await documents.documentFilter(ctx.viewer!, { jobId: args.jobId ? String(args.jobId) : null, type: args.type }),
        orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      }),
  }),
);
