import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { databaseUrl, dialect, placeholders, type Db } from "./client.ts";
import { withMigrationLock } from "./migration-lock.ts";

export const MIGRATIONS_DIR = join(import.meta.dirname, "../../prisma/migrations");
/**
 * Idempotent SQL run after the migrations on every start: objects Prisma's datamodel cannot
 * describe (FTS5 virtual tables, triggers), which `prisma migrate diff` would otherwise report as
 * drift. They hold derived data only, so they need no migration history. One folder per database
 * (SQLite's FTS5 index, PostgreSQL's tsvector twin).
 */
export const RAW_SQL_DIR = join(import.meta.dirname, "../../prisma/raw");
/** PostgreSQL's own history, for the schema derived by scripts/derive-postgres-schema.mjs. */
export const PG_MIGRATIONS_DIR = join(import.meta.dirname, "../../prisma/postgres/migrations");

const defaultDir = () => (dialect() === "postgres" ? PG_MIGRATIONS_DIR : MIGRATIONS_DIR);

interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export function listMigrations(dir = MIGRATIONS_DIR): MigrationFile[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

const CREATE_TABLE_SQLITE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" TEXT PRIMARY KEY NOT NULL, "checksum" TEXT NOT NULL, "finished_at" DATETIME,
  "migration_name" TEXT NOT NULL, "logs" TEXT, "rolled_back_at" DATETIME,
  "started_at" DATETIME NOT NULL DEFAULT current_timestamp, "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0)`;

// The table exactly as Prisma's PostgreSQL migrate creates it.
const CREATE_TABLE_PG = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(), "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`;

/** SQLite's `?` placeholders, numbered for PostgreSQL; SQLite keeps its epoch-millisecond times. */
function dialectSql() {
  if (dialect() === "sqlite") return { createTable: CREATE_TABLE_SQLITE, sql: placeholders, now: () => Date.now() as number | Date };
  return { createTable: CREATE_TABLE_PG, sql: placeholders, now: () => new Date() as number | Date };
}

/**
 * Applies pending migrations in-process at start, in the same `_prisma_migrations` table the
 * Prisma CLI uses, so `prisma migrate status/deploy` agree with what the server did. Starting
 * without spawning the CLI keeps `npm start` and each test file fast.
 */
export async function applyMigrations(db: Db, dir = defaultDir()): Promise<string[]> {
  // Instances started together on an empty PostgreSQL database: one migrates, the others wait,
  // then find everything applied.
  if (dialect() === "postgres") return withMigrationLock(databaseUrl(), () => applyPending(db, dir));
  return applyPending(db, dir);
}

async function applyPending(db: Db, dir: string): Promise<string[]> {
  const d = dialectSql();
  await db.$executeRawUnsafe(d.createTable);
  const applied = await appliedMigrations(db);
  const failed = applied.filter((m) => m.finished_at === null && m.rolled_back_at === null);
  if (failed.length) throw new Error(`migration ${failed[0].migration_name} failed earlier; fix the database before starting`);
  const done = new Map(applied.map((m) => [m.migration_name, m.checksum]));
  const newlyApplied: string[] = [];
  for (const m of listMigrations(dir)) {
    if (done.has(m.name)) {
      if (done.get(m.name) !== m.checksum) throw new Error(`migration ${m.name} was changed after it was applied`);
      continue;
    }
    const id = randomUUID();
    await db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(
        d.sql(`INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES (?, ?, ?, ?, 0)`),
        id, m.checksum, m.name, d.now(),
      );
      for (const statement of splitSql(m.sql)) await tx.$executeRawUnsafe(statement);
      await tx.$executeRawUnsafe(d.sql(`UPDATE "_prisma_migrations" SET finished_at = ?, applied_steps_count = 1 WHERE id = ?`), d.now(), id);
    }, { timeout: 120_000 });
    newlyApplied.push(m.name);
  }
  await applyRawSql(db, join(RAW_SQL_DIR, dialect()));
  return newlyApplied;
}

/** Runs every .sql file of one prisma/raw/<database> folder, in name order (each statement must be idempotent). */
export async function applyRawSql(db: Db, dir: string): Promise<void> {
  if (!existsSync(dir)) return;
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".sql")).sort()) {
    for (const statement of splitSql(readFileSync(join(dir, file), "utf8"))) await db.$executeRawUnsafe(statement);
  }
}

/** Names of migrations in the folder that the database has not finished applying. */
export async function pendingMigrations(db: Db, dir = defaultDir()): Promise<string[]> {
  const applied = new Set((await appliedMigrations(db)).filter((m) => m.finished_at !== null).map((m) => m.migration_name));
  return listMigrations(dir).map((m) => m.name).filter((n) => !applied.has(n));
}

async function appliedMigrations(db: Db) {
  return db.$queryRawUnsafe<{ migration_name: string; checksum: string; finished_at: unknown; rolled_back_at: unknown }[]>(
    `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"`,
  );
}

/** Prisma's SQLite and PostgreSQL migrations are plain statements ended by ";" at line end, with "--" comments. */
function splitSql(sql: string): string[] {
  const withoutComments = sql.split("\n").filter((l) => !l.trim().startsWith("--")).join("\n");
  return withoutComments.split(/;\s*(?:\n|$)/).map((s) => s.trim()).filter(Boolean);
}
