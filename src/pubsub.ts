import { createPubSub } from "graphql-yoga";
import type { EnhancementJob } from "./generated/prisma/client.ts";

/** Typed topics, each keyed by an id so subscribers only hear about what they own. */
export type Topics = {
  "profile:updated": [userId: string, payload: { profileId: string }];
  enhancement: [jobId: string, job: EnhancementJob];
};

export const pubsub = createPubSub<Topics>();
export type PubSub = typeof pubsub;
