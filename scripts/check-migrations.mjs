#!/usr/bin/env node
// Fails when the derived PostgreSQL schema is stale, or when either database's committed
// migrations do not produce exactly its schema (replayed on a throw-away database, offline).
import { execFileSync } from "node:child_process";
import { DATABASES, diffMigrations } from "./lib/migrate-diff.mjs";

let failed = false;
try {
  execFileSync("node", ["scripts/derive-postgres-schema.mjs", "--check"], { stdio: "inherit" });
} catch {
  failed = true;
}
const results = await Promise.all(Object.keys(DATABASES).map(async (db) => [db, await diffMigrations(db)]));
for (const [db, r] of results) {
  const { migrations, schema } = DATABASES[db];
  if (r.status === 0) console.log(`${migrations} match ${schema}`);
  else {
    failed = true;
    if (r.status === 2) console.error(`${migrations} differ from ${schema}. Missing SQL:\n${r.stdout}`);
    else console.error(`${db} migration check failed to run:\n${r.stderr || r.stdout}`);
  }
}
if (failed) {
  console.error("Derive the schema and create the migrations with: npm run db:new-migration -- <name>");
  process.exit(1);
}
