import { Prisma } from "../generated/prisma/client.ts";
import { db, dialect } from "../db/client.ts";

/** The transaction client a claim runs its update in (the same API as db()). */
export type ClaimTx = Prisma.TransactionClient;

/**
 * A job claim safe across instances. On PostgreSQL the first row of `table` matching `runnable`
 * (in `order`) is locked with FOR UPDATE SKIP LOCKED in a transaction, and `take` moves it out of
 * the runnable state before the lock is released: instances claiming at the same moment each get
 * a different row instead of queueing on the same one and all but one losing the race. `take`
 * returning null (the row is not to be run: say its attempts are used up) releases it, and the
 * next row is tried, up to `tries` rows.
 *
 * On SQLite (one process, one writer) there is nothing to skip: `fallback` does the claim with a
 * conditional update, as before.
 *
 * `table`, `runnable` and `order` are SQL written by the caller (constants, never user input).
 */
export async function claimNext<T>(opts: {
  table: string;
  /** A WHERE condition; `$1`, `$2` … are `params`. */
  runnable: string;
  params?: unknown[];
  order: string;
  take: (tx: ClaimTx, id: string) => Promise<T | null>;
  /** Work to do after the transaction for a row `take` passed over (notifications, events). */
  afterSkip?: (id: string) => Promise<void>;
  fallback: () => Promise<T | null>;
  tries?: number;
}): Promise<T | null> {
  if (dialect() !== "postgres") return opts.fallback();
  const sql = `SELECT id FROM "${opts.table}" WHERE ${opts.runnable} ORDER BY ${opts.order} LIMIT 1 FOR UPDATE SKIP LOCKED`;
  for (let i = 0; i < (opts.tries ?? 5); i++) {
    const outcome = await db().$transaction(async (tx) => {
      const [row] = await tx.$queryRawUnsafe<{ id: string }[]>(sql, ...(opts.params ?? []));
      if (!row) return { done: true as const, value: null };
      const value = await opts.take(tx, row.id);
      return value === null ? { done: false as const, skipped: row.id } : { done: true as const, value };
    });
    if (outcome.done) return outcome.value;
    await opts.afterSkip?.(outcome.skipped);
  }
  return null;
}
