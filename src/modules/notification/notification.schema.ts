import { builder } from "../../graphql/builder.ts";
import { pageSize } from "../../graphql/pagination.ts";
import { NotFoundError, ValidationError } from "../../graphql/errors.ts";
import { db } from "../../db/client.ts";
import { selection } from "../../db/query.ts";
import { pubsub } from "../../pubsub.ts";
import { requireViewer } from "../../context.ts";
import * as notifications from "./notification.store.ts";

const KindEnum = builder.enumType("NotificationKind", {
  description: "What a notification is about",
  values: {
    ENHANCEMENT_COMPLETED: { description: "An enhancement job finished; the profile holds the new versions" },
    ENHANCEMENT_FAILED: { description: "An enhancement job failed; the profile is unchanged" },
    ENHANCEMENT_CANCELLED: { description: "An enhancement job was cancelled; the profile is unchanged" },
    FOLLOW_UP_REMINDER: { description: "An application has been quiet in APPLIED for the follow-up delay (jobId says which)" },
    INTERVIEW_REMINDER: { description: "An interview is due within a day (jobId says which application)" },
    WEEKLY_DIGEST: { description: "The weekly digest: applications by status, quiet ones, what changed" },
    IMPORT_NEEDS_REVIEW: { description: "An import was applied with fields the parser was unsure of; check them in the profile" },
  } as const,
});

builder.prismaObject("Notification", {
  description: "Something the user should know about, newest first in `notifications`",
  fields: (t) => ({
    id: t.exposeID("id", { description: "Pass it to markNotificationsRead or deleteNotification" }),
    kind: t.field({ type: KindEnum, description: "What it is about", resolve: (n) => n.kind }),
    title: t.exposeString("title", { description: "One line for a person to read" }),
    body: t.exposeString("body", { description: "The details" }),
    enhancementJobId: t.exposeID("enhancementJobId", { nullable: true, description: "The enhancement job it concerns, if any" }),
    jobId: t.exposeID("jobId", { nullable: true, description: "The job (application) it concerns, if any" }),
    documentId: t.exposeID("documentId", { nullable: true, description: "The document it concerns, if any" }),
    read: t.boolean({ description: "True once marked read", resolve: (n) => n.readAt !== null }),
    readAt: t.expose("readAt", { type: "DateTime", nullable: true, description: "When it was marked read; null while unread" }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When it was created" }),
  }),
});

builder.queryField("notifications", (t) =>
  t.prismaConnection({
    type: "Notification",
    cursor: "id",
    maxSize: pageSize,
    authScopes: { viewer: true },
    description: "The user's notifications, newest first",
    args: { unreadOnly: t.arg.boolean({ description: "Only those not yet marked read; default false" }) },
    resolve: (query, _r, args, ctx) =>
      db().notification.findMany({
        ...selection(query),
        where: { userId: ctx.viewer!.id, ...(args.unreadOnly && { readAt: null }) },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      }),
  }),
);

builder.queryField("unreadNotificationCount", (t) =>
  t.int({ authScopes: { viewer: true }, description: "How many of the user's notifications are unread (for a badge)", resolve: (_r, _a, ctx) => notifications.unreadCount(ctx.viewer!) }),
);

const MarkReadInput = builder.inputType("MarkNotificationsReadInput", {
  description: "Which notifications to mark read: some ids, or all",
  fields: (t) => ({
    ids: t.idList({ description: "Up to 100 of the user's notification ids" }),
    all: t.boolean({ description: "true: every unread notification (then leave ids out)" }),
  }),
});
const MarkReadPayload = builder.objectRef<{ marked: number; unread: number }>("MarkNotificationsReadPayload").implement({
  description: "What markNotificationsRead changed",
  fields: (t) => ({
    marked: t.exposeInt("marked", { description: "How many were unread and are now read" }),
    unreadCount: t.exposeInt("unread", { description: "Unread notifications left" }),
  }),
});
builder.mutationField("markNotificationsRead", (t) =>
  t.field({
    type: MarkReadPayload,
    authScopes: { viewer: true },
    description: "Marks notifications read. Errors: ValidationError (neither or both of ids and all, more than 100 ids), NotFoundError (an id the user does not own; nothing is marked)",
    args: { input: t.arg({ type: MarkReadInput, required: true }) },
    errors: { types: [ValidationError, NotFoundError] },
    resolve: async (_r, { input }, ctx) => {
      const marked = await notifications.markRead(ctx.viewer!, { ids: input.ids?.map(String), all: input.all });
      return { marked, unread: await notifications.unreadCount(ctx.viewer!) };
    },
  }),
);

const DeleteInput = builder.inputType("DeleteNotificationInput", {
  description: "Which notification to delete",
  fields: (t) => ({ id: t.id({ required: true, description: "The notification's id" }) }),
});
const DeletedNotification = builder.objectRef<{ deletedId: string }>("DeletedNotification").implement({
  description: "The id of the deleted notification (evict it from client caches)",
  fields: (t) => ({ deletedId: t.exposeID("deletedId", { description: "The deleted notification's id" }) }),
});
builder.mutationField("deleteNotification", (t) =>
  t.field({
    type: DeletedNotification,
    authScopes: { viewer: true },
    description: "Deletes one notification. Errors: NotFoundError",
    args: { input: t.arg({ type: DeleteInput, required: true }) },
    errors: { types: [NotFoundError] },
    resolve: async (_r, { input }, ctx) => ({ deletedId: await notifications.remove(ctx.viewer!, String(input.id)) }),
  }),
);

builder.subscriptionField("notificationAdded", (t) =>
  t.prismaField({
    type: "Notification",
    authScopes: { viewer: true },
    description: "Every notification created for the signed-in user, as it is created (graphql-ws or SSE)",
    subscribe: (_r, _a, ctx) => pubsub.subscribe("notification:user", requireViewer(ctx).id),
    resolve: (_q, n) => n,
  }),
);
