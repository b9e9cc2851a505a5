import { GraphQLError } from "graphql";
import { builder } from "../../graphql/builder.ts";
import { NotFoundError } from "../../graphql/errors.ts";
import { db } from "../../db/client.ts";
import { requireViewer } from "../../context.ts";
import { pubsub } from "../../pubsub.ts";
import type { Message } from "../../generated/prisma/client.ts";
import { MessageStatusEnum } from "./advisor.schema.ts";
import { liveReply } from "./replies.ts";

interface ReplyEvent {
  messageId: string;
  offset: number;
  delta: string;
  status: Message["status"];
  done: boolean;
  message: Message | null;
}

const ReplyEventRef = builder.objectRef<ReplyEvent>("AdvisorReplyEvent").implement({
  description:
    "One step of a streamed advisor reply. The first event carries the text so far (offset 0); each later one the text written since. " +
    "Joined in order, the deltas are exactly the stored content. The last event has done: true and the stored message",
  fields: (t) => ({
    messageId: t.exposeID("messageId", { description: "The assistant message" }),
    offset: t.exposeInt("offset", { description: "Characters of the reply before this delta" }),
    delta: t.exposeString("delta", { description: "Text to append" }),
    status: t.field({ type: MessageStatusEnum, description: "STREAMING until the last event", resolve: (e) => e.status }),
    done: t.exposeBoolean("done", { description: "True on the last event" }),
    message: t.prismaField({ type: "Message", nullable: true, description: "The stored message, on the last event", resolve: (_q, e) => e.message }),
  }),
});

builder.subscriptionField("advisorReply", (t) =>
  t.field({
    type: ReplyEventRef,
    authScopes: { viewer: true },
    description:
      "A reply as it is written, over graphql-ws or SSE: the current state first, then every delta in order; completes when the reply ends " +
      "(COMPLETE, CANCELLED, FAILED or INTERRUPTED). Another user's or an unknown message fails with code NOT_FOUND",
    args: { messageId: t.arg.id({ required: true, description: "An assistant message's id (sendMessage's reply.id)" }) },
    subscribe: (_r, { messageId }, ctx) => followReply(requireViewer(ctx).id, String(messageId)),
    resolve: (e) => e,
  }),
);

async function* followReply(userId: string, messageId: string): AsyncGenerator<ReplyEvent> {
  // Subscribe before reading, so no delta can slip between the read and the first event.
  const events = pubsub.subscribe("advisor:reply", messageId);
  try {
    const row = await db().message.findFirst({ where: { id: messageId, role: "ASSISTANT", conversation: { userId } } });
    if (!row) throw new GraphQLError(new NotFoundError("Message", messageId).message, { extensions: { code: "NOT_FOUND" } });
    const live = liveReply(messageId);
    // Not live here: it has ended (read it again: it may have ended after the first read).
    const current = live ? row : await db().message.findUniqueOrThrow({ where: { id: messageId } });
    let text = live ? live.text : current.content;
    if (!live || current.status !== "STREAMING") {
      yield { messageId, offset: 0, delta: current.content, status: current.status, done: true, message: current };
      return;
    }
    yield { messageId, offset: 0, delta: text, status: "STREAMING", done: false, message: null };
    for await (const e of events) {
      if (e.done) {
        const stored = await db().message.findUnique({ where: { id: messageId } });
        const tail = stored ? stored.content.slice(text.length) : "";
        yield { messageId, offset: text.length, delta: tail, status: (stored?.status ?? e.status) as Message["status"], done: true, message: stored };
        return;
      }
      // Deltas already in the first event's text arrive again: skip what is already known.
      const end = e.offset + e.delta.length;
      if (end <= text.length) continue;
      const delta = e.delta.slice(text.length - e.offset);
      yield { messageId, offset: text.length, delta, status: "STREAMING", done: false, message: null };
      text += delta;
    }
  } finally {
    await events.return?.();
  }
}
