import { PrismaClient } from "../generated/prisma/client.ts";
import { PragmaBetterSQLite3 } from "./sqlite-adapter.ts";

export type Db = PrismaClient;

let current: PrismaClient | null = null;

/**
 * The Prisma client is a module singleton (never on the GraphQL context): services import `db()`.
 * `connectDb` is called once by buildApp; a second call (a test restarting the app) replaces it.
 */
export async function connectDb(url: string): Promise<PrismaClient> {
  if (current) await current.$disconnect();
  current = new PrismaClient({ adapter: new PragmaBetterSQLite3({ url }) });
  await current.$connect();
  return current;
}

export function db(): PrismaClient {
  if (!current) throw new Error("database not connected: call connectDb() first");
  return current;
}

export async function disconnectDb(): Promise<void> {
  const c = current;
  current = null;
  await c?.$disconnect();
}
