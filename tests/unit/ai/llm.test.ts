// The LLM client through the real groq-sdk against a real local HTTP server speaking Groq's API.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { AiOutputError, AiUnavailableError } from "../../../src/ai/errors.ts";
import { createLlmClient, type LlmClientOptions, type LlmLogEntry } from "../../../src/ai/llm.ts";
import { EnhancedItemSchema } from "../../../src/ai/schemas.ts";
import { startFakeGroq, type FakeGroq } from "../../support/fake-groq.ts";

let fake: FakeGroq;
beforeAll(async () => {
  fake = await startFakeGroq();
});
beforeEach(() => fake.reset());
afterAll(async () => {
  await fake.close();
});

function client(overrides: Partial<LlmClientOptions> = {}) {
  return createLlmClient({
    apiKey: "test-key",
    baseURL: fake.url,
    modelFast: "fast-model",
    modelQuality: "quality-model",
    timeoutMs: 5_000,
    concurrency: 4,
    ...overrides,
  });
}

/** Records the backoff delays the client asks for, without waiting them. */
function instantSleep() {
  const delays: number[] = [];
  return { delays, sleep: async (ms: number) => void delays.push(ms) };
}

const ask = { model: "fast", system: "Be brief.", user: "Say hello." } as const;

async function timed<T>(fn: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const start = performance.now();
  const result = await fn();
  return { result, ms: performance.now() - start };
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error("expected the call to fail");
    },
    (error: unknown) => error,
  );
}

describe("complete", () => {
  it("returns the answer of the model chosen by tier, with usage", async () => {
    fake.enqueue({ content: "Hello there" });
    const answer = await client().complete({ ...ask, model: "quality", temperature: 0.4, maxTokens: 50 });

    expect(answer.text).toBe("Hello there");
    expect(answer.model).toBe("quality-model");
    expect(answer.usage?.completionTokens).toBe(2);
    const [request] = fake.requests;
    expect(request!.path).toBe("/openai/v1/chat/completions");
    expect(request!.headers.authorization).toBe("Bearer test-key");
    expect(request!.body).toMatchObject({ model: "quality-model", temperature: 0.4, max_completion_tokens: 50 });
    expect(request!.messages).toEqual([
      { role: "system", content: "Be brief." },
      { role: "user", content: "Say hello." },
    ]);
    expect(request!.body.response_format).toBeUndefined();
  });

  it("asks for a JSON object when json is set", async () => {
    fake.enqueue({ content: "{}" });
    await client().complete({ ...ask, json: true });
    expect(fake.requests[0]!.body.response_format).toEqual({ type: "json_object" });
  });
});

describe("retries", () => {
  it("waits as long as a 429's retry-after asks when it is under the cap", async () => {
    fake.enqueue({ status: 429, headers: { "retry-after": "1" } }, { content: "ok" });
    const { result, ms } = await timed(() => client().complete(ask));

    expect(result.text).toBe("ok");
    expect(fake.requests).toHaveLength(2);
    expect(ms).toBeGreaterThanOrEqual(950);
    expect(fake.requests[1]!.receivedAt - fake.requests[0]!.receivedAt).toBeGreaterThanOrEqual(950);
  });

  it("waits only the cap when retry-after asks for a little more", async () => {
    // Asks for 3 s, within 4x the 1 s cap: waits the cap, not the 3 s (bounds are loose for busy CI machines).
    fake.enqueue({ status: 429, headers: { "retry-after": "3" } }, { content: "ok" });
    const { result, ms } = await timed(() => client({ retryAfterCapMs: 1000 }).complete(ask));

    expect(result.text).toBe("ok");
    expect(ms).toBeGreaterThanOrEqual(950);
    expect(ms).toBeLessThan(2800);
  });

  it("fails fast instead of waiting when retry-after is far beyond the cap", async () => {
    fake.enqueue({ status: 429, headers: { "retry-after": "3600" } }, { content: "never reached" });
    const start = performance.now();
    const error = await failure(client({ retryAfterCapMs: 300 }).complete(ask));

    expect(performance.now() - start).toBeLessThan(2000); // an hour was asked for
    expect(error).toBeInstanceOf(AiUnavailableError);
    expect(error).toMatchObject({ code: "AI_UNAVAILABLE", reason: "rate_limited", status: 429, retryAfterMs: 3_600_000 });
    expect((error as Error).message).toContain("about 60 min");
    expect(fake.requests).toHaveLength(1);
  });

  it("honours retry-after-ms", async () => {
    fake.enqueue({ status: 503, headers: { "retry-after-ms": "250" } }, { content: "ok" });
    const { ms } = await timed(() => client().complete(ask));
    expect(ms).toBeGreaterThanOrEqual(240);
    expect(ms).toBeLessThan(3000);
  });

  it("gives up after maxRetries + 1 attempts of HTTP 500, backing off exponentially", async () => {
    fake.setHandler(() => ({ status: 500 }));
    const { delays, sleep } = instantSleep();
    const error = await failure(client({ maxRetries: 2, sleep }).complete(ask));

    expect(error).toBeInstanceOf(AiUnavailableError);
    expect(error).toMatchObject({ reason: "server", status: 500 });
    expect((error as Error).message).toBe("The AI provider is failing (HTTP 500)");
    expect(fake.requests).toHaveLength(3);
    expect(delays).toHaveLength(2);
    expect(delays[0]).toBeGreaterThanOrEqual(375);
    expect(delays[0]).toBeLessThanOrEqual(500);
    expect(delays[1]).toBeGreaterThanOrEqual(750);
    expect(delays[1]).toBeLessThanOrEqual(1000);
  });

  it("does not retry a request the provider rejects", async () => {
    fake.enqueue({ status: 400, content: "bad request" });
    const error = await failure(client({ sleep: instantSleep().sleep }).complete(ask));
    expect(error).toMatchObject({ reason: "rejected", status: 400 });
    expect(fake.requests).toHaveLength(1);
  });

  it("reports a wrong API key clearly, once, without echoing the key", async () => {
    const strict = await startFakeGroq({ apiKey: "the-right-key" });
    try {
      const llm = createLlmClient({ apiKey: "gsk_wrongkey123", baseURL: strict.url, modelFast: "f", modelQuality: "q", timeoutMs: 2000, concurrency: 1 });
      const error = await failure(llm.complete(ask));
      expect(error).toBeInstanceOf(AiUnavailableError);
      expect((error as Error).message).toBe("The AI provider rejected the API key");
      expect(error).toMatchObject({ reason: "auth", status: 401 });
      expect(strict.requests).toHaveLength(1);
    } finally {
      await strict.close();
    }
  });

  it("logs each failed attempt without prompt text or key", async () => {
    fake.enqueue({ status: 502 }, { content: "ok" });
    const entries: LlmLogEntry[] = [];
    await client({ logger: (e) => entries.push(e), sleep: instantSleep().sleep }).complete(ask);

    expect(entries.map((e) => e.event)).toEqual(["llm.attempt_failed", "llm.completed"]);
    expect(entries[0]).toMatchObject({ status: 502, attempt: 0, model: "fast-model" });
    const logged = JSON.stringify(entries);
    expect(logged).not.toContain("Say hello");
    expect(logged).not.toContain("test-key");
  });
});

describe("timeouts and aborts", () => {
  it("turns a provider that never answers into AiUnavailableError within the time bound", async () => {
    fake.setHandler(() => ({ hang: true }));
    const start = performance.now();
    const error = await failure(client({ timeoutMs: 200, maxRetries: 1, sleep: instantSleep().sleep }).complete(ask));
    const elapsed = performance.now() - start;

    expect(error).toBeInstanceOf(AiUnavailableError);
    expect(error).toMatchObject({ reason: "timeout" });
    expect(fake.requests).toHaveLength(2);
    expect(elapsed).toBeGreaterThanOrEqual(390);
    expect(elapsed).toBeLessThan(5000); // the provider never answers: only our timeouts end this
  });

  it("stops at once, without retrying, when the caller aborts", async () => {
    fake.setHandler(() => ({ hang: true }));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const start = performance.now();
    const error = await failure(client({ timeoutMs: 5000 }).complete({ ...ask, signal: controller.signal }));

    expect((error as Error).name).toBe("AbortError");
    expect(performance.now() - start).toBeLessThan(4000); // well before the 5 s timeout
    expect(fake.requests).toHaveLength(1);
  });
});

describe("completeJson", () => {
  const schema = EnhancedItemSchema;

  it("returns validated data from a good answer in one call", async () => {
    fake.enqueue({ json: { bullets: ["Led a team of 4"] } });
    const result = await client().completeJson({ ...ask, schema });
    expect(result).toEqual({ bullets: ["Led a team of 4"] });
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]!.body.response_format).toEqual({ type: "json_object" });
  });

  it("repairs an answer that fails validation, telling the model what was wrong", async () => {
    fake.enqueue({ json: { bullets: [] } }, { json: { bullets: ["Built the API"] } });
    const result = await client().completeJson({ ...ask, schema, repairHint: "Shape: {\"bullets\": string[]}" });

    expect(result).toEqual({ bullets: ["Built the API"] });
    expect(fake.requests).toHaveLength(2);
    const repair = fake.requests[1]!;
    expect(repair.messages.slice(0, 3)).toEqual([
      { role: "system", content: "Be brief." },
      { role: "user", content: "Say hello." },
      { role: "assistant", content: '{"bullets":[]}' },
    ]);
    const instruction = repair.messages[3]!;
    expect(instruction.role).toBe("user");
    expect(instruction.content).toContain("bullets: give at least one bullet");
    expect(instruction.content).toContain('Shape: {"bullets": string[]}');
    expect(repair.body.temperature).toBe(0);
  });

  it("repairs an answer that is not JSON at all", async () => {
    fake.enqueue({ content: "Sure! Here are your bullets: Built the API" }, { content: '```json\n{"text": "Engineer."}\n```' });
    const result = await client().completeJson({ ...ask, schema });
    expect(result).toEqual({ text: "Engineer." });
    expect(fake.requests[1]!.messages[3]!.content).toContain("not valid JSON");
  });

  it("repairs Groq's json_validate_failed error using the failed generation", async () => {
    fake.enqueue(
      { status: 400, error: { code: "json_validate_failed", failed_generation: '{"bullets": ["Led' }, content: "Failed to generate JSON" },
      { json: { bullets: ["Led the migration"] } },
    );
    const result = await client().completeJson({ ...ask, schema });
    expect(result).toEqual({ bullets: ["Led the migration"] });
    expect(fake.requests[1]!.messages[2]).toEqual({ role: "assistant", content: '{"bullets": ["Led' });
  });

  it("throws AiOutputError with the problems when the repair fails too", async () => {
    const tone = z.object({ tone: z.enum(["FORMAL", "NEUTRAL"]) });
    fake.enqueue({ json: { tone: "GRUMPY" } }, { json: { mood: "FORMAL" } });
    const error = await failure(client().completeJson({ ...ask, schema: tone }));

    expect(error).toBeInstanceOf(AiOutputError);
    expect(error).toMatchObject({ code: "AI_OUTPUT_INVALID" });
    expect((error as AiOutputError).issues.join("\n")).toMatch(/^tone: /m);
    expect(fake.requests).toHaveLength(2);
  });
});

describe("stream", () => {
  async function collect(iterable: AsyncIterable<string>): Promise<string[]> {
    const parts: string[] = [];
    for await (const part of iterable) parts.push(part);
    return parts;
  }

  it("yields the text deltas in order", async () => {
    fake.enqueue({ chunks: ["Dear", " hiring", " team,", "\n\nI"], chunkDelayMs: 10 });
    const parts = await collect(client().stream({ ...ask, model: "quality" }));
    expect(parts).toEqual(["Dear", " hiring", " team,", "\n\nI"]);
    expect(fake.requests[0]!.stream).toBe(true);
    expect(fake.requests[0]!.model).toBe("quality-model");
  });

  it("retries a failure that happens before the first delta", async () => {
    fake.enqueue({ status: 503 }, { chunks: ["one", " two"] });
    const parts = await collect(client({ sleep: instantSleep().sleep }).stream(ask));
    expect(parts).toEqual(["one", " two"]);
    expect(fake.requests).toHaveLength(2);
  });

  it("fails with a timeout when the stream goes silent", async () => {
    fake.enqueue({ chunks: ["slow"], chunkDelayMs: 10_000 });
    const start = performance.now();
    const error = await failure(collect(client({ timeoutMs: 200, maxRetries: 0 }).stream(ask)));
    expect(error).toMatchObject({ reason: "timeout" });
    expect(performance.now() - start).toBeLessThan(5000); // the chunk would take 10 s
  });

  it("stops the request when the consumer stops reading", async () => {
    fake.enqueue({ chunks: ["a", "b", "c", "d"], chunkDelayMs: 50 });
    const llm = client({ concurrency: 1 });
    for await (const part of llm.stream(ask)) {
      expect(part).toBe("a");
      break;
    }
    // The slot is free again: a second call is not stuck behind the abandoned stream.
    fake.enqueue({ content: "next" });
    expect((await llm.complete(ask)).text).toBe("next");
  });
});

describe("concurrency", () => {
  it("keeps at most `concurrency` calls in flight across callers", async () => {
    fake.setLatency(300);
    fake.setHandler((req) => ({ content: `answer to ${req.messages[1]!.content}` }));
    const llm = client({ concurrency: 2 });

    const { result, ms } = await timed(() =>
      Promise.all(Array.from({ length: 8 }, (_, i) => llm.complete({ ...ask, user: `q${i}` }))),
    );

    expect(result.map((r) => r.text)).toEqual(Array.from({ length: 8 }, (_, i) => `answer to q${i}`));
    expect(fake.maxInFlight).toBe(2);
    expect(ms).toBeGreaterThanOrEqual(1190); // 4 rounds of 300 ms
    expect(ms).toBeLessThan(2300); // one at a time would take 2400 ms
    expect(llm.load()).toEqual({ active: 0, pending: 0 });
  });

  it("lets a caller waiting for a slot give up without taking the slot later", async () => {
    const llm = client({ concurrency: 1, timeoutMs: 400, maxRetries: 0 });
    fake.enqueue({ hang: true }, { content: "third" });
    const first = failure(llm.complete(ask));
    const controller = new AbortController();
    const second = failure(llm.complete({ ...ask, signal: controller.signal }));
    const third = llm.complete(ask);
    expect(llm.load()).toMatchObject({ active: 1 });

    controller.abort();
    expect(((await second) as Error).name).toBe("AbortError");
    expect(await first).toMatchObject({ reason: "timeout" });
    expect((await third).text).toBe("third");
    expect(fake.requests).toHaveLength(2);
  });
});
