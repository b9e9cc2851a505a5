#!/usr/bin/env node
// Usage: npm run db:new-migration -- <name>
// Offline replacement for `prisma migrate dev --create-only` (needs PragmaBetterSQLite3's shadow-DB patch).
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
mkdirSync("data", { recursive: true });

const name = (process.argv[2] ?? "migration").replace(/[^a-zA-Z0-9_]/g, "_");
const dir = "prisma/migrations";
let sql;
try {
  sql = execFileSync(
    "node_modules/.bin/prisma",
    ["migrate", "diff", "--from-migrations", dir, "--to-schema-datamodel", "prisma/schema.prisma", "--script", "--exit-code"],
    { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], env: { ...process.env, CHECKPOINT_DISABLE: "1", DATABASE_URL: "file:./data/jobwise.db" } },
  );
  console.log("No schema changes - nothing to do.");
  process.exit(0);
} catch (e) {
  if (e.status !== 2) process.exit(e.status ?? 1); // 2 = diff not empty
  sql = e.stdout;
}
const ts = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const target = `${dir}/${ts}_${name}`;
mkdirSync(target, { recursive: true });
writeFileSync(`${target}/migration.sql`, sql.trimStart());
console.log(`Created ${target}/migration.sql`);
