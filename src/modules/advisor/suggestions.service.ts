// Profile changes read from what the user told the advisor: pending until the user decides, and an
// accepted one is written through the profile store (validation, events, cache invalidation).

import { db } from "../../db/client.ts";
import { ConflictError, NotFoundError, PreconditionError } from "../../errors.ts";
import type { ProfileSuggestion, SuggestionStatus } from "../../generated/prisma/client.ts";
import type { Viewer } from "../auth/tokens.ts";
import { getProfile, updateItem, upsertProfile } from "../profile/profile.store.ts";

export function listSuggestions(viewer: Viewer, status: SuggestionStatus | null | undefined, query: object = {}) {
  return db().profileSuggestion.findMany({ ...query, where: { userId: viewer.id, ...(status ? { status } : {}) }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
}

export async function decideSuggestion(viewer: Viewer, id: string, accept: boolean): Promise<ProfileSuggestion> {
  const s = await db().profileSuggestion.findFirst({ where: { id, userId: viewer.id } });
  if (!s) throw new NotFoundError("Suggestion", id);
  if (s.status !== "PENDING") throw new ConflictError(`The suggestion was already ${s.status.toLowerCase()}`);
  if (accept) await apply(viewer, s);
  // Only a still-pending row changes: two decisions at once cannot both win.
  const { count } = await db().profileSuggestion.updateMany({ where: { id, status: "PENDING" }, data: { status: accept ? "ACCEPTED" : "REJECTED", decidedAt: new Date() } });
  if (count === 0) throw new ConflictError("The suggestion was decided meanwhile");
  return db().profileSuggestion.findUniqueOrThrow({ where: { id } });
}

async function apply(viewer: Viewer, s: ProfileSuggestion): Promise<void> {
  if (s.kind === "ADD_BULLET") {
    const e = await db().experience.findFirst({ where: { id: s.targetId ?? "", profile: { userId: viewer.id } } });
    if (!e) throw new PreconditionError("The experience this suggestion belongs to no longer exists; reject it instead");
    const bullets = e.bullets as string[];
    if (!bullets.includes(s.text)) await updateItem("experience", viewer, { id: e.id, bullets: [...bullets, s.text] });
    return;
  }
  const profile = await getProfile(viewer);
  if (!profile) throw new PreconditionError("Create a profile first");
  const skills = profile.skills as { technical?: string[] };
  const technical = skills.technical ?? [];
  if (!technical.some((t) => t.toLowerCase() === s.text.toLowerCase())) await upsertProfile(viewer, { skills: { ...skills, technical: [...technical, s.text] } });
}
