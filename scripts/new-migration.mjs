#!/usr/bin/env node
// Usage: npm run db:new-migration -- <name>
// Offline replacement for `prisma migrate dev --create-only`, for both databases: derives
// prisma/postgres/schema.prisma, regenerates its client, and writes one migration folder of the
// same name under prisma/migrations (SQLite) and prisma/postgres/migrations (PostgreSQL).
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { DATABASES, diffMigrations } from "./lib/migrate-diff.mjs";

const name = (process.argv[2] ?? "migration").replace(/[^a-zA-Z0-9_]/g, "_");
execFileSync("node", ["scripts/derive-postgres-schema.mjs"], { stdio: "inherit" });
execFileSync("npm", ["run", "--silent", "db:generate"], { stdio: "inherit" });
const ts = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
for (const db of Object.keys(DATABASES)) {
  const r = await diffMigrations(db);
  if (r.status === 0) {
    console.log(`${db}: no schema changes - nothing to do.`);
    continue;
  }
  if (r.status !== 2) {
    console.error(r.stderr || r.stdout);
    process.exit(r.status);
  }
  const target = `${DATABASES[db].migrations}/${ts}_${name}`;
  mkdirSync(target, { recursive: true });
  writeFileSync(`${target}/migration.sql`, r.stdout.trimStart());
  console.log(`Created ${target}/migration.sql`);
}
