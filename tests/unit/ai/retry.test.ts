import { describe, expect, it } from "vitest";
import { decideRetry, parseRetryAfterMs, redactSecrets, type ProviderFailure, type RetryPolicy } from "../../../src/ai/retry.ts";

const policy: RetryPolicy = { maxRetries: 2, retryAfterCapMs: 10_000, baseDelayMs: 500, maxDelayMs: 8_000 };

function http(status: number, retryAfterMs: number | null = null): ProviderFailure {
  return { kind: "http", status, retryAfterMs, providerCode: null, providerMessage: null, failedGeneration: null };
}

describe("parseRetryAfterMs", () => {
  it("reads seconds, fractional seconds and milliseconds", () => {
    expect(parseRetryAfterMs(new Headers({ "retry-after": "2" }))).toBe(2000);
    expect(parseRetryAfterMs(new Headers({ "retry-after": "0.5" }))).toBe(500);
    expect(parseRetryAfterMs(new Headers({ "retry-after-ms": "1234", "retry-after": "9" }))).toBe(1234);
  });

  it("reads an HTTP date relative to now", () => {
    const now = Date.parse("2025-01-01T12:00:00Z");
    expect(parseRetryAfterMs(new Headers({ "retry-after": "Wed, 01 Jan 2025 12:00:30 GMT" }), now)).toBe(30_000);
    expect(parseRetryAfterMs(new Headers({ "retry-after": "Wed, 01 Jan 2025 11:00:00 GMT" }), now)).toBe(0);
  });

  it("ignores a missing or unreadable header", () => {
    expect(parseRetryAfterMs(new Headers())).toBeNull();
    expect(parseRetryAfterMs(new Headers({ "retry-after": "soon" }))).toBeNull();
    expect(parseRetryAfterMs(new Headers({ "retry-after": "-3" }))).toBeNull();
  });
});

describe("decideRetry", () => {
  it("retries 408, 409, 429, 5xx, timeouts and connection failures", () => {
    for (const failure of [http(408), http(409), http(429), http(500), http(503), { kind: "timeout" } as const, { kind: "connection" } as const]) {
      expect(decideRetry(failure, 0, policy).retry).toBe(true);
    }
  });

  it("does not retry other client errors or aborts", () => {
    for (const failure of [http(400), http(401), http(404), http(422), { kind: "aborted", reason: null } as const]) {
      expect(decideRetry(failure, 0, policy)).toEqual({ retry: false, waitTooLong: false });
    }
  });

  it("stops after maxRetries", () => {
    expect(decideRetry(http(500), 1, policy).retry).toBe(true);
    expect(decideRetry(http(500), 2, policy).retry).toBe(false);
  });

  it("honours retry-after under the cap, caps it up to 4× the cap, fails fast beyond", () => {
    expect(decideRetry(http(429, 3_000), 0, policy)).toEqual({ retry: true, delayMs: 3_000 });
    expect(decideRetry(http(429, 40_000), 0, policy)).toEqual({ retry: true, delayMs: 10_000 });
    expect(decideRetry(http(429, 40_001), 0, policy)).toEqual({ retry: false, waitTooLong: true });
  });

  it("backs off exponentially with jitter, up to the maximum delay", () => {
    expect(decideRetry(http(500), 0, policy, () => 0)).toEqual({ retry: true, delayMs: 500 });
    expect(decideRetry(http(500), 1, policy, () => 1)).toEqual({ retry: true, delayMs: 750 });
    const long = { ...policy, maxRetries: 10 };
    expect(decideRetry(http(500), 8, long, () => 0)).toEqual({ retry: true, delayMs: 8_000 });
  });
});

describe("redactSecrets", () => {
  it("hides API keys that a provider message echoes", () => {
    expect(redactSecrets("Invalid API Key: gsk_abcdEFGH1234")).toBe("Invalid API Key: gsk_[redacted]");
  });
});
