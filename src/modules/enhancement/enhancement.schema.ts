import { GraphQLError } from "graphql";
import { builder } from "../../graphql/builder.ts";
import { pageSize } from "../../graphql/pagination.ts";
import { AiProviderEnum, providerOf } from "../../graphql/enums.ts";
import { ConflictError, LimitExceededError, NotFoundError, PreconditionError, ValidationError } from "../../graphql/errors.ts";
import { db } from "../../db/client.ts";
import { pubsub } from "../../pubsub.ts";
import { requireViewer } from "../../context.ts";
import { GroundingViolationRef } from "../../graphql/error-types.ts";
import type { EnhancementJob } from "../../generated/prisma/client.ts";
import * as enhancement from "./enhancement.service.ts";
import * as versions from "../profile/versions.store.ts";
import { selection } from "../../db/query.ts";

const StatusEnum = builder.enumType("EnhancementStatus", {
  description: "Where an enhancement job is in its life; COMPLETED, FAILED and CANCELLED are final",
  values: {
    QUEUED: { description: "Waiting for a free worker (ENHANCEMENT_CONCURRENCY run at once)" },
    RUNNING: { description: "Being rewritten; progress and step move" },
    COMPLETED: { description: "Done: see result; the profile holds the new versions" },
    FAILED: { description: "Stopped by an error after its attempts: see error; nothing was written" },
    CANCELLED: { description: "Stopped by cancelEnhancement; nothing was written" },
  } as const,
});
const SectionEnum = builder.enumType("EnhanceSection", {
  description: "A part of the profile an enhancement can rewrite",
  values: {
    SUMMARY: { description: "The summary" },
    EXPERIENCES: { description: "Every experience's bullets" },
    PROJECTS: { description: "Every project's bullets" },
  } as const satisfies Record<(typeof enhancement.SECTIONS)[number], { description: string }>,
});
const ItemKindEnum = builder.enumType("EnhancedItemKind", {
  description: "Which kind of profile item an enhancement touched",
  values: {
    SUMMARY: { description: "The profile summary (itemId is null)" },
    EXPERIENCE: { description: "An experience's bullets" },
    PROJECT: { description: "A project's bullets" },
  } as const,
});

type ItemRef = { kind: "SUMMARY" | "EXPERIENCE" | "PROJECT"; itemId: string | null };
const ItemRefType = builder.objectRef<ItemRef>("EnhancedItemRef").implement({
  description: "A profile item an enhancement considered",
  fields: (t) => ({
    kind: t.field({ type: ItemKindEnum, description: "Summary, experience or project", resolve: (r) => r.kind }),
    itemId: t.exposeID("itemId", { nullable: true, description: "null for the summary" }),
  }),
});
const RejectedType = builder.objectRef<enhancement.EnhancementResult["rejected"][number]>("RejectedEnhancement").implement({
  description: "An item whose rewrite was thrown away because it stated facts the profile does not hold",
  fields: (t) => ({
    kind: t.field({ type: ItemKindEnum, description: "Summary, experience or project", resolve: (r) => r.kind }),
    itemId: t.exposeID("itemId", { nullable: true, description: "The experience or project id; null for the summary" }),
    violations: t.field({ type: [GroundingViolationRef], description: "The facts that were not grounded", resolve: (r) => r.violations }),
  }),
});
const ResultType = builder.objectRef<enhancement.EnhancementResult>("EnhancementResult").implement({
  description: "What a completed enhancement did, item by item",
  fields: (t) => ({
    changed: t.field({ type: [ItemRefType], description: "Items that got a new enhanced version", resolve: (r) => r.changed }),
    unchanged: t.field({ type: [ItemRefType], description: "Items whose rewrite equalled the current text", resolve: (r) => r.unchanged }),
    rejected: t.field({ type: [RejectedType], description: "Items left unchanged because the rewrite added facts", resolve: (r) => r.rejected }),
  }),
});

const StepEnum = builder.enumType("EnhancementStep", {
  description: "What a running enhancement is doing; progress grows through these in order",
  values: {
    QUEUED: { description: "Waiting for a worker" },
    LOADING: { description: "Loading the profile" },
    STYLE: { description: "Reading the writing style" },
    SUMMARY: { description: "Rewriting the summary" },
    EXPERIENCE: { description: "Rewriting an experience's bullets" },
    PROJECT: { description: "Rewriting a project's bullets" },
    SAVING: { description: "Saving the new versions" },
    DONE: { description: "Finished (whatever the final status)" },
  } as const,
});
type Step = "QUEUED" | "LOADING" | "STYLE" | "SUMMARY" | "EXPERIENCE" | "PROJECT" | "SAVING" | "DONE";

const EnhancementJobRef = builder.prismaObject("EnhancementJob", {
  description: "A background rewrite of the profile in the user's style",
  fields: (t) => ({
    id: t.exposeID("id", { description: "Pass it to enhancementProgress, enhancementJob, cancelEnhancement" }),
    status: t.field({ type: StatusEnum, description: "Where the job is", resolve: (j) => j.status }),
    progress: t.exposeInt("progress", { description: "0..100" }),
    step: t.field({ type: StepEnum, description: "What it is doing now", resolve: (j) => j.step.toUpperCase() as Step }),
    message: t.exposeString("message", { description: "The current step for a person to read, e.g. \"Rewriting experience 2 of 4\"" }),
    revision: t.exposeInt("revision", { description: "Grows with every change: events arrive in this order" }),
    provider: t.field({ type: AiProviderEnum, description: "Who rewrites: BUILTIN (offline engine) or GROQ (language model)", resolve: (r) => providerOf(r.provider) }),
    sections: t.field({ type: [SectionEnum], description: "The sections asked for", resolve: (j) => j.sections as enhancement.Section[] }),
    attempts: t.exposeInt("attempts", { description: "How many times a worker started it (a restart or a crash retries)" }),
    error: t.exposeString("error", { nullable: true, description: "Why it FAILED, for a person to read; null otherwise" }),
    result: t.field({ type: ResultType, nullable: true, description: "Set once COMPLETED", resolve: (j) => (j.result as unknown as enhancement.EnhancementResult) ?? null }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When it was queued" }),
    startedAt: t.expose("startedAt", { type: "DateTime", nullable: true, description: "When a worker first started it" }),
    finishedAt: t.expose("finishedAt", { type: "DateTime", nullable: true, description: "When it reached a final status" }),
  }),
});

const EnhanceProfileInput = builder.inputType("EnhanceProfileInput", {
  description: "What to rewrite; everything is optional",
  fields: (t) => ({
    sections: t.field({ type: [SectionEnum], description: "Default: all sections" }),
    itemIds: t.idList({ description: "Only these experiences/projects (the summary is skipped); at most 200 ids" }),
    useDefaultStyle: t.boolean({ description: "Enhance without a resume sample, in a neutral default style; default false (a sample is required)" }),
  }),
});
const JobIdInput = builder.inputType("CancelEnhancementInput", {
  description: "Which enhancement job to cancel",
  fields: (t) => ({ id: t.id({ required: true, description: "The job's id" }) }),
});
const VersionInput = builder.inputType("SetUseEnhancedInput", {
  description: "Which text documents use for one item",
  fields: (t) => ({
    itemId: t.id({ description: "An experience or project; omit for the summary" }),
    use: t.boolean({ required: true, description: "true: the enhanced text (it must exist); false: the user's own text" }),
  }),
});
const RevertInput = builder.inputType("RevertEnhancementInput", {
  description: "Which item's enhanced text to roll back",
  fields: (t) => ({ itemId: t.id({ description: "An experience or project; omit for the summary" }) }),
});

builder.mutationField("enhanceProfile", (t) =>
  t.prismaField({
    type: "EnhancementJob",
    authScopes: { viewer: true },
    description:
      "Starts a background rewrite in the user's style; follow it with enhancementProgress. Errors: ValidationError, NotFoundError (an itemId), " +
      "PreconditionError (no profile, or no resume sample and useDefaultStyle not set), ConflictError (one is already running), LimitExceededError (RATE_AI_PER_HOUR AI operations per user and hour, default 120; wait retryAfterSeconds)",
    args: { input: t.arg({ type: EnhanceProfileInput, required: true }) },
    errors: { types: [ValidationError, NotFoundError, PreconditionError, ConflictError, LimitExceededError] },
    resolve: (_q, _r, { input }, ctx) => enhancement.startEnhancement(ctx.services, ctx.viewer!, input),
  }),
);

builder.mutationField("cancelEnhancement", (t) =>
  t.prismaField({
    type: "EnhancementJob",
    authScopes: { viewer: true },
    description: "Stops a queued or running enhancement; nothing it rewrote is kept. Errors: NotFoundError, ConflictError (it has already ended)",
    args: { input: t.arg({ type: JobIdInput, required: true }) },
    errors: { types: [NotFoundError, ConflictError] },
    resolve: (_q, _r, { input }, ctx) => enhancement.cancelEnhancement(ctx.services, ctx.viewer!, String(input.id)),
  }),
);


builder.mutationField("setUseEnhanced", (t) =>
  t.prismaField({
    type: "MasterProfile",
    authScopes: { viewer: true },
    description:
      "Chooses the enhanced (true) or original (false) text of an item or the summary. Errors: ValidationError, NotFoundError (no such item), PreconditionError (no enhanced version yet)",
    args: { input: t.arg({ type: VersionInput, required: true }) },
    errors: { types: [ValidationError, NotFoundError, PreconditionError] },
    resolve: async (query, _r, { input }, ctx) => {
      const profileId = await versions.setUseEnhanced(ctx.viewer!, input);
      return db().masterProfile.findUniqueOrThrow({ ...selection(query), where: { id: profileId } });
    },
  }),
);

builder.mutationField("revertEnhancement", (t) =>
  t.prismaField({
    type: "MasterProfile",
    authScopes: { viewer: true },
    description:
      "Puts the previous enhanced version back (or drops the enhanced text when there is none). Errors: ValidationError, NotFoundError (no such item), PreconditionError (nothing to revert)",
    args: { input: t.arg({ type: RevertInput, required: true }) },
    errors: { types: [ValidationError, NotFoundError, PreconditionError] },
    resolve: async (query, _r, { input }, ctx) => {
      const profileId = await versions.revertEnhancement(ctx.viewer!, input);
      return db().masterProfile.findUniqueOrThrow({ ...selection(query), where: { id: profileId } });
    },
  }),
);

builder.queryField("enhancementJob", (t) =>
  t.prismaField({
    type: "EnhancementJob",
    authScopes: { viewer: true },
    description: "One of the user's enhancement jobs. Errors: NotFoundError",
    args: { id: t.arg.id({ required: true, description: "The job's id" }) },
    errors: { types: [NotFoundError] },
    resolve: (_q, _r, { id }, ctx) => enhancement.findOwnedJob(ctx.viewer!, String(id)),
  }),
);

builder.queryField("enhancementJobs", (t) =>
  t.prismaConnection({
    type: "EnhancementJob",
    cursor: "id",
    maxSize: pageSize,
    authScopes: { viewer: true },
    description: "The user's enhancement jobs, newest first",
    resolve: (query, _r, _a, ctx) =>
      db().enhancementJob.findMany({ ...selection(query), where: { userId: ctx.viewer!.id }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] }),
  }),
);

builder.subscriptionField("enhancementProgress", (t) =>
  t.field({
    type: EnhancementJobRef,
    authScopes: { viewer: true },
    description:
      "The job's current state first, then every change in order; completes when the job ends. An unknown id fails with code NOT_FOUND",
    args: { jobId: t.arg.id({ required: true, description: "The job's id (from enhanceProfile)" }) },
    subscribe: (_r, { jobId }, ctx) => followJob(requireViewer(ctx).id, String(jobId)),
    resolve: (job) => job,
  }),
);

builder.subscriptionField("myEnhancementJobs", (t) =>
  t.field({
    type: EnhancementJobRef,
    authScopes: { viewer: true },
    description:
      "Every state change (queued, progress, finished) of every enhancement job of the signed-in user, in order per job. " +
      "Subscribe first, then start a job with enhanceProfile: no event of it can be missed, even one that finishes at once",
    subscribe: (_r, _a, ctx) => pubsub.subscribe("enhancement:user", requireViewer(ctx).id),
    resolve: (job) => job,
  }),
);

/**
 * The job's current state, then every newer state until a terminal one. Hundreds of subscribers
 * follow one job, so this is an iterator rather than an async generator: per event it costs the
 * pubsub stream's one promise (a generator's for-await/yield adds several, each paying
 * AsyncLocalStorage's promise hooks, per subscriber).
 */
function followJob(userId: string, jobId: string): AsyncIterableIterator<EnhancementJob> {
  // Subscribe before reading, so no change can slip between the read and the first event.
  const events = pubsub.subscribe("enhancement", jobId);
  let seen: number | null = null;
  let ended = false;
  const end = (): IteratorReturnResult<undefined> => {
    ended = true;
    void events.return();
    return { done: true, value: undefined };
  };
  const emit = (job: EnhancementJob): IteratorResult<EnhancementJob> => {
    seen = job.revision;
    if (enhancement.TERMINAL.has(job.status)) ended = true;
    return { done: false, value: job };
  };
  const first = async (): Promise<IteratorResult<EnhancementJob>> => {
    const current = await db().enhancementJob.findFirst({ where: { id: jobId, userId } });
    // Subscriptions have no result union: the typed failure travels as an error code.
    if (!current) {
      end();
      throw new GraphQLError(new NotFoundError("Enhancement job", jobId).message, { extensions: { code: "NOT_FOUND" } });
    }
    return emit(current);
  };
  const onEvent = (step: IteratorResult<EnhancementJob>): IteratorResult<EnhancementJob> | Promise<IteratorResult<EnhancementJob>> => {
    if (step.done) return end();
    if (step.value.revision <= seen!) return events.next().then(onEvent);
    return emit(step.value);
  };
  return {
    next: () => {
      if (ended) return Promise.resolve(end());
      if (seen === null) return first();
      return events.next().then(onEvent);
    },
    return: () => Promise.resolve(end()),
    throw: (error: unknown) => {
      end();
      return Promise.reject(error);
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
