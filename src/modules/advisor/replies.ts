// Replies being written, in this process: their text so far (a subscriber's first event), the
// controller that cancels them, and the publishing of each delta. The database is written first,
// then the end is published; the text is flushed every second so a crash loses at most that.

import { db } from "../../db/client.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import { pubsub } from "../../pubsub.ts";

export type ReplyEnd = "COMPLETE" | "CANCELLED" | "FAILED" | "INTERRUPTED";

export interface LiveReply {
  messageId: string;
  text: string;
  controller: AbortController;
  flushedAt: number;
  /** Settles once the reply has ended and its end is stored. */
  done: Promise<void>;
  /** Runs after the end is stored and before it is published (the conversation summary). */
  onEnd: () => Promise<void>;
}

const FLUSH_MS = 1000;
const live = new Map<string, LiveReply>();
const running = new Set<Promise<void>>();

/** Why a reply was aborted: the user cancelled it, or the server is stopping. */
export class ReplyAbort extends Error {
  constructor(readonly end: "CANCELLED" | "INTERRUPTED") {
    super(end === "CANCELLED" ? "cancelled" : "interrupted");
  }
}

export function begin(messageId: string, run: (reply: LiveReply) => Promise<void>, onEnd: () => Promise<void> = async () => {}): void {
  const reply: LiveReply = { messageId, text: "", controller: new AbortController(), flushedAt: Date.now(), done: Promise.resolve(), onEnd };
  live.set(messageId, reply);
  // run() stores its own failures; nothing may escape as an unhandled rejection.
  const task = run(reply)
    .catch(() => {})
    .finally(() => {
      live.delete(messageId);
      running.delete(task);
    });
  reply.done = task;
  running.add(task);
}

export function liveReply(messageId: string): LiveReply | undefined {
  return live.get(messageId);
}

export async function append(reply: LiveReply, delta: string): Promise<void> {
  if (!delta) return;
  const offset = reply.text.length;
  reply.text += delta;
  pubsub.publish("advisor:reply", reply.messageId, { messageId: reply.messageId, offset, delta, status: "STREAMING", done: false });
  if (Date.now() - reply.flushedAt >= FLUSH_MS) {
    reply.flushedAt = Date.now();
    await db().message.updateMany({ where: { id: reply.messageId }, data: { content: reply.text } });
  }
}

export async function finish(reply: LiveReply, status: ReplyEnd, data: Prisma.MessageUpdateManyMutationInput = {}): Promise<void> {
  // updateMany: a conversation deleted meanwhile took the message with it, which is not an error.
  await db().message.updateMany({ where: { id: reply.messageId }, data: { ...data, content: reply.text, status } as Prisma.MessageUpdateManyMutationInput });
  live.delete(reply.messageId);
  await reply.onEnd().catch(() => {});
  pubsub.publish("advisor:reply", reply.messageId, { messageId: reply.messageId, offset: reply.text.length, delta: "", status, done: true });
}

/** Asks a running reply to stop; false when it is not running here. */
export function cancel(messageId: string): boolean {
  const reply = live.get(messageId);
  if (!reply) return false;
  reply.controller.abort(new ReplyAbort("CANCELLED"));
  return true;
}

/** Shutdown: every running reply ends INTERRUPTED with the text it has, before the database closes. */
export async function stopAll(): Promise<void> {
  for (const reply of live.values()) reply.controller.abort(new ReplyAbort("INTERRUPTED"));
  await Promise.allSettled([...running]);
}

/**
 * At start: a reply still STREAMING was being written by a process that is gone (a crash, a kill);
 * it ends INTERRUPTED with the text flushed so far, so no client waits for it forever.
 */
export async function interruptStale(): Promise<number> {
  const { count } = await db().message.updateMany({
    where: { status: "STREAMING" },
    data: { status: "INTERRUPTED", error: "The server restarted while this reply was being written; send the question again." },
  });
  return count;
}
