// The LLM client the groq provider is built on: chat completions (plain, streamed, structured)
// with our own timeouts, retries and process-wide concurrency limit.
//
// Why not the SDK's retries: groq-sdk obeys Retry-After with no upper bound and retries inside
// one call, invisible to us. We create it with maxRetries 0 and run the loop here, so that the
// cap, the logging and the concurrency slot (released while we back off) are ours.

import Groq from "groq-sdk";
import type { ChatCompletionMessageParam, ChatCompletionCreateParamsBase } from "groq-sdk/resources/chat/completions";
import pLimit from "p-limit";
import type { z } from "zod";
import { AiOutputError } from "./errors.ts";
import {
  classifyError,
  decideRetry,
  DEFAULT_BASE_DELAY_MS,
  DEFAULT_MAX_DELAY_MS,
  toUnavailableError,
  type ProviderFailure,
  type RetryPolicy,
} from "./retry.ts";
import { parseStructured, repairInstruction } from "./structured.ts";
import { report } from "../telemetry.ts";

export type ModelTier = "fast" | "quality";

export const DEFAULT_GROQ_BASE_URL = "https://api.groq.com";

export interface LlmLogEntry {
  event: "llm.completed" | "llm.attempt_failed" | "llm.repair";
  [key: string]: unknown;
}

export interface LlmClientOptions {
  apiKey: string;
  /** Host root (no /openai/v1): groq-sdk appends /openai/v1/chat/completions itself. */
  baseURL?: string;
  modelFast: string;
  modelQuality: string;
  /** Per attempt: the whole answer for complete(), the longest silence for stream(). */
  timeoutMs: number;
  /** Calls in flight at once, across everything that shares this client. */
  concurrency: number;
  /** Extra attempts after the first one; default 2. */
  maxRetries?: number;
  /** Longest Retry-After we honour; default 10 s. See RETRY_AFTER_FAIL_FAST_FACTOR. */
  retryAfterCapMs?: number;
  logger?: (entry: LlmLogEntry) => void;
  /** The `provider` label of the call metrics; default "groq". */
  provider?: string;
  /** Replaceable so tests can observe backoff without waiting for it. */
  sleep?: (ms: number) => Promise<void>;
}

export interface LlmCallOptions {
  model: ModelTier;
  system: string;
  user: string;
  temperature?: number;
  maxTokens?: number;
  /** Ask for a JSON object (response_format json_object); the prompt must mention JSON. */
  json?: boolean;
  signal?: AbortSignal;
  /** stream(): told the token usage and model once the provider reports them (the last chunk). */
  onUsage?: (usage: LlmUsage, model: string) => void;
}

export interface LlmJsonCallOptions<T> extends Omit<LlmCallOptions, "json"> {
  schema: z.ZodType<T>;
  /** Added to the repair request, e.g. a reminder of the exact shape. */
  repairHint?: string;
}

export interface LlmUsage {
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
}

export interface LlmCompletion {
  text: string;
  /** The model id that answered. */
  model: string;
  usage?: LlmUsage;
}

export interface LlmClient {
  /** Resolved model ids, so results can record which model wrote them. */
  readonly models: Readonly<Record<ModelTier, string>>;
  complete(options: LlmCallOptions): Promise<LlmCompletion>;
  /** Text deltas in order. Retries happen only before the first delta: never duplicated text. */
  stream(options: LlmCallOptions): AsyncIterable<string>;
  /** Parsed and validated JSON; one repair call on invalid output, then AiOutputError. */
  completeJson<T>(options: LlmJsonCallOptions<T>): Promise<T>;
  /** Calls holding a slot and calls waiting for one; for logs and benchmarks. */
  load(): { active: number; pending: number };
}

type Messages = ChatCompletionMessageParam[];
type Attempt<T> = { ok: true; value: T } | { ok: false; failure: ProviderFailure };

/** Groq answers HTTP 400 with this code when the model's output in JSON mode does not parse. */
const JSON_VALIDATE_FAILED = "json_validate_failed";

/** Internal: JSON mode produced unparsable text; completeJson repairs it, complete() reports it. */
class JsonGenerationFailed extends Error {
  constructor(readonly text: string) {
    super("JSON generation failed");
  }
}

export function createLlmClient(options: LlmClientOptions): LlmClient {
  const models: Record<ModelTier, string> = { fast: options.modelFast, quality: options.modelQuality };
  const policy: RetryPolicy = {
    maxRetries: options.maxRetries ?? 2,
    retryAfterCapMs: options.retryAfterCapMs ?? 10_000,
    baseDelayMs: DEFAULT_BASE_DELAY_MS,
    maxDelayMs: DEFAULT_MAX_DELAY_MS,
  };
  const timeoutMs = options.timeoutMs;
  const log = options.logger ?? (() => {});
  const provider = options.provider ?? "groq";
  /** One provider request, for /metrics (llm_calls_total, llm_call_duration_seconds). */
  const measure = (call: LlmCallOptions, outcome: string, ms: number) => report.llmCall({ provider, tier: call.model, outcome, seconds: ms / 1000 });
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const limit = pLimit(Math.max(1, options.concurrency));
  // baseURL is always explicit: left undefined, the SDK would read GROQ_BASE_URL behind our config's back.
  const groq = new Groq({
    apiKey: options.apiKey,
    baseURL: options.baseURL ?? DEFAULT_GROQ_BASE_URL,
    maxRetries: 0,
    timeout: timeoutMs,
  });

  /** Resolves with a release function once a slot is free; rejects if the caller aborts first. */
  function acquireSlot(signal?: AbortSignal): Promise<() => void> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      let gaveUp = false;
      const onAbort = () => {
        gaveUp = true;
        reject(signal!.reason);
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      void limit(
        () =>
          new Promise<void>((release) => {
            signal?.removeEventListener("abort", onAbort);
            if (gaveUp) return release();
            resolve(once(release));
          }),
      );
    });
  }

  function requestBody(messages: Messages, call: LlmCallOptions): ChatCompletionCreateParamsBase {
    return {
      model: models[call.model],
      messages,
      temperature: call.temperature,
      max_completion_tokens: call.maxTokens,
      response_format: call.json ? { type: "json_object" } : undefined,
    };
  }

  async function attemptCompletion(messages: Messages, call: LlmCallOptions, attempt: number): Promise<Attempt<LlmCompletion>> {
    const release = await acquireSlot(call.signal);
    const watchdog = startWatchdog(timeoutMs, call.signal);
    const started = Date.now();
    try {
      const response = await groq.chat.completions.create(
        { ...requestBody(messages, call), stream: false },
        { signal: watchdog.signal, timeout: timeoutMs, maxRetries: 0 },
      );
      const completion: LlmCompletion = {
        text: response.choices[0]?.message?.content ?? "",
        model: response.model || models[call.model],
        usage: toUsage(response.usage),
      };
      log({ event: "llm.completed", tier: call.model, model: completion.model, attempt, durationMs: Date.now() - started, usage: completion.usage });
      measure(call, "ok", Date.now() - started);
      return { ok: true, value: completion };
    } catch (error) {
      const failure = classifyError(error, { timedOut: watchdog.timedOut, callerSignal: call.signal });
      logFailure(failure, call, attempt, Date.now() - started);
      return { ok: false, failure };
    } finally {
      watchdog.stop();
      release();
    }
  }

  function logFailure(failure: ProviderFailure, call: LlmCallOptions, attempt: number, durationMs: number): void {
    measure(call, failure.kind === "http" ? `http_${failure.status}` : failure.kind, durationMs);
    if (failure.kind === "aborted") return;
    const http = failure.kind === "http" ? { status: failure.status, providerCode: failure.providerCode, providerMessage: failure.providerMessage } : {};
    log({ event: "llm.attempt_failed", tier: call.model, model: models[call.model], attempt, durationMs, kind: failure.kind, ...http });
  }

  /** Returns how long to wait before the next attempt, or throws the error the caller should see. */
  function planRetry(failure: ProviderFailure, attempt: number, call: LlmCallOptions): number {
    if (failure.kind === "aborted") throw failure.reason;
    if (failure.kind === "http" && failure.status === 400 && failure.providerCode === JSON_VALIDATE_FAILED) {
      throw new JsonGenerationFailed(failure.failedGeneration ?? "");
    }
    const decision = decideRetry(failure, attempt, policy);
    if (decision.retry) return decision.delayMs;
    throw toUnavailableError(failure, { timeoutMs, model: models[call.model], waitTooLong: decision.waitTooLong });
  }

  async function completeMessages(messages: Messages, call: LlmCallOptions): Promise<LlmCompletion> {
    for (let attempt = 0; ; attempt++) {
      const outcome = await attemptCompletion(messages, call, attempt);
      if (outcome.ok) return outcome.value;
      await sleepUnlessAborted(sleep, planRetry(outcome.failure, attempt, call), call.signal);
    }
  }

  async function complete(call: LlmCallOptions): Promise<LlmCompletion> {
    try {
      return await completeMessages(baseMessages(call), call);
    } catch (error) {
      if (error instanceof JsonGenerationFailed) throw new AiOutputError("The AI answer was not valid JSON", []);
      throw error;
    }
  }

  async function* stream(call: LlmCallOptions): AsyncGenerator<string> {
    const messages = baseMessages(call);
    for (let attempt = 0; ; attempt++) {
      let yielded = false;
      let failure: ProviderFailure | null = null;
      const release = await acquireSlot(call.signal);
      const watchdog = startWatchdog(timeoutMs, call.signal);
      const started = Date.now();
      try {
        const chunks = await groq.chat.completions.create(
          { ...requestBody(messages, call), stream: true },
          { signal: watchdog.signal, timeout: timeoutMs, maxRetries: 0 },
        );
        let usage: LlmUsage | undefined;
        for await (const chunk of chunks) {
          usage = toUsage(chunk.x_groq?.usage) ?? usage;
          const delta = chunk.choices[0]?.delta?.content;
          if (!delta) continue;
          // The consumer's own pace must not count as provider silence.
          watchdog.pause();
          yielded = true;
          yield delta;
          watchdog.rearm();
        }
        // The SDK ends an aborted stream quietly instead of throwing: a stall shows up only here.
        if (watchdog.timedOut || call.signal?.aborted) {
          failure = classifyError(undefined, { timedOut: watchdog.timedOut, callerSignal: call.signal });
        } else {
          log({ event: "llm.completed", tier: call.model, model: models[call.model], attempt, durationMs: Date.now() - started, usage, stream: true });
          if (usage) call.onUsage?.(usage, models[call.model]);
          measure(call, "ok", Date.now() - started);
        }
      } catch (error) {
        failure = classifyError(error, { timedOut: watchdog.timedOut, callerSignal: call.signal });
      } finally {
        watchdog.stop();
        release();
      }
      if (failure === null) return;
      logFailure(failure, call, attempt, Date.now() - started);
      if (yielded) throw midStreamError(failure, call);
      await sleepUnlessAborted(sleep, planRetry(failure, attempt, call), call.signal);
    }
  }

  function midStreamError(failure: ProviderFailure, call: LlmCallOptions): unknown {
    if (failure.kind === "aborted") return failure.reason;
    return toUnavailableError(failure, { timeoutMs, model: models[call.model], waitTooLong: false });
  }

  /** Text of a JSON-mode answer, including the text Groq returns inside a json_validate_failed error. */
  async function jsonAnswer(messages: Messages, call: LlmCallOptions): Promise<string> {
    try {
      return (await completeMessages(messages, { ...call, json: true })).text;
    } catch (error) {
      if (error instanceof JsonGenerationFailed) return error.text;
      throw error;
    }
  }

  async function completeJson<T>(call: LlmJsonCallOptions<T>): Promise<T> {
    const messages = baseMessages(call);
    const firstAnswer = await jsonAnswer(messages, call);
    const first = parseStructured(firstAnswer, call.schema);
    if (first.ok) return first.value;

    log({ event: "llm.repair", tier: call.model, model: models[call.model], problems: first.problems });
    const repairMessages: Messages = [
      ...messages,
      { role: "assistant", content: firstAnswer },
      { role: "user", content: repairInstruction(first.problems, call.repairHint) },
    ];
    // A correction should stick to the content already produced, not explore new wording.
    const secondAnswer = await jsonAnswer(repairMessages, { ...call, temperature: 0 });
    const second = parseStructured(secondAnswer, call.schema);
    if (second.ok) return second.value;
    throw new AiOutputError("The AI answer did not have the expected structure, even after a repair request", second.problems);
  }

  return {
    models,
    complete,
    stream,
    completeJson,
    load: () => ({ active: limit.activeCount, pending: limit.pendingCount }),
  };
}

function baseMessages(call: Pick<LlmCallOptions, "system" | "user">): Messages {
  return [
    { role: "system", content: call.system },
    { role: "user", content: call.user },
  ];
}

function toUsage(usage: { prompt_tokens: number; completion_tokens: number; total_tokens: number } | null | undefined): LlmUsage | undefined {
  if (!usage) return undefined;
  return { promptTokens: usage.prompt_tokens, completionTokens: usage.completion_tokens, totalTokens: usage.total_tokens };
}

function once(fn: () => void): () => void {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    fn();
  };
}

async function sleepUnlessAborted(sleep: (ms: number) => Promise<void>, ms: number, signal?: AbortSignal): Promise<void> {
  if (!signal) return sleep(ms);
  if (signal.aborted) throw signal.reason;
  let onAbort = () => {};
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
  });
  try {
    await Promise.race([sleep(ms), aborted]);
  } finally {
    signal.removeEventListener("abort", onAbort);
  }
}

interface Watchdog {
  /** Aborts when the time runs out or the caller aborts. */
  readonly signal: AbortSignal;
  readonly timedOut: boolean;
  pause(): void;
  rearm(): void;
  stop(): void;
}

/**
 * Our own deadline on top of the SDK's `timeout`, which only covers the wait for response
 * headers: a body or stream that stalls after the headers would otherwise hang forever.
 */
function startWatchdog(ms: number, callerSignal?: AbortSignal): Watchdog {
  const controller = new AbortController();
  let timedOut = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const fire = () => {
    timedOut = true;
    controller.abort(new Error("timeout"));
  };
  const onCallerAbort = () => controller.abort(callerSignal!.reason);
  if (callerSignal?.aborted) onCallerAbort();
  else callerSignal?.addEventListener("abort", onCallerAbort, { once: true });
  const pause = () => clearTimeout(timer);
  const rearm = () => {
    pause();
    if (!controller.signal.aborted) timer = setTimeout(fire, ms);
  };
  rearm();
  return {
    signal: controller.signal,
    get timedOut() {
      return timedOut;
    },
    pause,
    rearm,
    stop() {
      pause();
      callerSignal?.removeEventListener("abort", onCallerAbort);
    },
  };
}
