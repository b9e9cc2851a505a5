// Retry policy for provider calls: which failures are worth another attempt, how long to wait,
// and how a final failure reads for the user. Kept free of I/O so it is cheap to test.

import { APIConnectionError, APIConnectionTimeoutError, APIError } from "groq-sdk";
import { AiUnavailableError } from "./errors.ts";

/** What went wrong with one attempt, reduced to what the policy needs. */
export type ProviderFailure =
  | {
      kind: "http";
      status: number;
      retryAfterMs: number | null;
      /** Provider's machine-readable code, e.g. "json_validate_failed". */
      providerCode: string | null;
      /** Provider's own message; for logs only, never shown to users. */
      providerMessage: string | null;
      /** Groq returns the model's invalid JSON here when JSON mode fails (HTTP 400). */
      failedGeneration: string | null;
    }
  | { kind: "timeout" }
  | { kind: "connection" }
  | { kind: "aborted"; reason: unknown };

export interface RetryPolicy {
  maxRetries: number;
  retryAfterCapMs: number;
  /** First backoff delay; doubles each attempt. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_BASE_DELAY_MS = 500;
export const DEFAULT_MAX_DELAY_MS = 8_000;

/**
 * A Retry-After this many times beyond our cap means the provider expects a long outage
 * (typically an exhausted daily token quota). Waiting the cap and retrying would only burn the
 * attempts and keep the user waiting, so we fail fast instead and pass the ask on.
 * Between the cap and this multiple we wait the cap: providers round their estimates up, and a
 * short wait often succeeds.
 */
export const RETRY_AFTER_FAIL_FAST_FACTOR = 4;

export type RetryDecision =
  | { retry: true; delayMs: number }
  | { retry: false; waitTooLong: boolean };

const RETRYABLE_STATUSES = new Set([408, 409, 429]);

export function isRetryable(failure: ProviderFailure): boolean {
  switch (failure.kind) {
    case "timeout":
    case "connection":
      return true;
    case "aborted":
      return false;
    case "http":
      return RETRYABLE_STATUSES.has(failure.status) || failure.status >= 500;
  }
}

/** `attempt` counts from 0 for the first call. */
export function decideRetry(
  failure: ProviderFailure,
  attempt: number,
  policy: RetryPolicy,
  random: () => number = Math.random,
): RetryDecision {
  if (!isRetryable(failure) || attempt >= policy.maxRetries) return { retry: false, waitTooLong: false };
  const asked = failure.kind === "http" ? failure.retryAfterMs : null;
  if (asked === null) return { retry: true, delayMs: backoffMs(attempt, policy, random) };
  if (asked > policy.retryAfterCapMs * RETRY_AFTER_FAIL_FAST_FACTOR) return { retry: false, waitTooLong: true };
  return { retry: true, delayMs: Math.min(asked, policy.retryAfterCapMs) };
}

/** Exponential backoff with up to 25% jitter taken off, so that synchronized callers spread out. */
export function backoffMs(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const exponential = Math.min(policy.baseDelayMs * 2 ** attempt, policy.maxDelayMs);
  return Math.round(exponential * (1 - 0.25 * random()));
}

/**
 * Reads `retry-after-ms` (milliseconds, an OpenAI-style extension) or `retry-after` (seconds or
 * an HTTP date). Returns null when absent or unreadable.
 */
export function parseRetryAfterMs(headers: Headers | undefined | null, now: number = Date.now()): number | null {
  if (!headers) return null;
  const millis = parseNonNegative(headers.get("retry-after-ms"));
  if (millis !== null) return Math.round(millis);
  const value = headers.get("retry-after");
  if (value === null) return null;
  const seconds = parseNonNegative(value);
  if (seconds !== null) return Math.round(seconds * 1000);
  // Date.parse accepts bare numbers like "-3" as years; an HTTP date always names a month.
  if (!/[a-z]/i.test(value)) return null;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

function parseNonNegative(value: string | null): number | null {
  if (value === null || value.trim() === "") return null;
  const n = Number(value);
  return Number.isFinite(n) && n >= 0 ? n : null;
}

/**
 * Maps whatever groq-sdk (or fetch) threw to a ProviderFailure. `timedOut` and `callerAborted`
 * come from our own watchdog: the SDK reports both as an abort and cannot tell them apart.
 */
export function classifyError(error: unknown, state: { timedOut: boolean; callerSignal?: AbortSignal }): ProviderFailure {
  if (state.callerSignal?.aborted) return { kind: "aborted", reason: state.callerSignal.reason };
  if (state.timedOut || error instanceof APIConnectionTimeoutError) return { kind: "timeout" };
  if (error instanceof APIConnectionError) return { kind: "connection" };
  if (error instanceof APIError && typeof error.status === "number") return httpFailure(error);
  // fetch body errors (socket closed mid-answer) arrive untyped; they are transport failures.
  return { kind: "connection" };
}

function httpFailure(error: APIError): ProviderFailure {
  const body = (error.error ?? {}) as Record<string, unknown>;
  // The SDK unwraps `{ error: {...} }` for some statuses and not for others.
  const inner = (typeof body.error === "object" && body.error !== null ? body.error : body) as Record<string, unknown>;
  return {
    kind: "http",
    status: error.status as number,
    retryAfterMs: parseRetryAfterMs(error.headers),
    providerCode: typeof inner.code === "string" ? inner.code : null,
    providerMessage: typeof inner.message === "string" ? redactSecrets(inner.message) : null,
    failedGeneration: typeof inner.failed_generation === "string" ? inner.failed_generation : null,
  };
}

/** Provider messages sometimes echo part of the key ("Invalid API Key: gsk_..."). */
export function redactSecrets(text: string): string {
  return text.replace(/\b(gsk|sk)_[A-Za-z0-9_-]{4,}/g, "$1_[redacted]").slice(0, 300);
}

/** The user-facing error once we have given up. */
export function toUnavailableError(
  failure: Exclude<ProviderFailure, { kind: "aborted" }>,
  context: { timeoutMs: number; model: string; waitTooLong: boolean },
): AiUnavailableError {
  if (failure.kind === "timeout") {
    return new AiUnavailableError(`The AI provider did not answer within ${formatDuration(context.timeoutMs)}`, {
      reason: "timeout",
    });
  }
  if (failure.kind === "connection") {
    return new AiUnavailableError("Could not reach the AI provider", { reason: "connection" });
  }
  const { status, retryAfterMs } = failure;
  const details = { status, retryAfterMs };
  if (status === 401) return new AiUnavailableError("The AI provider rejected the API key", { reason: "auth", ...details });
  if (status === 403) {
    return new AiUnavailableError("The AI provider denied access with this API key", { reason: "auth", ...details });
  }
  const wait = context.waitTooLong && retryAfterMs !== null ? `; it asks to wait about ${formatDuration(retryAfterMs)}` : "";
  if (status === 429) {
    return new AiUnavailableError(`The AI provider is rate limiting requests${wait}`, { reason: "rate_limited", ...details });
  }
  if (status >= 500) {
    return new AiUnavailableError(`The AI provider is failing (HTTP ${status})${wait}`, { reason: "server", ...details });
  }
  if (status === 404) {
    return new AiUnavailableError(`The AI provider does not offer the model "${context.model}" (HTTP 404)`, {
      reason: "rejected",
      ...details,
    });
  }
  return new AiUnavailableError(`The AI provider rejected the request (HTTP ${status})`, { reason: "rejected", ...details });
}

function formatDuration(ms: number): string {
  if (ms < 90_000) return `${Math.max(1, Math.round(ms / 1000))} s`;
  if (ms < 90 * 60_000) return `${Math.round(ms / 60_000)} min`;
  return `${Math.round(ms / 3_600_000)} h`;
}
