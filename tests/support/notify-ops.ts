import { graphql } from "../gql/index.ts";
import { db } from "../../src/db/client.ts";
import type { ManualClock } from "../../src/clock.ts";
import { ok, success, type TestServer } from "./server.ts";
import { CreateJobDoc } from "./job-ops.ts";
import { eventually } from "./smtp.ts";

export const DAY = 86_400_000;

export const SetStatusDoc = graphql(`mutation SetStatusForReminders($input: SetApplicationStatusInput!) { setApplicationStatus(input: $input) {
  __typename ... on MutationSetApplicationStatusSuccess { data { id applicationStatus statusChangedAt followUpDays interviews { id at note } } }
  ... on Error { code message } ... on ValidationError { fieldErrors { path message } } } }`);
export const UpdateSettingsDoc = graphql(`mutation UpdateNotificationSettings($input: UpdateNotificationSettingsInput!) { updateNotificationSettings(input: $input) {
  __typename ... on MutationUpdateNotificationSettingsSuccess { data { followUpDays weeklyDigest digestInsteadOfEmails channels { category channel } } }
  ... on Error { code message } ... on ValidationError { fieldErrors { path message } } } }`);
export const SettingsDoc = graphql(`query NotificationSettings { notificationSettings { followUpDays weeklyDigest digestInsteadOfEmails channels { category channel } } }`);
export const ListDoc = graphql(`query ReminderNotifications { notifications(first: 50) { edges { node { id kind title body jobId createdAt } } } unreadNotificationCount }`);
export const ScheduleInterviewDoc = graphql(`mutation ScheduleInterview($input: ScheduleInterviewInput!) { scheduleInterview(input: $input) {
  __typename ... on MutationScheduleInterviewSuccess { data { id at note job { id } } }
  ... on Error { code message } ... on ValidationError { fieldErrors { path message } } } }`);
export const RescheduleInterviewDoc = graphql(`mutation RescheduleInterview($input: RescheduleInterviewInput!) { rescheduleInterview(input: $input) {
  __typename ... on MutationRescheduleInterviewSuccess { data { id at } } ... on Error { code message } } }`);
export const CancelInterviewDoc = graphql(`mutation CancelInterview($input: CancelInterviewInput!) { cancelInterview(input: $input) {
  __typename ... on MutationCancelInterviewSuccess { data { deletedId } } ... on Error { code message } } }`);
export const UpdateJobFollowUpDoc = graphql(`mutation UpdateJobFollowUp($input: UpdateJobInput!) { updateJob(input: $input) {
  __typename ... on MutationUpdateJobSuccess { data { id followUpDays } } ... on Error { code message } ... on ValidationError { fieldErrors { path message } } } }`);

export async function newApplication(server: TestServer, token: string, title: string, company = "Acme") {
  const job = success((await ok(server, CreateJobDoc, { input: { fields: { title, company, description: `${title} building Python services.` } } }, { token })).createJob);
  success((await ok(server, SetStatusDoc, { input: { jobId: job.id, status: "APPLIED" } }, { token })).setApplicationStatus);
  return job.id;
}

export async function notificationsOf(server: TestServer, token: string) {
  return (await ok(server, ListDoc, {}, { token })).notifications.edges.map((e) => e.node);
}

/**
 * Moves the clock and waits until both recurring scans have run after the move (each re-arms
 * itself one interval after the clock's now, so a runAt past now means it ran).
 */
export async function advanceAndScan(server: TestServer, clock: ManualClock, ms: number) {
  clock.advance(ms);
  server.app.services.runner.wake();
  await eventually(async () => {
    const rows = await db().task.findMany({ where: { key: { startsWith: "recurring:" } } });
    return rows.length === 2 && rows.every((r) => r.status === "QUEUED" && r.runAt > clock.now());
  }, 10_000, "the reminder scans");
  await server.app.services.runner.idle();
}

/** Waits until no notification task (interview reminder, email) is due and not done. */
export async function settled(server: TestServer, clock: ManualClock) {
  server.app.services.runner.wake();
  await eventually(async () => {
    const due = await db().task.count({ where: { key: { not: { startsWith: "recurring:" } }, status: { in: ["QUEUED", "RUNNING"] }, runAt: { lte: clock.now() } } });
    return due === 0;
  }, 10_000, "due tasks");
  await server.app.services.runner.idle();
}
