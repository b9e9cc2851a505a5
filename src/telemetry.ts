// Measurements the domain code reports and /metrics turns into Prometheus series. The code that
// does the work (ai/, ingest/, the enhancement service) publishes on node:diagnostics_channel; it
// needs no registry and costs nothing while no one listens. observability.ts subscribes one app's
// metrics and unsubscribes when the app stops. A leaf module: it imports nothing of ours.
import { channel } from "node:diagnostics_channel";

/** One request to an LLM provider (each retry is one more call). */
export interface LlmCallEvent {
  provider: string;
  /** "fast" | "quality" */
  tier: string;
  /** "ok", or why it failed: "timeout", "connection", "aborted", "http_429", "http_500" … */
  outcome: string;
  seconds: number;
}

/** Text extraction of one uploaded PDF or DOCX, in the worker pool. */
export interface ExtractionEvent {
  kind: "pdf" | "docx";
  /** "ok", or the failure reason in lower case: "timeout", "corrupt", "zip_bomb", "too_long", … */
  outcome: string;
  /** From the hand-off to the pool to the answer (queueing included). */
  seconds: number;
}

/** An enhancement job reached a final state. */
export interface EnhancementFinishedEvent {
  jobId: string;
  /** "COMPLETED" | "FAILED" | "CANCELLED" */
  status: string;
  /** From creation (queued) to the final state. */
  seconds: number;
}

export const channels = {
  llmCall: channel("jobwise:llm.call"),
  extraction: channel("jobwise:ingest.extraction"),
  enhancementFinished: channel("jobwise:enhancement.finished"),
};

export const report = {
  llmCall: (e: LlmCallEvent) => channels.llmCall.hasSubscribers && channels.llmCall.publish(e),
  extraction: (e: ExtractionEvent) => channels.extraction.hasSubscribers && channels.extraction.publish(e),
  enhancementFinished: (e: EnhancementFinishedEvent) => channels.enhancementFinished.hasSubscribers && channels.enhancementFinished.publish(e),
};
