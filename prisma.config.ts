import { defineConfig } from "prisma/config";
import { PragmaBetterSQLite3 } from "./src/db/sqlite-adapter.ts";

// Prisma 7's CLI downloads a native engine (no network here): Prisma 6 with the JS engine and our
// adapter works offline. DATABASE_URL is the same variable the server reads.
export default defineConfig({
  experimental: { adapter: true },
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  engine: "js",
  adapter: async () => new PragmaBetterSQLite3({ url: process.env.DATABASE_URL ?? "file:./data/jobwise.db" }),
});
