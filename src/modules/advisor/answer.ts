// Writes one assistant reply: retrieval over the user's own data, then the builtin engine
// (deterministic, from the passages) or the language model (streamed, each sentence checked
// against the passages before anyone sees it; a sentence stating an unsupported fact is withheld).
// A model that fails before its first word leaves the answer to the builtin engine, labelled so.

import { builtinAnswer, type Answer } from "../../core/advisor/builtin.ts";
import type { QuestionFilters } from "../../core/advisor/filters.ts";
import type { Intent } from "../../core/advisor/intents.ts";
import type { InterviewState } from "../../core/advisor/interview.ts";
import { distinctSources, sourceOf, type Passage } from "../../core/advisor/passages.ts";
import { groundingCheck } from "../../core/grounding.ts";
import { sentenceSplitter } from "../../core/sentences.ts";
import { wordPairs } from "../../core/text.ts";
import type { ParsedJob, ProfileData } from "../../core/types.ts";
import { AiError } from "../../ai/errors.ts";
import type { AppServices } from "../../services.ts";
import { append, finish, ReplyAbort, type LiveReply } from "./replies.ts";
import { retrieve, type GuardNote } from "./retrieval.ts";

/** Passages the model is shown: the best of each source, at most this many. */
export const CONTEXT_PASSAGES = 8;
const NOTHING_GROUNDED = "I could not answer that from your data without stating facts it does not hold. Add the details to your profile, or ask about what it already shows.";

export interface ReplyRequest {
  userId: string;
  question: string;
  intent: Intent;
  filters: QuestionFilters;
  profile: ProfileData | null;
  job: { id: string; job: ParsedJob } | null;
  interview: InterviewState;
  summary: string | null;
  history: { role: "USER" | "ASSISTANT"; content: string }[];
}

export async function writeReply(services: AppServices, reply: LiveReply, req: ReplyRequest): Promise<void> {
  const signal = reply.controller.signal;
  try {
    const { passages, notes } = await retrieve(req.userId, req.question, req.intent, req.filters);
    const guardNotes = notes as unknown as object[];
    if (services.ai.streamAdvice) {
      const done = await modelReply(services, reply, req, passages, signal);
      if (done) return finish(reply, "COMPLETE", { ...done, guardNotes });
    }
    const answer = builtinAnswer({ ...req, passages });
    for (const piece of answer.text.match(/\S+\s*|\s+/g) ?? []) {
      signal.throwIfAborted();
      await append(reply, piece);
    }
    const fellBack = services.ai.streamAdvice !== undefined;
    await finish(reply, "COMPLETE", {
      sources: answer.sources as unknown as object[],
      guardNotes,
      provider: "builtin",
      error: fellBack ? "The language model was unavailable, so this answer was built from your data by the builtin engine." : null,
    });
  } catch (e) {
    if (signal.aborted) {
      const end = signal.reason instanceof ReplyAbort ? signal.reason.end : "CANCELLED";
      const error = end === "INTERRUPTED" ? "The server stopped while this reply was being written; send the question again." : null;
      return finish(reply, end, { error });
    }
    services.logger.error("advisor reply failed", { error: e, messageId: reply.messageId });
    await finish(reply, "FAILED", { error: "The reply could not be written; send the question again." }).catch(() => {});
  }
}

interface ModelResult {
  sources: object[];
  provider: string;
  model: string | null;
  promptTokens: number | null;
  completionTokens: number | null;
  totalTokens: number | null;
  withheld: string[];
}

/** The model's reply, or null when the model failed before writing anything (the builtin engine answers). */
async function modelReply(services: AppServices, reply: LiveReply, req: ReplyRequest, passages: Passage[], signal: AbortSignal): Promise<ModelResult | null> {
  const context = distinctSources(passages).slice(0, CONTEXT_PASSAGES);
  const groups = context.map((p) => ({ label: p.label, text: passages.filter((x) => x.kind === p.kind && x.sourceId === p.sourceId).map((x) => x.text).join("\n") }));
  // The question itself is a source too: the answer may repeat what the user named.
  const check = groundingCheck([...groups.flatMap((g) => [g.label, g.text]), req.question]);
  const sentences = sentenceSplitter();
  const withheld: string[] = [];
  let usage: { promptTokens: number; completionTokens: number; totalTokens: number } | null = null;
  let model: string | null = null;
  const emit = async (sentence: string) => {
    if (check(sentence).ok) await append(reply, sentence);
    else withheld.push(sentence.trim());
  };
  try {
    const stream = services.ai.streamAdvice!({
      intent: req.intent,
      question: req.question,
      passages: groups,
      summary: req.summary,
      history: req.history,
      signal,
      onUsage: (u, m) => {
        usage = u;
        model = m;
      },
    });
    for await (const delta of stream) {
      for (const sentence of sentences.push(delta)) await emit(sentence);
    }
    const rest = sentences.rest();
    if (rest.trim()) await emit(rest);
    if (!reply.text.trim()) await append(reply, NOTHING_GROUNDED);
  } catch (e) {
    if (signal.aborted) throw e;
    if (!(e instanceof AiError)) throw e;
    services.logger.warn("advisor model failed", { error: e, messageId: reply.messageId });
    if (reply.text === "") return null;
    throw e;
  }
  const words = wordPairs(req.question).map((w) => w.word);
  const u = usage as { promptTokens: number; completionTokens: number; totalTokens: number } | null;
  return {
    sources: context.map((p) => sourceOf(p, req.filters.technologies, words)) as unknown as object[],
    provider: "groq",
    model,
    promptTokens: u?.promptTokens ?? null,
    completionTokens: u?.completionTokens ?? null,
    totalTokens: u?.totalTokens ?? null,
    withheld,
  };
}

export type { Answer, GuardNote };
