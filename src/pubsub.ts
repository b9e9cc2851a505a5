import { setMaxListeners } from "node:events";
import { createPubSub } from "graphql-yoga";
import type { EnhancementJob, Notification } from "./generated/prisma/client.ts";

/** Typed topics, each keyed by an id so subscribers only hear about what they own. */
export type Topics = {
  "profile:updated": [userId: string, payload: { profileId: string }];
  enhancement: [jobId: string, job: EnhancementJob];
  /** Every state change of every enhancement job of one user. */
  "enhancement:user": [userId: string, job: EnhancementJob];
  /** A user's tokens were revoked (password change, account deletion): caches of that user drop it. */
  "viewer:revoked": [payload: { userId: string }];
  /** Data changed (userId: that user's, null: anyone's): response caches drop what it may affect. */
  "cache:invalidated": [payload: { instance: string; userId: string | null }];
  /** Every notification created for one user. */
  "notification:user": [userId: string, notification: Notification];
};

// Hundreds of progress subscribers on one job are normal: lift Node's leak warning (10 listeners).
const eventTarget = new EventTarget();
setMaxListeners(0, eventTarget);

export const pubsub = createPubSub<Topics>({ eventTarget: eventTarget as never });
export type PubSub = typeof pubsub;
