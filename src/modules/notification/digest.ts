import { db } from "../../db/client.ts";
import type { ApplicationStatus } from "../../generated/prisma/client.ts";
import type { Settings } from "./settings.store.ts";

export const DAY = 86_400_000;
const STATUS_TEXT: Record<ApplicationStatus, string> = {
  NOT_APPLIED: "saved, not applied",
  APPLIED: "applied",
  INTERVIEWING: "interviewing",
  OFFER: "offer",
  REJECTED: "rejected",
  WITHDRAWN: "withdrawn",
  ACCEPTED: "accepted",
};
/** "Data Engineer at Globex", as every reminder and digest names an application. */
export const jobName = (j: { title: string | null; company: string | null }) => `${j.title ?? "the job"}${j.company ? ` at ${j.company}` : ""}`;
const day = (d: Date) => d.toISOString().slice(0, 10);

/**
 * The weekly digest of one user's pipeline: applications by status, the quiet ones, what changed
 * this week, interviews coming up, and (for a user who asked for the digest instead of single
 * emails) the week's other notifications.
 */
export async function buildDigest(userId: string, now: Date, settings: Settings): Promise<{ title: string; body: string }> {
  const since = new Date(now.getTime() - 7 * DAY);
  const [byStatus, quiet, changes, interviews, notes] = await Promise.all([
    db().job.groupBy({ by: ["applicationStatus"], where: { userId, status: "ACTIVE" }, _count: { _all: true } }),
    db().job.findMany({
      where: { userId, status: "ACTIVE", applicationStatus: "APPLIED", statusChangedAt: { lte: new Date(now.getTime() - settings.followUpDays * DAY) } },
      select: { title: true, company: true, statusChangedAt: true },
      orderBy: { statusChangedAt: "asc" },
      take: 20,
    }),
    db().applicationStatusEvent.findMany({
      where: { job: { userId }, createdAt: { gt: since, lte: now } },
      select: { toStatus: true, createdAt: true, job: { select: { title: true, company: true } } },
      orderBy: { createdAt: "asc" },
      take: 50,
    }),
    db().interview.findMany({ where: { userId, at: { gt: now, lte: new Date(now.getTime() + 7 * DAY) } }, select: { at: true, job: { select: { title: true, company: true } } }, orderBy: { at: "asc" } }),
    settings.digestInsteadOfEmails
      ? db().notification.findMany({ where: { userId, kind: { not: "WEEKLY_DIGEST" }, createdAt: { gt: since } }, select: { title: true }, orderBy: { createdAt: "asc" }, take: 50 })
      : Promise.resolve([]),
  ]);
  const total = byStatus.reduce((n, s) => n + s._count._all, 0);
  const sections: string[] = [];
  sections.push(
    total
      ? `Applications by status (${total} active):\n` + byStatus.map((s) => `- ${STATUS_TEXT[s.applicationStatus]}: ${s._count._all}`).join("\n")
      : "No active applications yet.",
  );
  if (quiet.length) {
    sections.push(
      `Quiet for ${settings.followUpDays}+ days, worth a follow-up:\n` +
        quiet.map((j) => `- ${jobName(j)} (applied ${Math.floor((now.getTime() - j.statusChangedAt.getTime()) / DAY)} days ago)`).join("\n"),
    );
  }
  sections.push(changes.length ? `What changed this week:\n` + changes.map((c) => `- ${day(c.createdAt)}: ${jobName(c.job)} → ${STATUS_TEXT[c.toStatus]}`).join("\n") : "No status changes this week.");
  if (interviews.length) sections.push(`Interviews in the next 7 days:\n` + interviews.map((i) => `- ${i.at.toISOString().replace("T", " ").slice(0, 16)} UTC: ${jobName(i.job)}`).join("\n"));
  if (notes.length) sections.push(`Also this week:\n` + notes.map((n) => `- ${n.title}`).join("\n"));
  return { title: `Your week: ${total} active application${total === 1 ? "" : "s"}, ${quiet.length} to follow up`, body: sections.join("\n\n") };
}
