import { z } from "zod";
import { db } from "../../db/client.ts";
import { NotFoundError, PreconditionError, fromZod } from "../../graphql/errors.ts";
import type { Viewer } from "../auth/tokens.ts";
import { Prisma as PrismaNS, type Prisma } from "../../generated/prisma/client.ts";

// Enhanced versions of the summary and each item: choose one, or revert to the previous one.

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
  return target.profile.id;
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
  return target.profile.id;
}
