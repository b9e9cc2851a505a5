import { db } from "../../db/client.ts";
import { NotFoundError, ValidationError } from "../../errors.ts";
import type { Interview, Prisma } from "../../generated/prisma/client.ts";
import type { Viewer } from "../auth/tokens.ts";
import { clock } from "../../clock.ts";
import { selection } from "../../db/query.ts";
import { safeString } from "../../core/safe-text.ts";
import { z } from "zod";
import { findOwnedJob } from "./job.service.ts";
import { cancelInterviewReminder, scheduleInterviewReminder } from "../notification/reminders.ts";

/*
 * Interviews of an application. Each has a reminder task for the day before, keyed by the
 * interview and its time: moving an interview cancels the old time's reminder and schedules the
 * new one; deleting it cancels its reminder.
 */

const YEAR = 365 * 86_400_000;
const MAX_PER_JOB = 20;
const Note = safeString(z.string().trim().max(1000, "Note must be at most 1000 characters")).nullish();

export function checkInterviewTime(at: Date, now: Date, path: string[]) {
  if (Math.abs(at.getTime() - now.getTime()) > 2 * YEAR) throw ValidationError.field(path, "The interview must be within two years of today");
}

function checkNote(note: string | null | undefined): string | null {
  const r = Note.safeParse(note);
  if (!r.success) throw ValidationError.field(["input", "note"], r.error.issues[0].message);
  return r.data ?? null;
}

export async function addInterviewInTx(tx: Prisma.TransactionClient, i: { userId: string; jobId: string; at: Date; note: string | null }, now: Date, query: object = {}): Promise<Interview> {
  if ((await tx.interview.count({ where: { jobId: i.jobId } })) >= MAX_PER_JOB) throw ValidationError.field(["input", "jobId"], `At most ${MAX_PER_JOB} interviews per application`);
  const created = await tx.interview.create({ data: i });
  await scheduleInterviewReminder(tx, created, now);
  return query && Object.keys(query).length ? tx.interview.findUniqueOrThrow({ ...selection(query), where: { id: created.id } }) : created;
}

export async function scheduleInterview(viewer: Viewer, input: { jobId: string; at: Date; note?: string | null }, query: object = {}) {
  const job = await findOwnedJob(viewer, input.jobId);
  const now = clock().now();
  checkInterviewTime(input.at, now, ["input", "at"]);
  const note = checkNote(input.note);
  return db().$transaction((tx) => addInterviewInTx(tx, { userId: viewer.id, jobId: job.id, at: input.at, note }, now, query));
}

async function findOwned(viewer: Viewer, id: string) {
  const i = await db().interview.findFirst({ where: { id, userId: viewer.id } });
  if (!i) throw new NotFoundError("Interview", id);
  return i;
}

export async function rescheduleInterview(viewer: Viewer, input: { id: string; at?: Date | null; note?: string | null }, query: object = {}) {
  const existing = await findOwned(viewer, input.id);
  const now = clock().now();
  if (input.at) checkInterviewTime(input.at, now, ["input", "at"]);
  const note = input.note === undefined ? existing.note : checkNote(input.note);
  return db().$transaction(async (tx) => {
    const updated = await tx.interview.update({ ...selection(query), where: { id: existing.id }, data: { at: input.at ?? existing.at, note } });
    if (input.at && input.at.getTime() !== existing.at.getTime()) {
      await cancelInterviewReminder(tx, existing);
      await scheduleInterviewReminder(tx, { id: existing.id, userId: existing.userId, at: input.at }, now);
    }
    return updated;
  });
}

export async function cancelInterview(viewer: Viewer, id: string): Promise<string> {
  const existing = await findOwned(viewer, id);
  await db().$transaction(async (tx) => {
    await tx.interview.delete({ where: { id: existing.id } });
    await cancelInterviewReminder(tx, existing);
  });
  return existing.id;
}
