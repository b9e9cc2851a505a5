import { builder } from "../../graphql/builder.ts";
import { LimitExceededError, NotFoundError, UnsupportedFileError, ValidationError } from "../../graphql/errors.ts";
import type { WritingStyle } from "../../core/types.ts";
import { WritingStyleRef } from "./style.schema.ts";
import * as samples from "./sample.service.ts";

export const SampleTypeEnum = builder.enumType("SampleType", { values: ["RESUME", "COVER_LETTER"] as const });

builder.prismaObject("SampleDocument", {
  name: "Sample",
  description: "The user's current sample resume or cover letter (one per type)",
  fields: (t) => ({
    id: t.exposeID("id"),
    type: t.field({ type: SampleTypeEnum, resolve: (s) => s.type }),
    fileName: t.exposeString("fileName", { description: "The uploaded file's name, for display only" }),
    mimeType: t.exposeString("mimeType", { description: "Detected from the content, not from the name" }),
    sizeBytes: t.exposeInt("sizeBytes"),
    version: t.exposeInt("version", { description: "1 for the first upload, +1 on each replacement" }),
    text: t.exposeString("text", { description: "The text extracted from the file" }),
    style: t.field({ type: WritingStyleRef, resolve: (s) => s.style as unknown as WritingStyle }),
    provider: t.exposeString("provider"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
  }),
});

const UploadSampleInput = builder.inputType("UploadSampleInput", {
  fields: (t) => ({
    type: t.field({ type: SampleTypeEnum, required: true }),
    file: t.field({ type: "File", required: true, description: "PDF, DOCX or UTF-8 text, recognised by content" }),
  }),
});
const DeleteSampleInput = builder.inputType("DeleteSampleInput", {
  fields: (t) => ({ type: t.field({ type: SampleTypeEnum, required: true }) }),
});

builder.queryField("samples", (t) =>
  t.prismaField({
    type: ["SampleDocument"],
    authScopes: { viewer: true },
    resolve: (_q, _r, _a, ctx) => samples.listSamples(ctx.viewer!),
  }),
);

builder.queryField("sample", (t) =>
  t.prismaField({
    type: "SampleDocument",
    nullable: true,
    authScopes: { viewer: true },
    args: { type: t.arg({ type: SampleTypeEnum, required: true }) },
    resolve: (_q, _r, { type }, ctx) => samples.getSample(ctx.viewer!, type),
  }),
);

builder.mutationField("uploadSample", (t) =>
  t.prismaField({
    type: "SampleDocument",
    authScopes: { viewer: true },
    description: "Uploads (or replaces) the sample of this type and learns the writing style from it",
    args: { input: t.arg({ type: UploadSampleInput, required: true }) },
    errors: { types: [ValidationError, UnsupportedFileError, LimitExceededError] },
    resolve: (_q, _r, { input }, ctx) => samples.uploadSample(ctx.services, ctx.viewer!, input),
  }),
);

builder.mutationField("deleteSample", (t) =>
  t.prismaField({
    type: "SampleDocument",
    authScopes: { viewer: true },
    description: "Deletes the sample of this type and its file; returns what was deleted",
    args: { input: t.arg({ type: DeleteSampleInput, required: true }) },
    errors: { types: [NotFoundError] },
    resolve: (_q, _r, { input }, ctx) => samples.deleteSample(ctx.services, ctx.viewer!, input.type),
  }),
);
