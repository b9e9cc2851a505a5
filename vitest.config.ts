import { defineConfig } from "vitest/config";

/**
 * Tests that measure time (growth of running time with input size; /health latency while the
 * server works at its size limits) run last, one file at a time, so that no other test file's
 * CPU load can make a linear function look quadratic or a responsive server look stalled.
 */
const TIMING = [
  "tests/unit/linearity/linear-time.test.ts",
  "tests/unit/linearity/growth.test.ts",
  "tests/unit/linearity/docx-reader.test.ts",
  "tests/unit/writing/grounding-properties.test.ts",
  "tests/unit/import/parser-properties.test.ts",
  "tests/api/linear-time.test.ts",
  // register's answer must take as long for a known email as for a new one
  "tests/api/auth.test.ts",
];

export default defineConfig({
  resolve: {
    // graphql@16 has no "exports" map: externalised deps load graphql/index.js (CJS) while Vite
    // resolves index.mjs for our sources. Two copies => "Cannot use GraphQLSchema from another realm".
    alias: [{ find: /^graphql$/, replacement: "graphql/index.js" }],
  },
  test: {
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    setupFiles: ["tests/support/yield-between-tests.ts"],
    // `npm run test:postgres`: one PostgreSQL server for the run (tests/support/postgres.ts).
    globalSetup: process.env.JOBWISE_TEST_DATABASE === "postgres" ? ["tests/support/postgres-global.ts"] : [],
    projects: [
      { extends: true, test: { name: "main", include: ["tests/**/*.test.ts"], exclude: TIMING, sequence: { groupOrder: 0 } } },
      { extends: true, test: { name: "timing", include: TIMING, poolOptions: { forks: { singleFork: true } }, sequence: { groupOrder: 1 } } },
    ],
  },
});
