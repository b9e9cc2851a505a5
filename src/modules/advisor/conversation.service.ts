// Conversations with the career advisor: ownership, the numbering of messages, guardrails, the
// rate limit, and handing the reply to the writer (answer.ts), which streams it in the background.

import { z } from "zod";
import { db } from "../../db/client.ts";
import { ConflictError, fromZod, NotFoundError, ValidationError } from "../../errors.ts";
import { withoutNulls } from "../../input.ts";
import { safeString } from "../../core/safe-text.ts";
import { questionFilters } from "../../core/advisor/filters.ts";
import { detectIntent } from "../../core/advisor/intents.ts";
import { REFUSAL_TEXT, screenQuestion } from "../../core/advisor/guardrails.ts";
import { suggestedChanges } from "../../core/advisor/suggestions.ts";
import { summarise, summaryDue } from "../../core/advisor/summary.ts";
import type { Conversation, Message } from "../../generated/prisma/client.ts";
import type { AppServices } from "../../services.ts";
import type { Viewer } from "../auth/tokens.ts";
import { loadProfile } from "../profile/profile.mapper.ts";
import { findOwnedJob, toParsedJob } from "../job/job.service.ts";
import { premadePrompts, PREMADE_PREFIX, usePrompt } from "./prompts.store.ts";
import { writeReply } from "./answer.ts";
import { begin, cancel, liveReply } from "./replies.ts";

export const MAX_MESSAGE_CHARS = 4000;
const HISTORY_MESSAGES = 6;

export interface Exchange {
  conversation: Conversation;
  question: Message | null;
  reply: Message | null;
}

const Title = safeString(z.string().trim().min(1, "Title cannot be empty").max(120, "Title must be at most 120 characters"));
const Content = safeString(z.string().trim().min(1, "Write a question").max(MAX_MESSAGE_CHARS, `A message holds at most ${MAX_MESSAGE_CHARS} characters`));
const StartSchema = z.object({ title: Title.optional(), jobId: z.string().optional(), content: Content.optional(), promptId: z.string().optional() });
const SendSchema = z.object({ conversationId: z.string(), content: Content.optional(), promptId: z.string().optional() });

export async function findOwnedConversation(viewer: Viewer, id: string, query: object = {}): Promise<Conversation> {
  const c = await db().conversation.findFirst({ ...query, where: { id, userId: viewer.id } });
  if (!c) throw new NotFoundError("Conversation", id);
  return c;
}

export async function findOwnedMessage(viewer: Viewer, id: string): Promise<Message> {
  const m = await db().message.findFirst({ where: { id, conversation: { userId: viewer.id } } });
  if (!m) throw new NotFoundError("Message", id);
  return m;
}

export async function startConversation(services: AppServices, viewer: Viewer, input: unknown): Promise<Exchange> {
  const parsed = StartSchema.safeParse(withoutNulls(input));
  if (!parsed.success) throw fromZod(parsed.error.issues);
  const { jobId, content, promptId } = parsed.data;
  if (content && promptId) throw ValidationError.field(["input", "promptId"], "Give a message or a prompt, not both");
  const job = jobId ? await findOwnedJob(viewer, jobId) : null;
  if (promptId) await checkPromptExists(viewer, promptId);
  const title = parsed.data.title ?? titleFrom(content, promptId, job?.title ?? null);
  const conversation = await db().conversation.create({ data: { userId: viewer.id, title, jobId: job?.id ?? null } });
  if (!content && !promptId) return { conversation, question: null, reply: null };
  try {
    return await send(services, viewer, conversation, { content, promptId });
  } catch (e) {
    // A first message that fails (rate limit, a prompt needing a job) leaves no empty conversation behind.
    await db().conversation.delete({ where: { id: conversation.id } });
    throw e;
  }
}

async function checkPromptExists(viewer: Viewer, id: string) {
  if (id.startsWith(PREMADE_PREFIX)) {
    if (!premadePrompts().some((p) => PREMADE_PREFIX + p.key === id)) throw new NotFoundError("Prompt", id);
  } else if (!(await db().customPrompt.findFirst({ where: { id, userId: viewer.id } }))) throw new NotFoundError("Prompt", id);
}

function titleFrom(content: string | undefined, promptId: string | undefined, jobTitle: string | null): string {
  if (content) return content.length > 60 ? `${content.slice(0, 59).trimEnd()}…` : content;
  const premade = promptId && premadePrompts().find((p) => PREMADE_PREFIX + p.key === promptId);
  if (premade) return premade.title;
  return jobTitle ? `About ${jobTitle}` : "New conversation";
}

export async function sendMessage(services: AppServices, viewer: Viewer, input: unknown): Promise<Exchange> {
  const parsed = SendSchema.safeParse(withoutNulls(input));
  if (!parsed.success) throw fromZod(parsed.error.issues);
  const { conversationId, content, promptId } = parsed.data;
  if (!content === !promptId) throw ValidationError.field(["input", "content"], "Give exactly one of content or promptId");
  const conversation = await findOwnedConversation(viewer, conversationId);
  return send(services, viewer, conversation, { content, promptId });
}

/** The transcript of a voice question is sent like typed text, with what was heard stored beside it. */
export async function sendTranscript(services: AppServices, viewer: Viewer, conversation: Conversation, content: string, voice: object): Promise<Exchange> {
  const parsed = Content.safeParse(content);
  if (!parsed.success) throw ValidationError.field(["input", "file"], "The recording holds no speech that could be transcribed, or more than a message holds");
  return send(services, viewer, conversation, { content: parsed.data }, { voice, charged: true });
}

export async function checkNotBusy(conversationId: string): Promise<void> {
  const busy = await db().message.findFirst({ where: { conversationId, status: "STREAMING" }, select: { id: true } });
  if (busy && liveReply(busy.id)) throw new ConflictError(`The advisor is still answering (message ${busy.id}): wait for it or cancelReply first`);
}

async function send(
  services: AppServices,
  viewer: Viewer,
  conversation: Conversation,
  input: { content?: string; promptId?: string },
  opts: { voice?: object; charged?: boolean } = {},
): Promise<Exchange> {
  const voice = opts.voice;
  await checkNotBusy(conversation.id);
  // A voice question took its point before the transcription.
  if (!opts.charged) await services.rateLimits.take("ai", viewer.id);
  try {
    return await answerQuestion(services, viewer, conversation, input, voice);
  } catch (e) {
    // Nothing was answered (a prompt that needs a job, a failed write): the point goes back.
    if (!opts.charged) await services.rateLimits.refund("ai", viewer.id);
    throw e;
  }
}

async function answerQuestion(
  services: AppServices,
  viewer: Viewer,
  conversation: Conversation,
  input: { content?: string; promptId?: string },
  voice: object | undefined,
): Promise<Exchange> {
  const [profile, jobRow] = await Promise.all([loadProfile(viewer.id), conversation.jobId ? db().job.findFirst({ where: { id: conversation.jobId, userId: viewer.id } }) : null]);
  const job = jobRow ? { id: jobRow.id, job: toParsedJob(jobRow) } : null;
  const text = input.promptId ? await usePrompt(viewer, input.promptId, profile, job?.job ?? null) : input.content!;
  const recent = await db().message.findMany({ where: { conversationId: conversation.id }, orderBy: { seq: "desc" }, take: HISTORY_MESSAGES });
  const lastAssistant = recent.find((m) => m.role === "ASSISTANT");
  const asked = await db().message.count({ where: { conversationId: conversation.id, role: "ASSISTANT", intent: "INTERVIEW_PRACTICE", refusal: null } });
  const interview = { asked, awaitingAnswer: lastAssistant?.intent === "INTERVIEW_PRACTICE" && !lastAssistant.refusal };
  const filters = questionFilters(text);
  const intent = detectIntent(text, filters, { inInterview: interview.awaitingAnswer });
  // A premade or custom prompt is the user's own choice of words, but a custom one could carry an
  // injection: every message is screened alike.
  const refusal = screenQuestion(text, intent, { technologies: filters.technologies.length, dated: Boolean(filters.from || filters.to) });

  const { question, reply, updated } = await db().$transaction(async (tx) => {
    const c = await tx.conversation.update({ where: { id: conversation.id }, data: { messageCount: { increment: 2 } } });
    const base = c.messageCount - 2;
    const common = { conversationId: c.id, intent, sources: [], guardNotes: [], filters: filters as unknown as object };
    const question = await tx.message.create({ data: { ...common, seq: base + 1, role: "USER", content: text, status: "COMPLETE", voice: voice ?? undefined } });
    const reply = await tx.message.create({
      data: refusal
        ? { ...common, seq: base + 2, role: "ASSISTANT", content: REFUSAL_TEXT[refusal], status: "COMPLETE", refusal, provider: "builtin" }
        : { ...common, seq: base + 2, role: "ASSISTANT", content: "", status: "STREAMING", provider: services.ai.name },
    });
    return { question, reply, updated: c };
  });
  if (refusal) {
    await refreshSummary(conversation.id);
    // A refused instruction gets its point back: only answered questions count against the limit.
    // Last, so a failure before it is refunded once, by the caller.
    await services.rateLimits.refund("ai", viewer.id);
  } else {
    const changes = suggestedChanges(text, profile);
    if (changes.length) {
      await db().profileSuggestion.createMany({ data: changes.map((c) => ({ ...c, userId: viewer.id, conversationId: conversation.id, messageId: question.id })) });
    }
    const history = recent.reverse().filter((m) => m.status === "COMPLETE").map((m) => ({ role: m.role, content: m.content }));
    begin(
      reply.id,
      (live) => writeReply(services, live, { userId: viewer.id, question: text, intent, filters, profile, job, interview, summary: updated.summary, history }),
      () => refreshSummary(conversation.id),
    );
  }
  return { conversation: updated, question, reply };
}

/** Every SUMMARY_EVERY messages the conversation's summary is rebuilt from the messages since the last one. */
async function refreshSummary(conversationId: string): Promise<void> {
  const c = await db().conversation.findUnique({ where: { id: conversationId } });
  if (!c || !summaryDue(c.messageCount, c.summaryUpTo)) return;
  const messages = await db().message.findMany({ where: { conversationId, seq: { gt: c.summaryUpTo } }, orderBy: { seq: "asc" } });
  const summary = summarise(c.summary, messages.map((m) => ({ role: m.role, content: m.content, intent: m.intent })));
  await db().conversation.update({ where: { id: conversationId }, data: { summary, summaryUpTo: c.messageCount } });
}

export async function renameConversation(viewer: Viewer, input: { id: string; title: string }): Promise<Conversation> {
  const title = Title.safeParse(input.title);
  if (!title.success) throw fromZod(title.error.issues.map((i) => ({ ...i, path: ["title"] })));
  await findOwnedConversation(viewer, input.id);
  return db().conversation.update({ where: { id: input.id }, data: { title: title.data } });
}

export async function deleteConversation(viewer: Viewer, id: string): Promise<string> {
  await findOwnedConversation(viewer, id);
  const streaming = await db().message.findMany({ where: { conversationId: id, status: "STREAMING" }, select: { id: true } });
  for (const m of streaming) cancel(m.id);
  await db().conversation.delete({ where: { id } });
  return id;
}

/** Stops a reply being written; it keeps the text written so far, with status CANCELLED. */
export async function cancelReply(viewer: Viewer, messageId: string): Promise<Message> {
  const message = await findOwnedMessage(viewer, messageId);
  const live = liveReply(messageId);
  if (message.status !== "STREAMING" || !live || !cancel(messageId)) throw new ConflictError(`The reply has already ended (${message.status})`);
  await live.done;
  return db().message.findUniqueOrThrow({ where: { id: messageId } });
}
