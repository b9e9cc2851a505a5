import { cleanText } from "../core/safe-text.ts";
import { randomBytes } from "node:crypto";
import { mkdir, rm, writeFile, readFile } from "node:fs/promises";
import { dirname, join, relative, resolve, sep } from "node:path";

/**
 * Where uploaded files live, under keys <userId>/<area>/<random id>.<ext>: on the local disk under
 * UPLOAD_DIR (the SQLite default) or in the database (FILE_STORE=database, the PostgreSQL default,
 * src/ingest/db-storage.ts) so that every instance reaches them. The user's file name never
 * reaches the key, so names like "../../etc/passwd" or 300 characters cannot matter.
 */
export interface FileStorage {
  /** Writes the bytes and returns the path relative to the upload folder. */
  write(userId: string, area: "samples" | "imports", ext: string, bytes: Uint8Array): Promise<string>;
  read(relativePath: string): Promise<Buffer>;
  remove(relativePath: string): Promise<void>;
  removeUser(userId: string): Promise<void>;
}

const SAFE_SEGMENT = /^[a-z0-9]+$/i;

/** A new key for a file of `userId`: only safe segments and a random name. */
export function newStorageKey(userId: string, area: string, ext: string): string {
  if (!SAFE_SEGMENT.test(userId) || !SAFE_SEGMENT.test(ext)) throw new Error("unsafe storage path segment");
  return join(userId, area, `${randomBytes(12).toString("hex")}.${ext}`);
}

export function createFileStorage(root: string): FileStorage {
  const base = resolve(root);
  const inside = (rel: string) => {
    const abs = resolve(base, rel);
    if (abs !== base && !abs.startsWith(base + sep)) throw new Error(`path escapes the upload folder: ${rel}`);
    return abs;
  };
  return {
    async write(userId, area, ext, bytes) {
      const abs = inside(newStorageKey(userId, area, ext));
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
