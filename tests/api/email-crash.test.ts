/**
 * Issue 15, item 3: a crash never loses or duplicates an email. The real entry point runs as a
 * child process; the local SMTP server holds the first delivery at RCPT TO while the test kills
 * the process with SIGKILL; after a restart on the same database exactly one email arrives.
 */
import { describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { print } from "graphql";
import { startSmtp, eventually } from "../support/smtp.ts";
import { RegisterDoc, LoginDoc } from "../support/accounts.ts";
import { CreateJobDoc } from "../support/job-ops.ts";
import { ScheduleInterviewDoc, ListDoc } from "../support/notify-ops.ts";
import { connectDb, db, disconnectDb } from "../../src/db/client.ts";

const ROOT = resolve(import.meta.dirname, "../..");
// node itself with tsx's loader, not the tsx wrapper: SIGKILL must reach the process that sends.
const TSX_LOADER = pathToFileURL(join(ROOT, "node_modules/tsx/dist/loader.mjs")).href;

function start(env: Record<string, string>, cwd: string) {
  const child = spawn(process.execPath, ["--import", TSX_LOADER, join(ROOT, "src/main.ts")], {
    cwd,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", PORT: "0", HOST: "127.0.0.1", ...env },
  });
  let out = "";
  child.stdout.on("data", (d) => (out += d));
  child.stderr.on("data", (d) => (out += d));
  const url = new Promise<string>((res, rej) => {
    child.stdout.on("data", () => {
      const m = out.match(/"url":"(http:\/\/localhost:\d+\/graphql)"/);
      if (m) res(m[1]);
    });
    child.on("exit", (code) => rej(new Error(`exited ${code}: ${out}`)));
  });
  const exited = new Promise<void>((res) => child.on("exit", () => res()));
  return { child, url, exited, output: () => out };
}

async function gql(url: string, doc: Parameters<typeof print>[0], variables: unknown, token?: string) {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token && { authorization: `Bearer ${token}` }) },
    body: JSON.stringify({ query: print(doc), variables }),
  });
  return ((await res.json()) as { data: any }).data;
}

describe("email delivery across a crash", () => {
  it("kill -9 while the mail server is receiving, restart: exactly one email", async () => {
    const smtp = await startSmtp();
    const dir = mkdtempSync(join(tmpdir(), "jobwise-crash-"));
    const env = {
      NODE_ENV: "test",
      DATABASE_URL: `file:${join(dir, "jobwise.db")}`,
      UPLOAD_DIR: join(dir, "uploads"),
      JWT_SECRET: "test-secret-that-is-long-enough-for-hs256-0123456789",
      SMTP_URL: smtp.url,
      SMTP_RETRY_BASE_MS: "200",
      JOB_LEASE_S: "2",
      LOG_LEVEL: "info",
    };
    let stalled!: () => void;
    const reached = new Promise<void>((r) => (stalled = r));
    let sessions = 0;
    smtp.hooks.onRcpt = () => {
      sessions++;
      stalled();
      return new Promise<void>(() => undefined); // never answers: the delivery is in flight
    };
    let p = start(env, dir);
    try {
      const url = await p.url;
      const email = `crash-${Date.now()}@example.com`;
      await gql(url, RegisterDoc, { input: { email, password: "correct horse battery" } });
      const token = (await gql(url, LoginDoc, { input: { email, password: "correct horse battery" } })).login.data.token;
      const job = (await gql(url, CreateJobDoc, { input: { fields: { title: "Kernel Engineer", company: "Umbrella", description: "Kernel work in C." } } }, token)).createJob.data;
      // An interview in two hours: its reminder (and email) is due at once.
      const at = new Date(Date.now() + 2 * 3_600_000).toISOString();
      expect((await gql(url, ScheduleInterviewDoc, { input: { jobId: job.id, at } }, token)).scheduleInterview.__typename).toBe("MutationScheduleInterviewSuccess");

      await reached;
      p.child.kill("SIGKILL");
      await p.exited;
      expect(smtp.received).toHaveLength(0);

      smtp.hooks.onRcpt = undefined;
      p = start(env, dir);
      const url2 = await p.url;
      await eventually(() => smtp.received.length === 1, 15_000, "the email after the restart");
      // Past another lease and several polls: nothing more arrives.
      await new Promise((r) => setTimeout(r, 3500));
      expect(smtp.received).toHaveLength(1);
      expect(sessions).toBe(1);
      const [mail] = smtp.received;
      expect(mail.to).toEqual([email]);
      expect(mail.subject).toBe("Interview tomorrow: Kernel Engineer at Umbrella");
      const list = await gql(url2, ListDoc, {}, token);
      expect(list.notifications.edges.map((e: any) => e.node.kind)).toEqual(["INTERVIEW_REMINDER"]);

      p.child.kill("SIGTERM");
      await p.exited;
      await connectDb(env.DATABASE_URL);
      const tasks = await db().task.findMany({ where: { kind: "email" } });
      expect(tasks.map((t) => [t.status, t.attempts])).toEqual([["DONE", 2]]);
      await disconnectDb();
    } finally {
      p.child.kill("SIGKILL");
      await smtp.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
