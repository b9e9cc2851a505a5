import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Yoga renders GraphiQL for a GET that accepts HTML; the same test picks it off here. */
export function wantsGraphiQL(req: IncomingMessage, endpoint: string): boolean {
  const path = (req.url ?? "/").split("?")[0];
  return req.method === "GET" && (path === endpoint || path === `${endpoint}/`) && (req.headers.accept ?? "").includes("text/html");
}

interface Encoded {
  etag: string;
  identity: Buffer;
  gzip: Buffer;
  br: Buffer;
}

/**
 * GraphiQL is one self-contained page of about 9 MB (every script inlined, so it works offline).
 * Yoga sends it uncompressed on every visit; here it is compressed once (brotli 9: ~1.9 MB, gzip
 * 9: ~2.4 MB; done lazily, off the event loop, so servers that never show GraphiQL pay nothing)
 * and revalidated by ETag, so a repeat visit costs a 304 and no body.
 */
export function createGraphiQLHandler(render: () => string) {
  let encoded: Promise<Encoded> | null = null;
  const encode = async (): Promise<Encoded> => {
    const identity = Buffer.from(render());
    const [br, gz] = await Promise.all([
      brotli(identity, { params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: identity.length } }),
      gzipAsync(identity, { level: 9 }),
    ]);
    return { etag: `"${createHash("sha256").update(identity).digest("base64url").slice(0, 32)}"`, identity, gzip: gz, br };
  };
  return async (req: IncomingMessage, res: ServerResponse) => {
    encoded ??= encode().catch((e: unknown) => {
      encoded = null;
      throw e;
    });
    const page = await encoded;
    const headers: Record<string, string> = {
      "content-type": "text/html; charset=utf-8",
      etag: page.etag,
      // Cached, but checked each time: a new release changes the ETag and is seen at once.
      "cache-control": "no-cache",
      vary: "accept, accept-encoding",
    };
    const match = req.headers["if-none-match"];
    if (match && match.split(",").some((t) => t.trim().replace(/^W\//, "") === page.etag)) {
      res.writeHead(304, headers);
      return void res.end();
    }
    const accepted = acceptedEncodings(req.headers["accept-encoding"]);
    const [encoding, body] = accepted.has("br") ? (["br", page.br] as const) : accepted.has("gzip") ? (["gzip", page.gzip] as const) : ([null, page.identity] as const);
    if (encoding) headers["content-encoding"] = encoding;
    headers["content-length"] = String(body.length);
    res.writeHead(200, headers);
    res.end(body);
  };
}

/** The codings a client accepts, minus any it refuses with q=0. */
function acceptedEncodings(header: string | undefined): Set<string> {
  const out = new Set<string>();
  for (const part of (header ?? "").split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    if (name && !(q && Number(q.slice(2)) === 0)) out.add(name);
  }
  return out;
}
