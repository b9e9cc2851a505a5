import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "../logger.ts";

export type Handler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface RouterOptions {
  logger: Logger;
  /** Largest body of a non-multipart request (JSON, GraphQL); uploads have their own limit. */
  maxBodyBytes: number;
  /** Largest multipart body: the upload plus room for the operation and map fields. */
  maxMultipartBytes: number;
  health: Handler;
  ready: Handler;
  /** Routes matched before GraphQL: exact paths or patterns with one captured, decoded segment. */
  routes: { pattern: RegExp; handle: (req: IncomingMessage, res: ServerResponse, param: string) => Promise<void> }[];
  graphql: Handler;
}

/**
 * The Node request handler. Nothing a client sends can make it throw past this function: a
 * malformed path or header gets a 400, an oversized body a 413 before a byte of it is read, and an
 * unexpected failure in any route is logged and answered with a 500.
 */
export function createRouter(opts: RouterOptions): Handler {
  const { logger } = opts;
  const dispatch = async (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? "/").split("?")[0];
    if (path === "/health") return opts.health(req, res);
    if (path === "/ready") return opts.ready(req, res);
    for (const route of opts.routes) {
      const match = path.match(route.pattern);
      if (!match) continue;
      const param = safeDecode(match[1]);
      if (param === null) return sendJson(res, 400, { error: { code: "BAD_REQUEST", message: "The path is not valid percent-encoding" } });
      return route.handle(req, res, param);
    }
    if (path === "/" && req.method === "GET") {
      res.writeHead(302, { location: "/app/" });
      return void res.end();
    }
    const tooLarge = bodyTooLarge(req, opts);
    if (tooLarge) return sendJson(res, tooLarge.status, { errors: [{ message: tooLarge.message, extensions: { code: tooLarge.code } }] });
    return opts.graphql(req, res);
  };
  return (req, res) => {
    const fail = (error: unknown) => {
      logger.error("request failed", { method: req.method, url: req.url?.slice(0, 200), error });
      if (!res.headersSent) sendJson(res, 500, { error: { code: "INTERNAL", message: "Unexpected error." } });
      else res.destroy();
    };
    try {
      const done = dispatch(req, res);
      if (done instanceof Promise) done.catch(fail);
    } catch (e) {
      fail(e);
    }
  };
}

/**
 * A body over the limit is refused from its declared length, before it is read. A body with no
 * declared length (chunked) is refused too for JSON: every GraphQL client sends Content-Length,
 * and Node's parser guarantees the body is exactly that long.
 */
function bodyTooLarge(req: IncomingMessage, opts: RouterOptions): { status: number; code: string; message: string } | null {
  if (req.method !== "POST") return null;
  const multipart = (req.headers["content-type"] ?? "").toLowerCase().startsWith("multipart/");
  const max = multipart ? opts.maxMultipartBytes : opts.maxBodyBytes;
  const declared = req.headers["content-length"];
  if (declared === undefined) {
    return multipart ? null : { status: 411, code: "LENGTH_REQUIRED", message: "Send the request body with a Content-Length header" };
  }
  const length = Number(declared);
  if (!Number.isFinite(length) || length <= max) return null;
  const what = multipart ? "An upload request" : "A request body";
  return { status: 413, code: "BODY_TOO_LARGE", message: `${what} may be at most ${formatBytes(max)}; this one is ${formatBytes(length)}` };
}

export function safeDecode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  res.end(JSON.stringify(body));
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${Math.round((n / 1048576) * 10) / 10} MB` : `${Math.round(n / 1024)} KB`;
}

/** The client's address: the socket's peer, or the first X-Forwarded-For hop behind a trusted proxy. */
export function clientIp(req: IncomingMessage | undefined, trustProxy: boolean): string {
  const forwarded = trustProxy ? req?.headers["x-forwarded-for"] : undefined;
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim();
  return (first || req?.socket?.remoteAddress || "unknown").slice(0, 64);
}
