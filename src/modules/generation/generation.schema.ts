import { builder } from "../../graphql/builder.ts";
import { AiUnavailableGqlError, GroundingError, LimitExceededError, NotFoundError, PreconditionError, ValidationError, AppError } from "../../graphql/errors.ts";
import { GraphQLError } from "graphql";
import type { AtsReport } from "../../core/ats.ts";
import { RankedKindEnum } from "../ranking/ranking.schema.ts";
import { ToneEnum } from "../sample/style.schema.ts";
import * as generations from "./generation.service.ts";
import { requireViewer } from "../../context.ts";

export const GenerationTypeEnum = builder.enumType("GenerationType", { values: ["RESUME", "COVER_LETTER"] as const });
export const FormatEnum = builder.enumType("GenerationFormat", { values: ["TEXT", "MARKDOWN"] as const });
const LengthEnum = builder.enumType("CoverLetterLength", { values: ["SHORT", "MEDIUM", "LONG"] as const });

const Coverage = builder.objectRef<AtsReport["required"]>("KeywordCoverage").implement({
  fields: (t) => ({
    total: t.exposeInt("total"),
    matched: t.exposeStringList("matched"),
    missing: t.exposeStringList("missing"),
    coverage: t.exposeFloat("coverage", { description: "0..1" }),
  }),
});
const Component = builder.objectRef<AtsReport["breakdown"][number]>("AtsComponent").implement({
  fields: (t) => ({
    name: t.exposeString("name"),
    weight: t.exposeInt("weight", { description: "Points available" }),
    earned: t.exposeInt("earned"),
    detail: t.exposeString("detail"),
  }),
});
const SectionPresence = builder.objectRef<AtsReport["sections"][number]>("AtsSection").implement({
  fields: (t) => ({ name: t.exposeString("name"), present: t.exposeBoolean("present") }),
});
const LengthCheck = builder.objectRef<AtsReport["length"]>("AtsLength").implement({
  fields: (t) => ({ status: t.exposeString("status"), min: t.exposeInt("min"), max: t.exposeInt("max"), message: t.exposeString("message") }),
});
export const AtsReportRef = builder.objectRef<AtsReport>("AtsReport").implement({
  description: "How an applicant tracking system would read a text against a job (deterministic)",
  fields: (t) => ({
    score: t.exposeInt("score", { description: "0..100, the sum of breakdown.earned" }),
    breakdown: t.field({ type: [Component], resolve: (r) => r.breakdown }),
    required: t.field({ type: Coverage, resolve: (r) => r.required }),
    preferred: t.field({ type: Coverage, resolve: (r) => r.preferred }),
    missingKeywords: t.exposeStringList("missingKeywords", { description: "Required first" }),
    sections: t.field({ type: [SectionPresence], resolve: (r) => r.sections }),
    wordCount: t.exposeInt("wordCount"),
    length: t.field({ type: LengthCheck, resolve: (r) => r.length }),
  }),
});

type Included = generations.ResumeMetadata["included"][number];
const IncludedItem = builder.objectRef<Included>("IncludedItem").implement({
  fields: (t) => ({
    kind: t.field({ type: RankedKindEnum, resolve: (i) => i.kind as "EXPERIENCE" }),
    itemId: t.exposeString("itemId"),
    bulletIndex: t.exposeInt("bulletIndex", { nullable: true }),
    score: t.exposeFloat("score"),
    reason: t.exposeString("reason"),
  }),
});

const GenerationRef = builder.prismaObject("Generation", {
  fields: (t) => ({
    id: t.exposeID("id"),
    type: t.field({ type: GenerationTypeEnum, resolve: (g) => g.type }),
    format: t.field({ type: FormatEnum, resolve: (g) => g.format }),
    content: t.exposeString("content"),
    provider: t.exposeString("provider", { description: "builtin (compiled by logic or the offline engine) or groq" }),
    job: t.relation("job", { nullable: true }),
    included: t.field({
      type: [IncludedItem],
      description: "Resumes: every included item with its score and reason, in document order",
      resolve: (g) => (g.metadata as unknown as Partial<generations.ResumeMetadata>)?.included ?? [],
    }),
    ats: t.field({
      type: AtsReportRef,
      nullable: true,
      description: "Resumes: the ATS report of this text against the job",
      resolve: (g) => (g.metadata as unknown as Partial<generations.ResumeMetadata>)?.ats ?? null,
    }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

const GenerateResumeInput = builder.inputType("GenerateResumeInput", {
  fields: (t) => ({
    jobId: t.id({ required: true }),
    maxExperiences: t.int({ description: "1..20, default 5" }),
    maxBulletsPerExperience: t.int({ description: "1..10, default 4" }),
    includeProjects: t.boolean({ description: "default true" }),
    includeEducation: t.boolean({ description: "default true" }),
    format: t.field({ type: FormatEnum, description: "default MARKDOWN" }),
  }),
});
const GenerateCoverLetterInput = builder.inputType("GenerateCoverLetterInput", {
  fields: (t) => ({
    jobId: t.id({ required: true }),
    tone: t.field({ type: ToneEnum, description: "Default: the tone of the cover-letter sample" }),
    length: t.field({ type: LengthEnum, description: "default MEDIUM" }),
  }),
});
const AtsInput = builder.inputType("AtsReportInput", {
  description: "A job and exactly one of generationId or text",
  fields: (t) => ({ jobId: t.id({ required: true }), generationId: t.id(), text: t.string() }),
});

builder.mutationField("generateResume", (t) =>
  t.prismaField({
    type: "Generation",
    authScopes: { viewer: true },
    description: "Compiles a tailored resume from the ranking (made first if missing) by plain logic",
    args: { input: t.arg({ type: GenerateResumeInput, required: true }) },
    errors: { types: [ValidationError, NotFoundError, PreconditionError] },
    resolve: (_q, _r, { input }, ctx) => generations.generateResume(ctx.services, ctx.viewer!, { ...input, jobId: String(input.jobId) }),
  }),
);

builder.mutationField("generateCoverLetter", (t) =>
  t.prismaField({
    type: "Generation",
    authScopes: { viewer: true },
    description: "Writes a cover letter from the profile's strongest matches, in the user's style; never adds facts",
    args: { input: t.arg({ type: GenerateCoverLetterInput, required: true }) },
    errors: { types: [ValidationError, NotFoundError, PreconditionError, GroundingError, AiUnavailableGqlError, LimitExceededError] },
    resolve: (_q, _r, { input }, ctx) => generations.generateCoverLetter(ctx.services, ctx.viewer!, { ...input, jobId: String(input.jobId) }),
  }),
);

const CoverLetterEventRef = builder.objectRef<generations.CoverLetterEvent>("CoverLetterEvent").implement({
  fields: (t) => ({
    delta: t.exposeString("delta", { description: "Text written since the previous event" }),
    reset: t.exposeBoolean("reset", { description: "Discard the text so far: the letter is being rewritten" }),
    generation: t.field({ type: GenerationRef, nullable: true, description: "Set on the last event: the saved letter", resolve: (e) => e.generation }),
  }),
});

builder.subscriptionField("coverLetterStream", (t) =>
  t.field({
    type: CoverLetterEventRef,
    authScopes: { viewer: true },
    description: "generateCoverLetter, streamed: text as it is written, then the saved generation",
    args: { input: t.arg({ type: GenerateCoverLetterInput, required: true }) },
    subscribe: (_r, { input }, ctx) => asGraphQLErrors(generations.writeCoverLetter(ctx.services, requireViewer(ctx), { ...input, jobId: String(input.jobId) })),
    resolve: (e) => e,
  }),
);

/** Subscriptions have no result unions: expected failures travel as errors with their code. */
async function* asGraphQLErrors<T>(source: AsyncGenerator<T>): AsyncGenerator<T> {
  try {
    yield* source;
  } catch (e) {
    if (e instanceof AppError) {
      const extensions: Record<string, unknown> = { code: e.code };
      if (e instanceof GroundingError) extensions.violations = e.violations;
      if (e instanceof ValidationError) extensions.fieldErrors = e.fieldErrors;
      if (e instanceof LimitExceededError) extensions.retryAfterSeconds = e.retryAfterSeconds;
      throw new GraphQLError(e.message, { extensions });
    }
    throw e;
  }
}

builder.queryField("atsReport", (t) =>
  t.field({
    type: AtsReportRef,
    authScopes: { viewer: true },
    args: { input: t.arg({ type: AtsInput, required: true }) },
    errors: { types: [ValidationError, NotFoundError] },
    resolve: (_r, { input }, ctx) =>
      generations.report(ctx.viewer!, { jobId: String(input.jobId), generationId: input.generationId ? String(input.generationId) : null, text: input.text }),
  }),
);

builder.queryField("generation", (t) =>
  t.prismaField({
    type: "Generation",
    authScopes: { viewer: true },
    args: { id: t.arg.id({ required: true }) },
    errors: { types: [NotFoundError] },
    resolve: (_q, _r, { id }, ctx) => generations.findOwnedGeneration(ctx.viewer!, String(id)),
  }),
);
