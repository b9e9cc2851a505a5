import { createHash } from "node:crypto";
import { readFile, realpath, stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { extname, join, sep } from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".json": "application/json; charset=utf-8",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
};

/**
 * The web app's own pages may talk to this origin only (HTTP and WebSocket), load nothing from
 * elsewhere and run no inline script: a value that slipped into the DOM cannot reach out.
 */
const CSP = "default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data: blob:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

export interface StaticSite {
  /** Folder served at the mount point; `index.html` answers the bare mount path. */
  root: string;
  /** Extra folders under sub-paths, e.g. { "vendor/graphql-ws": <graphql-ws/dist> }; only files with a known type are served. */
  mounts?: Record<string, string>;
}

interface Cached {
  key: string;
  etag: string;
  body: Buffer;
}

/**
 * Serves a folder of static files (the web app). `rest` is the decoded path after the mount
 * point. Anything that is not a plain relative path to a regular file inside the folder — `..`,
 * `.`, empty segments, backslashes, NUL, dot-files, a symlink out of the folder, an unknown
 * extension — is a 404, the same answer as a missing file, so nothing about the disk leaks. Files
 * are revalidated by ETag (`no-cache`: a new release is seen at once, a repeat visit is a 304).
 */
export function createStaticHandler(site: StaticSite, mountPath: string) {
  const cache = new Map<string, Cached>();
  const roots = new Map<string, Promise<string>>();
  const realRoot = (dir: string) => {
    let p = roots.get(dir);
    if (!p) roots.set(dir, (p = realpath(dir)));
    return p;
  };

  return async (req: IncomingMessage, res: ServerResponse, rest: string) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD", "content-type": "text/plain; charset=utf-8" });
      return void res.end("Method not allowed");
    }
    // "/app" → "/app/", so the page's relative URLs resolve inside the mount.
    if (rest === "") {
      const query = (req.url ?? "").includes("?") ? (req.url ?? "").slice((req.url ?? "").indexOf("?")) : "";
      res.writeHead(308, { location: `${mountPath}/${query}` });
      return void res.end();
    }
    const file = await resolveFile(site, rest.slice(1) || "index.html", realRoot);
    if (!file) return notFound(res);
    const info = await stat(file.path);
    const key = `${info.size}:${info.mtimeMs}`;
    let entry = cache.get(file.path);
    if (!entry || entry.key !== key) {
      const body = await readFile(file.path);
      entry = { key, body, etag: `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"` };
      cache.set(file.path, entry);
    }
    const headers: Record<string, string> = {
      "content-type": file.type,
      etag: entry.etag,
      "cache-control": "no-cache",
      "x-content-type-options": "nosniff",
      "referrer-policy": "no-referrer",
    };
    if (file.type.startsWith("text/html")) headers["content-security-policy"] = CSP;
    const match = req.headers["if-none-match"];
    if (match && match.split(",").some((t) => t.trim().replace(/^W\//, "") === entry.etag)) {
      res.writeHead(304, headers);
      return void res.end();
    }
    headers["content-length"] = String(entry.body.length);
    res.writeHead(200, headers);
    res.end(req.method === "HEAD" ? undefined : entry.body);
  };
}

/** The file a relative path names inside the site, or null when it names none that may be served. */
async function resolveFile(site: StaticSite, relative: string, realRoot: (dir: string) => Promise<string>): Promise<{ path: string; type: string } | null> {
  const segments = relative.split("/");
  const bad = (s: string) => s === "" || s === "." || s === ".." || s.startsWith(".") || /[\\\0:]/.test(s);
  if (segments.some(bad)) return null;
  let dir = site.root;
  let inner = segments;
  for (const [prefix, folder] of Object.entries(site.mounts ?? {})) {
    const parts = prefix.split("/");
    if (parts.every((p, i) => segments[i] === p) && segments.length > parts.length) {
      dir = folder;
      inner = segments.slice(parts.length);
    }
  }
  const type = TYPES[extname(inner.at(-1)!).toLowerCase()];
  if (!type) return null;
  try {
    const root = await realRoot(dir);
    const path = await realpath(join(root, ...inner));
    if (!path.startsWith(root + sep)) return null;
    if (!(await stat(path)).isFile()) return null;
    return { path, type };
  } catch {
    return null;
  }
}

function notFound(res: ServerResponse) {
  res.writeHead(404, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", "x-content-type-options": "nosniff" });
  res.end("Not found");
}
