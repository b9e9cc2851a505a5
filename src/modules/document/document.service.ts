import { z } from "zod";
import { db } from "../../db/client.ts";
import { NotFoundError, fromZod } from "../../errors.ts";
import type { Viewer } from "../auth/tokens.ts";
import type { GenerationType, Prisma } from "../../generated/prisma/client.ts";
import { findOwnedGeneration } from "../generation/generation.service.ts";
import { selection } from "../../db/query.ts";
import { safeString } from "../../core/safe-text.ts";

const title = safeString(z.string().trim().min(1, "Title cannot be empty").max(200, "Title must be at most 200 characters"));
const notes = safeString(z.string().trim().max(5000, "Notes must be at most 5000 characters")).nullish();
const content = safeString(z.string().min(1, "Content cannot be empty").max(200_000, "Content must be at most 200,000 characters"));

const SaveInput = z.object({ generationId: z.string().min(1), title, notes });
const UpdateInput = z.object({ id: z.string().min(1), title: title.optional(), notes, content: content.optional() });

export async function saveDocument(viewer: Viewer, input: unknown, query: object = {}) {
  const parsed = SaveInput.safeParse(input);
  if (!parsed.success) throw fromZod(parsed.error.issues);
  const g = await findOwnedGeneration(viewer, parsed.data.generationId);
  return db().$transaction(async (tx) => {
    const doc = await tx.document.create({
      data: {
        userId: viewer.id,
        jobId: g.jobId,
        generationId: g.id,
        type: g.type,
        format: g.format,
        title: parsed.data.title,
        notes: parsed.data.notes ?? null,
        content: g.content,
        version: 1,
      },
    });
    await tx.documentVersion.create({ data: { documentId: doc.id, version: 1, content: g.content } });
    return tx.document.findUniqueOrThrow({ ...selection(query), where: { id: doc.id } });
  });
}

export async function findOwnedDocument(viewer: Viewer, id: string, query: object = {}) {
  const doc = await db().document.findFirst({ ...selection(query), where: { id, userId: viewer.id } });
  if (!doc) throw new NotFoundError("Document", id);
  return doc;
}

/** A change of content makes a new version and keeps the old one; title and notes edit in place. */
export async function updateDocument(viewer: Viewer, input: unknown, query: object = {}) {
  const parsed = UpdateInput.safeParse(input);
  if (!parsed.success) throw fromZod(parsed.error.issues);
  const doc = await findOwnedDocument(viewer, parsed.data.id);
  const { title, notes, content } = parsed.data;
  return db().$transaction(async (tx) => {
    const data: Prisma.DocumentUpdateInput = {};
    if (title !== undefined) data.title = title;
    if (notes !== undefined) data.notes = notes;
    if (content !== undefined && content !== doc.content) {
      const version = doc.version + 1;
      await tx.documentVersion.create({ data: { documentId: doc.id, version, content } });
      Object.assign(data, { content, version });
    }
    return tx.document.update({ ...selection(query), where: { id: doc.id }, data });
  });
}

export async function deleteDocument(viewer: Viewer, id: string) {
  const doc = await findOwnedDocument(viewer, id);
  await db().document.delete({ where: { id: doc.id } });
  return doc.id;
}

export function documentFilter(viewer: Viewer, args: { jobId?: string | null; type?: GenerationType | null }): Prisma.DocumentWhereInput {
  // A filter narrows the user's own documents: another user's job id matches none of them, so the
  // list is empty and says nothing about that job (a list is a connection, never a result union).
  return { userId: viewer.id, ...(args.jobId && { jobId: args.jobId }), ...(args.type && { type: args.type }) };
}
