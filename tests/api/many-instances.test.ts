import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createClient } from "graphql-ws";
import WebSocket from "ws";
import { startPostgres, type TestPostgres } from "../support/postgres.ts";

/**
 * Two real server processes (the `npm start` entry point) on one PostgreSQL database, started at
 * the same moment on an empty database: one migrates under the advisory lock, the other waits.
 * Events published on one instance reach subscribers on the other through LISTEN/NOTIFY.
 */
const ROOT = resolve(import.meta.dirname, "../..");
const TSX = join(ROOT, "node_modules/.bin/tsx");

function startInstance(env: Record<string, string>, cwd: string) {
  const child = spawn(TSX, [join(ROOT, "src/main.ts")], {
    cwd,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "info", ...env },
  });
  let out = "";
  child.stdout.on("data", (d) => (out += d));
  child.stderr.on("data", (d) => (out += d));
  const url = new Promise<string>((res, rej) => {
    child.stdout.on("data", () => {
      const m = out.match(/"url":"http:\/\/localhost:(\d+)\/graphql"/);
      if (m) res(`http://127.0.0.1:${m[1]}/graphql`);
    });
    child.on("exit", (code) => rej(new Error(`exited ${code}: ${out}`)));
  });
  return { child, url, output: () => out };
}

async function gql(url: string, query: string, variables: Record<string, unknown> = {}, token?: string) {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token && { authorization: `Bearer ${token}` }) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: any; errors?: unknown };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

const PASSWORD = "correct horse battery";
async function signIn(url: string, email: string) {
  await gql(url, `mutation($i: RegisterInput!) { register(input: $i) { __typename } }`, { i: { email, password: PASSWORD } });
  const d = await gql(url, `mutation($i: LoginInput!) { login(input: $i) { ... on MutationLoginSuccess { data { token } } } }`, { i: { email, password: PASSWORD } });
  return d.login.data.token as string;
}

function ws(url: string, token: string) {
  let closed: (e: { code: number; reason: string }) => void = () => {};
  const closedWith = new Promise<{ code: number; reason: string }>((r) => (closed = r));
  const client = createClient({
    url: url.replace("http", "ws"),
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
    on: { closed: (e) => closed(e as { code: number; reason: string }) },
  });
  return { client, closedWith };
}

function subscribe(client: ReturnType<typeof createClient>, query: string, until: (events: any[]) => boolean) {
  const events: any[] = [];
  let ready: () => void = () => {};
  const started = new Promise<void>((r) => (ready = r));
  const done = new Promise<any[]>((resolve, reject) => {
    const cancel = client.subscribe(
      { query },
      {
        next: (v) => {
          events.push(v.data);
          if (until(events)) {
            cancel();
            resolve(events);
          }
        },
        error: reject,
        complete: () => resolve(events),
      },
    );
  });
  client.on("connected", () => setTimeout(ready, 200)); // the subscribe frame follows the ack
  return { events, done, started };
}

describe("two instances on one PostgreSQL database", () => {
  let pg: TestPostgres;
  let cwd: string;
  let a: ReturnType<typeof startInstance>;
  let b: ReturnType<typeof startInstance>;
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
    for (const p of [a, b]) p?.child.kill("SIGTERM");
    await Promise.all([a, b].map((p) => p && new Promise((r) => (p.child.exitCode !== null ? r(null) : p.child.once("exit", r)))));
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
    await gql(urlB, `mutation { upsertProfile(input: { fullName: "Ada Lovelace", summary: "Responsible for building data services in Python." }) { __typename } }`, {}, token);
    for (let i = 0; i < 3; i++) {
      await gql(urlB, `mutation($i: AddExperienceInput!) { addExperience(input: $i) { __typename } }`, {
        i: { fields: { title: `Engineer ${i}`, company: "Acme", startDate: "2021-03", current: false, endDate: "2022-01", bullets: ["Responsible for managing the billing API", "Worked on Python services"], technologies: ["Python"] } },
      }, token);
    }
    const finished = (ev: any[]) => ev.some((e) => ["COMPLETED", "FAILED"].includes(e.myEnhancementJobs.status));
    const query = `subscription { myEnhancementJobs { id status progress revision } }`;
    const { client } = ws(urlA, token);
    const sub = subscribe(client, query, finished);
    const { client: clientB } = ws(urlB, token);
    const subB = subscribe(clientB, query, finished);
    await Promise.all([sub.started, subB.started]);
    const started = await gql(urlB, `mutation { enhanceProfile(input: { sections: [SUMMARY, EXPERIENCES], useDefaultStyle: true }) { __typename ... on MutationEnhanceProfileSuccess { data { id } } ... on Error { message } } }`, {}, token);
    expect(started.enhanceProfile.__typename).toBe("MutationEnhanceProfileSuccess");
    const events = (await sub.done).map((e) => e.myEnhancementJobs);
    const eventsB = (await subB.done).map((e) => e.myEnhancementJobs);
    await Promise.all([client.dispose(), clientB.dispose()]);
    // A hears exactly what a subscriber on B (where the job was started) hears, in the same order.
    expect(events).toEqual(eventsB);
    expect(events[0].status).toBe("QUEUED");
    expect(events.at(-1).status).toBe("COMPLETED");
    const revisions = events.map((e) => e.revision);
    // Each published state once, in order (the runner's own claim is not published).
    expect(revisions).toEqual([...new Set(revisions)].sort((x, y) => x - y));
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
