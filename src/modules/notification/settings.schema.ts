import { builder } from "../../graphql/builder.ts";
import { ValidationError } from "../../graphql/errors.ts";
import { clock } from "../../clock.ts";
import { CATEGORIES, CHANNELS, settingsOf, updateSettings, type Settings } from "./settings.store.ts";

const CategoryEnum = builder.enumType("NotificationCategory", {
  description: "A group of notification kinds that share one delivery choice",
  values: {
    ENHANCEMENT: { description: "Enhancement jobs completed, failed or cancelled (default IN_APP)" },
    FOLLOW_UP: { description: "Follow-up reminders on quiet applications (default EMAIL)" },
    INTERVIEW: { description: "Interview reminders, the day before (default EMAIL)" },
    IMPORT: { description: "Imports that need a review (default IN_APP)" },
    DIGEST: { description: "The weekly digest, when switched on (default EMAIL)" },
  } as const,
});
const ChannelEnum = builder.enumType("NotificationChannel", {
  description: "Where notifications of a category go",
  values: {
    EMAIL: { description: "In the app and by email (email only when the server has SMTP_URL)" },
    IN_APP: { description: "In the app only" },
    OFF: { description: "Not at all" },
  } as const,
});

const CategoryChannel = builder.objectRef<{ category: (typeof CATEGORIES)[number]; channel: (typeof CHANNELS)[number] }>("NotificationCategoryChannel").implement({
  description: "One category's delivery choice",
  fields: (t) => ({
    category: t.field({ type: CategoryEnum, description: "The category", resolve: (c) => c.category }),
    channel: t.field({ type: ChannelEnum, description: "Where it goes", resolve: (c) => c.channel }),
  }),
});

const SettingsRef = builder.objectRef<Settings>("NotificationSettings").implement({
  description: "What the user is told, and how",
  fields: (t) => ({
    followUpDays: t.exposeInt("followUpDays", { description: "Days an application may stay quiet in APPLIED before a follow-up reminder (default 7)" }),
    weeklyDigest: t.exposeBoolean("weeklyDigest", { description: "Whether the weekly digest is on (default false)" }),
    digestInsteadOfEmails: t.exposeBoolean("digestInsteadOfEmails", { description: "Emails of every category are held for the weekly digest instead of sent one by one" }),
    channels: t.field({ type: [CategoryChannel], description: "Every category with its channel", resolve: (s) => CATEGORIES.map((category) => ({ category, channel: s.channels[category] })) }),
  }),
});

builder.queryField("notificationSettings", (t) =>
  t.field({ type: SettingsRef, authScopes: { viewer: true }, description: "The user's notification settings (defaults until changed)", resolve: (_r, _a, ctx) => settingsOf(ctx.viewer!.id) }),
);

const CategoryChannelInput = builder.inputType("NotificationCategoryChannelInput", {
  description: "One category's new channel",
  fields: (t) => ({
    category: t.field({ type: CategoryEnum, required: true, description: "The category" }),
    channel: t.field({ type: ChannelEnum, required: true, description: "Where it goes from now on" }),
  }),
});
const UpdateInput = builder.inputType("UpdateNotificationSettingsInput", {
  description: "The settings to change; omitted ones stay",
  fields: (t) => ({
    followUpDays: t.int({ description: "1 to 90 days" }),
    weeklyDigest: t.boolean({ description: "Switch the weekly digest on (its first one comes a week from now) or off" }),
    digestInsteadOfEmails: t.boolean({ description: "Hold emails for the weekly digest instead of sending them one by one" }),
    channels: t.field({ type: [CategoryChannelInput], description: "Categories to change, each at most once" }),
  }),
});

builder.mutationField("updateNotificationSettings", (t) =>
  t.field({
    type: SettingsRef,
    authScopes: { viewer: true },
    description: "Changes the user's notification settings. Errors: ValidationError (followUpDays out of 1..90, a category listed twice)",
    args: { input: t.arg({ type: UpdateInput, required: true }) },
    errors: { types: [ValidationError] },
    resolve: (_r, { input }, ctx) => updateSettings(ctx.viewer!, input, clock().now()),
  }),
);
