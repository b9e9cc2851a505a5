import { builder } from "../../graphql/builder.ts";
import { AiProviderEnum, providerOf } from "../../graphql/enums.ts";
import { AiUnavailableGqlError, GroundingError, LimitExceededError, NotFoundError, PreconditionError, ValidationError, AppError } from "../../graphql/errors.ts";
import { GraphQLError } from "graphql";
import type { AtsReport } from "../../core/ats.ts";
import { violationKind } from "../../graphql/error-types.ts";
import { RankedKindEnum } from "../ranking/ranking.schema.ts";
import { ToneEnum } from "../sample/style.schema.ts";
import * as generations from "./generation.service.ts";
import { requireViewer } from "../../context.ts";

export const GenerationTypeEnum = builder.enumType("GenerationType", {
  description: "What a generated text is",
  values: { RESUME: { description: "A tailored resume" }, COVER_LETTER: { description: "A cover letter" } } as const,
});
export const FormatEnum = builder.enumType("GenerationFormat", {
  description: "The markup of a text",
  values: { TEXT: { description: "Plain text, headings in capitals" }, MARKDOWN: { description: "CommonMark: # headings, - bullets" } } as const,
});
const LengthEnum = builder.enumType("CoverLetterLength", {
  description: "How long a cover letter should be",
  values: {
    SHORT: { description: "One body paragraph: the two strongest matches and three skills" },
    MEDIUM: { description: "Two body paragraphs: four matches and five skills (the default)" },
    LONG: { description: "Three body paragraphs: six matches, eight skills and background" },
  } as const,
});

const Coverage = builder.objectRef<AtsReport["required"]>("KeywordCoverage").implement({
  description: "How many of a group of job keywords a text contains",
  fields: (t) => ({
    total: t.exposeInt("total", { description: "Keywords in the group" }),
    matched: t.exposeStringList("matched", { description: "Keywords the text contains" }),
    missing: t.exposeStringList("missing", { description: "Keywords the text lacks" }),
    coverage: t.exposeFloat("coverage", { description: "0..1" }),
  }),
});
const Component = builder.objectRef<AtsReport["breakdown"][number]>("AtsComponent").implement({
  description: "One part of the ATS score",
  fields: (t) => ({
    name: t.exposeString("name", { description: "What is scored, e.g. Required keywords" }),
    weight: t.exposeInt("weight", { description: "Points available" }),
    earned: t.exposeInt("earned", { description: "Points earned, 0..weight" }),
    detail: t.exposeString("detail", { description: "Why, for a person to read" }),
  }),
});
const SectionPresence = builder.objectRef<AtsReport["sections"][number]>("AtsSection").implement({
  description: "A standard resume section and whether the text has it",
  fields: (t) => ({
    name: t.exposeString("name", { description: "e.g. Experience, Education, Skills" }),
    present: t.exposeBoolean("present", { description: "True when a heading for it was found" }),
  }),
});
const LengthStatusEnum = builder.enumType("AtsLengthStatus", {
  description: "How a text's word count compares with the advised range",
  values: {
    TOO_SHORT: { description: "Fewer words than min" },
    OK: { description: "Within min..max" },
    TOO_LONG: { description: "More words than max" },
  } as const,
});
const LengthCheck = builder.objectRef<AtsReport["length"]>("AtsLength").implement({
  description: "Whether the text's word count suits its kind",
  fields: (t) => ({
    status: t.field({ type: LengthStatusEnum, description: "Below, within or above the range", resolve: (l) => l.status }),
    min: t.exposeInt("min", { description: "Fewest words advised" }),
    max: t.exposeInt("max", { description: "Most words advised" }),
    message: t.exposeString("message", { description: "The verdict, for a person to read" }),
  }),
});
export const AtsReportRef = builder.objectRef<AtsReport>("AtsReport").implement({
  description: "How an applicant tracking system would read a text against a job (deterministic)",
  fields: (t) => ({
    score: t.exposeInt("score", { description: "0..100, the sum of breakdown.earned" }),
    breakdown: t.field({ type: [Component], description: "The score's parts", resolve: (r) => r.breakdown }),
    required: t.field({ type: Coverage, description: "Coverage of the job's required keywords", resolve: (r) => r.required }),
    preferred: t.field({ type: Coverage, description: "Coverage of the job's preferred keywords", resolve: (r) => r.preferred }),
    missingKeywords: t.exposeStringList("missingKeywords", { description: "Required first" }),
    sections: t.field({ type: [SectionPresence], description: "Which standard sections the text has", resolve: (r) => r.sections }),
    wordCount: t.exposeInt("wordCount", { description: "Words in the text" }),
    length: t.field({ type: LengthCheck, description: "Whether the length suits a resume", resolve: (r) => r.length }),
  }),
});

type Included = generations.ResumeMetadata["included"][number];
const IncludedItem = builder.objectRef<Included>("IncludedItem").implement({
  description: "A piece of the profile a resume includes, and why",
  fields: (t) => ({
    kind: t.field({ type: RankedKindEnum, description: "Experience, project, bullet or skill", resolve: (i) => i.kind as "EXPERIENCE" }),
    itemId: t.exposeString("itemId", { description: "Experience/project id (for bullets: the parent's); for skills, the skill name" }),
    bulletIndex: t.exposeInt("bulletIndex", { nullable: true, description: "For bullets: 0-based index in the parent's bullets" }),
    score: t.exposeFloat("score", { description: "Its ranking score, 0..1" }),
    reason: t.exposeString("reason", { description: "Why it was included, for a person to read" }),
  }),
});

const GenerationRef = builder.prismaObject("Generation", {
  description: "A generated resume or cover letter, immutable; save it as a Document to edit and download it",
  fields: (t) => ({
    id: t.exposeID("id", { description: "Pass it to saveDocument or atsReport" }),
    type: t.field({ type: GenerationTypeEnum, description: "Resume or cover letter", resolve: (g) => g.type }),
    format: t.field({ type: FormatEnum, description: "The markup of content", resolve: (g) => g.format }),
    content: t.exposeString("content", { description: "The generated text" }),
    provider: t.field({ type: AiProviderEnum, description: "BUILTIN (compiled by logic or the offline engine) or GROQ", resolve: (r) => providerOf(r.provider) }),
    job: t.relation("job", { nullable: true, description: "The job it was written for; null once that job is deleted" }),
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
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When it was generated" }),
  }),
});

const GenerateResumeInput = builder.inputType("GenerateResumeInput", {
  description: "Which job to tailor a resume for, and how much to include",
  fields: (t) => ({
    jobId: t.id({ required: true, description: "The job's id" }),
    maxExperiences: t.int({ description: "1..20, default 5" }),
    maxBulletsPerExperience: t.int({ description: "1..10, default 4" }),
    includeProjects: t.boolean({ description: "default true" }),
    includeEducation: t.boolean({ description: "default true" }),
    format: t.field({ type: FormatEnum, description: "default MARKDOWN" }),
  }),
});
const GenerateCoverLetterInput = builder.inputType("GenerateCoverLetterInput", {
  description: "Which job to write a cover letter for, and how",
  fields: (t) => ({
    jobId: t.id({ required: true, description: "The job's id" }),
    tone: t.field({ type: ToneEnum, description: "Default: the tone of the cover-letter sample" }),
    length: t.field({ type: LengthEnum, description: "default MEDIUM" }),
  }),
});
const AtsInput = builder.inputType("AtsReportInput", {
  description: "A job and exactly one of generationId or text",
  fields: (t) => ({
    jobId: t.id({ required: true, description: "The job to score against" }),
    generationId: t.id({ description: "Score this generation's content" }),
    text: t.string({ description: "Score this text (e.g. a resume edited elsewhere), 1 to 100,000 characters" }),
  }),
});

builder.mutationField("generateResume", (t) =>
  t.prismaField({
    type: "Generation",
    authScopes: { viewer: true },
    description:
      "Compiles a tailored resume from the ranking (made first if missing) by plain logic. Errors: ValidationError (limits out of range), NotFoundError (job), PreconditionError (no profile, or nothing to include)",
    args: { input: t.arg({ type: GenerateResumeInput, required: true }) },
    errors: { types: [ValidationError, NotFoundError, PreconditionError] },
    resolve: (_q, _r, { input }, ctx) => generations.generateResume(ctx.services, ctx.viewer!, { ...input, jobId: String(input.jobId) }),
  }),
);

builder.mutationField("generateCoverLetter", (t) =>
  t.prismaField({
    type: "Generation",
    authScopes: { viewer: true },
    description:
      "Writes a cover letter from the profile's strongest matches, in the user's style; never adds facts. Errors: ValidationError, NotFoundError (job), " +
      "PreconditionError (no profile), GroundingError (the text stated unsupported facts twice; nothing saved), AiUnavailableError (provider failed), " +
      "LimitExceededError (RATE_AI_PER_HOUR AI operations per user and hour; wait retryAfterSeconds)",
    args: { input: t.arg({ type: GenerateCoverLetterInput, required: true }) },
    errors: { types: [ValidationError, NotFoundError, PreconditionError, GroundingError, AiUnavailableGqlError, LimitExceededError] },
    resolve: (_q, _r, { input }, ctx) => generations.generateCoverLetter(ctx.services, ctx.viewer!, { ...input, jobId: String(input.jobId) }),
  }),
);

const CoverLetterEventRef = builder.objectRef<generations.CoverLetterEvent>("CoverLetterEvent").implement({
  description: "One step of a streamed cover letter: append delta (or start over on reset); the last event carries the saved generation",
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
    description:
      "generateCoverLetter, streamed: text as it is written, then the saved generation. Failures end the stream with one error whose extensions.code is the " +
      "ErrorCode generateCoverLetter would return (with fieldErrors, violations or retryAfterSeconds in extensions)",
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
      if (e instanceof GroundingError) extensions.violations = e.violations.map((v) => ({ kind: violationKind(v.kind), value: v.value }));
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
    description: "Scores a generation or a text against a job as an applicant tracking system would. Errors: ValidationError (not exactly one of generationId and text), NotFoundError (job or generation)",
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
    description: "One of the user's generations. Errors: NotFoundError",
    args: { id: t.arg.id({ required: true, description: "The generation's id" }) },
    errors: { types: [NotFoundError] },
    resolve: (_q, _r, { id }, ctx) => generations.findOwnedGeneration(ctx.viewer!, String(id)),
  }),
);
