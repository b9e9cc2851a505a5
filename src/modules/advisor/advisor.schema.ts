import { builder } from "../../graphql/builder.ts";
import { pageSize } from "../../graphql/pagination.ts";
import { AiProviderEnum, providerOf } from "../../graphql/enums.ts";
import { ConflictError, LimitExceededError, NotFoundError, PreconditionError, ValidationError } from "../../graphql/errors.ts";
import { DeletedPayload } from "../../graphql/payloads.ts";
import { db } from "../../db/client.ts";
import { selection } from "../../db/query.ts";
import { INTENTS } from "../../core/advisor/intents.ts";
import type { SourceRef } from "../../core/advisor/passages.ts";
import type { GuardNote } from "./retrieval.ts";
import * as conversations from "./conversation.service.ts";

export const MessageStatusEnum = builder.enumType("MessageStatus", {
  description: "Where an advisor message is; every status but STREAMING is final",
  values: {
    STREAMING: { description: "Being written: follow it with advisorReply" },
    COMPLETE: { description: "Written in full" },
    CANCELLED: { description: "Stopped by cancelReply; content is what was written until then" },
    FAILED: { description: "Could not be written: see error" },
    INTERRUPTED: { description: "The server stopped while it was being written; content is what was saved. Send the question again" },
  } as const,
});
const RoleEnum = builder.enumType("MessageRole", {
  description: "Who wrote a message",
  values: { USER: { description: "The user (typed, from a prompt, or transcribed)" }, ASSISTANT: { description: "The career advisor" } } as const,
});
const IntentEnum = builder.enumType("AdvisorIntent", {
  description: "What a message asks for, detected by rules and stored per message",
  values: Object.fromEntries(INTENTS.map((i) => [i, { description: i.toLowerCase().replace(/_/g, " ") }])) as Record<(typeof INTENTS)[number], { description: string }>,
});
const RefusalEnum = builder.enumType("AdvisorRefusal", {
  description: "Why the advisor declined to answer",
  values: {
    OFF_TOPIC: { description: "The question is not about the user's career" },
    PROMPT_INJECTION: { description: "The message tried to change the advisor's instructions" },
    EMPTY: { description: "There was no question" },
  } as const,
});
const SourceKindEnum = builder.enumType("AdvisorSourceKind", {
  description: "Which of the user's data an answer quoted",
  values: {
    PROFILE: { description: "The profile's name, location and summary" },
    SKILLS: { description: "The profile's skill lists" },
    EXPERIENCE: { description: "An experience (id: the experience)" },
    PROJECT: { description: "A project (id: the project)" },
    EDUCATION: { description: "An education entry" },
    SAMPLE: { description: "An uploaded resume or cover-letter sample" },
    JOB: { description: "A saved job" },
    DOCUMENT: { description: "A saved document" },
  } as const,
});

const SourceRefType = builder.objectRef<SourceRef>("AdvisorSource").implement({
  description: "One piece of the user's own data an answer was built from",
  fields: (t) => ({
    kind: t.field({ type: SourceKindEnum, description: "What it is", resolve: (s) => s.kind }),
    id: t.exposeID("id", { description: "The profile item, sample, job or document id" }),
    label: t.exposeString("label", { description: "How it is named, e.g. Backend Engineer at Acme (2021-03 – present)" }),
    excerpt: t.exposeString("excerpt", { description: "The quoted lines (at most 240 characters)" }),
  }),
});
const GuardNoteType = builder.objectRef<GuardNote>("AdvisorGuardNote").implement({
  description: "Text inside a source that read as instructions to the advisor and was ignored",
  fields: (t) => ({
    reason: t.exposeString("reason", { description: "PROMPT_INJECTION" }),
    sourceKind: t.field({ type: SourceKindEnum, description: "Where it was", resolve: (n) => n.sourceKind as SourceRef["kind"] }),
    sourceId: t.exposeID("sourceId", { description: "The source's id" }),
  }),
});
type Usage = { promptTokens: number; completionTokens: number; totalTokens: number };
const UsageType = builder.objectRef<Usage>("TokenUsage").implement({
  description: "Tokens a language-model answer used",
  fields: (t) => ({
    promptTokens: t.exposeInt("promptTokens", { description: "Tokens sent" }),
    completionTokens: t.exposeInt("completionTokens", { description: "Tokens written" }),
    totalTokens: t.exposeInt("totalTokens", { description: "Both" }),
  }),
});

type Voice = { durationSeconds: number | null; mimeType: string };
const VoiceType = builder.objectRef<Voice>("VoiceRecording").implement({
  description: "What was heard: a user message transcribed from a recording",
  fields: (t) => ({
    durationSeconds: t.exposeFloat("durationSeconds", { nullable: true, description: "Length of the recording" }),
    mimeType: t.exposeString("mimeType", { description: "The format, read from the bytes: audio/webm, audio/ogg, audio/mpeg, audio/wav or audio/mp4" }),
  }),
});

builder.prismaObject("Message", {
  description: "One message of an advisor conversation",
  fields: (t) => ({
    id: t.exposeID("id", { description: "Pass an assistant message's id to advisorReply or cancelReply" }),
    seq: t.exposeInt("seq", { description: "1, 2, 3 … in the conversation" }),
    role: t.field({ type: RoleEnum, description: "User or advisor", resolve: (m) => m.role }),
    content: t.exposeString("content", { description: "The text (for a STREAMING reply: what was saved so far; follow advisorReply for the rest)" }),
    status: t.field({ type: MessageStatusEnum, description: "STREAMING until the reply ends", resolve: (m) => m.status }),
    intent: t.field({ type: IntentEnum, description: "What the question asks for (an assistant message repeats its question's)", resolve: (m) => m.intent as (typeof INTENTS)[number] }),
    refusal: t.field({ type: RefusalEnum, nullable: true, description: "Why the advisor declined; null when it answered", resolve: (m) => (m.refusal as "OFF_TOPIC" | null) ?? null }),
    sources: t.field({ type: [SourceRefType], description: "What the answer was built from (only the user's own data)", resolve: (m) => m.sources as unknown as SourceRef[] }),
    guardNotes: t.field({ type: [GuardNoteType], description: "Instructions found inside sources and ignored", resolve: (m) => m.guardNotes as unknown as GuardNote[] }),
    provider: t.field({ type: AiProviderEnum, nullable: true, description: "Who wrote an assistant message: BUILTIN (from retrieval) or GROQ", resolve: (m) => (m.provider ? providerOf(m.provider) : null) }),
    model: t.exposeString("model", { nullable: true, description: "The model id, for GROQ answers" }),
    usage: t.field({
      type: UsageType,
      nullable: true,
      description: "Token usage of a GROQ answer; null for builtin answers",
      resolve: (m) => (m.totalTokens == null ? null : { promptTokens: m.promptTokens ?? 0, completionTokens: m.completionTokens ?? 0, totalTokens: m.totalTokens }),
    }),
    withheld: t.stringList({ description: "Sentences the model wrote that stated facts your data does not hold, not shown in content", resolve: (m) => (m.withheld as string[] | null) ?? [] }),
    error: t.exposeString("error", { nullable: true, description: "What went wrong, or a note on how the answer was made" }),
    voice: t.field({ type: VoiceType, nullable: true, description: "Set when the user's message was transcribed from a recording (sendVoiceMessage)", resolve: (m) => (m.voice as Voice | null) ?? null }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When it was sent" }),
  }),
});

builder.prismaObject("Conversation", {
  description: "A conversation with the career advisor",
  fields: (t) => ({
    id: t.exposeID("id", { description: "Pass it to sendMessage" }),
    title: t.exposeString("title", { description: "Set by renameConversation; by default the first question" }),
    jobId: t.exposeID("jobId", { nullable: true, description: "The saved job it is about (skill gaps, interview practice)" }),
    summary: t.exposeString("summary", { nullable: true, description: "Rebuilt every 5 messages from the messages themselves; used as context" }),
    messageCount: t.exposeInt("messageCount", { description: "Messages so far" }),
    messages: t.relatedConnection("messages", { cursor: "id", maxSize: pageSize, description: "The messages, oldest first", query: { orderBy: [{ seq: "asc" }] } }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When it started" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime", description: "When it last changed" }),
  }),
});

export const ExchangeType = builder.objectRef<conversations.Exchange>("AdvisorExchange").implement({
  description: "A question and the reply it started; follow the reply with advisorReply(messageId: reply.id)",
  fields: (t) => ({
    conversation: t.prismaField({ type: "Conversation", description: "The conversation", resolve: (_q, e) => e.conversation }),
    question: t.prismaField({ type: "Message", nullable: true, description: "The user's message; null when a conversation was started without one", resolve: (_q, e) => e.question }),
    reply: t.prismaField({ type: "Message", nullable: true, description: "The advisor's reply: STREAMING, or COMPLETE for a refusal", resolve: (_q, e) => e.reply }),
  }),
});

builder.queryField("conversations", (t) =>
  t.prismaConnection({
    type: "Conversation",
    cursor: "id",
    maxSize: pageSize,
    authScopes: { viewer: true },
    description: "The user's advisor conversations, most recently active first",
    resolve: (query, _r, _a, ctx) => db().conversation.findMany({ ...selection(query), where: { userId: ctx.viewer!.id }, orderBy: [{ updatedAt: "desc" }, { id: "desc" }] }),
  }),
);

builder.queryField("conversation", (t) =>
  t.prismaField({
    type: "Conversation",
    authScopes: { viewer: true },
    description: "One of the user's conversations. Errors: NotFoundError",
    args: { id: t.arg.id({ required: true, description: "The conversation's id" }) },
    errors: { types: [NotFoundError] },
    resolve: (query, _r, { id }, ctx) => conversations.findOwnedConversation(ctx.viewer!, String(id), selection(query)),
  }),
);

const StartInput = builder.inputType("StartConversationInput", {
  description: "Everything is optional: a conversation can start empty, with a question, or with a prompt",
  fields: (t) => ({
    title: t.string({ description: "1..120 characters; default: the question, the prompt's title or the job" }),
    jobId: t.id({ description: "A saved job the conversation is about" }),
    content: t.string({ description: "The first question, 1..4000 characters" }),
    promptId: t.id({ description: "Run a premade (premade:<key>) or custom prompt as the first question" }),
  }),
});
const SendInput = builder.inputType("SendMessageInput", {
  description: "Exactly one of content and promptId",
  fields: (t) => ({
    conversationId: t.id({ required: true, description: "The conversation" }),
    content: t.string({ description: "The question, 1..4000 characters" }),
    promptId: t.id({ description: "A premade (premade:<key>) or custom prompt, filled from the profile and the conversation's job" }),
  }),
});
const RenameInput = builder.inputType("RenameConversationInput", {
  description: "A new title",
  fields: (t) => ({ id: t.id({ required: true, description: "The conversation" }), title: t.string({ required: true, description: "1..120 characters" }) }),
});
const IdInput = builder.inputType("ConversationIdInput", {
  description: "Which conversation",
  fields: (t) => ({ id: t.id({ required: true, description: "The conversation's id" }) }),
});
const ReplyIdInput = builder.inputType("CancelReplyInput", {
  description: "Which reply to stop",
  fields: (t) => ({ messageId: t.id({ required: true, description: "The assistant message's id" }) }),
});

const SEND_ERRORS =
  "ValidationError, NotFoundError (conversation, job or prompt), PreconditionError (a prompt needs a profile field or a job), " +
  "ConflictError (a reply is still being written), LimitExceededError (RATE_AI_PER_HOUR AI operations per user and hour; wait retryAfterSeconds)";

builder.mutationField("startConversation", (t) =>
  t.field({
    type: ExchangeType,
    authScopes: { viewer: true },
    description: `Starts a conversation, optionally with a first question or prompt (answered like sendMessage). Errors: ${SEND_ERRORS}`,
    args: { input: t.arg({ type: StartInput, required: true }) },
    errors: { types: [ValidationError, NotFoundError, PreconditionError, ConflictError, LimitExceededError] },
    resolve: (_r, { input }, ctx) => conversations.startConversation(ctx.services, ctx.viewer!, input),
  }),
);

builder.mutationField("sendMessage", (t) =>
  t.field({
    type: ExchangeType,
    authScopes: { viewer: true },
    description:
      "Asks the advisor. Returns at once with the stored question and a STREAMING reply (or a COMPLETE refusal for off-topic questions and injected instructions); " +
      `follow the reply with advisorReply. Errors: ${SEND_ERRORS}`,
    args: { input: t.arg({ type: SendInput, required: true }) },
    errors: { types: [ValidationError, NotFoundError, PreconditionError, ConflictError, LimitExceededError] },
    resolve: (_r, { input }, ctx) => conversations.sendMessage(ctx.services, ctx.viewer!, input),
  }),
);

builder.mutationField("renameConversation", (t) =>
  t.prismaField({
    type: "Conversation",
    authScopes: { viewer: true },
    description: "Renames a conversation. Errors: ValidationError, NotFoundError",
    args: { input: t.arg({ type: RenameInput, required: true }) },
    errors: { types: [ValidationError, NotFoundError] },
    resolve: (_q, _r, { input }, ctx) => conversations.renameConversation(ctx.viewer!, { id: String(input.id), title: input.title }),
  }),
);

builder.mutationField("deleteConversation", (t) =>
  t.field({
    type: DeletedPayload,
    authScopes: { viewer: true },
    description: "Deletes a conversation with its messages and pending suggestions (a reply being written stops). Errors: NotFoundError",
    args: { input: t.arg({ type: IdInput, required: true }) },
    errors: { types: [NotFoundError] },
    resolve: async (_r, { input }, ctx) => ({ deletedId: await conversations.deleteConversation(ctx.viewer!, String(input.id)) }),
  }),
);

builder.mutationField("cancelReply", (t) =>
  t.prismaField({
    type: "Message",
    authScopes: { viewer: true },
    description: "Stops a reply being written; it keeps its text so far and ends CANCELLED. Errors: NotFoundError, ConflictError (it has already ended)",
    args: { input: t.arg({ type: ReplyIdInput, required: true }) },
    errors: { types: [NotFoundError, ConflictError] },
    resolve: (_q, _r, { input }, ctx) => conversations.cancelReply(ctx.viewer!, String(input.messageId)),
  }),
);
