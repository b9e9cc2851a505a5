/**
 * Issue 15, items 2, 4 and 5: follow-up and interview reminders, the weekly digest and email,
 * through the real server, a real local SMTP server and a clock the test moves (no sleeping for days).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/clock.ts";
import { db } from "../../src/db/client.ts";
import { ok, startServer, success, type TestServer } from "../support/server.ts";
import { newUser } from "../support/accounts.ts";
import { startSmtp, eventually, type TestSmtp } from "../support/smtp.ts";
import {
  DAY,
  SetStatusDoc,
  UpdateSettingsDoc,
  SettingsDoc,
  ScheduleInterviewDoc,
  RescheduleInterviewDoc,
  CancelInterviewDoc,
  UpdateJobFollowUpDoc,
  newApplication,
  notificationsOf,
  advanceAndScan,
  settled,
} from "../support/notify-ops.ts";

let smtp: TestSmtp;
let server: TestServer;
const clock = new ManualClock();
const env = () => ({ SMTP_URL: smtp.url, SMTP_RETRY_BASE_MS: "100", PUBLIC_URL: "http://jobwise.test" });

beforeAll(async () => {
  smtp = await startSmtp();
  server = await startServer(env(), undefined, { clock });
});
afterAll(async () => {
  await server.stop();
  await smtp.stop();
});

const mailsTo = (email: string) => smtp.received.filter((m) => m.to.includes(email));

describe("follow-up reminders", () => {
  it("an application quiet in APPLIED for 7 days gets one reminder, in the app and by email, never again for that stage, even after a restart", async () => {
    const u = await newUser(server);
    const jobId = await newApplication(server, u.token, "Data Engineer", "Globex");
    await advanceAndScan(server, clock, 6 * DAY);
    expect(await notificationsOf(server, u.token)).toEqual([]);

    await advanceAndScan(server, clock, 1 * DAY + 60_000);
    const [n] = await notificationsOf(server, u.token);
    expect(n).toMatchObject({ kind: "FOLLOW_UP_REMINDER", jobId, title: "Follow up on Data Engineer at Globex" });
    expect(n.body).toContain("7 days ago");
    await settled(server, clock);
    const [mail] = await eventually(() => (mailsTo(u.email).length ? mailsTo(u.email) : null), 5000, "the email");
    expect(mail.subject).toBe("Follow up on Data Engineer at Globex");
    expect(mail.text).toContain("You applied to Data Engineer at Globex 7 days ago");
    expect(mail.html).toContain("<h1 style=\"font-size: 1.25rem\">Follow up on Data Engineer at Globex</h1>");
    expect(mail.text).toMatch(/Stop these emails: http:\/\/jobwise\.test\/notifications\/unsubscribe\?u=/);
    expect(mail.headers["list-unsubscribe"]).toMatch(/^<http:\/\/jobwise\.test\/notifications\/unsubscribe\?/);

    // More scans, then a restart on the same database: still one reminder and one email.
    await advanceAndScan(server, clock, DAY);
    const dir = server.dir;
    await server.app.stop();
    server = await startServer(env(), { dir }, { clock });
    await advanceAndScan(server, clock, DAY);
    await settled(server, clock);
    expect((await notificationsOf(server, u.token)).filter((x) => x.kind === "FOLLOW_UP_REMINDER")).toHaveLength(1);
    expect(mailsTo(u.email)).toHaveLength(1);
  });

  it("a new stage (APPLIED again after an interview) gets its own reminder; per-user and per-application delays are honoured", async () => {
    const u = await newUser(server);
    const settings = success((await ok(server, UpdateSettingsDoc, { input: { followUpDays: 3 } }, { token: u.token })).updateNotificationSettings);
    expect(settings.followUpDays).toBe(3);
    const a = await newApplication(server, u.token, "Platform Engineer");
    const muted = await newApplication(server, u.token, "SRE");
    expect(success((await ok(server, UpdateJobFollowUpDoc, { input: { id: muted, followUpDays: 0 } }, { token: u.token })).updateJob).followUpDays).toBe(0);

    await advanceAndScan(server, clock, 3 * DAY + 60_000);
    expect((await notificationsOf(server, u.token)).map((n) => n.jobId)).toEqual([a]);

    await ok(server, SetStatusDoc, { input: { jobId: a, status: "INTERVIEWING" } }, { token: u.token });
    await ok(server, SetStatusDoc, { input: { jobId: a, status: "APPLIED", note: "Back in the queue after the first round" } }, { token: u.token });
    await advanceAndScan(server, clock, 2 * DAY);
    expect(await notificationsOf(server, u.token)).toHaveLength(1);
    await advanceAndScan(server, clock, 1 * DAY + 60_000);
    const reminders = await notificationsOf(server, u.token);
    expect(reminders.map((n) => [n.kind, n.jobId])).toEqual([
      ["FOLLOW_UP_REMINDER", a],
      ["FOLLOW_UP_REMINDER", a],
    ]);
  });

  it("channels: OFF writes nothing, IN_APP writes no email, and the settings are typed and validated", async () => {
    const u = await newUser(server);
    const bad = (await ok(server, UpdateSettingsDoc, { input: { followUpDays: 0 } }, { token: u.token })).updateNotificationSettings;
    expect(bad).toMatchObject({ __typename: "ValidationError", fieldErrors: [{ path: ["input", "followUpDays"] }] });
    const twice = (await ok(server, UpdateSettingsDoc, { input: { channels: [{ category: "FOLLOW_UP", channel: "OFF" }, { category: "FOLLOW_UP", channel: "EMAIL" }] } }, { token: u.token })).updateNotificationSettings;
    expect(twice).toMatchObject({ __typename: "ValidationError", fieldErrors: [{ path: ["input", "channels", "1", "category"] }] });
    expect((await ok(server, SettingsDoc, {}, { token: u.token })).notificationSettings).toMatchObject({ followUpDays: 7, weeklyDigest: false });

    success((await ok(server, UpdateSettingsDoc, { input: { channels: [{ category: "FOLLOW_UP", channel: "OFF" }] } }, { token: u.token })).updateNotificationSettings);
    await newApplication(server, u.token, "Backend Engineer");
    await advanceAndScan(server, clock, 8 * DAY);
    expect(await notificationsOf(server, u.token)).toEqual([]);

    success((await ok(server, UpdateSettingsDoc, { input: { channels: [{ category: "FOLLOW_UP", channel: "IN_APP" }] } }, { token: u.token })).updateNotificationSettings);
    await newApplication(server, u.token, "Frontend Engineer");
    await advanceAndScan(server, clock, 8 * DAY);
    await settled(server, clock);
    // Back on, the application that stayed quiet while reminders were off is reminded too.
    expect((await notificationsOf(server, u.token)).map((n) => n.title).sort()).toEqual(["Follow up on Backend Engineer at Acme", "Follow up on Frontend Engineer at Acme"]);
    expect(mailsTo(u.email)).toEqual([]);

    const tooLong = (await ok(server, UpdateJobFollowUpDoc, { input: { id: (await notificationsOf(server, u.token))[0].jobId!, followUpDays: 91 } }, { token: u.token })).updateJob;
    expect(tooLong).toMatchObject({ __typename: "ValidationError", fieldErrors: [{ path: ["input", "followUpDays"] }] });
  });
});

describe("interview reminders", () => {
  it("an interview gets one reminder the day before; a moved interview is reminded at its new time, a cancelled one never", async () => {
    const u = await newUser(server);
    const jobId = await newApplication(server, u.token, "Staff Engineer", "Initech");
    const at = new Date(clock.now().getTime() + 3 * DAY);
    const viaStatus = success(
      (await ok(server, SetStatusDoc, { input: { jobId, status: "INTERVIEWING", interviewAt: at.toISOString() } }, { token: u.token })).setApplicationStatus,
    );
    expect(viaStatus.interviews.map((i) => i.at)).toEqual([at.toISOString()]);
    const other = success((await ok(server, ScheduleInterviewDoc, { input: { jobId, at: new Date(at.getTime() + DAY).toISOString(), note: "Call with the CTO" } }, { token: u.token })).scheduleInterview);
    const gone = success((await ok(server, ScheduleInterviewDoc, { input: { jobId, at: new Date(at.getTime() + 2 * DAY).toISOString() } }, { token: u.token })).scheduleInterview);
    expect(success((await ok(server, CancelInterviewDoc, { input: { id: gone.id } }, { token: u.token })).cancelInterview).deletedId).toBe(gone.id);
    // Moved a day later: its reminder moves too.
    const movedTo = new Date(at.getTime() + 2 * DAY);
    success((await ok(server, RescheduleInterviewDoc, { input: { id: other.id, at: movedTo.toISOString() } }, { token: u.token })).rescheduleInterview);

    clock.advance(DAY);
    await settled(server, clock);
    expect(await notificationsOf(server, u.token)).toEqual([]);
    clock.advance(DAY + 60_000); // 23 h 59 min before the first interview
    await settled(server, clock);
    const [first] = await notificationsOf(server, u.token);
    expect(first).toMatchObject({ kind: "INTERVIEW_REMINDER", jobId, title: "Interview tomorrow: Staff Engineer at Initech" });
    expect(first.body).toContain(at.toISOString().replace("T", " ").slice(0, 16) + " UTC");
    await eventually(() => mailsTo(u.email).some((m) => m.subject === "Interview tomorrow: Staff Engineer at Initech"), 5000, "the interview email");

    clock.advance(DAY); // the old time of the moved one: nothing
    await settled(server, clock);
    expect(await notificationsOf(server, u.token)).toHaveLength(1);
    clock.advance(DAY); // the moved one's day before
    await settled(server, clock);
    const all = await notificationsOf(server, u.token);
    expect(all).toHaveLength(2);
    expect(all[0].body).toContain("Call with the CTO");
    clock.advance(3 * DAY);
    await settled(server, clock);
    expect(await notificationsOf(server, u.token)).toHaveLength(2);
  });

  it("interview mistakes are typed errors", async () => {
    const u = await newUser(server);
    const other = await newUser(server);
    const jobId = await newApplication(server, u.token, "QA Engineer");
    const far = (await ok(server, ScheduleInterviewDoc, { input: { jobId, at: new Date(clock.now().getTime() + 1000 * DAY).toISOString() } }, { token: u.token })).scheduleInterview;
    expect(far).toMatchObject({ __typename: "ValidationError", fieldErrors: [{ path: ["input", "at"] }] });
    const foreign = (await ok(server, ScheduleInterviewDoc, { input: { jobId, at: new Date(clock.now().getTime() + DAY).toISOString() } }, { token: other.token })).scheduleInterview;
    expect(foreign).toMatchObject({ __typename: "NotFoundError" });
    const mine = success((await ok(server, ScheduleInterviewDoc, { input: { jobId, at: new Date(clock.now().getTime() + DAY).toISOString() } }, { token: u.token })).scheduleInterview);
    expect((await ok(server, CancelInterviewDoc, { input: { id: mine.id } }, { token: other.token })).cancelInterview).toMatchObject({ __typename: "NotFoundError" });
    const long = (await ok(server, RescheduleInterviewDoc, { input: { id: mine.id, note: "x".repeat(1001) } }, { token: u.token })).rescheduleInterview;
    expect(long).toMatchObject({ __typename: "ValidationError" });
  });
});

describe("weekly digest and email settings", () => {
  it("an opted-in user gets one digest a week with the pipeline by status, quiet applications and what changed", async () => {
    const u = await newUser(server);
    await newApplication(server, u.token, "ML Engineer", "Hooli");
    success((await ok(server, UpdateSettingsDoc, { input: { weeklyDigest: true, channels: [{ category: "FOLLOW_UP", channel: "IN_APP" }] } }, { token: u.token })).updateNotificationSettings);
    await advanceAndScan(server, clock, 6 * DAY);
    expect((await notificationsOf(server, u.token)).filter((n) => n.kind === "WEEKLY_DIGEST")).toEqual([]);
    const second = await newApplication(server, u.token, "Data Scientist", "Hooli");
    await advanceAndScan(server, clock, DAY + 60_000);
    await settled(server, clock);
    const digests = (await notificationsOf(server, u.token)).filter((n) => n.kind === "WEEKLY_DIGEST");
    expect(digests).toHaveLength(1);
    expect(digests[0].title).toBe("Your week: 2 active applications, 1 to follow up");
    expect(digests[0].body).toContain("- applied: 2");
    expect(digests[0].body).toContain("- ML Engineer at Hooli (applied 7 days ago)");
    expect(digests[0].body).toMatch(/: Data Scientist at Hooli → applied/);
    expect(second).toBeTruthy();
    const mail = await eventually(() => mailsTo(u.email).find((m) => m.subject.startsWith("Your week")), 5000, "the digest email");
    expect(mail.text).toContain("Quiet for 7+ days, worth a follow-up:");
    await advanceAndScan(server, clock, 2 * DAY);
    expect((await notificationsOf(server, u.token)).filter((n) => n.kind === "WEEKLY_DIGEST")).toHaveLength(1);
  });

  it("digest instead of emails: no single emails, the digest lists them", async () => {
    const u = await newUser(server);
    success((await ok(server, UpdateSettingsDoc, { input: { weeklyDigest: true, digestInsteadOfEmails: true } }, { token: u.token })).updateNotificationSettings);
    await newApplication(server, u.token, "Site Reliability Engineer");
    await advanceAndScan(server, clock, 7 * DAY + 60_000);
    await settled(server, clock);
    const kinds = (await notificationsOf(server, u.token)).map((n) => n.kind).sort();
    expect(kinds).toEqual(["FOLLOW_UP_REMINDER", "WEEKLY_DIGEST"]);
    const mails = await eventually(() => (mailsTo(u.email).length ? mailsTo(u.email) : null), 5000, "the digest");
    expect(mails.map((m) => m.subject)).toEqual([expect.stringMatching(/^Your week/)]);
    expect(mails[0].text).toContain("Also this week:\n- Follow up on Site Reliability Engineer at Acme");
  });

  it("the unsubscribe link works without signing in, only with its own signature, and stops that category's email", async () => {
    const u = await newUser(server);
    await newApplication(server, u.token, "Mobile Engineer");
    await advanceAndScan(server, clock, 8 * DAY);
    await settled(server, clock);
    const mail = await eventually(() => mailsTo(u.email)[0], 5000, "the reminder email");
    const link = new URL(mail.text.match(/Stop these emails: (\S+)/)![1]);
    const local = `${server.origin}${link.pathname}${link.search}`;

    const page = await fetch(local);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Stop follow-up reminder emails?");
    const forged = new URL(local);
    forged.searchParams.set("c", "ALL");
    expect((await fetch(forged, { method: "POST" })).status).toBe(400);
    expect((await ok(server, SettingsDoc, {}, { token: u.token })).notificationSettings.channels).toContainEqual({ category: "FOLLOW_UP", channel: "EMAIL" });

    // One-click, as a mail client does it (RFC 8058).
    const done = await fetch(local, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "List-Unsubscribe=One-Click" });
    expect(done.status).toBe(200);
    expect(await done.text()).toContain("You will no longer get follow-up reminder emails");
    const channels = (await ok(server, SettingsDoc, {}, { token: u.token })).notificationSettings.channels;
    expect(channels).toContainEqual({ category: "FOLLOW_UP", channel: "IN_APP" });
    expect(channels).toContainEqual({ category: "INTERVIEW", channel: "EMAIL" });

    await newApplication(server, u.token, "Game Engineer");
    await advanceAndScan(server, clock, 8 * DAY);
    await settled(server, clock);
    expect((await notificationsOf(server, u.token)).filter((n) => n.kind === "FOLLOW_UP_REMINDER")).toHaveLength(2);
    expect(mailsTo(u.email)).toHaveLength(1);
  });
});

describe("SMTP failures", () => {
  it("a refused delivery is retried with backoff and arrives once; /ready says when the mail server is unreachable", async () => {
    const u = await newUser(server);
    let refusals = 0;
    smtp.hooks.onMessage = (raw) => {
      if (raw.includes(u.email) && refusals < 2) {
        refusals++;
        throw Object.assign(new Error("Try again later"), { responseCode: 451 });
      }
    };
    await newApplication(server, u.token, "Compiler Engineer");
    await advanceAndScan(server, clock, 8 * DAY);
    await eventually(() => mailsTo(u.email).length === 1, 10_000, "the email after two refusals");
    smtp.hooks.onMessage = undefined;
    const task = await db().task.findFirstOrThrow({ where: { kind: "email", userId: u.id } });
    expect(task).toMatchObject({ status: "DONE", attempts: 3 });
    expect(refusals).toBe(2);

    expect(await (await fetch(`${server.origin}/ready`)).json()).toMatchObject({ status: "ready", smtp: { status: "ok", pendingEmails: 0 } });
    // One server per process (the database client is a module singleton): restart it against a dead port.
    await server.app.stop();
    server = await startServer({ ...env(), SMTP_URL: "smtp://127.0.0.1:1" }, { dir: server.dir }, { clock });
    const ready = await fetch(`${server.origin}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: "ready", smtp: { status: "unreachable", error: expect.stringMatching(/ECONNREFUSED/) } });
  });
});
