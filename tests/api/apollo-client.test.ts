// Apollo Client's own persisted-query link against the server: the wire-level protocol test in
// persisted-queries.test.ts proves the server's answers; this proves a real client gets through
// (hash first, PERSISTED_QUERY_NOT_FOUND, then the query, then the hash alone), over POST and GET.
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApolloClient, HttpLink, InMemoryCache, gql } from "@apollo/client";
import { PersistedQueryLink } from "@apollo/client/link/persisted-queries";
import { startServer, type TestServer } from "../support/server.ts";
import { newUser } from "../support/accounts.ts";

let server: TestServer;
let token: string;
beforeAll(async () => {
  server = await startServer();
  token = (await newUser(server)).token;
});
afterAll(() => server.stop());

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

describe("Apollo Client with its persisted-query link", () => {
  it.each([false, true])("useGETForHashedQueries %s: registers the query once, then runs it from its hash", async (useGET) => {
    const sent: { method: string; withQuery: boolean; code?: string }[] = [];
    const recordingFetch: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      const body = (await res.clone().json()) as { errors?: { extensions?: { code?: string } }[] };
      const withQuery = init?.body ? "query" in JSON.parse(String(init.body)) : new URL(String(input)).searchParams.has("query");
      sent.push({ method: init?.method ?? "GET", withQuery, code: body.errors?.[0]?.extensions?.code });
      return res;
    };
    const client = new ApolloClient({
      cache: new InMemoryCache(),
      link: new PersistedQueryLink({ sha256, useGETForHashedQueries: useGET }).concat(
        new HttpLink({ uri: server.url, fetch: recordingFetch, headers: { authorization: `Bearer ${token}` } }),
      ),
    });
    const query = gql(`query MeThroughApollo${useGET ? "Get" : "Post"} { me { id email } }`);
    const first = await client.query({ query, fetchPolicy: "network-only" });
    const second = await client.query({ query, fetchPolicy: "network-only" });

    expect(first.data).toEqual({ me: { __typename: "User", id: expect.any(String), email: expect.stringContaining("@") } });
    expect(second.data).toEqual(first.data);
    const hashed = useGET ? "GET" : "POST";
    expect(sent).toEqual([
      { method: hashed, withQuery: false, code: "PERSISTED_QUERY_NOT_FOUND" },
      { method: "POST", withQuery: true, code: undefined },
      { method: hashed, withQuery: false, code: undefined },
    ]);
  });
});
