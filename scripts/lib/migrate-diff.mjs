// `prisma migrate diff` for either database, offline. SQLite replays the migrations on a scratch
// file; PostgreSQL needs a server for its shadow database, so a throw-away embedded one is started.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startCluster } from "./pg-cluster.mjs";

export const DATABASES = {
  sqlite: { config: "prisma.config.ts", schema: "prisma/schema.prisma", migrations: "prisma/migrations" },
  postgres: { config: "prisma/postgres/prisma.config.ts", schema: "prisma/postgres/schema.prisma", migrations: "prisma/postgres/migrations" },
};

function prisma(args, env) {
  return new Promise((resolve) => {
    execFile(join("node_modules", ".bin", "prisma"), args, { encoding: "utf8", env: { ...process.env, CHECKPOINT_DISABLE: "1", ...env } }, (error, stdout, stderr) =>
      resolve({ status: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

/**
 * The SQL that takes `database`'s committed migrations to its schema. Resolves to
 * { status: 0 (no difference) | 2 (difference, SQL in stdout) | other (failed), stdout, stderr }.
 */
export async function diffMigrations(database) {
  const d = DATABASES[database];
  const args = ["migrate", "diff", "--config", d.config, "--from-migrations", d.migrations, "--to-schema-datamodel", d.schema, "--script", "--exit-code"];
  if (database === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "jobwise-migcheck-"));
    try {
      return await prisma(args, { DATABASE_URL: `file:${join(dir, "check.db")}` });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const cluster = await startCluster();
  try {
    return await prisma(args, { DATABASE_URL: cluster.adminUrl });
  } finally {
    await cluster.stop();
  }
}
