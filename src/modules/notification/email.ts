import { createHash } from "node:crypto";
import nodemailer, { type TransportOptions } from "nodemailer";
import { db } from "../../db/client.ts";
import type { Task } from "../../generated/prisma/client.ts";
import type { Logger } from "../../logger.ts";
import type { Clock, JobKind } from "../../jobs/runner.ts";
import { exponential, taskKind } from "../../jobs/task.store.ts";
import { EMAIL_TASK } from "./notification.store.ts";
import { categoryOf, settingsOf, type Category } from "./settings.store.ts";
import { unsubscribeUrl } from "./unsubscribe.ts";

/** What talks to the mail server: nodemailer over SMTP_URL, or whatever a test passes in. */
export interface Mailer {
  send(message: { to: string; subject: string; text: string; html: string; messageId: string; headers: Record<string, string> }): Promise<void>;
  /** Connects and says hello; throws with the reason when the server cannot be reached. */
  verify(): Promise<void>;
}

export function createSmtpMailer(url: string, from: string): Mailer {
  const options = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };
  const transport = nodemailer.createTransport({ url, ...options } as TransportOptions);
  return {
    async send(m) {
      await transport.sendMail({ from, ...m });
    },
    async verify() {
      await transport.verify();
    },
  };
}

const CATEGORY_TEXT: Record<Category, string> = {
  ENHANCEMENT: "finished profile enhancements",
  FOLLOW_UP: "follow-up reminders",
  INTERVIEW: "interview reminders",
  IMPORT: "imports that need a review",
  DIGEST: "the weekly digest",
};

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** The plain-text and HTML bodies of one notification's email (the digest's body is its lines). */
export function renderEmail(n: { title: string; body: string }, links: { app: string; unsubscribe: string; category: Category }) {
  const about = CATEGORY_TEXT[links.category];
  const text = `${n.title}\n\n${n.body}\n\nOpen JobWise: ${links.app}\n\n--\nYou get this email because ${about} are set to email in your JobWise notification settings.\nStop these emails: ${links.unsubscribe}\n`;
  const paragraphs = n.body
    .split(/\n{2,}/)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, "<br>")}</p>`)
    .join("\n");
  const html = `<!doctype html>
<html><body style="font-family: system-ui, sans-serif; color: #1f2937; max-width: 36rem">
<h1 style="font-size: 1.25rem">${escapeHtml(n.title)}</h1>
${paragraphs}
<p><a href="${escapeHtml(links.app)}">Open JobWise</a></p>
<hr>
<p style="font-size: .8rem; color: #6b7280">You get this email because ${about} are set to email in your JobWise notification settings.
<a href="${escapeHtml(links.unsubscribe)}">Stop these emails</a>.</p>
</body></html>`;
  return { subject: n.title, text, html };
}

export interface EmailKindDeps {
  mailer: Mailer;
  clock: Clock;
  logger: Logger;
  publicUrl: string;
  secret: string;
  retryBaseMs: number;
}

/** The email-delivery kind: one task per notification email, retried with exponential backoff. */
export function emailKind(d: EmailKindDeps): JobKind<Task> {
  return taskKind({
    name: EMAIL_TASK,
    concurrency: 2,
    clock: d.clock,
    backoffMs: exponential(d.retryBaseMs, 3_600_000),
    run: async (task) => {
      const { notificationId } = task.payload as { notificationId: string };
      const n = await db().notification.findUnique({ where: { id: notificationId }, include: { user: { select: { email: true } } } });
      // Deleted before it went out, or email switched off since: nothing to send.
      if (!n) return;
      const category = categoryOf(n.kind);
      if ((await settingsOf(n.userId)).channels[category] !== "EMAIL") return;
      const unsubscribe = unsubscribeUrl(d.publicUrl, d.secret, n.userId, category);
      const body = renderEmail(n, { app: `${d.publicUrl}/app/`, unsubscribe, category });
      await d.mailer.send({
        to: n.user.email,
        ...body,
        // The same id on every attempt, so a receiver that sees a retry of an accepted message can drop it.
        messageId: `<${createHash("sha256").update(task.key).digest("hex").slice(0, 32)}@jobwise>`,
        headers: { "List-Unsubscribe": `<${unsubscribe}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click", "X-JobWise-Kind": n.kind },
      });
      d.logger.info("email sent", { taskId: task.id, kind: n.kind, attempt: task.attempts });
    },
    gaveUp: async (task, error) => d.logger.error("email given up", { taskId: task.id, attempts: task.attempts, error }),
  });
}

/** For /ready: whether the configured mail server answers, checked at most every 10 s. */
export function smtpProbe(mailer: Mailer) {
  let last: { at: number; result: Promise<{ status: "ok" } | { status: "unreachable"; error: string }> } | null = null;
  return () => {
    if (!last || Date.now() - last.at > 10_000) {
      const result = Promise.race([
        mailer.verify().then(() => ({ status: "ok" as const })),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error("no answer within 5 s")), 5000).unref()),
      ]).catch((e: unknown) => ({ status: "unreachable" as const, error: e instanceof Error ? e.message : String(e) }));
      last = { at: Date.now(), result };
    }
    return last.result;
  };
}
