// The advisor's retrieval index on whichever database the suite runs against (SQLite's FTS5, or
// PostgreSQL's tsvector with JOBWISE_TEST_DATABASE=postgres): what the profile API writes is found
// by technology, by words and by listing, ranked, kept in step with edits, and never another user's.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ok, startServer, type TestServer } from "../support/server.ts";
import { newUser } from "../support/accounts.ts";
import { seedProfile } from "../support/enhancement-ops.ts";
import { UpdateExperienceDoc } from "../support/profile-ops.ts";
import { ensureIndexed, searchPassages } from "../../src/modules/advisor/index.store.ts";
import { db, placeholders } from "../../src/db/client.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server?.stop());

const search = async (userId: string, q: Partial<Parameters<typeof searchPassages>[1]>) => {
  await ensureIndexed(userId);
  return searchPassages(userId, { technologies: [], words: [], all: false, limit: 10, ...q });
};

describe("the advisor's retrieval index", () => {
  it("finds a user's passages by technology, by words and in full, and none of another user's", async () => {
    const a = await newUser(server);
    const b = await newUser(server);
    const ids = await seedProfile(server, a.token);
    await seedProfile(server, b.token, "Wrote Kotlin services for the ledger");

    const python = await search(a.id, { technologies: ["Python"] });
    expect(python.map((p) => p.sourceId)).toContain(ids.currentId);
    expect(python.every((p) => p.technologies.includes("Python"))).toBe(true);

    // English stemming on both databases: "migrating" finds "migration"
    const words = await search(a.id, { words: ["migrating", "kubernetes"] });
    expect(words[0]).toMatchObject({ kind: "EXPERIENCE", sourceId: ids.pastId });
    expect(words.map((p) => p.score)).toEqual([...words.map((p) => p.score)].sort((x, y) => x - y));

    const all = await search(a.id, { all: true, limit: 100 });
    expect(all.map((p) => p.sourceId)).toEqual(expect.arrayContaining([ids.currentId, ids.pastId, ids.projectId]));

    // b's extra bullet is b's alone
    expect(await search(a.id, { words: ["Kotlin", "ledger"] })).toEqual([]);
    expect((await search(b.id, { words: ["ledger"] })).length).toBeGreaterThan(0);
    // words that look like query syntax are only words
    expect(await search(a.id, { words: ['"', "OR", "user_id:x", "-", "*", "&", "!("] })).toEqual([]);
  });

  it("follows an edit: the old text is gone, the new one found", async () => {
    const a = await newUser(server);
    const ids = await seedProfile(server, a.token);
    expect((await search(a.id, { words: ["Kubernetes"] })).length).toBeGreaterThan(0);
    await ok(server, UpdateExperienceDoc, { input: { id: ids.pastId, fields: { bullets: ["Ported the mainframe scheduler to Rust"] } } }, { token: a.token });
    expect(await search(a.id, { words: ["Kubernetes"] })).toEqual([]);
    expect((await search(a.id, { words: ["scheduler"] })).map((p) => p.sourceId)).toEqual([ids.pastId]);
  });

  it("is brought up to date by the user's own writes, before any question", async () => {
    const a = await newUser(server);
    const ids = await seedProfile(server, a.token);
    await ok(server, UpdateExperienceDoc, { input: { id: ids.pastId, fields: { bullets: ["Taught the Fortran reading group"] } } }, { token: a.token });
    // no ensureIndexed here: the rows the index holds, read directly, follow the write within a second
    const texts = () => db().$queryRawUnsafe<{ text: string }[]>(placeholders(`SELECT text FROM advisor_chunks WHERE user_id = ? AND source_id = ?`), a.id, ids.pastId);
    await expect.poll(async () => (await texts()).map((r) => r.text).join(" "), { timeout: 3000 }).toMatch(/Fortran reading group/);
  });
});
