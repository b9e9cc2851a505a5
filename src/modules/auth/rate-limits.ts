import pg from "pg";
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import type { RateLimitConfig } from "../../config.ts";
import { LimitExceededError } from "../../errors.ts";

/**
 * What is limited, and by which key. Every point is taken *before* the work it guards runs (the
 * password hash, the model call), so a burst of parallel requests cannot slip past a counter
 * that is only written afterwards.
 */
export type RateLimitKind =
  | "loginEmail" // sign-in attempts for one email (a correct password clears it)
  | "loginIp" // sign-in and registration attempts from one client address (a success gives the point back)
  | "registerIp" // accounts created from one client address
  | "passwordConfirm" // wrong current passwords for one user (changePassword, deleteAccount)
  | "ai"; // AI-backed operations of one user (enhance, cover letter, import)

const MESSAGES: Record<RateLimitKind, string> = {
  loginEmail: "Too many sign-in attempts for this email",
  loginIp: "Too many sign-in attempts from this address",
  registerIp: "Too many accounts created from this address",
  passwordConfirm: "Too many password confirmations for this account",
  ai: "Too many AI requests for this account",
};

/**
 * Rate limits on rate-limiter-flexible. With SQLite (one process) the counters are in memory,
 * which is exact there. With PostgreSQL (many instances) they are rows of `rate_limits`, updated
 * with one atomic upsert per point, so a burst spread over every instance is limited at the
 * configured count; if the database cannot answer, each instance falls back to counting in its
 * own memory rather than failing the request.
 */
export class RateLimits {
  private readonly limiters: Record<RateLimitKind, RateLimiterAbstract>;
  private readonly pool: pg.Pool | null;

  /** `postgresUrl`: share the counters through that database (its migrations made the table). */
  constructor(config: RateLimitConfig, postgresUrl: string | null = null) {
    this.pool = postgresUrl ? new pg.Pool({ connectionString: postgresUrl, max: 4, application_name: "jobwise-rate-limits" }) : null;
    // An idle connection that drops (a database restart) must not crash the process.
    this.pool?.on("error", () => {});
    const make = (keyPrefix: string, points: number, duration: number): RateLimiterAbstract => {
      const memory = new RateLimiterMemory({ keyPrefix, points, duration });
      if (!this.pool) return memory;
      return new RateLimiterPostgres({
        storeClient: this.pool,
        storeType: "pool",
        tableName: "rate_limits",
        tableCreated: true,
        clearExpiredByTimeout: true,
        keyPrefix,
        points,
        duration,
        insuranceLimiter: memory,
      });
    };
    this.limiters = {
      loginEmail: make("login-email", config.loginPerEmail, config.windowS),
      loginIp: make("login-ip", config.loginPerIp, config.windowS),
      registerIp: make("register-ip", config.registerPerIp, 3600),
      passwordConfirm: make("password-confirm", config.passwordConfirm, config.windowS),
      ai: make("ai", config.aiPerHour, 3600),
    };
  }

  async close(): Promise<void> {
    await this.pool?.end();
  }

  /** Takes one point, or throws LimitExceededError saying when to try again. */
  async take(kind: RateLimitKind, key: string): Promise<void> {
    try {
      await this.limiters[kind].consume(key);
    } catch (e) {
      if (!(e instanceof RateLimiterRes)) throw e;
      const seconds = Math.max(1, Math.ceil(e.msBeforeNext / 1000));
      throw new LimitExceededError(`${MESSAGES[kind]}; try again in ${describe(seconds)}`, this.limiters[kind].points, seconds);
    }
  }

  /** Gives the point back: the attempt turned out to be legitimate. */
  async refund(kind: RateLimitKind, key: string): Promise<void> {
    await this.limiters[kind].reward(key, 1);
  }

  /** Forgets the key: a correct password ends a run of failures. */
  async clear(kind: RateLimitKind, key: string): Promise<void> {
    await this.limiters[kind].delete(key);
  }
}

function describe(seconds: number): string {
  if (seconds < 90) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}
