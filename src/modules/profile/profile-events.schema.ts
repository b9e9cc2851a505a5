import { builder } from "../../graphql/builder.ts";
import { db } from "../../db/client.ts";
import { pubsub } from "../../pubsub.ts";
import { requireViewer } from "../../context.ts";
import { selection } from "../../db/query.ts";

builder.subscriptionField("profileUpdated", (t) =>
  t.prismaField({
    type: "MasterProfile",
    authScopes: { viewer: true },
    description: "Emits the profile each time the signed-in user changes it with upsertProfile (from any session), as it is when the event is delivered: two changes in quick succession can both show the later state. Needs a token in connectionParams; fails with code UNAUTHENTICATED without one",
    subscribe: (_r, _a, ctx) => pubsub.subscribe("profile:updated", requireViewer(ctx).id),
    resolve: (query, event) => db().masterProfile.findUniqueOrThrow({ ...selection(query), where: { id: (event as { profileId: string }).profileId } }),
  }),
);
