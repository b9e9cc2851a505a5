import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startPostgres, type TestPostgres } from "../support/postgres.ts";
import { promptBlock, startFakeGroq, type FakeGroq, type FakeReply, type FakeRequest } from "../support/fake-groq.ts";
import { addExperiences, ENHANCE, gql, signIn, startInstance, stopInstances, subscribe, until, ws, type Instance } from "../support/instances.ts";

/**
 * Jobs across instances: two server processes on one PostgreSQL database claim enhancement jobs
 * with FOR UPDATE SKIP LOCKED. The instance running a job is killed with SIGKILL (no requeue, no
 * goodbye): the other takes the job over once its lease runs out and finishes it exactly once.
 * An instance paused (SIGSTOP) past its lease loses the job the same way, and when it resumes it
 * writes nothing: every write of a job is conditional on the claim that holds it.
 */

/** An honest model, slow enough that a job is still running when its instance is killed. */
function honest(req: FakeRequest): FakeReply {
  const kind = promptBlock(req, "ITEM_KIND").trim();
  const text = promptBlock(req, "ITEM_TEXT");
  if (kind === "SUMMARY") return { json: { text } };
  return { json: { bullets: text.split("\n").map((l) => l.replace(/^- /, "").replace(/^Responsible for managing/, "Managed")) } };
}

const JOB = `query($id: ID!) { enhancementJob(id: $id) { ... on QueryEnhancementJobSuccess { data { status attempts revision message result { changed { kind itemId } unchanged { kind itemId } rejected { kind itemId } } } } } }`;
const NOTIFICATIONS = `query { notifications(first: 20) { edges { node { kind enhancementJobId } } } }`;

describe("jobs across two instances on one PostgreSQL database", () => {
  let pg: TestPostgres;
  let fake: FakeGroq;
  let cwd: string;
  let a: Instance;
  let b: Instance;
  let c: Instance | undefined;
  let urlA: string;
  let urlB: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    [pg, fake] = await Promise.all([startPostgres(), startFakeGroq({ apiKey: "test-key" })]);
    fake.setHandler(honest);
    env = {
      DATABASE_URL: await pg.createDatabase(),
      NODE_ENV: "test",
      JWT_SECRET: "a-shared-secret-that-is-long-enough-for-hs256-0123456789",
      RATE_REGISTER_PER_IP: "1000",
      RATE_LOGIN_PER_IP: "1000",
      GROQ_API_KEY: "test-key",
      GROQ_BASE_URL: fake.url,
      LLM_CONCURRENCY: "1",
      JOB_LEASE_S: "2",
    };
    cwd = mkdtempSync(join(tmpdir(), "jobwise-instances-"));
    a = startInstance({ ...env, UPLOAD_DIR: join(cwd, "a") }, cwd);
    b = startInstance({ ...env, UPLOAD_DIR: join(cwd, "b") }, cwd);
    [urlA, urlB] = await Promise.all([a.url, b.url]);
  }, 120_000);

  afterAll(async () => {
    await stopInstances([a, b, c]);
    await Promise.all([pg?.stop(), fake?.close()]);
    if (cwd) rmSync(cwd, { recursive: true, force: true });
  });

  it("jobs queued at once on both instances are each claimed once and run once", async () => {
    fake.setLatency(20);
    const users = await Promise.all(Array.from({ length: 6 }, (_, i) => signIn(i % 2 ? urlB : urlA, `user${i}@example.com`)));
    const urlOf = (i: number) => (i % 2 ? urlB : urlA);
    await Promise.all(users.map((t, i) => addExperiences(urlOf(i), t, 1)));
    const ids = await Promise.all(users.map(async (t, i) => (await gql(urlOf(i), ENHANCE, {}, t)).enhanceProfile.data.id as string));
    const jobs = await Promise.all(
      ids.map((id, i) =>
        until(async () => {
          const d = (await gql(urlOf(i + 1), JOB, { id }, users[i])).enhancementJob.data;
          return d.status === "COMPLETED" && d;
        }, 30_000, "the jobs"),
      ),
    );
    for (const j of jobs) expect(j.attempts).toBe(1);
    const claims = (id: string) => [a, b].flatMap((p) => p.output().split("\n")).filter((l) => l.includes('"msg":"job claimed"') && l.includes(`"jobId":"${id}"`));
    for (const id of ids) expect(claims(id)).toHaveLength(1);
  }, 60_000);

  it("kill -9 of the instance running a job: the other takes it over after the lease and finishes it once", async () => {
    const token = await signIn(urlA, "ada@example.com");
    await addExperiences(urlA, token, 3); // 4 items: the summary and 3 experiences
    fake.setLatency(700);
    const before = fake.requests.length;
    const started = await gql(urlA, ENHANCE, {}, token);
    const id = started.enhanceProfile.data.id as string;

    const claimedBy = (p: Instance) => p.output().split("\n").some((l) => l.includes('"msg":"job claimed"') && l.includes(`"jobId":"${id}"`));
    const runner = await until(() => [a, b].find(claimedBy), 10_000, "a claim");
    const survivor = runner === a ? b : a;
    const survivorUrl = runner === a ? urlB : urlA;
    // Wait for one finished item (kept on the row), then kill while the next one is in flight.
    await until(async () => (await gql(survivorUrl, JOB, { id }, token)).enhancementJob.data.message.includes("(1/4)"), 15_000, "the first item");
    const { client } = ws(survivorUrl, token);
    const sub = subscribe(client, `subscription { myEnhancementJobs { id status message revision } }`, (ev) => ev.some((e) => e.myEnhancementJobs.status === "COMPLETED"));
    await sub.started;
    runner.child.kill("SIGKILL");
    await runner.exited;
    fake.setLatency(50);

    const events = (await sub.done).map((e) => e.myEnhancementJobs);
    await client.dispose();
    expect(claimedBy(survivor)).toBe(true);
    expect(events.some((e) => e.message === "Resuming after an interruption")).toBe(true);
    const revisions = events.map((e) => e.revision);
    expect(revisions).toEqual([...revisions].sort((x, y) => x - y));
    expect(new Set(revisions).size).toBe(revisions.length);

    const job = (await gql(survivorUrl, JOB, { id }, token)).enhancementJob.data;
    expect(job).toMatchObject({ status: "COMPLETED", attempts: 2 });
    // Every item once in the result: none lost, none counted twice.
    const items = [...job.result.changed, ...job.result.unchanged, ...job.result.rejected];
    expect(items).toHaveLength(4);
    expect(new Set(items.map((i: { itemId: string | null }) => i.itemId)).size).toBe(4);
    // The item finished before the crash was not rewritten: at most the in-flight one twice.
    const itemCalls = fake.requests.slice(before).filter((r) => promptBlock(r, "ITEM_TEXT"));
    expect(itemCalls.length).toBeGreaterThanOrEqual(4);
    expect(itemCalls.length).toBeLessThanOrEqual(5);
    // One "finished" notification, not one per attempt.
    const notes = (await gql(survivorUrl, NOTIFICATIONS, {}, token)).notifications.edges.filter((e: any) => e.node.enhancementJobId === id);
    expect(notes).toHaveLength(1);
  }, 60_000);

  it("an instance paused past its lease loses the job; resumed, it writes nothing, and every revision is published once", async () => {
    // The instance killed above is replaced: two live instances again.
    const live = [a, b].find((p) => p.child.exitCode === null && p.child.signalCode === null)!;
    c = startInstance({ ...env, UPLOAD_DIR: join(cwd, "c") }, cwd);
    const pair = [{ p: live, url: live === a ? urlA : urlB }, { p: c, url: await c.url }];
    const token = await signIn(pair[0].url, "grace@example.com");
    await addExperiences(pair[0].url, token, 3);
    // A subscriber on each instance from before the job exists: it must see every revision, the claim's too.
    const subs = pair.map(({ url }) => {
      const { client } = ws(url, token);
      return { client, sub: subscribe(client, `subscription { myEnhancementJobs { id status message revision } }`, (ev) => ev.some((e) => e.myEnhancementJobs.status === "COMPLETED")) };
    });
    await Promise.all(subs.map((s) => s.sub.started));
    fake.setLatency(700);
    const id = (await gql(pair[0].url, ENHANCE, {}, token)).enhanceProfile.data.id as string;
    const claimedBy = (p: Instance) => p.output().split("\n").some((l) => l.includes('"msg":"job claimed"') && l.includes(`"jobId":"${id}"`));
    const runner = await until(() => pair.find(({ p }) => claimedBy(p)), 10_000, "a claim");
    const other = pair.find((x) => x !== runner)!;
    await until(async () => (await gql(other.url, JOB, { id }, token)).enhancementJob.data.message.includes("(1/4)"), 15_000, "the first item");
    runner.p.child.kill("SIGSTOP");
    fake.setLatency(50);
    const state = async () => {
      const job = (await gql(other.url, JOB, { id }, token)).enhancementJob.data;
      const profile = (await gql(other.url, `query { myProfile { enhancementVersion } }`, {}, token)).myProfile;
      const notes = (await gql(other.url, NOTIFICATIONS, {}, token)).notifications.edges.filter((e: any) => e.node.enhancementJobId === id);
      return { status: job.status, attempts: job.attempts, revision: job.revision, version: profile.enhancementVersion, notes: notes.length };
    };
    try {
      const finished = await until(async () => ((await state()).status === "COMPLETED" ? state() : null), 20_000, "the takeover");
      expect(claimedBy(other.p)).toBe(true);
      expect(finished).toMatchObject({ attempts: 2, version: 1, notes: 1 });
      const seen = (await subs[pair.indexOf(other)].sub.done).map((e) => e.myEnhancementJobs.revision);
      // 0 (queued), 1 (the first claim), … the takeover, the end: none missing, none twice.
      expect(seen).toEqual(Array.from({ length: finished.revision + 1 }, (_, i) => i));

      // Resumed: its reply (or its next heartbeat) finds the claim gone, and it stops without a write.
      runner.p.child.kill("SIGCONT");
      await until(() => runner.p.output().split("\n").some((l) => l.includes('"msg":"job lease lost"') && l.includes(`"jobId":"${id}"`)), 10_000, "the lost lease");
      await new Promise((r) => setTimeout(r, 500));
      expect(await state()).toEqual(finished);
      expect(runner.p.output()).not.toContain('"msg":"job bookkeeping failed"');
    } finally {
      runner.p.child.kill("SIGCONT");
      await Promise.all(subs.map((s) => s.client.dispose()));
    }
  }, 60_000);
});
