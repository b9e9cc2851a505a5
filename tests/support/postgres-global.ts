/** `npm run test:postgres`: one PostgreSQL server for the whole run; each test file makes its own databases on it. */
import type { TestProject } from "vitest/node";
import { startCluster } from "../../scripts/lib/pg-cluster.mjs";

export default async function setup(project: TestProject) {
  const cluster = await startCluster();
  project.provide("postgresAdminUrl", cluster.adminUrl);
  return () => cluster.stop();
}
