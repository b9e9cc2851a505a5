import { createPubSub } from "graphql-yoga";

/** Typed topics, each keyed by an id so subscribers only hear about what they own. */
export type Topics = {
  "profile:updated": [userId: string, payload: { profileId: string }];
};

export const pubsub = createPubSub<Topics>();
export type PubSub = typeof pubsub;
