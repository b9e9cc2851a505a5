import { cleanText } from "../core/safe-text.ts";
import { randomBytes } from "node:crypto";
import { mkdir, rm, writeFile, readFile } from "node:fs/promises";
import { dirname, join, relative, resolve, sep } from "node:path";

/**
 * Where uploaded files live: UPLOAD_DIR/<userId>/<area>/<random id>.<ext>. The user's file name
 * never reaches the path, so names like "../../etc/passwd" or 300 characters cannot matter.
 */
export interface FileStorage {
  /** Writes the bytes and returns the path relative to the upload folder. */
  write(userId: string, area: "samples" | "imports", ext: string, bytes: Uint8Array): Promise<string>;
  read(relativePath: string): Promise<Buffer>;
  remove(relativePath: string): Promise<void>;
  removeUser(userId: string): Promise<void>;
}

const SAFE_SEGMENT = /^[a-z0-9]+$/i;

export function createFileStorage(root: string): FileStorage {
  const base = resolve(root);
  const inside = (rel: string) => {
    const abs = resolve(base, rel);
    if (abs !== base && !abs.startsWith(base + sep)) throw new Error(`path escapes the upload folder: ${rel}`);
    return abs;
  };
  return {
    async write(userId, area, ext, bytes) {
      if (!SAFE_SEGMENT.test(userId) || !SAFE_SEGMENT.test(ext)) throw new Error("unsafe storage path segment");
      const rel = join(userId, area, `${randomBytes(12).toString("hex")}.${ext}`);
      const abs = inside(rel);
      await mkdir(dirname(abs), { recursive: true });
      await writeFile(abs, bytes, { flag: "wx", mode: 0o600 });
      return relative(base, abs);
    },
    read: (rel) => readFile(inside(rel)),
    remove: (rel) => rm(inside(rel), { force: true }),
    removeUser: (userId) => rm(inside(userId), { recursive: true, force: true }),
  };
}

/** A display name safe to store and show: no folders, no control characters, bounded length. */
export function displayFileName(name: string | undefined | null): string {
  const base = (name ?? "").split(/[\\/]/).pop() ?? "";
  const clean = cleanText(base).replace(/\n/g, "").trim();
  return (clean || "upload").slice(0, 200);
}
