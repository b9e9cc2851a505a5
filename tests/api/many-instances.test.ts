import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pgLib from "pg";
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
  let databaseUrl: string;

  beforeAll(async () => {
    pg = await startPostgres();
    databaseUrl = await pg.createDatabase();
    cwd = mkdtempSync(join(tmpdir(), "jobwise-instances-"));
    const env = {
      DATABASE_URL: databaseUrl,
      NODE_ENV: "test",
      JWT_SECRET: "a-shared-secret-that-is-long-enough-for-hs256-0123456789",
      RATE_REGISTER_PER_IP: "1000",
      RATE_LOGIN_PER_IP: "1000",
    };
    // Same moment, empty database: both run the migrator; the advisory lock lets one apply.
    // Each its own upload folder, as on two machines: files must travel through the database.
    a = startInstance({ ...env, UPLOAD_DIR: join(cwd, "a") }, cwd);
    b = startInstance({ ...env, UPLOAD_DIR: join(cwd, "b") }, cwd);
    [urlA, urlB] = await Promise.all([a.url, b.url]);
  }, 120_000);

  afterAll(async () => {
    await stopInstances([a, b]);
    await pg?.stop();
    if (cwd) rmSync(cwd, { recursive: true, force: true });
  });

  async function storedFiles() {
    const client = new pgLib.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      return Number((await client.query("SELECT count(*) AS n FROM stored_files")).rows[0].n);
    } finally {
      await client.end();
    }
  }

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

  it("sign-in limits are shared: a burst of wrong passwords split over A and B is limited at the configured count", async () => {
    await signIn(urlA, "hopper@example.com");
    const login = `mutation($i: LoginInput!) { login(input: $i) { __typename } }`;
    // RATE_LOGIN_PER_EMAIL is 5 (the default): 12 guesses, half on each instance, all at once.
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) => gql(i % 2 ? urlB : urlA, login, { i: { email: "hopper@example.com", password: `wrong ${i}` } })),
    );
    const kinds = answers.map((d) => d.login.__typename);
    expect(kinds.filter((k) => k === "InvalidCredentialsError")).toHaveLength(5);
    expect(kinds.filter((k) => k === "LimitExceededError")).toHaveLength(7);
    // And the right password is refused too, on either instance, until the window ends.
    for (const url of [urlA, urlB]) {
      expect((await gql(url, login, { i: { email: "hopper@example.com", password: PASSWORD } })).login.__typename).toBe("LimitExceededError");
    }
  }, 30_000);

  it("a sample uploaded on A is downloaded from B, and deleting it on B removes it for A", async () => {
    const token = await signIn(urlA, "lamarr@example.com");
    const bytes = readFileSync(join(import.meta.dirname, "../fixtures/five-pages.pdf"));
    const form = new FormData();
    form.set("operations", JSON.stringify({ query: `mutation($input: UploadSampleInput!) { uploadSample(input: $input) { __typename ... on Error { message } } }`, variables: { input: { type: "RESUME", file: null } } }));
    form.set("map", JSON.stringify({ 0: ["variables.input.file"] }));
    form.set("0", new Blob([bytes], { type: "application/pdf" }), "My Resume.pdf");
    const up = await (await fetch(urlA, { method: "POST", headers: { authorization: `Bearer ${token}`, "x-graphql-yoga-csrf": "1" }, body: form })).json();
    expect(up.data.uploadSample.__typename).toBe("MutationUploadSampleSuccess");

    const fileUrl = (url: string) => url.replace("/graphql", "/samples/resume/file");
    const got = await fetch(fileUrl(urlB), { headers: { authorization: `Bearer ${token}` } });
    expect(got.status).toBe(200);
    expect(got.headers.get("content-type")).toBe("application/pdf");
    expect(got.headers.get("content-disposition")).toContain("My_Resume.pdf");
    expect(Buffer.from(await got.arrayBuffer()).equals(bytes)).toBe(true);
    // Nothing of it on either instance's disk: the database holds it.
    expect(existsSync(join(cwd, "a"))).toBe(false);

    expect(await storedFiles()).toBe(1);
    const del = await gql(urlB, `mutation { deleteSample(input: { type: RESUME }) { __typename } }`, {}, token);
    expect(del.deleteSample.__typename).toBe("MutationDeleteSampleSuccess");
    expect(await storedFiles()).toBe(0);
    const after = await fetch(fileUrl(urlA), { headers: { authorization: `Bearer ${token}` } });
    expect(after.status).toBe(404);
  }, 30_000);
});
