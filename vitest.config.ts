import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    // graphql@16 has no "exports" map: externalised deps load graphql/index.js (CJS) while Vite
    // resolves index.mjs for our sources. Two copies => "Cannot use GraphQLSchema from another realm".
    alias: [{ find: /^graphql$/, replacement: "graphql/index.js" }],
  },
  test: {
    environment: "node",
    include: ["tests/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
