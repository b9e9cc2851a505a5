// The server's logger: pino, wrapped in the small interface the code calls
// (`logger.info(msg, fields)`), so call sites and the tests' log capture stay as they are.
// One JSON object per line: `time` (ISO), `level` ("info"), `msg`, then the fields. Secrets are
// redacted before a line is written (redactSecrets); `pretty` renders lines with pino-pretty (a dev
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

const SECRET_KEYS = new Set(["authorization", "cookie", "password", "currentPassword", "newPassword", "token", "accessToken", "refreshToken", "apiKey", "jwtSecret", "secret"]);
export const REDACTED = "[redacted]";
/** Where a secret can sit in a log line: at the top, in a headers object, in GraphQL variables or an input (`variables.input.password`), or one level further down. */
const REDACT_DEPTH = 4;

/**
 * Replaces every secret-named key up to REDACT_DEPTH levels down, copying only the objects on the
 * way to a secret (the caller's objects are never changed). One walk over the line's fields: pino's
 * own `redact` option runs each of its 44 wildcard paths over every object-valued field of every
 * line, which a CPU profile showed as most of the logger's cost on each request. Errors are
 * serialised first (name, message, stack, own fields), so their fields are looked at too.
 */
export function redactSecrets<T extends object>(value: T, depth = 1): T {
  const keys = Array.isArray(value) ? null : Object.keys(value);
  const count = keys ? keys.length : (value as unknown[]).length;
  let copy: Record<string | number, unknown> | null = null;
  for (let i = 0; i < count; i++) {
    const key = keys ? keys[i] : i;
    const field = (value as Record<string | number, unknown>)[key];
    let next = field;
    if (keys && SECRET_KEYS.has(key as string)) next = REDACTED;
    else if (depth < REDACT_DEPTH && field !== null && typeof field === "object") {
      if (field instanceof Error) next = redactSecrets(stdSerializers.err(field), depth + 1);
      else if (Array.isArray(field) || isPlainObject(field)) next = redactSecrets(field, depth + 1);
    }
    if (next !== field) {
      copy ??= (Array.isArray(value) ? [...value] : { ...value }) as Record<string | number, unknown>;
      copy[key] = next;
    }
  }
  return (copy ?? value) as T;
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

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
    formatters: { level: (label) => ({ level: label }), log: redactSecrets },
    serializers: { error: serializeValue, args: serializeValue },
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
  return wrap(Object.keys(base).length ? root.child(redactSecrets(base)) : root);
}

function wrap(p: Pino): Logger {
  return {
    debug: (msg, fields) => p.debug(fields ?? {}, msg),
    info: (msg, fields) => p.info(fields ?? {}, msg),
    warn: (msg, fields) => p.warn(fields ?? {}, msg),
    error: (msg, fields) => p.error(fields ?? {}, msg),
    // pino applies no formatter to a child's bindings: they are redacted here, once.
    child: (fields) => wrap(p.child(redactSecrets(fields))),
  };
}
