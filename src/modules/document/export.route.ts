import type { IncomingMessage, ServerResponse } from "node:http";
import { verifyToken } from "../auth/tokens.ts";
import type { AppServices } from "../../services.ts";
import { db } from "../../db/client.ts";
import { CpuLimitError, runCpu } from "../../workers/cpu-pool.ts";

export const EXPORT_PATH = /^\/documents\/([^/]+)\/export$/;

const FORMATS = {
  pdf: { type: "application/pdf", ext: "pdf" },
  docx: { type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ext: "docx" },
  md: { type: "text/markdown; charset=utf-8", ext: "md" },
  txt: { type: "text/plain; charset=utf-8", ext: "txt" },
} as const;

/**
 * pdfkit and docx lay out every line synchronously: seconds for a 200,000-character document.
 * They run in the CPU pool, so the main thread only copies the finished file out.
 */
async function render(format: keyof typeof FORMATS, title: string, content: string): Promise<Buffer> {
  if (format === "md") return Buffer.from(content);
  if (format === "pdf") return runCpu("renderPdf", [title, content]);
  if (format === "docx") return runCpu("renderDocx", [title, content]);
  return Buffer.from(await runCpu("renderText", [content]));
}

/** GET /documents/:id/export?format=pdf|docx|md|txt with `Authorization: Bearer <token>`. */
export async function exportDocument(services: AppServices, req: IncomingMessage, res: ServerResponse, id: string) {
  const url = new URL(req.url ?? "/", "http://localhost");
  const fail = (status: number, code: string, message: string) => {
    res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
    res.end(JSON.stringify({ error: { code, message } }));
  };
  if (req.method !== "GET") return fail(405, "METHOD_NOT_ALLOWED", "Use GET");
  const check = await verifyToken(req.headers.authorization, services.config.jwtSecret);
  if (!("viewer" in check)) return fail(401, "UNAUTHENTICATED", "Send Authorization: Bearer <token>");
  const format = (url.searchParams.get("format") ?? "pdf").toLowerCase();
  if (!(format in FORMATS)) return fail(400, "VALIDATION", `format must be one of ${Object.keys(FORMATS).join(", ")}`);
  const doc = await db().document.findFirst({ where: { id, userId: check.viewer.id } });
  if (!doc) return fail(404, "NOT_FOUND", `Document ${id} was not found`);
  const spec = FORMATS[format as keyof typeof FORMATS];
  let body: Buffer;
  try {
    body = await render(format as keyof typeof FORMATS, doc.title, doc.content);
  } catch (e) {
    if (e instanceof CpuLimitError) return fail(503, "LIMIT_EXCEEDED", "Rendering this document took too much time or memory; try Markdown or plain text, or split it.");
    throw e;
  }
  const fileName = `${doc.title.replace(/[^\w.-]+/g, "_").slice(0, 80) || "document"}.${spec.ext}`;
  res.writeHead(200, {
    "content-type": spec.type,
    "content-length": body.length,
    "content-disposition": `attachment; filename="${fileName}"`,
    "cache-control": "private, no-store",
  });
  res.end(body);
}
