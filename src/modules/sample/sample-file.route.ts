import type { IncomingMessage, ServerResponse } from "node:http";
import { verifyToken } from "../auth/tokens.ts";
import type { AppServices } from "../../services.ts";
import { db } from "../../db/client.ts";
import { sendJson } from "../../http/router.ts";

/** GET /samples/resume/file or /samples/cover-letter/file: the signed-in user's original upload. */
export const SAMPLE_FILE_PATH = /^\/samples\/(resume|cover-letter)\/file$/;

/**
 * The file as it was uploaded, from the configured store (disk, or the database that every
 * instance reaches), with the name the user gave it.
 */
export async function downloadSample(services: AppServices, req: IncomingMessage, res: ServerResponse, which: string) {
  if (req.method !== "GET") return sendJson(res, 405, { error: { code: "METHOD_NOT_ALLOWED", message: "Use GET" } });
  const check = await verifyToken(req.headers.authorization, services.config.jwtSecret);
  if (!("viewer" in check)) return sendJson(res, 401, { error: { code: "UNAUTHENTICATED", message: "Send Authorization: Bearer <token>" } });
  const type = which === "resume" ? "RESUME" : "COVER_LETTER";
  const sample = await db().sampleDocument.findUnique({ where: { userId_type: { userId: check.viewer.id, type } } });
  const bytes = sample && (await services.storage.read(sample.storagePath).catch(() => null));
  if (!sample || !bytes) return sendJson(res, 404, { error: { code: "NOT_FOUND", message: `No ${which.replace("-", " ")} sample was uploaded` } });
  res.writeHead(200, {
    "content-type": sample.mimeType,
    "content-length": bytes.length,
    "content-disposition": `attachment; filename="${sample.fileName.replace(/[^\w.-]+/g, "_")}"`,
    "cache-control": "private, no-store",
    "x-content-type-options": "nosniff",
  });
  res.end(bytes);
}
