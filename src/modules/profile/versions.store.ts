import { z } from "zod";
import { db } from "../../db/client.ts";
import { NotFoundError, PreconditionError, fromZod } from "../../errors.ts";
import type { Viewer } from "../auth/tokens.ts";
import { Prisma as PrismaNS, type Prisma } from "../../generated/prisma/client.ts";
import { EnhancedBulletsSchema, EnhancedSummarySchema } from "./profile.validation.ts";
import { published } from "./profile.store.ts";

// The profile store's half for enhanced versions: what an enhancement writes, and the user's
// choice between versions of the summary and each item. Every write publishes after it commits.

export type EnhancedItemKind = "SUMMARY" | "EXPERIENCE" | "PROJECT";

/** Model output goes through the profile's own rules (cleaned text, lengths) like any other write; what fails them is not saved. */
function checkedOutput(kind: EnhancedItemKind, out: string[] | undefined): string[] | null {
  if (!out) return null;
  const r = kind === "SUMMARY" ? EnhancedSummarySchema.safeParse(out[0]) : EnhancedBulletsSchema.safeParse(out);
  if (!r.success) return null;
  return Array.isArray(r.data) ? r.data : [r.data];
}

/**
 * Writes an enhancement's outputs in the caller's transaction (the job's finish, so a job that
 * lost its claim writes nothing) and rotates versions: the new text becomes `enhanced…`, the last
 * one `previousEnhanced…`. An item deleted while the job ran is skipped. Returns the publish to
 * call once the transaction committed.
 */
export async function writeEnhancedOutputs(
  tx: Prisma.TransactionClient,
  userId: string,
  profileId: string,
  items: { kind: EnhancedItemKind; itemId: string | null }[],
  outputs: Map<string | null, string[]>,
): Promise<() => void> {
  const profile = await tx.masterProfile.findUniqueOrThrow({ where: { id: profileId } });
  for (const item of items) {
    const out = checkedOutput(item.kind, outputs.get(item.itemId));
    if (!out) continue;
    if (item.kind === "SUMMARY") {
      await tx.masterProfile.update({
        where: { id: profileId },
        data: { previousEnhancedSummary: profile.enhancedSummary, enhancedSummary: out[0] },
      });
    } else {
      const where = { id: item.itemId! };
      const row = item.kind === "EXPERIENCE"
        ? await tx.experience.findUnique({ where, select: { enhancedBullets: true } })
        : await tx.project.findUnique({ where, select: { enhancedBullets: true } });
      if (!row) continue;
      const data = { previousEnhancedBullets: row.enhancedBullets ?? PrismaNS.DbNull, enhancedBullets: out };
      if (item.kind === "EXPERIENCE") await tx.experience.update({ where, data });
      else await tx.project.update({ where, data });
    }
  }
  await tx.masterProfile.update({ where: { id: profileId }, data: { enhancementVersion: { increment: 1 }, lastEnhancedAt: new Date() } });
  return () => published(userId, profileId, null);
}

const VersionInput = z.object({ itemId: z.string().min(1).nullish(), use: z.boolean().optional() });

/** Finds the target (an experience, a project, or the summary when itemId is omitted). */
async function findTarget(viewer: Viewer, itemId: string | null | undefined) {
  const profile = await db().masterProfile.findUnique({ where: { userId: viewer.id } });
  if (!profile) throw new NotFoundError("Profile");
  if (!itemId) return { kind: "SUMMARY" as const, profile };
  const exp = await db().experience.findFirst({ where: { id: itemId, profileId: profile.id } });
  if (exp) return { kind: "EXPERIENCE" as const, profile, row: exp };
  const proj = await db().project.findFirst({ where: { id: itemId, profileId: profile.id } });
  if (proj) return { kind: "PROJECT" as const, profile, row: proj };
  throw new NotFoundError("Experience or project", itemId);
}

export async function setUseEnhanced(viewer: Viewer, input: unknown) {
  const parsed = VersionInput.required({ use: true }).safeParse(input);
  if (!parsed.success) throw fromZod(parsed.error.issues);
  const target = await findTarget(viewer, parsed.data.itemId);
  const use = parsed.data.use!;
  if (target.kind === "SUMMARY") {
    if (use && !target.profile.enhancedSummary) throw new PreconditionError("The summary has no enhanced version yet");
    await db().masterProfile.update({ where: { id: target.profile.id }, data: { useEnhancedSummary: use } });
  } else {
    if (use && target.row.enhancedBullets == null) throw new PreconditionError("This item has no enhanced version yet");
    if (target.kind === "EXPERIENCE") await db().experience.update({ where: { id: target.row.id }, data: { useEnhanced: use } });
    else await db().project.update({ where: { id: target.row.id }, data: { useEnhanced: use } });
  }
  return published(viewer.id, target.profile.id, target.profile.id);
}

/** Puts the previous enhanced version back; with none, drops the enhanced text (back to the original). */
export async function revertEnhancement(viewer: Viewer, input: unknown) {
  const parsed = VersionInput.safeParse(input);
  if (!parsed.success) throw fromZod(parsed.error.issues);
  const target = await findTarget(viewer, parsed.data.itemId);
  if (target.kind === "SUMMARY") {
    const p = target.profile;
    if (!p.enhancedSummary) throw new PreconditionError("The summary has no enhanced version to revert");
    await db().masterProfile.update({
      where: { id: p.id },
      data: { enhancedSummary: p.previousEnhancedSummary, previousEnhancedSummary: null, useEnhancedSummary: p.previousEnhancedSummary ? p.useEnhancedSummary : false },
    });
  } else {
    const row = target.row;
    if (row.enhancedBullets == null) throw new PreconditionError("This item has no enhanced version to revert");
    const data = {
      enhancedBullets: row.previousEnhancedBullets == null ? PrismaNS.DbNull : (row.previousEnhancedBullets as Prisma.InputJsonValue),
      previousEnhancedBullets: PrismaNS.DbNull,
      useEnhanced: row.previousEnhancedBullets != null ? row.useEnhanced : false,
    };
    if (target.kind === "EXPERIENCE") await db().experience.update({ where: { id: row.id }, data });
    else await db().project.update({ where: { id: row.id }, data });
  }
  return published(viewer.id, target.profile.id, target.profile.id);
}
