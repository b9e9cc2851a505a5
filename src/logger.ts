// The server's logger: pino, wrapped in the small interface the code calls
// (`logger.info(msg, fields)`), so call sites and the tests' log capture stay as they are.
// One JSON object per line: `time` (ISO), `level` ("info"), `msg`, then the fields. Secrets are
// redacted by path before a line is written; `pretty` renders lines with pino-pretty (a dev
// dependency: without it, JSON lines and one warning).
import { createRequire } from "node:module";
import { pino, stdSerializers, type DestinationStream, type Logger as Pino, type LoggerOptions } from "pino";
import type { LogLevel } from "./config.ts";

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  child(fields: Record<string, unknown>): Logger;
}

export interface LoggerOptionsJobWise {
  format?: "json" | "pretty";
}

const SECRET_KEYS = ["authorization", "cookie", "password", "currentPassword", "newPassword", "token", "accessToken", "refreshToken", "apiKey", "jwtSecret", "secret"];
/**
 * Where a secret can sit in a log line: at the top, in a headers object, in GraphQL variables or
 * an input (`variables.input.password`), or one level further down. fast-redact (inside pino)
 * compiles these once; a path costs nothing on lines that lack it.
 */
export const REDACTED_PATHS = SECRET_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`, `*.*.*.${key}`]);
export const REDACTED = "[redacted]";

/** A thrown value anywhere in `args` or `error` becomes { name, message, stack } (Errors stringify to {}). */
function serializeValue(value: unknown): unknown {
  if (value instanceof Error) return stdSerializers.err(value);
  if (Array.isArray(value)) return value.map(serializeValue);
  return value;
}

function baseOptions(level: LogLevel): LoggerOptions {
  return {
    level,
    base: null, // no pid/hostname: every line already comes from this process
    messageKey: "msg",
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    serializers: { error: serializeValue, args: serializeValue },
    redact: { paths: REDACTED_PATHS, censor: REDACTED },
  };
}

function prettyStream(): DestinationStream | null {
  try {
    const pretty = createRequire(import.meta.url)("pino-pretty") as (opts: object) => DestinationStream;
    return pretty({ sync: true, translateTime: "HH:MM:ss.l", ignore: "pid,hostname" });
  } catch {
    return null;
  }
}

/**
 * `sink` receives each line without its newline (tests capture them); otherwise stdout,
 * synchronously, so the last lines before an exit are not lost.
 */
export function createLogger(level: LogLevel, base: Record<string, unknown> = {}, sink?: (line: string) => void, opts: LoggerOptionsJobWise = {}): Logger {
  let destination: DestinationStream;
  let fallback = false;
  if (sink) destination = { write: (line: string) => sink(line.endsWith("\n") ? line.slice(0, -1) : line) };
  else if (opts.format === "pretty") {
    const pretty = prettyStream();
    fallback = !pretty;
    destination = pretty ?? pino.destination({ fd: 1, sync: true });
  } else destination = pino.destination({ fd: 1, sync: true });
  const root = pino(baseOptions(level), destination);
  if (fallback) root.warn("LOG_FORMAT=pretty needs the pino-pretty package (a dev dependency); writing JSON lines");
  return wrap(Object.keys(base).length ? root.child(base) : root);
}

function wrap(p: Pino): Logger {
  return {
    debug: (msg, fields) => p.debug(fields ?? {}, msg),
    info: (msg, fields) => p.info(fields ?? {}, msg),
    warn: (msg, fields) => p.warn(fields ?? {}, msg),
    error: (msg, fields) => p.error(fields ?? {}, msg),
    child: (fields) => wrap(p.child(fields)),
  };
}
