#!/usr/bin/env node
// Fails when prisma/migrations does not produce exactly prisma/schema.prisma (replayed on a
// throw-away shadow database, offline).
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const dir = mkdtempSync(join(tmpdir(), "jobwise-migcheck-"));
try {
  execFileSync(
    join("node_modules", ".bin", "prisma"),
    ["migrate", "diff", "--from-migrations", "prisma/migrations", "--to-schema-datamodel", "prisma/schema.prisma", "--script", "--exit-code"],
    { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, CHECKPOINT_DISABLE: "1", DATABASE_URL: `file:${join(dir, "check.db")}` } },
  );
  console.log("migrations match prisma/schema.prisma");
} catch (e) {
  if (e.status === 2) {
    console.error("prisma/migrations differ from prisma/schema.prisma. Missing SQL:\n" + e.stdout);
    console.error("Create the migration with: npm run db:new-migration -- <name>");
  } else {
    console.error("migration check failed to run:\n" + (e.stderr || e.message));
  }
  process.exit(1);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
