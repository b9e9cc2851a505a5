import pg from "pg";

/** The key `prisma migrate deploy` locks too, so the CLI and a starting server never migrate at once. */
const PRISMA_MIGRATE_LOCK = 72707369;

/**
 * Runs `fn` holding PostgreSQL's session advisory lock on a connection of its own (Prisma's pool
 * may run each query on a different connection, which a session lock cannot follow). A second
 * instance blocks here until the first has finished, then runs `fn` and finds nothing pending.
 * The lock is released when the connection ends, even if this process dies mid-migration.
 */
export async function withMigrationLock<T>(url: string, fn: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [PRISMA_MIGRATE_LOCK]);
    return await fn();
  } finally {
    await client.end();
  }
}
