import { builder } from "../../graphql/builder.ts";
import { NotFoundError, PreconditionError } from "../../graphql/errors.ts";
import type { RankedItem } from "../../core/types.ts";
import * as rankings from "./ranking.service.ts";
import { findOwnedJob } from "../job/job.service.ts";
import { db } from "../../db/client.ts";
import { selection } from "../../db/query.ts";

export const RankedKindEnum = builder.enumType("RankedKind", { values: ["EXPERIENCE", "PROJECT", "BULLET", "SKILL"] as const });

export const RankedItemRef = builder.objectRef<RankedItem>("RankedItem").implement({
  description: "One scored piece of the profile, with why it scored so",
  fields: (t) => ({
    kind: t.field({ type: RankedKindEnum, resolve: (r) => r.kind }),
    itemId: t.exposeString("itemId", { description: "Experience/project id (for bullets: the parent's); for skills, the skill name" }),
    bulletIndex: t.exposeInt("bulletIndex", { nullable: true }),
    text: t.exposeString("text"),
    score: t.exposeFloat("score", { description: "0..1" }),
    matchedKeywords: t.exposeStringList("matchedKeywords"),
    reason: t.exposeString("reason"),
  }),
});

builder.prismaObject("JobContentRanking", {
  name: "Ranking",
  fields: (t) => ({
    id: t.exposeID("id"),
    job: t.relation("job"),
    provider: t.exposeString("provider"),
    items: t.field({
      type: [RankedItemRef],
      args: { kind: t.arg({ type: RankedKindEnum }) },
      description: "Best first within each kind",
      resolve: (r, { kind }) => (r.items as unknown as RankedItem[]).filter((i) => !kind || i.kind === kind),
    }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
  }),
});

const RankInput = builder.inputType("RankProfileForJobInput", { fields: (t) => ({ jobId: t.id({ required: true }) }) });

builder.mutationField("rankProfileForJob", (t) =>
  t.prismaField({
    type: "JobContentRanking",
    authScopes: { viewer: true },
    description: "Scores every experience, project, bullet and skill for the job; replaces the previous ranking",
    args: { input: t.arg({ type: RankInput, required: true }) },
    errors: { types: [NotFoundError, PreconditionError] },
    resolve: async (_q, _r, { input }, ctx) => (await rankings.rankForJob(ctx.viewer!, String(input.jobId))).ranking,
  }),
);

builder.queryField("ranking", (t) =>
  t.prismaField({
    type: "JobContentRanking",
    nullable: true,
    authScopes: { viewer: true },
    args: { jobId: t.arg.id({ required: true }) },
    errors: { types: [NotFoundError] },
    resolve: async (query, _r, { jobId }, ctx) => {
      const job = await findOwnedJob(ctx.viewer!, String(jobId));
      return db().jobContentRanking.findUnique({ ...selection(query), where: { userId_jobId: { userId: ctx.viewer!.id, jobId: job.id } } });
    },
  }),
);
