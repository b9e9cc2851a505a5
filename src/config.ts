import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, isAbsolute, resolve } from "node:path";
import { z } from "zod";

const LOG_LEVELS = ["debug", "info", "warn", "error", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const int = (name: string, def: number, min: number, max: number) =>
  z.coerce
    .number({ error: `${name} must be a number` })
    .int(`${name} must be a whole number`)
    .min(min, `${name} must be at least ${min}`)
    .max(max, `${name} must be at most ${max}`)
    .default(def);

const bool = (name: string) =>
  z.enum(["true", "false", "1", "0"], { error: `${name} must be true or false` }).transform((v) => v === "true" || v === "1");

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: int("PORT", 4000, 0, 65535),
  HOST: z.string().min(1).default("0.0.0.0"),
  DATABASE_URL: z
    .string()
    .regex(/^(file:.+|postgres(ql)?:\/\/.+)/, "DATABASE_URL must be a SQLite file URL such as file:./data/jobwise.db or a PostgreSQL URL such as postgresql://user:password@host:5432/jobwise")
    .default("file:./data/jobwise.db"),
  UPLOAD_DIR: z.string().min(1).default("./uploads"),
  FILE_STORE: z.enum(["disk", "database"], { error: "FILE_STORE must be disk or database" }).optional(),
  MAX_UPLOAD_MB: int("MAX_UPLOAD_MB", 5, 1, 100),
  JWT_SECRET: z.string().optional(),
  JWT_EXPIRY_HOURS: int("JWT_EXPIRY_HOURS", 24, 1, 24 * 90),
  GROQ_API_KEY: z.string().optional(),
  GROQ_BASE_URL: z.url("GROQ_BASE_URL must be a URL such as https://api.groq.com").optional(),
  GROQ_MODEL_FAST: z.string().min(1).default("llama-3.1-8b-instant"),
  GROQ_MODEL_QUALITY: z.string().min(1).default("llama-3.3-70b-versatile"),
  GROQ_MODEL_TRANSCRIBE: z.string().min(1).default("whisper-large-v3-turbo"),
  LLM_TIMEOUT_S: int("LLM_TIMEOUT_S", 60, 1, 600),
  LLM_CONCURRENCY: int("LLM_CONCURRENCY", 4, 1, 64),
  LLM_RETRY_AFTER_CAP_S: int("LLM_RETRY_AFTER_CAP_S", 20, 0, 600),
  ENHANCEMENT_CONCURRENCY: int("ENHANCEMENT_CONCURRENCY", 2, 1, 32),
  JOB_LEASE_S: int("JOB_LEASE_S", 30, 1, 3600),
  EXTRACT_TIMEOUT_S: int("EXTRACT_TIMEOUT_S", 10, 1, 120),
  ALLOWED_ORIGINS: z.string().default(""),
  METRICS_TOKEN: z.string().optional(),
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}` }).default("info"),
  LOG_FORMAT: z.preprocess((v) => (v === "" ? undefined : v), z.enum(["json", "pretty"], { error: "LOG_FORMAT must be json or pretty" }).optional()),
  MAX_BODY_KB: int("MAX_BODY_KB", 1024, 16, 64 * 1024),
  MAX_VARIABLE_VALUES: int("MAX_VARIABLE_VALUES", 5000, 10, 1_000_000),
  MAX_VARIABLE_DEPTH: int("MAX_VARIABLE_DEPTH", 10, 2, 100),
  EXTRACT_MAX_INFLATE_MB: int("EXTRACT_MAX_INFLATE_MB", 100, 1, 2048),
  RATE_WINDOW_MIN: int("RATE_WINDOW_MIN", 15, 1, 24 * 60),
  RATE_LOGIN_PER_EMAIL: int("RATE_LOGIN_PER_EMAIL", 5, 1, 1_000_000),
  RATE_LOGIN_PER_IP: int("RATE_LOGIN_PER_IP", 30, 1, 1_000_000),
  RATE_REGISTER_PER_IP: int("RATE_REGISTER_PER_IP", 10, 1, 1_000_000),
  RATE_PASSWORD_CONFIRM: int("RATE_PASSWORD_CONFIRM", 5, 1, 1_000_000),
  RATE_AI_PER_HOUR: int("RATE_AI_PER_HOUR", 120, 1, 1_000_000),
  TRUST_PROXY: bool("TRUST_PROXY").default(false),
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: "SMTP_URL must be an SMTP URL such as smtp://user:password@mail.example.com:587 or smtps://…:465" }).optional(),
  SMTP_FROM: z.string().min(3).default("JobWise <no-reply@localhost>"),
  SMTP_RETRY_BASE_MS: int("SMTP_RETRY_BASE_MS", 30_000, 10, 3_600_000),
  PUBLIC_URL: z.url({ protocol: /^https?$/, error: "PUBLIC_URL must be an http(s) URL such as https://jobwise.example.com" }).optional(),
  REMINDER_SCAN_INTERVAL_S: int("REMINDER_SCAN_INTERVAL_S", 900, 1, 86_400),
  ENABLE_INTROSPECTION: bool("ENABLE_INTROSPECTION").optional(),
  ENABLE_GRAPHIQL: bool("ENABLE_GRAPHIQL").optional(),
});

export interface Config {
  env: "development" | "production" | "test";
  port: number;
  host: string;
  databaseUrl: string;
  /** Folder holding the database and the generated development secret. */
  dataDir: string;
  uploadDir: string;
  /** Where uploads live: the local disk (UPLOAD_DIR) or the database, which every instance reaches. */
  fileStore: "disk" | "database";
  maxUploadBytes: number;
  jwtSecret: string;
  jwtExpiryHours: number;
  groq: { apiKey: string; baseURL?: string; modelFast: string; modelQuality: string; modelTranscribe: string } | null;
  llmTimeoutMs: number;
  llmConcurrency: number;
  llmRetryAfterCapMs: number;
  enhancementConcurrency: number;
  /** A running job whose instance stops renewing it for this long (a crash) is taken over by another. */
  jobLeaseMs: number;
  extractTimeoutMs: number;
  allowedOrigins: string[];
  /** When set, GET /metrics needs `Authorization: Bearer <this>`. */
  metricsToken: string | null;
  logLevel: LogLevel;
  /** Pretty (pino-pretty) only when asked, or in development on a terminal; JSON lines otherwise. */
  logFormat: "json" | "pretty";
  /** Request limits applied before any GraphQL work (see README, Security). */
  limits: { maxBodyBytes: number; maxVariableValues: number; maxVariableDepth: number; maxInflateBytes: number };
  rateLimits: RateLimitConfig;
  /** Take the client address from X-Forwarded-For (behind one trusted reverse proxy). */
  trustProxy: boolean;
  introspection: boolean;
  graphiql: boolean;
  /** Email delivery; null when SMTP_URL is unset (notifications stay in the app). */
  smtp: { url: string; from: string; retryBaseMs: number } | null;
  /** The address links in emails point to (unsubscribe); default http://localhost:PORT. */
  publicUrl: string;
  /** How often follow-up reminders and digests are looked for. */
  reminderScanMs: number;
}

export interface RateLimitConfig {
  windowS: number;
  loginPerEmail: number;
  loginPerIp: number;
  registerPerIp: number;
  passwordConfirm: number;
  aiPerHour: number;
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

const MIN_SECRET_BYTES = 32;

/** Reads and validates the environment; every problem is listed in one message. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join(".") || "env"}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  const postgres = /^postgres/.test(e.DATABASE_URL);
  const dbFile = e.DATABASE_URL.slice("file:".length);
  // With PostgreSQL the data folder holds only local scratch (the development secret is refused).
  const dataDir = postgres ? resolve("data") : dirname(isAbsolute(dbFile) ? dbFile : resolve(dbFile));
  if (postgres && e.JWT_SECRET === undefined) {
    throw new ConfigError("JWT_SECRET is required with a PostgreSQL DATABASE_URL: every instance must sign and verify tokens with the same secret");
  }
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir,
    uploadDir: resolve(e.UPLOAD_DIR),
    fileStore: e.FILE_STORE ?? (postgres ? "database" : "disk"),
    maxUploadBytes: e.MAX_UPLOAD_MB * 1024 * 1024,
    jwtSecret: resolveJwtSecret(e.JWT_SECRET, e.NODE_ENV, dataDir),
    jwtExpiryHours: e.JWT_EXPIRY_HOURS,
    groq: e.GROQ_API_KEY
      ? { apiKey: e.GROQ_API_KEY, baseURL: e.GROQ_BASE_URL, modelFast: e.GROQ_MODEL_FAST, modelQuality: e.GROQ_MODEL_QUALITY, modelTranscribe: e.GROQ_MODEL_TRANSCRIBE }
      : null,
    llmTimeoutMs: e.LLM_TIMEOUT_S * 1000,
    llmConcurrency: e.LLM_CONCURRENCY,
    llmRetryAfterCapMs: e.LLM_RETRY_AFTER_CAP_S * 1000,
    enhancementConcurrency: e.ENHANCEMENT_CONCURRENCY,
    jobLeaseMs: e.JOB_LEASE_S * 1000,
    extractTimeoutMs: e.EXTRACT_TIMEOUT_S * 1000,
    allowedOrigins: e.ALLOWED_ORIGINS.split(",").map((s) => s.trim()).filter(Boolean),
    metricsToken: e.METRICS_TOKEN?.trim() || null,
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT ?? (e.NODE_ENV === "development" && process.stdout.isTTY ? "pretty" : "json"),
    limits: {
      maxBodyBytes: e.MAX_BODY_KB * 1024,
      maxVariableValues: e.MAX_VARIABLE_VALUES,
      maxVariableDepth: e.MAX_VARIABLE_DEPTH,
      maxInflateBytes: e.EXTRACT_MAX_INFLATE_MB * 1024 * 1024,
    },
    rateLimits: {
      windowS: e.RATE_WINDOW_MIN * 60,
      loginPerEmail: e.RATE_LOGIN_PER_EMAIL,
      loginPerIp: e.RATE_LOGIN_PER_IP,
      registerPerIp: e.RATE_REGISTER_PER_IP,
      passwordConfirm: e.RATE_PASSWORD_CONFIRM,
      aiPerHour: e.RATE_AI_PER_HOUR,
    },
    trustProxy: e.TRUST_PROXY,
    // Production hides the schema and the explorer unless asked: they map the attack surface.
    introspection: e.ENABLE_INTROSPECTION ?? e.NODE_ENV !== "production",
    graphiql: e.ENABLE_GRAPHIQL ?? e.NODE_ENV !== "production",
    smtp: e.SMTP_URL ? { url: e.SMTP_URL, from: e.SMTP_FROM, retryBaseMs: e.SMTP_RETRY_BASE_MS } : null,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ""),
    reminderScanMs: e.REMINDER_SCAN_INTERVAL_S * 1000,
  };
}

/**
 * Production must bring its own strong secret. Elsewhere a random one is generated once and
 * kept beside the database, so tokens survive restarts without any setup.
 */
function resolveJwtSecret(given: string | undefined, env: string, dataDir: string): string {
  if (given !== undefined) {
    if (Buffer.byteLength(given) < MIN_SECRET_BYTES) {
      if (env === "production") {
        throw new ConfigError(
          `JWT_SECRET is too short: it must be at least ${MIN_SECRET_BYTES} bytes in production (generate one with: openssl rand -base64 48)`,
        );
      }
    }
    return given;
  }
  if (env === "production") {
    throw new ConfigError("JWT_SECRET is required in production (at least 32 bytes; generate one with: openssl rand -base64 48)");
  }
  const file = resolve(dataDir, "jwt-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString("base64");
  writeFileSync(file, secret + "\n", { mode: 0o600 });
  chmodSync(file, 0o600);
  return secret;
}
