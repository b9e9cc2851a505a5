import { PrismaClient } from "../generated/prisma/client.ts";
import { PragmaBetterSQLite3 } from "./sqlite-adapter.ts";

export type Db = PrismaClient;
export type Dialect = "sqlite" | "postgres";

let current: PrismaClient | null = null;
let currentDialect: Dialect = "sqlite";
let currentUrl = "";

/** `file:…` is SQLite (one process); `postgres://` or `postgresql://` is PostgreSQL (many instances). */
export function dialectOf(url: string): Dialect {
  return /^postgres(ql)?:\/\//.test(url) ? "postgres" : "sqlite";
}

/**
 * The Prisma client is a module singleton (never on the GraphQL context): services import `db()`.
 * `connectDb` is called once by buildApp; a second call (a test restarting the app) replaces it.
 * On PostgreSQL it is the client generated from the derived schema (prisma/postgres), typed as the
 * SQLite one: both are generated from the same models, so their query API is the same.
 */
export async function connectDb(url: string): Promise<PrismaClient> {
  if (current) await current.$disconnect();
  currentDialect = dialectOf(url);
  currentUrl = url;
  if (currentDialect === "postgres") {
    // Loaded only here, so a SQLite server never loads PostgreSQL's query compiler.
    const [{ PrismaClient: PgClient }, { CountingPrismaPg }] = await Promise.all([import("../generated/prisma-pg/client.ts"), import("./postgres-adapter.ts")]);
    current = new PgClient({ adapter: new CountingPrismaPg({ connectionString: url }) }) as unknown as PrismaClient;
  } else {
    current = new PrismaClient({ adapter: new PragmaBetterSQLite3({ url }) });
  }
  await current.$connect();
  return current;
}

export function db(): PrismaClient {
  if (!current) throw new Error("database not connected: call connectDb() first");
  return current;
}

/** Which database the connected client talks to (raw SQL and the migrator differ). */
export function dialect(): Dialect {
  return currentDialect;
}

/** SQLite's `?` placeholders as the connected database wants them (`$1`, `$2`, … on PostgreSQL). */
export function placeholders(sql: string): string {
  if (currentDialect === "sqlite") return sql;
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/** The URL connectDb was given (the migrator's lock and the event listener open their own connection). */
export function databaseUrl(): string {
  return currentUrl;
}

export async function disconnectDb(): Promise<void> {
  const c = current;
  current = null;
  await c?.$disconnect();
}
