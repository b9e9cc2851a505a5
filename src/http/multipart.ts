// GraphQL multipart uploads, parsed off the main thread. A multipart POST to /graphql is taken from
// the Node request before yoga sees it: its raw chunks go to a worker (multipart-worker.mjs) as the
// socket delivers them, busboy parses them there and keeps the file in shared memory, and the main
// thread gets back only the small `operations` and `map` fields. Yoga then gets the request with a
// parser (useWorkerMultipart) whose file variables are SharedFiles over the worker's bytes: the
// services read them in place (upload-bytes.ts) and the extraction worker reads the same memory.
// Before this, whatwg-node joined and parsed the 5 MB body on the event loop (README, Performance).
import type { IncomingMessage } from "node:http";
import { Worker } from "node:worker_threads";
import { fileURLToPath } from "node:url";
import { createGraphQLError, type Plugin } from "graphql-yoga";
import { SharedFile } from "../ingest/shared-file.ts";

export interface MultipartLimits {
  fileSize: number;
  files: number;
  fieldSize: number;
  fields: number;
  parts: number;
}

interface WorkerFile {
  field: string;
  name: string;
  type: string;
  bytes: Uint8Array;
}
type WorkerReply = { id: number; ok: true; fields: Record<string, string>; files: WorkerFile[] } | { id: number; ok: false; message: string };
export type ParsedMultipart = Extract<WorkerReply, { ok: true }> | { ok: false; message: string };

/** Forms parsed by the worker, and those in flight, over every parser in the process (tests, diagnostics). */
const totals = { parsed: 0, inFlight: 0 };
export const multipartWorkerStats = () => ({ ...totals });

const WORKER_FILE = fileURLToPath(new URL("./multipart-worker.mjs", import.meta.url));

export interface MultipartParser {
  /** True for the requests this parser takes: multipart POSTs that carry the CSRF header (the others are yoga's to refuse). */
  takes(req: IncomingMessage): boolean;
  /** Streams the body to the worker; resolves with its fields and files (never rejects on a malformed body). */
  parse(req: IncomingMessage, maxBytes: number): Promise<ParsedMultipart>;
  /** Yoga's parser for requests parsed here. */
  plugin(): Plugin;
  close(): Promise<void>;
}

export function createMultipartParser(limits: MultipartLimits, opts: { endpoint: string; csrfHeader: string }): MultipartParser {
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, (reply: ParsedMultipart) => void>();
  const parsed = new WeakMap<IncomingMessage, ParsedMultipart>();

  const getWorker = () => {
    if (worker) return worker;
    const w = new Worker(WORKER_FILE);
    w.unref();
    w.on("message", (reply: WorkerReply) => {
      pending.get(reply.id)?.(reply);
      pending.delete(reply.id);
    });
    // The worker only runs busboy; if it dies, the forms in flight fail (500) and the next starts a new one.
    w.on("error", (error) => fail(String(error)));
    w.on("exit", () => fail("multipart worker exited"));
    const fail = (why: string) => {
      if (worker === w) worker = null;
      for (const [id, resolve] of pending) {
        pending.delete(id);
        resolve({ ok: false, message: `internal: ${why}` });
      }
    };
    return (worker = w);
  };

  return {
    takes(req) {
      if (req.method !== "POST" || !req.headers[opts.csrfHeader]) return false;
      if ((req.url ?? "").split("?")[0] !== opts.endpoint) return false;
      return (req.headers["content-type"] ?? "").toLowerCase().startsWith("multipart/form-data");
    },

    parse(req, maxBytes) {
      const w = getWorker();
      const id = nextId++;
      const headers = { "content-type": req.headers["content-type"], "content-length": req.headers["content-length"] };
      return new Promise<ParsedMultipart>((resolve) => {
        let received = 0;
        totals.inFlight++;
        const settle = (reply: ParsedMultipart) => {
          totals.inFlight--;
          totals.parsed++;
          req.off("data", onData).off("end", onEnd).off("close", onClose);
          // A body refused half-way is drained (so the socket can carry the answer), up to the same bound.
          if (!req.complete) {
            req.on("data", (chunk: Buffer) => {
              received += chunk.byteLength;
              if (received > maxBytes) req.socket.destroy();
            });
            req.resume();
          }
          parsed.set(req, reply);
          resolve(reply);
        };
        pending.set(id, settle);
        const onData = (chunk: Buffer) => {
          received += chunk.byteLength;
          // A body without Content-Length is held to the same bound as one with it (the router refuses a declared one over it).
          if (received > maxBytes) {
            w.postMessage({ type: "abort", id });
            pending.delete(id);
            return settle({ ok: false, message: `File size limit exceeded: ${limits.fileSize} bytes` });
          }
          // A copy of 16–64 KB per chunk: Node's socket buffers are not ours to transfer.
          w.postMessage({ type: "chunk", id, chunk });
        };
        const onEnd = () => w.postMessage({ type: "end", id });
        const onClose = () => {
          if (req.complete) return;
          // The client went away mid-body: nothing to answer.
          w.postMessage({ type: "abort", id });
          pending.delete(id);
          settle({ ok: false, message: "aborted" });
        };
        w.postMessage({ type: "start", id, headers, limits });
        req.on("data", onData).on("end", onEnd).on("close", onClose);
      });
    },

    plugin(): Plugin {
      return {
        onRequestParse({ serverContext, setRequestParser }) {
          const req = (serverContext as { req?: IncomingMessage } | undefined)?.req;
          const form = req && parsed.get(req);
          if (form) setRequestParser(() => toParams(form));
        },
      };
    },

    async close() {
      const w = worker;
      worker = null;
      await w?.terminate();
    },
  };
}

/** The GraphQL multipart request spec's operations and map, as yoga's own parser reads them, with the same errors. */
function toParams(form: ParsedMultipart) {
  if (!form.ok) {
    if (form.message.startsWith("internal: ")) throw new Error(form.message);
    if (form.message.startsWith("File size limit exceeded: ")) {
      throw createGraphQLError(form.message, { extensions: { http: { status: 413 }, code: "REQUEST_ENTITY_TOO_LARGE" } });
    }
    throw createGraphQLError(`POST body sent invalid multipart data: ${form.message}`, { extensions: { http: { status: 400 }, code: "BAD_REQUEST" } });
  }
  const operationsStr = form.fields.operations;
  if (!operationsStr) throw createGraphQLError('Missing multipart form field "operations"');
  let operations: Record<string, unknown>;
  try {
    operations = JSON.parse(operationsStr);
  } catch {
    throw createGraphQLError('Multipart form field "operations" must be a valid JSON string');
  }
  const mapStr = form.fields.map;
  if (mapStr == null) return operations;
  let map: Record<string, string[]>;
  try {
    map = JSON.parse(mapStr);
  } catch {
    throw createGraphQLError('Multipart form field "map" must be a valid JSON string');
  }
  if (typeof map !== "object" || map === null || Object.values(map).some((keys) => !Array.isArray(keys))) {
    throw createGraphQLError('Multipart form field "map" must map each file to a list of paths');
  }
  for (const fileIndex in map) {
    const file = form.files.find((f) => f.field === fileIndex);
    const value = file ? new SharedFile(file.bytes, file.name, file.type) : (form.fields[fileIndex] ?? null);
    for (const key of map[fileIndex]) setObjectKeyPath(operations, key, value);
  }
  return operations;
}

function setObjectKeyPath(object: Record<string, unknown>, keyPath: string, value: unknown) {
  const keys = String(keyPath).split(".");
  let current = object;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (key === "__proto__" || key === "constructor" || key === "prototype") return;
    if (i === keys.length - 1) {
      current[key] = value;
    } else {
      if (!Object.hasOwn(current, key) || typeof current[key] !== "object" || current[key] === null) current[key] = {};
      current = current[key] as Record<string, unknown>;
    }
  }
}
