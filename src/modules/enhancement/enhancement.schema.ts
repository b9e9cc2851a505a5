import { GraphQLError } from "graphql";
import { builder } from "../../graphql/builder.ts";
import { ConflictError, LimitExceededError, NotFoundError, PreconditionError, ValidationError } from "../../graphql/errors.ts";
import { db } from "../../db/client.ts";
import { pubsub } from "../../pubsub.ts";
import { requireViewer } from "../../context.ts";
import { GroundingViolationRef } from "../../graphql/error-types.ts";
import type { EnhancementJob } from "../../generated/prisma/client.ts";
import * as enhancement from "./enhancement.service.ts";
import * as versions from "../profile/versions.store.ts";
import { selection } from "../../db/query.ts";

const StatusEnum = builder.enumType("EnhancementStatus", { values: ["QUEUED", "RUNNING", "COMPLETED", "FAILED", "CANCELLED"] as const });
const SectionEnum = builder.enumType("EnhanceSection", { values: enhancement.SECTIONS });
const ItemKindEnum = builder.enumType("EnhancedItemKind", { values: ["SUMMARY", "EXPERIENCE", "PROJECT"] as const });

type ItemRef = { kind: "SUMMARY" | "EXPERIENCE" | "PROJECT"; itemId: string | null };
const ItemRefType = builder.objectRef<ItemRef>("EnhancedItemRef").implement({
  fields: (t) => ({
    kind: t.field({ type: ItemKindEnum, resolve: (r) => r.kind }),
    itemId: t.exposeID("itemId", { nullable: true, description: "null for the summary" }),
  }),
});
const RejectedType = builder.objectRef<enhancement.EnhancementResult["rejected"][number]>("RejectedEnhancement").implement({
  fields: (t) => ({
    kind: t.field({ type: ItemKindEnum, resolve: (r) => r.kind }),
    itemId: t.exposeID("itemId", { nullable: true }),
    violations: t.field({ type: [GroundingViolationRef], resolve: (r) => r.violations }),
  }),
});
const ResultType = builder.objectRef<enhancement.EnhancementResult>("EnhancementResult").implement({
  fields: (t) => ({
    changed: t.field({ type: [ItemRefType], resolve: (r) => r.changed }),
    unchanged: t.field({ type: [ItemRefType], resolve: (r) => r.unchanged }),
    rejected: t.field({ type: [RejectedType], description: "Items left unchanged because the rewrite added facts", resolve: (r) => r.rejected }),
  }),
});

const EnhancementJobRef = builder.prismaObject("EnhancementJob", {
  description: "A background rewrite of the profile in the user's style",
  fields: (t) => ({
    id: t.exposeID("id"),
    status: t.field({ type: StatusEnum, resolve: (j) => j.status }),
    progress: t.exposeInt("progress", { description: "0..100" }),
    step: t.exposeString("step", { description: "queued, loading, style, summary, experience, project, saving, done" }),
    message: t.exposeString("message"),
    revision: t.exposeInt("revision", { description: "Grows with every change: events arrive in this order" }),
    provider: t.exposeString("provider"),
    sections: t.field({ type: [SectionEnum], resolve: (j) => j.sections as enhancement.Section[] }),
    attempts: t.exposeInt("attempts"),
    error: t.exposeString("error", { nullable: true }),
    result: t.field({ type: ResultType, nullable: true, resolve: (j) => (j.result as unknown as enhancement.EnhancementResult) ?? null }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    startedAt: t.expose("startedAt", { type: "DateTime", nullable: true }),
    finishedAt: t.expose("finishedAt", { type: "DateTime", nullable: true }),
  }),
});

const EnhanceProfileInput = builder.inputType("EnhanceProfileInput", {
  fields: (t) => ({
    sections: t.field({ type: [SectionEnum], description: "Default: all sections" }),
    itemIds: t.idList({ description: "Only these experiences/projects (the summary is skipped)" }),
    useDefaultStyle: t.boolean({ description: "Enhance without a resume sample, in a neutral default style" }),
  }),
});
const JobIdInput = builder.inputType("EnhancementJobIdInput", { fields: (t) => ({ id: t.id({ required: true }) }) });
const VersionInput = builder.inputType("SetUseEnhancedInput", {
  fields: (t) => ({
    itemId: t.id({ description: "An experience or project; omit for the summary" }),
    use: t.boolean({ required: true }),
  }),
});
const RevertInput = builder.inputType("RevertEnhancementInput", {
  fields: (t) => ({ itemId: t.id({ description: "An experience or project; omit for the summary" }) }),
});

builder.mutationField("enhanceProfile", (t) =>
  t.prismaField({
    type: "EnhancementJob",
    authScopes: { viewer: true },
    description: "Starts a background rewrite in the user's style; follow it with enhancementProgress",
    args: { input: t.arg({ type: EnhanceProfileInput, required: true }) },
    errors: { types: [ValidationError, NotFoundError, PreconditionError, ConflictError, LimitExceededError] },
    resolve: (_q, _r, { input }, ctx) => enhancement.startEnhancement(ctx.services, ctx.viewer!, input),
  }),
);

builder.mutationField("cancelEnhancement", (t) =>
  t.prismaField({
    type: "EnhancementJob",
    authScopes: { viewer: true },
    args: { input: t.arg({ type: JobIdInput, required: true }) },
    errors: { types: [NotFoundError, ConflictError] },
    resolve: (_q, _r, { input }, ctx) => enhancement.cancelEnhancement(ctx.services, ctx.viewer!, String(input.id)),
  }),
);


builder.mutationField("setUseEnhanced", (t) =>
  t.prismaField({
    type: "MasterProfile",
    authScopes: { viewer: true },
    description: "Chooses the enhanced (true) or original (false) text of an item or the summary",
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
    description: "Puts the previous enhanced version back (or drops the enhanced text when there is none)",
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
    args: { id: t.arg.id({ required: true }) },
    errors: { types: [NotFoundError] },
    resolve: (_q, _r, { id }, ctx) => enhancement.findOwnedJob(ctx.viewer!, String(id)),
  }),
);

builder.queryField("enhancementJobs", (t) =>
  t.prismaConnection({
    type: "EnhancementJob",
    cursor: "id",
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
    description: "The job's current state first, then every change in order; completes when the job ends",
    args: { jobId: t.arg.id({ required: true }) },
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

async function* followJob(userId: string, jobId: string): AsyncGenerator<EnhancementJob> {
  // Subscribe before reading, so no change can slip between the read and the first event.
  const events = pubsub.subscribe("enhancement", jobId);
  try {
    const current = await db().enhancementJob.findFirst({ where: { id: jobId, userId } });
    // Subscriptions have no result union: the typed failure travels as an error code.
    if (!current) throw new GraphQLError(new NotFoundError("Enhancement job", jobId).message, { extensions: { code: "NOT_FOUND" } });
    yield current;
    if (enhancement.TERMINAL.has(current.status)) return;
    let seen = current.revision;
    for await (const job of events) {
      if (job.revision <= seen) continue;
      seen = job.revision;
      yield job;
      if (enhancement.TERMINAL.has(job.status)) return;
    }
  } finally {
    await events.return?.();
  }
}
