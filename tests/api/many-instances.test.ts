import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startPostgres, type TestPostgres } from "../support/postgres.ts";
import { addExperiences, ENHANCE, gql, PASSWORD, signIn, startInstance, stopInstances, subscribe, ws, type Instance } from "../support/instances.ts";

/**
 * Two real server processes (the `npm start` entry point) on one PostgreSQL database, started at
 * the same moment on an empty database: one migrates under the advisory lock, the other waits.
 * Events published on one instance reach subscribers on the other through LISTEN/NOTIFY.
 */
describe("two instances on one PostgreSQL database", () => {
  let pg: TestPostgres;
  let cwd: string;
  let a: Instance;
  let b: Instance;
  let urlA: string;
  let urlB: string;

  beforeAll(async () => {
    pg = await startPostgres();
    const databaseUrl = await pg.createDatabase();
    cwd = mkdtempSync(join(tmpdir(), "jobwise-instances-"));
    const env = {
      DATABASE_URL: databaseUrl,
      NODE_ENV: "test",
      JWT_SECRET: "a-shared-secret-that-is-long-enough-for-hs256-0123456789",
      UPLOAD_DIR: join(cwd, "uploads"),
      RATE_REGISTER_PER_IP: "1000",
      RATE_LOGIN_PER_IP: "1000",
    };
    // Same moment, empty database: both run the migrator; the advisory lock lets one apply.
    a = startInstance(env, cwd);
    b = startInstance(env, cwd);
    [urlA, urlB] = await Promise.all([a.url, b.url]);
  }, 120_000);

  afterAll(async () => {
    await stopInstances([a, b]);
    await pg?.stop();
    if (cwd) rmSync(cwd, { recursive: true, force: true });
  });

  it("applied the migrations exactly once and both are ready", async () => {
    const applied = [a, b].filter((p) => p.output().includes('"msg":"migrations applied"'));
    expect(applied).toHaveLength(1);
    for (const url of [urlA, urlB]) {
      expect(await (await fetch(url.replace("/graphql", "/ready"))).json()).toMatchObject({ status: "ready", events: "postgres" });
    }
  });

  it("a subscriber on A hears every state of an enhancement job started on B, in order", async () => {
    const token = await signIn(urlA, "ada@example.com");
    await addExperiences(urlB, token, 3);
    const finished = (ev: any[]) => ev.some((e) => ["COMPLETED", "FAILED"].includes(e.myEnhancementJobs.status));
    const query = `subscription { myEnhancementJobs { id status progress revision } }`;
    const { client } = ws(urlA, token);
    const sub = subscribe(client, query, finished);
    const { client: clientB } = ws(urlB, token);
    const subB = subscribe(clientB, query, finished);
    await Promise.all([sub.started, subB.started]);
    const started = await gql(urlB, ENHANCE, {}, token);
    expect(started.enhanceProfile.__typename).toBe("MutationEnhanceProfileSuccess");
    const events = (await sub.done).map((e) => e.myEnhancementJobs);
    const eventsB = (await subB.done).map((e) => e.myEnhancementJobs);
    await Promise.all([client.dispose(), clientB.dispose()]);
    // A hears exactly what a subscriber on B (where the job was started) hears, in the same order.
    expect(events).toEqual(eventsB);
    expect(events[0].status).toBe("QUEUED");
    expect(events.at(-1).status).toBe("COMPLETED");
    const revisions = events.map((e) => e.revision);
    // Every state once, in order, none missing: 0 queued, 1 the runner's claim, then progress.
    expect(revisions).toEqual(revisions.map((_, i) => i));
    expect(events[1].status).toBe("RUNNING");
    expect(events.length).toBeGreaterThanOrEqual(5);
    const final = await gql(urlA, `query($id: ID!) { enhancementJob(id: $id) { ... on QueryEnhancementJobSuccess { data { revision status } } } }`, { id: started.enhanceProfile.data.id }, token);
    expect(final.enhancementJob.data).toEqual({ revision: revisions.at(-1), status: "COMPLETED" });
  }, 60_000);

  it("a password change on A closes the user's sockets on B with 4401 REVOKED_TOKEN", async () => {
    const token = await signIn(urlA, "grace@example.com");
    const onB = ws(urlB, token);
    const sub = subscribe(onB.client, `subscription { profileUpdated { id } }`, () => false);
    const ended = sub.done.catch((e) => e); // the revocation ends it with the close event
    await sub.started;
    await gql(urlA, `mutation($i: ChangePasswordInput!) { changePassword(input: $i) { __typename } }`, { i: { currentPassword: PASSWORD, newPassword: "another long password" } }, token);
    expect(await onB.closedWith).toMatchObject({ code: 4401, reason: "REVOKED_TOKEN" });
    expect(await ended).toMatchObject({ code: 4401 });
    await onB.client.dispose();
  }, 30_000);
});
