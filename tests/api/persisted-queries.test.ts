import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "../support/server.ts";
import { newUser } from "../support/accounts.ts";

let server: TestServer;
let token: string;
beforeAll(async () => {
  server = await startServer();
  token = (await newUser(server)).token;
});
afterAll(() => server.stop());

type Body = { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");
const post = async (body: unknown, headers: Record<string, string> = {}) => {
  const res = await fetch(server.url, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}`, ...headers }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as Body };
};
const get = async (params: Record<string, unknown>, headers: Record<string, string> = {}) => {
  const url = new URL(server.url);
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, typeof v === "string" ? v : JSON.stringify(v));
  const res = await fetch(url, { headers: { accept: "application/graphql-response+json, application/json", authorization: `Bearer ${token}`, ...headers } });
  return { status: res.status, body: (await res.json()) as Body };
};

describe("automatic persisted queries", () => {
  const query = "query MeForApq { me { email } }";
  const persistedQuery = { version: 1, sha256Hash: sha256(query) };

  it("answers PERSISTED_QUERY_NOT_FOUND for an unknown hash, registers the query when it is sent, then runs it from the hash", async () => {
    const first = await post({ extensions: { persistedQuery } });
    expect(first.body.errors?.[0]).toMatchObject({ message: "PersistedQueryNotFound", extensions: { code: "PERSISTED_QUERY_NOT_FOUND" } });

    const register = await post({ query, extensions: { persistedQuery } });
    expect(register.body).toEqual({ data: { me: { email: expect.stringContaining("@") } } });

    const byHash = await post({ extensions: { persistedQuery } });
    expect(byHash.body).toEqual(register.body);
  });

  it("runs a registered query by hash over GET, as Apollo's link does with useGETForHashedQueries", async () => {
    await post({ query, extensions: { persistedQuery } });
    const r = await get({ operationName: "MeForApq", extensions: { persistedQuery } });
    expect(r.status).toBe(200);
    expect(r.body.data).toEqual({ me: { email: expect.stringContaining("@") } });
  });

  it("refuses a query whose hash does not match, and stores nothing under that hash", async () => {
    const other = { version: 1, sha256Hash: sha256("{ __typename }") };
    const r = await post({ query, extensions: { persistedQuery: other } });
    expect(r.body.errors?.[0].extensions?.code).toBe("PERSISTED_QUERY_HASH_MISMATCH");
    expect((await post({ extensions: { persistedQuery: other } })).body.errors?.[0].extensions?.code).toBe("PERSISTED_QUERY_NOT_FOUND");
  });
});

describe("CSRF protection and GET", () => {
  it("runs a GET query without the CSRF header (urql's and Apollo's default GET)", async () => {
    const r = await get({ query: "{ me { email } }" });
    expect(r.status).toBe(200);
    expect(r.body.errors).toBeUndefined();
  });

  it("never runs a mutation over GET", async () => {
    const r = await get({ query: 'mutation { deleteAccount(input: { password: "x" }) { __typename } }' });
    expect(r.status).toBe(405);
    expect(r.body.data ?? null).toBeNull();
  });

  it("still refuses a form-encodable POST (text/plain, url-encoded) without the header", async () => {
    for (const type of ["text/plain", "application/x-www-form-urlencoded"]) {
      const res = await fetch(server.url, { method: "POST", headers: { "content-type": type, authorization: `Bearer ${token}` }, body: JSON.stringify({ query: "{ me { id } }" }) });
      expect(res.status).toBe(403);
    }
  });
});
