import { builder } from "../../graphql/builder.ts";
import { AiProviderEnum, providerOf } from "../../graphql/enums.ts";
import { NotFoundError, PreconditionError } from "../../graphql/errors.ts";
import type { RankedItem } from "../../core/types.ts";
import * as rankings from "./ranking.service.ts";
import { findOwnedJob } from "../job/job.service.ts";
import { db } from "../../db/client.ts";
import { selection } from "../../db/query.ts";

export const RankedKindEnum = builder.enumType("RankedKind", {
  description: "What a ranked piece of the profile is",
  values: {
    EXPERIENCE: { description: "A whole experience" },
    PROJECT: { description: "A whole project" },
    BULLET: { description: "One bullet of an experience or project (see bulletIndex)" },
    SKILL: { description: "One skill (itemId is the skill's name)" },
  } as const,
});

export const RankedItemRef = builder.objectRef<RankedItem>("RankedItem").implement({
  description: "One scored piece of the profile, with why it scored so",
  fields: (t) => ({
    kind: t.field({ type: RankedKindEnum, description: "Experience, project, bullet or skill", resolve: (r) => r.kind }),
    itemId: t.exposeString("itemId", { description: "Experience/project id (for bullets: the parent's); for skills, the skill name" }),
    bulletIndex: t.exposeInt("bulletIndex", { nullable: true, description: "For bullets: 0-based index in the parent's bullets; null otherwise" }),
    text: t.exposeString("text", { description: "The text that was scored (title, bullet or skill)" }),
    score: t.exposeFloat("score", { description: "0..1" }),
    matchedKeywords: t.exposeStringList("matchedKeywords", { description: "The job's keywords this item contains" }),
    reason: t.exposeString("reason", { description: "Why it scored so, for a person to read" }),
  }),
});

builder.prismaObject("JobContentRanking", {
  name: "Ranking",
  description: "How well each piece of the profile matches one job; one per job, replaced by rankProfileForJob",
  fields: (t) => ({
    id: t.exposeID("id", { description: "Stable ranking id" }),
    job: t.relation("job", { description: "The job ranked against" }),
    provider: t.field({ type: AiProviderEnum, description: "Who scored: always BUILTIN (ranking is plain keyword logic, whatever the AI provider)", resolve: (r) => providerOf(r.provider) }),
    items: t.field({
      type: [RankedItemRef],
      args: { kind: t.arg({ type: RankedKindEnum, description: "Only this kind; default: every kind" }) },
      description: "Best first within each kind",
      resolve: (r, { kind }) => (r.items as unknown as RankedItem[]).filter((i) => !kind || i.kind === kind),
    }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When the job was first ranked" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime", description: "When it was last re-ranked" }),
  }),
});

const RankInput = builder.inputType("RankProfileForJobInput", {
  description: "Which job to rank the profile against",
  fields: (t) => ({ jobId: t.id({ required: true, description: "The job's id" }) }),
});

builder.mutationField("rankProfileForJob", (t) =>
  t.prismaField({
    type: "JobContentRanking",
    authScopes: { viewer: true },
    description:
      "Scores every experience, project, bullet and skill for the job; replaces the previous ranking. Errors: NotFoundError (job), PreconditionError (the profile has no experience or project)",
    args: { input: t.arg({ type: RankInput, required: true }) },
    errors: { types: [NotFoundError, PreconditionError] },
    resolve: async (_q, _r, { input }, ctx) => (await rankings.rankForJob(ctx.viewer!, String(input.jobId))).ranking,
  }),
);

builder.queryField("ranking", (t) =>
  t.prismaField({
    type: "JobContentRanking",
    authScopes: { viewer: true },
    description: "The profile's ranking for a job. Errors: NotFoundError (resource Job: no such job; resource Ranking: rankProfileForJob has not run for it yet)",
    args: { jobId: t.arg.id({ required: true, description: "The job's id" }) },
    errors: { types: [NotFoundError] },
    resolve: async (query, _r, { jobId }, ctx) => {
      const job = await findOwnedJob(ctx.viewer!, String(jobId));
      const ranking = await db().jobContentRanking.findUnique({ ...selection(query), where: { userId_jobId: { userId: ctx.viewer!.id, jobId: job.id } } });
      if (!ranking) throw new NotFoundError("Ranking");
      return ranking;
    },
  }),
);
