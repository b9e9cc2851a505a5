import { z } from "zod";
import { db } from "../../db/client.ts";
import { fromZod } from "../../errors.ts";
import type { NotificationKind, NotificationSettings, Prisma } from "../../generated/prisma/client.ts";
import type { Viewer } from "../auth/tokens.ts";

/*
 * Per-user notification settings. Notifications come in categories; each category goes to one
 * channel: EMAIL (in the app and by email), IN_APP (in the app only) or OFF (not at all). A user
 * without a settings row has the defaults below; every field read goes through `settingsOf`.
 */

export const CATEGORIES = ["ENHANCEMENT", "FOLLOW_UP", "INTERVIEW", "IMPORT", "DIGEST"] as const;
export type Category = (typeof CATEGORIES)[number];
export const CHANNELS = ["EMAIL", "IN_APP", "OFF"] as const;
export type Channel = (typeof CHANNELS)[number];

export const DEFAULT_CHANNELS: Record<Category, Channel> = {
  ENHANCEMENT: "IN_APP",
  FOLLOW_UP: "EMAIL",
  INTERVIEW: "EMAIL",
  IMPORT: "IN_APP",
  DIGEST: "EMAIL",
};
export const DEFAULT_FOLLOW_UP_DAYS = 7;

const CATEGORY_OF: Record<NotificationKind, Category> = {
  ENHANCEMENT_COMPLETED: "ENHANCEMENT",
  ENHANCEMENT_FAILED: "ENHANCEMENT",
  ENHANCEMENT_CANCELLED: "ENHANCEMENT",
  FOLLOW_UP_REMINDER: "FOLLOW_UP",
  INTERVIEW_REMINDER: "INTERVIEW",
  WEEKLY_DIGEST: "DIGEST",
  IMPORT_NEEDS_REVIEW: "IMPORT",
};
export const categoryOf = (kind: NotificationKind): Category => CATEGORY_OF[kind];

export interface Settings {
  followUpDays: number;
  weeklyDigest: boolean;
  digestSince: Date | null;
  digestInsteadOfEmails: boolean;
  channels: Record<Category, Channel>;
}

function fromRow(row: NotificationSettings | null): Settings {
  const stored = (row?.channels ?? {}) as Partial<Record<string, string>>;
  const channels = Object.fromEntries(
    CATEGORIES.map((c) => [c, (CHANNELS as readonly string[]).includes(stored[c] ?? "") ? stored[c] : DEFAULT_CHANNELS[c]]),
  ) as Record<Category, Channel>;
  return {
    followUpDays: row?.followUpDays ?? DEFAULT_FOLLOW_UP_DAYS,
    weeklyDigest: row?.weeklyDigest ?? false,
    digestSince: row?.digestSince ?? null,
    digestInsteadOfEmails: row?.digestInsteadOfEmails ?? false,
    channels,
  };
}

type Db = Prisma.TransactionClient | ReturnType<typeof db>;

export async function settingsOf(userId: string, client: Db = db()): Promise<Settings> {
  return fromRow(await client.notificationSettings.findUnique({ where: { userId } }));
}

const UpdateSchema = z.object({
  followUpDays: z.number().int("A whole number of days").min(1, "At least 1 day").max(90, "At most 90 days").nullish(),
  weeklyDigest: z.boolean().nullish(),
  digestInsteadOfEmails: z.boolean().nullish(),
  channels: z
    .array(z.object({ category: z.enum(CATEGORIES), channel: z.enum(CHANNELS) }))
    .max(CATEGORIES.length * 2)
    .nullish()
    .superRefine((list, ctx) => {
      const seen = new Set<string>();
      list?.forEach((c, i) => {
        if (seen.has(c.category)) ctx.addIssue({ code: "custom", path: [i, "category"], message: `${c.category} is listed twice` });
        seen.add(c.category);
      });
    }),
});
export type SettingsUpdate = z.input<typeof UpdateSchema>;

/** Changes what is given and keeps the rest; switching the digest on starts its weeks now. */
export async function updateSettings(viewer: Viewer, input: SettingsUpdate, now: Date): Promise<Settings> {
  const parsed = UpdateSchema.safeParse(input);
  if (!parsed.success) throw fromZod(parsed.error.issues);
  const u = parsed.data;
  return db().$transaction(async (tx) => {
    const current = await settingsOf(viewer.id, tx);
    const channels = { ...current.channels };
    for (const c of u.channels ?? []) channels[c.category] = c.channel;
    const weeklyDigest = u.weeklyDigest ?? current.weeklyDigest;
    const data = {
      followUpDays: u.followUpDays ?? current.followUpDays,
      weeklyDigest,
      digestSince: weeklyDigest ? (current.weeklyDigest ? current.digestSince : now) : null,
      digestInsteadOfEmails: u.digestInsteadOfEmails ?? current.digestInsteadOfEmails,
      channels,
    };
    const row = await tx.notificationSettings.upsert({ where: { userId: viewer.id }, create: { userId: viewer.id, ...data }, update: data });
    return fromRow(row);
  });
}

/** The unsubscribe link's effect: that category (or every one) stops sending email; in-app stays. */
export async function unsubscribe(userId: string, category: Category | "ALL"): Promise<void> {
  await db().$transaction(async (tx) => {
    const current = await settingsOf(userId, tx);
    const channels = { ...current.channels };
    for (const c of CATEGORIES) if ((category === "ALL" || c === category) && channels[c] === "EMAIL") channels[c] = "IN_APP";
    const digest = category === "ALL" || category === "DIGEST" ? { weeklyDigest: false, digestSince: null } : {};
    await tx.notificationSettings.upsert({
      where: { userId },
      create: { userId, followUpDays: current.followUpDays, digestInsteadOfEmails: current.digestInsteadOfEmails, channels, weeklyDigest: current.weeklyDigest, digestSince: current.digestSince, ...digest },
      update: { channels, ...digest },
    });
  });
}
