import { db } from "../../db/client.ts";
import type { Prisma, Task } from "../../generated/prisma/client.ts";
import type { Clock, JobKind } from "../../jobs/runner.ts";
import { cancelQueued, enqueue, exponential, taskKind } from "../../jobs/task.store.ts";
import { notify } from "./notification.store.ts";
import { DEFAULT_FOLLOW_UP_DAYS, settingsOf } from "./settings.store.ts";
import { DAY, buildDigest, jobName } from "./digest.ts";

/*
 * The scheduled notification kinds. Each notification's dedupe key names what it is about and
 * the state it reports, so a scan that runs twice (a retry, a restart, a second instance) finds the
 * key and writes nothing:
 *   follow-up:<jobId>:<statusChangedAt>  one per application per stage (a new APPLIED is a new stage)
 *   interview:<interviewId>:<at>         one per interview time (a rescheduled interview reminds again)
 *   digest:<userId>:<week number>        one per opted-in user per week since opting in
 */

export const REMINDER_SCAN = "reminder-scan";
export const INTERVIEW_REMINDER = "interview-reminder";
export const WEEKLY_DIGEST = "weekly-digest";


/** Writes a follow-up reminder for every application quiet in APPLIED past its user's (or its own) limit. */
export async function followUpScan(now: Date): Promise<number> {
  const candidates = await db().job.findMany({
    where: { applicationStatus: "APPLIED", status: "ACTIVE", statusChangedAt: { lte: new Date(now.getTime() - DAY) }, OR: [{ followUpDays: null }, { followUpDays: { gt: 0 } }] },
    select: { id: true, userId: true, title: true, company: true, statusChangedAt: true, followUpDays: true },
    orderBy: { statusChangedAt: "asc" },
    take: 5000,
  });
  const key = (j: (typeof candidates)[number]) => `follow-up:${j.id}:${j.statusChangedAt.getTime()}`;
  const done = new Set(
    (await db().notification.findMany({ where: { dedupeKey: { in: candidates.map(key) } }, select: { dedupeKey: true } })).map((n) => n.dedupeKey),
  );
  const userIds = [...new Set(candidates.map((j) => j.userId))];
  const days = new Map((await db().notificationSettings.findMany({ where: { userId: { in: userIds } }, select: { userId: true, followUpDays: true } })).map((s) => [s.userId, s.followUpDays]));
  let written = 0;
  for (const j of candidates) {
    if (done.has(key(j))) continue;
    const limit = j.followUpDays ?? days.get(j.userId) ?? DEFAULT_FOLLOW_UP_DAYS;
    const quiet = Math.floor((now.getTime() - j.statusChangedAt.getTime()) / DAY);
    if (quiet < limit) continue;
    const created = await notify({
      userId: j.userId,
      kind: "FOLLOW_UP_REMINDER",
      title: `Follow up on ${jobName(j)}`,
      body: `You applied to ${jobName(j)} ${quiet} days ago and the application has not moved since. A short, polite note to the recruiter often gets it going; if you heard back, update its status.`,
      jobId: j.id,
      dedupeKey: key(j),
    });
    if (created) written++;
  }
  return written;
}

type Db = Prisma.TransactionClient | ReturnType<typeof db>;
const interviewKey = (id: string, at: Date) => `interview:${id}:${at.getTime()}`;

/** Schedules the reminder of an interview for the day before (at once when that is already past). */
export async function scheduleInterviewReminder(client: Db, i: { id: string; userId: string; at: Date }, now: Date) {
  if (i.at <= now) return;
  const runAt = new Date(Math.max(now.getTime(), i.at.getTime() - DAY));
  await enqueue(client, { kind: INTERVIEW_REMINDER, key: interviewKey(i.id, i.at), runAt, userId: i.userId, payload: { interviewId: i.id, at: i.at.toISOString() } });
}

export async function cancelInterviewReminder(client: Db, i: { id: string; at: Date }) {
  await cancelQueued(client, interviewKey(i.id, i.at));
}

async function remindInterview(task: Task, now: Date) {
  const { interviewId, at } = task.payload as { interviewId: string; at: string };
  const i = await db().interview.findUnique({ where: { id: interviewId }, include: { job: { select: { title: true, company: true } } } });
  // Deleted, moved (the new time has its own task) or already over: nothing to say.
  if (!i || i.at.toISOString() !== at || i.at <= now) return;
  const when = i.at.toISOString().replace("T", " ").slice(0, 16) + " UTC";
  await notify({
    userId: i.userId,
    kind: "INTERVIEW_REMINDER",
    title: `Interview tomorrow: ${jobName(i.job)}`,
    body: `Your interview for ${jobName(i.job)} is at ${when}.${i.note ? `\n\n${i.note}` : ""}\n\nRank your profile against the job and reread its requirements before you go.`,
    jobId: i.jobId,
    dedupeKey: interviewKey(i.id, i.at),
  });
}

/** Writes this week's digest for every opted-in user whose week has come round. */
export async function digestScan(now: Date): Promise<number> {
  // Reminders due by now are written first (idempotent), so the digest lists them.
  await followUpScan(now);
  const users = await db().notificationSettings.findMany({ where: { weeklyDigest: true, digestSince: { lte: new Date(now.getTime() - 7 * DAY) } }, select: { userId: true, digestSince: true } });
  let written = 0;
  for (const u of users) {
    const week = Math.floor((now.getTime() - u.digestSince!.getTime()) / (7 * DAY));
    const dedupeKey = `digest:${u.userId}:${week}`;
    if (await db().notification.findUnique({ where: { userId_dedupeKey: { userId: u.userId, dedupeKey } }, select: { id: true } })) continue;
    const settings = await settingsOf(u.userId);
    const digest = await buildDigest(u.userId, now, settings);
    if (await notify({ userId: u.userId, kind: "WEEKLY_DIGEST", title: digest.title, body: digest.body, dedupeKey })) written++;
  }
  return written;
}

/** The three scheduled kinds; the two scans are recurring tasks (one row each, re-armed after each run). */
export function reminderKinds(o: { clock: Clock; scanEveryMs: number }): JobKind<Task>[] {
  const retry = exponential(60_000, 3_600_000);
  return [
    taskKind({ name: REMINDER_SCAN, concurrency: 1, clock: o.clock, everyMs: o.scanEveryMs, backoffMs: retry, run: () => followUpScan(o.clock.now()).then(() => undefined) }),
    taskKind({ name: WEEKLY_DIGEST, concurrency: 1, clock: o.clock, everyMs: o.scanEveryMs, backoffMs: retry, run: () => digestScan(o.clock.now()).then(() => undefined) }),
    taskKind({ name: INTERVIEW_REMINDER, concurrency: 2, clock: o.clock, backoffMs: retry, run: (task) => remindInterview(task, o.clock.now()) }),
  ];
}

/** Creates the recurring scan rows once (their unique keys make every later start a no-op). */
export async function ensureRecurring(now: Date): Promise<void> {
  for (const kind of [REMINDER_SCAN, WEEKLY_DIGEST]) await enqueue(db(), { kind, key: `recurring:${kind}`, runAt: now, maxAttempts: 3 });
}
