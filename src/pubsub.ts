import { setMaxListeners } from "node:events";
import { createTopicPubSub } from "./events/topic-pubsub.ts";
import type { EnhancementJob, Notification } from "./generated/prisma/client.ts";

/** Typed topics, each keyed by an id so subscribers only hear about what they own. */
export type Topics = {
  "profile:updated": [userId: string, payload: { profileId: string }];
  enhancement: [jobId: string, job: EnhancementJob];
  /** Every state change of every enhancement job of one user. */
  "enhancement:user": [userId: string, job: EnhancementJob];
  /** Data changed (userId: that user's, null: anyone's): response caches drop what it may affect. */
  "cache:invalidated": [payload: { instance: string; userId: string | null }];
  /** Every notification created for one user. */
  "notification:user": [userId: string, notification: Notification];
  /** The user's tokens were revoked (password change, account deletion): every instance closes that
   *  user's sockets and drops the user from its viewer cache. Published once, by SocketSessions.revoke. */
  "auth:revoked": [payload: { userId: string }];
  /** Text deltas and the end of one streamed advisor reply, in order (offset = characters before delta). */
  "advisor:reply": [messageId: string, event: { messageId: string; offset: number; delta: string; status: string; done: boolean }];
};

type Target = Pick<EventTarget, "addEventListener" | "removeEventListener" | "dispatchEvent">;

function localTarget(): Target {
  // Hundreds of progress subscribers on one job are normal: lift Node's leak warning (10 listeners).
  const target = new EventTarget();
  setMaxListeners(0, target);
  return target;
}

// In-process by default (SQLite, one process); buildApp swaps in PostgreSQL LISTEN/NOTIFY in
// PostgreSQL mode (src/events/transport.ts) before anyone subscribes.
let target: Target = localTarget();
const delegate: Target = {
  addEventListener: (type, listener, options) => target.addEventListener(type, listener, options),
  removeEventListener: (type, listener, options) => target.removeEventListener(type, listener, options),
  dispatchEvent: (event) => target.dispatchEvent(event),
};

export const pubsub = createTopicPubSub<Topics>(delegate);
export type PubSub = typeof pubsub;

/** Routes every topic through `next`; null goes back to the in-process target. */
export function setEventTarget(next: Target | null): void {
  target = next ?? localTarget();
}
