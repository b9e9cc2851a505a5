import { join } from "node:path";
import { defineConfig } from "prisma/config";
import { MigrationPrismaPg } from "../../src/db/postgres-adapter.ts";

// The PostgreSQL twin of ../../prisma.config.ts: the derived schema, its own migrations, and the pg
// driver adapter (the shadow database the CLI needs for `migrate diff --from-migrations` is a
// temporary database it creates on DATABASE_URL's server).
export default defineConfig({
  experimental: { adapter: true },
  schema: join(import.meta.dirname, "schema.prisma"),
  migrations: { path: join(import.meta.dirname, "migrations") },
  engine: "js",
  adapter: async () => new MigrationPrismaPg({ connectionString: process.env.DATABASE_URL ?? "postgresql://localhost:5432/jobwise" }),
});
