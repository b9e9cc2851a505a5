/**
 * Signed-in queries are answered from a per-viewer response cache (src/graphql/response-cache.ts).
 * What a user must never notice: another user's data, or an answer older than a write that has
 * completed — by a mutation, by a background job, or by anything else that writes the database.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql } from "../gql/index.ts";
import { exec, ok, startServer, success, type TestServer } from "../support/server.ts";
import { newUser } from "../support/accounts.ts";
import { AddExperienceDoc, DeleteExperienceDoc, MyProfileDoc, ReorderExperiencesDoc, UpdateExperienceDoc, UpsertProfileDoc } from "../support/profile-ops.ts";
import { EnhanceProfileDoc, EnhancementJobDoc, seedProfile, waitForJob } from "../support/enhancement-ops.ts";
import { promptBlock, startFakeGroq, type FakeGroq, type FakeRequest } from "../support/fake-groq.ts";
import Database from "better-sqlite3";
import pg from "pg";
import { until } from "../support/instances.ts";
import { db } from "../../src/db/client.ts";
import { pubsub } from "../../src/pubsub.ts";

const MeDoc = graphql(`query CachedMe { me { id email } }`);
const ChangePasswordDoc = graphql(`
  mutation CachedChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input) { __typename ... on MutationChangePasswordSuccess { data { token } } ... on Error { message } }
  }
`);

/** A model that gives each item back unchanged (valid, no new facts), 150 ms a call: a job takes a while. */
function echo(req: FakeRequest) {
  if (promptBlock(req, "SAMPLE_TEXT")) return { json: { tone: "NEUTRAL", description: "neutral" } };
  const text = promptBlock(req, "ITEM_TEXT");
  if (promptBlock(req, "ITEM_KIND").trim() === "SUMMARY") return { json: { text } };
  return { json: { bullets: text.split("\n").map((line) => line.replace(/^- /, "")).filter(Boolean) } };
}

let server: TestServer;
let fake: FakeGroq;
beforeAll(async () => {
  fake = await startFakeGroq({ apiKey: "test-key" });
  fake.setHandler(echo);
  fake.setLatency(150);
  server = await startServer({ GROQ_API_KEY: "test-key", GROQ_BASE_URL: fake.url, LLM_CONCURRENCY: "1" });
});
afterAll(async () => {
  await server.stop();
  await fake.close();
});

const profile = async (token: string) => (await ok(server, MyProfileDoc, {}, { token })).myProfile!;

describe("per-viewer scope", () => {
  it("the same query text answers each user with their own data, however often it was cached", async () => {
    const users = await Promise.all([newUser(server), newUser(server), newUser(server)]);
    for (const [i, u] of users.entries()) await ok(server, UpsertProfileDoc, { input: { fullName: `Person ${i}` } }, { token: u.token });
    for (let round = 0; round < 5; round++) {
      const answers = await Promise.all(users.map(async (u) => [(await ok(server, MeDoc, {}, { token: u.token })).me, await profile(u.token)] as const));
      answers.forEach(([me, p], i) => {
        expect(me).toEqual({ id: users[i].id, email: users[i].email });
        expect(p.fullName).toBe(`Person ${i}`);
      });
    }
  });

  it("a cached answer is not given to a request without a valid token", async () => {
    const u = await newUser(server);
    await ok(server, MeDoc, {}, { token: u.token });
    const anonymous = await exec(server, MeDoc, {});
    expect(anonymous.errors?.[0].extensions).toMatchObject({ code: "UNAUTHENTICATED" });
    const changed = success((await ok(server, ChangePasswordDoc, { input: { currentPassword: u.password, newPassword: "another long password" } }, { token: u.token })).changePassword);
    const revoked = await exec(server, MeDoc, {}, { token: u.token });
    expect(revoked.errors?.[0].extensions).toMatchObject({ code: "UNAUTHENTICATED", reason: "REVOKED_TOKEN" });
    expect((await ok(server, MeDoc, {}, { token: changed.token })).me.id).toBe(u.id);
  });
});

describe("never stale after a write", () => {
  it("each profile mutation shows in the very next read, including list additions no cached answer names", async () => {
    const u = await newUser(server);
    await ok(server, UpsertProfileDoc, { input: { fullName: "Before" } }, { token: u.token });
    expect((await profile(u.token)).experiences).toEqual([]);
    await profile(u.token); // now answered from the cache

    const a = success((await ok(server, AddExperienceDoc, { input: { fields: { title: "Engineer", company: "Acme" } } }, { token: u.token })).addExperience);
    expect((await profile(u.token)).experiences.map((e) => e.id)).toEqual([a.id]);
    const b = success((await ok(server, AddExperienceDoc, { input: { fields: { title: "Lead", company: "Initech" } } }, { token: u.token })).addExperience);
    expect((await profile(u.token)).experiences.map((e) => e.id)).toEqual([a.id, b.id]);

    await ok(server, UpdateExperienceDoc, { input: { id: a.id, fields: { title: "Staff Engineer" } } }, { token: u.token });
    expect((await profile(u.token)).experiences[0].title).toBe("Staff Engineer");
    await ok(server, ReorderExperiencesDoc, { input: { ids: [b.id, a.id] } }, { token: u.token });
    expect((await profile(u.token)).experiences.map((e) => e.id)).toEqual([b.id, a.id]);
    await ok(server, DeleteExperienceDoc, { input: { id: b.id } }, { token: u.token });
    expect((await profile(u.token)).experiences.map((e) => e.id)).toEqual([a.id]);
    await ok(server, UpsertProfileDoc, { input: { fullName: "After" } }, { token: u.token });
    expect((await profile(u.token)).fullName).toBe("After");
  });

  it("a background enhancement's writes show in the next read: job state while polling, then the profile", async () => {
    const u = await newUser(server);
    await seedProfile(server, u.token);
    expect((await profile(u.token)).enhancementVersion).toBe(0);
    await profile(u.token);
    const job = success((await ok(server, EnhanceProfileDoc, { input: { sections: ["SUMMARY", "EXPERIENCES"], useDefaultStyle: true } }, { token: u.token })).enhanceProfile);
    // The job runs for about a second; the same query, read again and again, follows each state the runner writes.
    const seen: string[] = [];
    const end = Date.now() + 20_000;
    for (;;) {
      const state = success((await ok(server, EnhancementJobDoc, { id: job.id }, { token: u.token })).enhancementJob);
      if (seen.at(-1) !== `${state.status} ${state.progress}`) seen.push(`${state.status} ${state.progress}`);
      if (state.status === "COMPLETED" || Date.now() > end) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(seen.at(-1)).toMatch(/^COMPLETED/);
    expect(seen.filter((s) => s.startsWith("RUNNING")).length).toBeGreaterThanOrEqual(2);
    expect((await waitForJob(server, u.token, job.id)).status).toBe("COMPLETED");
    expect((await profile(u.token)).enhancementVersion).toBe(1);
  });

  it("a write made outside any request (a job, a script, an admin) shows in the next read", async () => {
    const u = await newUser(server);
    await ok(server, UpsertProfileDoc, { input: { fullName: "Cached" } }, { token: u.token });
    await profile(u.token);
    expect((await profile(u.token)).fullName).toBe("Cached");
    await db().masterProfile.update({ where: { userId: u.id }, data: { fullName: "Written elsewhere" } });
    expect((await profile(u.token)).fullName).toBe("Written elsewhere");
    // In a transaction too: the answer changes once it commits.
    await db().$transaction(async (tx) => tx.masterProfile.update({ where: { userId: u.id }, data: { fullName: "In a transaction" } }));
    expect((await profile(u.token)).fullName).toBe("In a transaction");
  });

  it("one user's write does not drop another user's data (it stays theirs, and current)", async () => {
    const [u, v] = [await newUser(server), await newUser(server)];
    await ok(server, UpsertProfileDoc, { input: { fullName: "U" } }, { token: u.token });
    await ok(server, UpsertProfileDoc, { input: { fullName: "V" } }, { token: v.token });
    await profile(v.token);
    await ok(server, UpsertProfileDoc, { input: { fullName: "U2" } }, { token: u.token });
    expect((await profile(v.token)).fullName).toBe("V");
    expect((await profile(u.token)).fullName).toBe("U2");
  });
});

describe("across instances (the shared pubsub)", () => {
  it("another instance's invalidation and revocation events reach this one's caches", async () => {
    const u = await newUser(server);
    await ok(server, UpsertProfileDoc, { input: { fullName: "Here" } }, { token: u.token });
    await profile(u.token);
    await ok(server, MeDoc, {}, { token: u.token });
    // Another instance (its own connection to the database) changes the row, then announces it.
    const other = await otherConnection(server.dbUrl);
    try {
      await other.run(`UPDATE master_profiles SET "fullName" = 'There' WHERE "userId" = $1`, u.id);
      expect((await profile(u.token)).fullName).toBe("Here"); // not announced yet: this instance cannot know
      // On PostgreSQL the event makes the round trip through LISTEN/NOTIFY: wait for its delivery.
      pubsub.publish("cache:invalidated", { instance: "another-instance", userId: u.id });
      await until(async () => (await profile(u.token)).fullName === "There", 5000, "the invalidation");
      await other.run(`UPDATE users SET "tokenVersion" = "tokenVersion" + 1 WHERE id = $1`, u.id);
      pubsub.publish("auth:revoked", { userId: u.id });
      await until(async () => (await exec(server, MeDoc, {}, { token: u.token })).errors?.[0].extensions?.reason === "REVOKED_TOKEN", 5000, "the revocation");
    } finally {
      await other.close();
    }
  });
});

/** A second connection to the server's database, as another instance has: SQLite or PostgreSQL. */
async function otherConnection(url: string) {
  if (!url.startsWith("file:")) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    return { run: async (sql: string, ...params: unknown[]) => void (await client.query(sql, params)), close: () => client.end() };
  }
  const file = new Database(url.replace(/^file:/, ""));
  return { run: async (sql: string, ...params: unknown[]) => void file.prepare(sql.replace(/\$\d+/g, "?")).run(...params), close: async () => void file.close() };
}
