/**
 * A real local HTTP server that speaks Groq's chat completions API, for tests and benchmarks.
 *
 *   const fake = await startFakeGroq();            // 127.0.0.1, random port
 *   const llm = createLlmClient({ apiKey: "test", baseURL: fake.url, ... });
 *
 *   fake.enqueue({ content: "Hello" });            // next request gets this answer
 *   fake.enqueue({ json: { bullets: ["Led X"] } }); // content = JSON.stringify(json)
 *   fake.enqueue({ status: 429, headers: { "retry-after": "1" } });
 *   fake.enqueue({ hang: true });                  // never answers (until the client gives up)
 *   fake.enqueue({ chunks: ["Hel", "lo"], chunkDelayMs: 20 }); // SSE when the request has stream: true
 *   fake.setHandler((req) => ({ content: `echo ${req.messages.at(-1)?.content}` })); // when the queue is empty
 *   fake.setLatency(300);                          // added before every answer (benchmarks)
 *
 *   fake.requests   // every request: body, model, messages, stream, headers, timestamps
 *   fake.maxInFlight // highest number of requests open at the same time
 *   fake.reset();  await fake.close();
 *
 * Replies (FakeReply):
 * - status      HTTP status, default 200. For status >= 400 the body is `json` when given, else a
 *               Groq-shaped error `{ error: { message, type, code } }` built from `content`/`error`.
 * - headers     extra response headers (e.g. retry-after, retry-after-ms).
 * - content     the assistant's text. `json` is a shortcut: content = JSON.stringify(json).
 * - chunks      the text deltas of a streamed answer (a non-streamed answer joins them). Without
 *               chunks, a streamed answer sends `content` word by word.
 * - delayMs     wait before sending the headers; `chunkDelayMs` waits before each SSE chunk.
 * - hang        accept the request and never answer.
 * Transcriptions (POST /openai/v1/audio/transcriptions, multipart): `enqueueTranscription({ text,
 * duration })` or `{ status }`; unscripted ones answer "fake transcript". The request records the
 * multipart `model`, the uploaded file's bytes (`audioBytes`) and its declared type.
 * Requests to other paths get a 404; with `startFakeGroq({ apiKey })` a wrong bearer gets a 401,
 * as Groq answers.
 */

import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export const CHAT_COMPLETIONS_PATH = "/openai/v1/chat/completions";
export const TRANSCRIPTIONS_PATH = "/openai/v1/audio/transcriptions";

/** A Whisper answer: `text` (and `duration`, seconds) or an error `status`. */
export interface FakeTranscription {
  text?: string;
  duration?: number;
  status?: number;
  content?: string;
}

export interface FakeMessage {
  role: string;
  content: string;
}

export interface FakeRequest {
  method: string;
  path: string;
  model: string;
  messages: FakeMessage[];
  stream: boolean;
  /** The parsed JSON body as sent. */
  body: Record<string, unknown>;
  headers: Record<string, string | string[] | undefined>;
  /** Transcriptions: the size of the uploaded file part and its declared content type. */
  audioBytes?: number;
  audioType?: string;
  /** Date.now() when the request arrived and when its answer was finished (or abandoned). */
  receivedAt: number;
  finishedAt: number | null;
}

export interface FakeReply {
  status?: number;
  headers?: Record<string, string>;
  content?: string;
  json?: unknown;
  chunks?: string[];
  /** Groq error fields for status >= 400, e.g. { code: "json_validate_failed", failed_generation: "{" }. */
  error?: Record<string, unknown>;
  delayMs?: number;
  chunkDelayMs?: number;
  hang?: boolean;
}

export type FakeHandler = (request: FakeRequest) => FakeReply | Promise<FakeReply>;

export interface FakeGroq {
  /** baseURL for groq-sdk (the host root). */
  readonly url: string;
  readonly requests: FakeRequest[];
  readonly inFlight: number;
  readonly maxInFlight: number;
  enqueue(...replies: FakeReply[]): void;
  enqueueTranscription(...replies: FakeTranscription[]): void;
  setHandler(handler: FakeHandler): void;
  setLatency(ms: number): void;
  /** Clears queue, requests, handler, latency and counters. */
  reset(): void;
  close(): Promise<void>;
}

const DEFAULT_HANDLER: FakeHandler = () => ({ content: "fake-groq: no reply was scripted for this request" });

export async function startFakeGroq(options: { apiKey?: string } = {}): Promise<FakeGroq> {
  const queue: FakeReply[] = [];
  const transcriptions: FakeTranscription[] = [];
  const requests: FakeRequest[] = [];
  let handler = DEFAULT_HANDLER;
  let latencyMs = 0;
  let inFlight = 0;
  let maxInFlight = 0;

  const server = createServer((req, res) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    let record: FakeRequest | null = null;
    // "close" fires once per response whether it finished or the client went away.
    res.on("close", () => {
      inFlight--;
      if (record) record.finishedAt = Date.now();
    });
    void handle(req, res, (r) => (record = r)).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: { message: `fake-groq failed: ${String(error)}`, type: "internal_server_error" } });
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse, onRecord: (r: FakeRequest) => void): Promise<void> {
    const request = await readRequest(req);
    requests.push(request);
    onRecord(request);
    if (request.method === "POST" && request.path === TRANSCRIPTIONS_PATH) {
      if (options.apiKey !== undefined && request.headers.authorization !== `Bearer ${options.apiKey}`) {
        return sendJson(res, 401, { error: { message: "Invalid API Key", type: "invalid_request_error", code: "invalid_api_key" } });
      }
      const t = transcriptions.shift() ?? { text: "fake transcript" };
      await wait(latencyMs);
      if ((t.status ?? 200) >= 400) return sendJson(res, t.status!, errorBody(t.status!, { content: t.content }));
      return sendJson(res, 200, { text: t.text ?? "", duration: t.duration ?? 3, language: "en", segments: [] });
    }
    if (request.method !== "POST" || request.path !== CHAT_COMPLETIONS_PATH) {
      return sendJson(res, 404, { error: { message: `Unknown request URL: ${request.method} ${request.path}`, type: "invalid_request_error", code: "unknown_url" } });
    }
    if (options.apiKey !== undefined && request.headers.authorization !== `Bearer ${options.apiKey}`) {
      return sendJson(res, 401, { error: { message: "Invalid API Key", type: "invalid_request_error", code: "invalid_api_key" } });
    }
    const reply = queue.shift() ?? (await handler(request));
    if (reply.hang) return; // the socket stays open until the client aborts or close() runs
    await wait(latencyMs + (reply.delayMs ?? 0));
    if (res.destroyed) return;
    const status = reply.status ?? 200;
    if (status >= 400) return sendJson(res, status, reply.json ?? errorBody(status, reply), reply.headers);
    if (request.stream) return sendStream(res, request, reply);
    return sendJson(res, status, completionBody(request, replyText(reply)), reply.headers);
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    get inFlight() {
      return inFlight;
    },
    get maxInFlight() {
      return maxInFlight;
    },
    enqueue: (...replies) => void queue.push(...replies),
    enqueueTranscription: (...replies) => void transcriptions.push(...replies),
    setHandler: (next) => void (handler = next),
    setLatency: (ms) => void (latencyMs = ms),
    reset() {
      queue.length = 0;
      transcriptions.length = 0;
      requests.length = 0;
      handler = DEFAULT_HANDLER;
      latencyMs = 0;
      maxInFlight = inFlight;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections(); // hanging requests would otherwise keep close() waiting
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

async function readRequest(req: IncomingMessage): Promise<FakeRequest> {
  const parts: Buffer[] = [];
  for await (const chunk of req) parts.push(chunk as Buffer);
  const raw = Buffer.concat(parts).toString("latin1");
  let body: Record<string, unknown> = {};
  let audio: { audioBytes?: number; audioType?: string } = {};
  try {
    body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  } catch {
    // multipart (transcriptions) or malformed: the test sees what was sent in `requests`
    const model = /name="model"\r\n\r\n([^\r]*)\r\n/.exec(raw);
    if (model) body = { model: model[1] };
    const file = /name="file"; filename="[^"]*"\r\nContent-Type: ([^\r]*)\r\n\r\n([\s\S]*?)\r\n--/.exec(raw);
    if (file) audio = { audioType: file[1], audioBytes: file[2]!.length };
  }
  return {
    ...audio,
    method: req.method ?? "GET",
    path: (req.url ?? "/").split("?")[0]!,
    model: typeof body.model === "string" ? body.model : "",
    messages: Array.isArray(body.messages) ? (body.messages as FakeMessage[]) : [],
    stream: body.stream === true,
    body,
    headers: { ...req.headers },
    receivedAt: Date.now(),
    finishedAt: null,
  };
}

function replyText(reply: FakeReply): string {
  if (reply.content !== undefined) return reply.content;
  if (reply.json !== undefined) return JSON.stringify(reply.json);
  return reply.chunks?.join("") ?? "";
}

function errorBody(status: number, reply: FakeReply): unknown {
  const type = status === 429 ? "tokens" : status >= 500 ? "internal_server_error" : "invalid_request_error";
  return { error: { message: reply.content ?? `fake error ${status}`, type, ...reply.error } };
}

/** Rough token count, enough for code that records usage. */
function tokens(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

function completionBody(request: FakeRequest, text: string) {
  const promptTokens = tokens(request.messages.map((m) => m.content).join(" "));
  const completionTokens = tokens(text);
  return {
    id: `chatcmpl-fake-${Date.now()}`,
    object: "chat.completion",
    created: Math.floor(Date.now() / 1000),
    model: request.model,
    choices: [{ index: 0, message: { role: "assistant", content: text }, logprobs: null, finish_reason: "stop" }],
    usage: { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens },
  };
}

async function sendStream(res: ServerResponse, request: FakeRequest, reply: FakeReply): Promise<void> {
  res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive", ...reply.headers });
  const id = `chatcmpl-fake-${Date.now()}`;
  const created = Math.floor(Date.now() / 1000);
  const chunk = (delta: Record<string, unknown>, finish: string | null, extra: Record<string, unknown> = {}) =>
    `data: ${JSON.stringify({ id, object: "chat.completion.chunk", created, model: request.model, choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }], ...extra })}\n\n`;

  const deltas = reply.chunks ?? (replyText(reply).match(/\S+\s*|\s+/g) ?? []);
  res.write(chunk({ role: "assistant", content: "" }, null));
  for (const delta of deltas) {
    await wait(reply.chunkDelayMs ?? 0);
    if (res.destroyed) return;
    res.write(chunk({ content: delta }, null));
  }
  const completionTokens = tokens(deltas.join(""));
  res.write(chunk({}, "stop", { x_groq: { id: `req_${id}`, usage: { prompt_tokens: 0, completion_tokens: completionTokens, total_tokens: completionTokens } } }));
  res.end("data: [DONE]\n\n");
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

function wait(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}

/**
 * One delimited variable (`<<<NAME … NAME>>>`) of the prompt a request carries. A repair call
 * repeats the original prompt in an earlier message, so every message is searched.
 */
export function promptBlock(req: FakeRequest, name: string): string {
  for (const message of req.messages) {
    const m = message.content.match(new RegExp(`<<<${name}\\n([\\s\\S]*?)\\n${name}>>>`));
    if (m) return m[1];
  }
  return "";
}
