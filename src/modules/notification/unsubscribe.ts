import { createHmac, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { db } from "../../db/client.ts";
import { CATEGORIES, unsubscribe, type Category } from "./settings.store.ts";

/*
 * The unsubscribe link in every email works without signing in: it carries the user id, the
 * category and an HMAC of both under a key derived from the server secret, so it cannot be forged
 * for another user or another category. GET shows a confirmation button (mail scanners follow
 * links; they do not submit forms); POST, from that button or a one-click List-Unsubscribe-Post
 * (RFC 8058), switches that category's email off.
 */

export const UNSUBSCRIBE_PATH = /^\/notifications\/unsubscribe()$/;

function sign(secret: string, userId: string, category: string): string {
  const key = createHmac("sha256", secret).update("jobwise unsubscribe links").digest();
  return createHmac("sha256", key).update(`${userId}\n${category}`).digest("base64url");
}

export function unsubscribeUrl(publicUrl: string, secret: string, userId: string, category: Category | "ALL"): string {
  const q = new URLSearchParams({ u: userId, c: category, t: sign(secret, userId, category) });
  return `${publicUrl}/notifications/unsubscribe?${q}`;
}

function verify(secret: string, q: URLSearchParams): { userId: string; category: Category | "ALL" } | null {
  const userId = q.get("u") ?? "";
  const category = q.get("c") ?? "";
  const token = q.get("t") ?? "";
  if (!userId || userId.length > 100 || !(category === "ALL" || (CATEGORIES as readonly string[]).includes(category))) return null;
  const expected = Buffer.from(sign(secret, userId, category));
  const given = Buffer.from(token);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return { userId, category: category as Category | "ALL" };
}

const WHAT: Record<Category | "ALL", string> = {
  ALL: "all JobWise emails",
  ENHANCEMENT: "emails about finished profile enhancements",
  FOLLOW_UP: "follow-up reminder emails",
  INTERVIEW: "interview reminder emails",
  IMPORT: "emails about imports that need a review",
  DIGEST: "the weekly digest",
};

function page(res: ServerResponse, status: number, title: string, body: string) {
  res.writeHead(status, {
    "content-type": "text/html; charset=utf-8",
    "cache-control": "no-store",
    "content-security-policy": "default-src 'none'; form-action 'self'; style-src 'unsafe-inline'",
    "referrer-policy": "no-referrer",
    "x-content-type-options": "nosniff",
  });
  res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 32rem; margin: 3rem auto"><h1>${title}</h1>${body}</body></html>`);
}

export function unsubscribeRoute(secret: string) {
  return async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const link = verify(secret, url.searchParams);
    const exists = link && (await db().user.findUnique({ where: { id: link.userId }, select: { id: true } }));
    if (!link || !exists) {
      return page(res, 400, "This unsubscribe link is not valid", "<p>It may be incomplete or for an account that no longer exists. Change what JobWise sends you in the app's notification settings.</p>");
    }
    const what = WHAT[link.category];
    if (req.method === "POST") {
      await unsubscribe(link.userId, link.category);
      return page(res, 200, "Unsubscribed", `<p>You will no longer get ${what}. Notifications still appear in the app; change this any time in your notification settings.</p>`);
    }
    if (req.method !== "GET" && req.method !== "HEAD") return page(res, 405, "Not allowed", "<p>Use the link from the email.</p>");
    const action = `/notifications/unsubscribe?${url.searchParams}`.replace(/&/g, "&amp;").replace(/"/g, "&quot;");
    return page(res, 200, "Unsubscribe?", `<p>Stop ${what}?</p><form method="post" action="${action}"><button type="submit">Unsubscribe</button></form>`);
  };
}
