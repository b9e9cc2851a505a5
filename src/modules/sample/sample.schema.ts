import { builder } from "../../graphql/builder.ts";
import { AiProviderEnum, providerOf } from "../../graphql/enums.ts";
import { LimitExceededError, NotFoundError, UnsupportedFileError, ValidationError } from "../../graphql/errors.ts";
import type { WritingStyle } from "../../core/types.ts";
import { WritingStyleRef } from "./style.schema.ts";
import * as samples from "./sample.service.ts";

export const SampleTypeEnum = builder.enumType("SampleType", {
  description: "Which kind of sample: the user keeps at most one of each",
  values: {
    RESUME: { description: "A resume the user wrote: teaches bullets, tense, headings" },
    COVER_LETTER: { description: "A cover letter the user wrote: teaches tone, greeting, closing, paragraphs" },
  } as const,
});

builder.prismaObject("SampleDocument", {
  name: "Sample",
  description: "The user's current sample resume or cover letter (one per type)",
  fields: (t) => ({
    id: t.exposeID("id", { description: "Changes when the sample is replaced" }),
    type: t.field({ type: SampleTypeEnum, description: "Resume or cover letter", resolve: (s) => s.type }),
    fileName: t.exposeString("fileName", { description: "The uploaded file's name, for display only" }),
    mimeType: t.exposeString("mimeType", { description: "Detected from the content, not from the name" }),
    sizeBytes: t.exposeInt("sizeBytes", { description: "The uploaded file's size in bytes" }),
    version: t.exposeInt("version", { description: "1 for the first upload, +1 on each replacement" }),
    text: t.exposeString("text", { description: "The text extracted from the file" }),
    style: t.field({ type: WritingStyleRef, description: "The writing style measured from text", resolve: (s) => s.style as unknown as WritingStyle }),
    provider: t.field({ type: AiProviderEnum, description: "Who wrote style.toneDescription: BUILTIN (statistics) or GROQ (language model)", resolve: (r) => providerOf(r.provider) }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When the first sample of this type was uploaded" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime", description: "When it was last replaced" }),
  }),
});

const UploadSampleInput = builder.inputType("UploadSampleInput", {
  description: "A sample file and what it is; send as a GraphQL multipart request",
  fields: (t) => ({
    type: t.field({ type: SampleTypeEnum, required: true, description: "Which sample it is; replaces the current one of this type" }),
    file: t.field({ type: "File", required: true, description: "PDF, DOCX or UTF-8 text, recognised by content; at most MAX_UPLOAD_MB (default 10 MB) and 200,000 characters of text" }),
  }),
});
const DeleteSampleInput = builder.inputType("DeleteSampleInput", {
  description: "Which sample to delete",
  fields: (t) => ({ type: t.field({ type: SampleTypeEnum, required: true, description: "The sample's type" }) }),
});

builder.queryField("samples", (t) =>
  t.prismaField({
    type: ["SampleDocument"],
    authScopes: { viewer: true },
    description: "The user's samples: none, one or both types",
    resolve: (_q, _r, _a, ctx) => samples.listSamples(ctx.viewer!),
  }),
);

builder.queryField("sample", (t) =>
  t.prismaField({
    type: "SampleDocument",
    nullable: true,
    authScopes: { viewer: true },
    description: "The user's sample of this type, or null when none was uploaded",
    args: { type: t.arg({ type: SampleTypeEnum, required: true, description: "Which sample" }) },
    resolve: (_q, _r, { type }, ctx) => samples.getSample(ctx.viewer!, type),
  }),
);

builder.mutationField("uploadSample", (t) =>
  t.prismaField({
    type: "SampleDocument",
    authScopes: { viewer: true },
    description:
      "Uploads (or replaces) the sample of this type and learns the writing style from it. Errors: ValidationError, " +
      "UnsupportedFileError (not PDF/DOCX/text, encrypted, or no text), LimitExceededError (more than 200,000 characters of text; HTTP 413 for files over MAX_UPLOAD_MB)",
    args: { input: t.arg({ type: UploadSampleInput, required: true }) },
    errors: { types: [ValidationError, UnsupportedFileError, LimitExceededError] },
    resolve: (_q, _r, { input }, ctx) => samples.uploadSample(ctx.services, ctx.viewer!, input),
  }),
);

builder.mutationField("deleteSample", (t) =>
  t.prismaField({
    type: "SampleDocument",
    authScopes: { viewer: true },
    description: "Deletes the sample of this type and its file; returns what was deleted. Errors: NotFoundError (no sample of this type)",
    args: { input: t.arg({ type: DeleteSampleInput, required: true }) },
    errors: { types: [NotFoundError] },
    resolve: (_q, _r, { input }, ctx) => samples.deleteSample(ctx.services, ctx.viewer!, input.type),
  }),
);
