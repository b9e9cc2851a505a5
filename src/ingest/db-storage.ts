import { db } from "../db/client.ts";
import { newStorageKey, type FileStorage } from "./storage.ts";

/**
 * Uploaded files as rows of `stored_files`, so every instance behind a load balancer reads what
 * any of them wrote, and a backup of the database holds them too. Sizes are bounded: uploads stop
 * at MAX_UPLOAD_MB before they get here, and a larger write is refused all the same.
 */
export function createDbFileStorage(maxBytes: number): FileStorage {
  return {
    async write(userId, area, ext, bytes) {
      if (bytes.byteLength > maxBytes) throw new Error(`file too large for the store: ${bytes.byteLength} bytes (at most ${maxBytes})`);
      const path = newStorageKey(userId, area, ext);
      await db().storedFile.create({ data: { path, userId, bytes: new Uint8Array(bytes), size: bytes.byteLength } });
      return path;
    },
    async read(path) {
      const row = await db().storedFile.findUnique({ where: { path }, select: { bytes: true } });
      if (!row) throw Object.assign(new Error(`no stored file ${path}`), { code: "ENOENT" });
      return Buffer.from(row.bytes);
    },
    async remove(path) {
      await db().storedFile.deleteMany({ where: { path } });
    },
    async removeUser(userId) {
      await db().storedFile.deleteMany({ where: { userId } });
    },
  };
}
