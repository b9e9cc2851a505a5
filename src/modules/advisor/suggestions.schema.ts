import { builder } from "../../graphql/builder.ts";
import { pageSize } from "../../graphql/pagination.ts";
import { ConflictError, NotFoundError, PreconditionError, ValidationError } from "../../graphql/errors.ts";
import { selection } from "../../db/query.ts";
import * as suggestions from "./suggestions.service.ts";

const KindEnum = builder.enumType("SuggestionKind", {
  description: "What an accepted suggestion changes",
  values: {
    ADD_BULLET: { description: "Adds text as a bullet of the experience targetId" },
    ADD_SKILL: { description: "Adds text to the profile's technical skills" },
  } as const,
});
const StatusEnum = builder.enumType("SuggestionStatus", {
  description: "Whether the user decided",
  values: {
    PENDING: { description: "Waiting: nothing was written to the profile" },
    ACCEPTED: { description: "Written to the profile" },
    REJECTED: { description: "Dropped" },
  } as const,
});

builder.prismaObject("ProfileSuggestion", {
  description: "A profile change read from something the user told the advisor (\"I also led the on-call rotation at Acme\"); written only when accepted",
  fields: (t) => ({
    id: t.exposeID("id", { description: "Pass it to acceptProfileSuggestion or rejectProfileSuggestion" }),
    kind: t.field({ type: KindEnum, description: "Bullet or skill", resolve: (s) => s.kind }),
    targetId: t.exposeID("targetId", { nullable: true, description: "The experience a bullet goes to; null for a skill" }),
    text: t.exposeString("text", { description: "The bullet or skill to add" }),
    status: t.field({ type: StatusEnum, description: "Pending until decided", resolve: (s) => s.status }),
    conversationId: t.exposeID("conversationId", { description: "Where it was said" }),
    messageId: t.exposeID("messageId", { description: "The user's message it was read from" }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When it was read" }),
    decidedAt: t.expose("decidedAt", { type: "DateTime", nullable: true, description: "When the user decided" }),
  }),
});

builder.queryField("profileSuggestions", (t) =>
  t.prismaConnection({
    type: "ProfileSuggestion",
    cursor: "id",
    maxSize: pageSize,
    authScopes: { viewer: true },
    description: "Suggested profile changes from advisor conversations, newest first",
    args: { status: t.arg({ type: StatusEnum, description: "Only these (e.g. PENDING)" }) },
    resolve: (query, _r, { status }, ctx) => suggestions.listSuggestions(ctx.viewer!, status, selection(query)),
  }),
);

const DecideInput = builder.inputType("DecideProfileSuggestionInput", {
  description: "Which suggestion",
  fields: (t) => ({ id: t.id({ required: true, description: "The suggestion's id" }) }),
});

for (const [name, accept] of [["acceptProfileSuggestion", true], ["rejectProfileSuggestion", false]] as const) {
  builder.mutationField(name, (t) =>
    t.prismaField({
      type: "ProfileSuggestion",
      authScopes: { viewer: true },
      description: accept
        ? "Writes the suggestion to the profile through the profile store. Errors: NotFoundError, ConflictError (already decided), PreconditionError (its experience was deleted), ValidationError (the profile would break a rule)"
        : "Drops the suggestion; the profile is not touched. Errors: NotFoundError, ConflictError (already decided)",
      args: { input: t.arg({ type: DecideInput, required: true }) },
      errors: { types: [NotFoundError, ConflictError, PreconditionError, ValidationError] },
      resolve: (_q, _r, { input }, ctx) => suggestions.decideSuggestion(ctx.viewer!, String(input.id), accept),
    }),
  );
}
