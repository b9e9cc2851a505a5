import { db } from "../../db/client.ts";
import { NotFoundError, ValidationError } from "../../errors.ts";
import type { EnhancementJob, Notification, NotificationKind, Prisma } from "../../generated/prisma/client.ts";
import { pubsub } from "../../pubsub.ts";
import type { Viewer } from "../auth/tokens.ts";
import { clock } from "../../clock.ts";
import { enqueue } from "../../jobs/task.store.ts";
import { categoryOf, settingsOf } from "./settings.store.ts";

/*
 * The notification store: the only code that writes notifications. A creator writes inside the
 * transaction of the change it reports (so neither exists without the other) under a dedupe key
 * (so a retried or resumed job never notifies twice), and publishes after that commit.
 */

export interface NewNotification {
  userId: string;
  kind: NotificationKind;
  title: string;
  body: string;
  dedupeKey: string;
  jobId?: string;
  enhancementJobId?: string;
  documentId?: string;
}

export const EMAIL_TASK = "email";
export const EMAIL_MAX_ATTEMPTS = 8;

/** Set at start: whether email is configured (SMTP_URL). */
const delivery = { email: false };
export function configureDelivery(d: { email: boolean }) {
  delivery.email = d.email;
}

/**
 * Writes the notification in `tx` unless its key exists or the user turned its category off, and,
 * when the category goes by email (and not into the digest), the email task under the same key;
 * returns what to call after the commit.
 */
export async function notifyInTx(tx: Prisma.TransactionClient, n: NewNotification): Promise<(() => void) | undefined> {
  const existing = await tx.notification.findUnique({ where: { userId_dedupeKey: { userId: n.userId, dedupeKey: n.dedupeKey } }, select: { id: true } });
  if (existing) return undefined;
  const settings = await settingsOf(n.userId, tx);
  const channel = settings.channels[categoryOf(n.kind)];
  if (channel === "OFF") return undefined;
  const created = await tx.notification.create({ data: { ...n, createdAt: clock().now() } });
  const digested = settings.digestInsteadOfEmails && n.kind !== "WEEKLY_DIGEST";
  if (delivery.email && channel === "EMAIL" && !digested) {
    await enqueue(tx, { kind: EMAIL_TASK, key: `email:${n.userId}:${n.dedupeKey}`, runAt: clock().now(), userId: n.userId, payload: { notificationId: created.id }, maxAttempts: EMAIL_MAX_ATTEMPTS });
  }
  return () => pubsub.publish("notification:user", created.userId, created);
}

/**
 * notifyInTx in a transaction of its own, published after the commit; returns whether it was new.
 * Two writers of one dedupe key at once (the reminder scan and the digest's own follow-up pass,
 * or two instances) both pass the look-up on PostgreSQL: the unique key decides, and the loser's
 * P2002 means "already there", not a failed scan (which would wait for its retry backoff).
 */
export async function notify(n: NewNotification): Promise<boolean> {
  let after: (() => void) | undefined;
  try {
    after = await db().$transaction((tx) => notifyInTx(tx, n));
  } catch (e) {
    if ((e as { code?: string }).code === "P2002") return false;
    throw e;
  }
  after?.();
  return Boolean(after);
}

const ENHANCEMENT_TEXT = {
  COMPLETED: { kind: "ENHANCEMENT_COMPLETED", title: "Your profile enhancement is ready" },
  FAILED: { kind: "ENHANCEMENT_FAILED", title: "Your profile enhancement failed" },
  CANCELLED: { kind: "ENHANCEMENT_CANCELLED", title: "Your profile enhancement was cancelled" },
} as const;

/** The notification of an enhancement job's end (one per job, whatever retried). */
export function notifyEnhancementEnded(tx: Prisma.TransactionClient, job: EnhancementJob) {
  const text = ENHANCEMENT_TEXT[job.status as keyof typeof ENHANCEMENT_TEXT];
  if (!text) return Promise.resolve(undefined);
  return notifyInTx(tx, {
    userId: job.userId,
    kind: text.kind,
    title: text.title,
    body: job.status === "FAILED" && job.error ? `${job.message}: ${job.error}` : job.message,
    enhancementJobId: job.id,
    dedupeKey: `enhancement:${job.id}`,
  });
}

export function unreadCount(viewer: Viewer) {
  return db().notification.count({ where: { userId: viewer.id, readAt: null } });
}

const MAX_IDS = 100;

/** Marks the given notifications (or, with `all`, every one) read; returns how many changed. */
export async function markRead(viewer: Viewer, input: { ids?: readonly string[] | null; all?: boolean | null }): Promise<number> {
  if (!input.all && !input.ids?.length) throw ValidationError.field(["input", "ids"], "Name at least one notification id, or pass all: true");
  if (input.all && input.ids?.length) throw ValidationError.field(["input", "all"], "Pass either ids or all: true, not both");
  const ids = [...new Set(input.ids ?? [])];
  if (ids.length > MAX_IDS) throw ValidationError.field(["input", "ids"], `At most ${MAX_IDS} ids at once`);
  if (ids.length) {
    const owned = await db().notification.findMany({ where: { id: { in: ids }, userId: viewer.id }, select: { id: true } });
    const missing = ids.find((id) => !owned.some((o) => o.id === id));
    if (missing) throw new NotFoundError("Notification", missing);
  }
  const r = await db().notification.updateMany({ where: { userId: viewer.id, readAt: null, ...(ids.length && { id: { in: ids } }) }, data: { readAt: new Date() } });
  return r.count;
}

export async function remove(viewer: Viewer, id: string): Promise<string> {
  const r = await db().notification.deleteMany({ where: { id, userId: viewer.id } });
  if (!r.count) throw new NotFoundError("Notification", id);
  return id;
}

export type { Notification };
