/**
 * A real SMTP server on a local port (smtp-server), standing in for the mail relay: it keeps every
 * message it accepted, decoded enough to read. `hooks` let a test stall or refuse a delivery.
 */
import { SMTPServer, type SMTPServerSession } from "smtp-server";
import type { AddressInfo } from "node:net";

export interface Received {
  to: string[];
  raw: string;
  subject: string;
  messageId: string;
  headers: Record<string, string>;
  /** The text/plain part, decoded. */
  text: string;
  /** The text/html part, decoded. */
  html: string;
}

export interface SmtpHooks {
  /** Called at RCPT TO; resolve to go on, reject to fail the delivery, never resolve to stall it. */
  onRcpt?: (session: SMTPServerSession) => Promise<void>;
  /** Called with the whole message before it is accepted; throw `{ responseCode: 451 }` to refuse it. */
  onMessage?: (raw: string) => void;
}

export interface TestSmtp {
  port: number;
  url: string;
  received: Received[];
  hooks: SmtpHooks;
  stop(): Promise<void>;
}

const decodeQp = (s: string) => s.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16)));

function part(raw: string, type: string): string {
  const at = raw.indexOf(`Content-Type: ${type}`);
  if (at < 0) return "";
  const rest = raw.slice(at);
  const start = rest.indexOf("\r\n\r\n") + 4;
  const end = rest.slice(start).search(/\r\n--[^\r\n]+/);
  const body = rest.slice(start, end < 0 ? undefined : start + end);
  const head = rest.slice(0, start);
  if (/quoted-printable/i.test(head)) return Buffer.from(decodeQp(body), "latin1").toString("utf8");
  if (/base64/i.test(head)) return Buffer.from(body, "base64").toString("utf8");
  return body;
}

export function parseMessage(raw: string, to: string[]): Received {
  const headerText = raw.slice(0, raw.indexOf("\r\n\r\n")).replace(/\r\n[ \t]+/g, " ");
  const headers: Record<string, string> = {};
  for (const line of headerText.split("\r\n")) {
    const i = line.indexOf(":");
    if (i > 0) headers[line.slice(0, i).toLowerCase()] = line.slice(i + 1).trim();
  }
  return { to, raw, subject: headers.subject ?? "", messageId: headers["message-id"] ?? "", headers, text: part(raw, "text/plain").replace(/\r\n/g, "\n"), html: part(raw, "text/html").replace(/\r\n/g, "\n") };
}

export async function startSmtp(port = 0): Promise<TestSmtp> {
  const received: Received[] = [];
  const hooks: SmtpHooks = {};
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(_address, session, callback) {
      (hooks.onRcpt?.(session) ?? Promise.resolve()).then(() => callback(), (e: Error) => callback(e));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("latin1");
        try {
          hooks.onMessage?.(raw);
        } catch (e) {
          return callback(e as Error);
        }
        received.push(parseMessage(raw, session.envelope.rcptTo.map((r) => r.address)));
        callback();
      });
    },
  });
  server.on("error", () => undefined);
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", () => resolve()));
  const bound = (server.server.address() as AddressInfo).port;
  return {
    port: bound,
    url: `smtp://127.0.0.1:${bound}`,
    received,
    hooks,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Polls until `check` returns something truthy, or fails after `ms`. */
export async function eventually<T>(check: () => Promise<T> | T, ms = 10_000, what = "condition"): Promise<NonNullable<T>> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v) return v as NonNullable<T>;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
