/**
 * Issue 9, findings 1, 2 and 6: no request stops the process, bodies and variables are bounded
 * before any work, anonymous requests are refused before their variables are coerced, errors never
 * echo a large input back, and a lone surrogate is stored rather than crashing the write.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { exec, ok, startServer, success, type TestServer } from "../support/server.ts";
import { newUser } from "../support/accounts.ts";
import { MyProfileDoc, UpsertProfileDoc } from "../support/profile-ops.ts";
import { portOf, postRaw, rawHttp } from "../support/raw.ts";

let server: TestServer;
let token: string;
beforeAll(async () => {
  server = await startServer();
  token = (await newUser(server)).token;
});
afterAll(() => server.stop());

const base = () => server.url.replace(/\/graphql$/, "");

async function stillServing() {
  const health = await fetch(`${base()}/health`);
  expect(health.status).toBe(200);
  const me = await postRaw(server.url, JSON.stringify({ query: "{ me { id } }" }), { authorization: `Bearer ${token}` });
  expect(me.json.data.me.id).toBeTruthy();
}

describe("no request can stop the process", () => {
  it.each([
    "/documents/%E0%A4%A/export",
    "/documents/%/export",
    "/documents/%ZZ%00/export?format=pdf",
    "/documents/..%2F..%2Fetc%2Fpasswd/export",
    "/%",
    "/graphql/%E0%A4%A",
    "LONG",
  ])("answers the malformed path %s and keeps serving", async (given) => {
    const path = given === "LONG" ? `/${"a".repeat(8000)}` : given;
    const res = await fetch(`${base()}${path}`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBeGreaterThanOrEqual(200);
    expect(res.status).toBeLessThan(500);
    await stillServing();
  });

  it("answers malformed HTTP on the wire with 4xx and keeps serving", async () => {
    const port = portOf(server.url);
    const requests = [
      "GARBAGE\r\n\r\n",
      "GET /health HTTP/1.1\r\nHost: x\r\nNo-Colon-Here\r\n\r\n",
      "POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n{}",
      "POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 9\r\n\r\n{}",
      `GET /health HTTP/1.1\r\nHost: x\r\nX-Big: ${"a".repeat(100_000)}\r\n\r\n`,
      "GET /health HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \u0001\u0002\r\n\r\n",
      "POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
    ];
    for (const request of requests) {
      const reply = await rawHttp(port, request);
      expect(reply, request.slice(0, 60)).toMatch(/^HTTP\/1\.1 4\d\d/);
    }
    await stillServing();
  });

  it.each([
    ["an authorization header of 8 KB", { authorization: `Bearer ${"x".repeat(8000)}` }],
    ["a token that is not a JWT", { authorization: "Bearer ...." }],
    ["a bad charset", { "content-type": "application/json; charset=utf-999" }],
    ["multipart without a boundary", { "content-type": "multipart/form-data", "x-graphql-yoga-csrf": "1" }],
    ["an odd request id", { "x-request-id": "\u00ff".repeat(300) }],
  ])("answers %s with a GraphQL error, not a crash", async (_name, headers) => {
    const res = await postRaw(server.url, JSON.stringify({ query: "{ me { id } }" }), headers as Record<string, string>);
    expect(res.status).toBeLessThan(500);
    await stillServing();
  });

  it.each([
    ["invalid JSON", "{\"query\": "],
    ["a JSON array of junk", "[1, 2, 3]"],
    ["a number", "42"],
    ["null", "null"],
    ["a query that is not a string", JSON.stringify({ query: 5 })],
    ["variables that are not an object", JSON.stringify({ query: "{ __typename }", variables: [1, 2] })],
    ["100,000 nested arrays", "[".repeat(100_000) + "]".repeat(100_000)],
    ["200,000 nested variable objects", `{"query":"{ __typename }","variables":${'{"a":'.repeat(150_000)}1${"}".repeat(150_000)}}`],
  ])("answers a body holding %s with 400 and keeps serving", async (_name, body) => {
    const res = await postRaw(server.url, body, { authorization: `Bearer ${token}` });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    await stillServing();
  });

  it("survives hostile WebSocket frames: junk, binary, missing ids, wrong types, an oversized frame", async () => {
    const frames: (string | Buffer)[] = [
      "not json",
      Buffer.from([0xff, 0x00, 0xfe]),
      JSON.stringify({ type: "subscribe" }),
      JSON.stringify({ type: "subscribe", id: "1", payload: { query: 123 } }),
      JSON.stringify({ type: "subscribe", id: "2", payload: { query: "subscription { profileUpdated { id } }", variables: [1] } }),
      JSON.stringify({ type: "subscribe", id: "3", payload: { query: "{ me { id } }", variables: { a: "\ud800" } } }),
      JSON.stringify({ type: "no-such-type" }),
      "x".repeat(2 * 1024 * 1024),
    ];
    for (const frame of frames) {
      const ws = new WebSocket(server.wsUrl, "graphql-transport-ws");
      await new Promise((r) => ws.once("open", r));
      ws.send(JSON.stringify({ type: "connection_init", payload: { authorization: `Bearer ${token}` } }));
      await new Promise((r) => ws.once("message", r)); // connection_ack
      const closed = new Promise<number>((r) => ws.once("close", (code) => r(code)));
      ws.on("error", () => undefined);
      ws.send(frame);
      const code = await Promise.race([closed, new Promise<number>((r) => setTimeout(() => r(0), 500))]);
      if (code === 0) ws.close();
      await stillServing();
    }
  });
});

describe("bodies and variables are bounded before any work", () => {
  it("refuses a 2 MB JSON body with 413 from its declared length, in a few bytes", async () => {
    const body = JSON.stringify({ query: "{ __typename }", variables: { pad: "x".repeat(2 * 1024 * 1024) } });
    const res = await postRaw(server.url, body);
    expect(res.status).toBe(413);
    expect(res.json.errors[0].extensions.code).toBe("BODY_TOO_LARGE");
    expect(res.json.errors[0].message).toMatch(/at most 1 MB/);
    expect(res.bytes).toBeLessThan(300);
  });

  it("refuses a JSON body sent without Content-Length (411)", async () => {
    const reply = await rawHttp(
      portOf(server.url),
      "POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n" +
        "1a\r\n{\"query\":\"{ __typename }\"}\r\n0\r\n\r\n",
    );
    expect(reply).toMatch(/^HTTP\/1\.1 411/);
    expect(reply).toContain("LENGTH_REQUIRED");
  });

  it("bounds a multipart body sent without Content-Length: a flood of form fields is refused, not buffered", async () => {
    const part = (name: string, value: string) => `--b\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
    const form = part("operations", JSON.stringify({ query: "{ __typename }" })) + part("map", "{}") + Array.from({ length: 5000 }, (_, i) => part(`f${i}`, "x".repeat(100))).join("") + "--b--\r\n";
    const chunks = form.match(/[\s\S]{1,16384}/g)!.map((c) => `${Buffer.byteLength(c).toString(16)}\r\n${c}\r\n`).join("");
    const reply = await rawHttp(
      portOf(server.url),
      "POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=b\r\nx-graphql-yoga-csrf: 1\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n" + chunks + "0\r\n\r\n",
    );
    expect(reply).toMatch(/^HTTP\/1\.1 4\d\d/);
    expect(reply).not.toContain('"__typename":"Query"');
    await stillServing();
  });

  it("refuses 30,000 unknown variable keys from an anonymous client at once, with a short error", async () => {
    const i = Object.fromEntries(Array.from({ length: 30_000 }, (_, n) => [`k${n}`, n]));
    const res = await postRaw(server.url, JSON.stringify({ query: "mutation($i: LoginInput!) { login(input: $i) { __typename } }", variables: { i } }));
    expect(res.status).toBe(400);
    expect(res.json.errors).toHaveLength(1);
    expect(res.json.errors[0].extensions.code).toBe("VARIABLES_TOO_LARGE");
    expect(res.json.errors[0].message).toMatch(/more than 5000 values/);
    expect(res.bytes).toBeLessThan(500);
  });

  it("refuses a list of 100,000 ids the same way", async () => {
    const ids = Array.from({ length: 100_000 }, (_, n) => `i${n}`);
    const res = await postRaw(server.url, JSON.stringify({ query: "mutation($ids: [ID!]!) { reorderExperiences(input: { ids: $ids }) { __typename } }", variables: { ids } }), {
      authorization: `Bearer ${token}`,
    });
    expect(res.json.errors[0].extensions.code).toBe("VARIABLES_TOO_LARGE");
  });

  it("refuses variables nested deeper than the limit", async () => {
    let v: unknown = 1;
    for (let d = 0; d < 50; d++) v = { v };
    const res = await postRaw(server.url, JSON.stringify({ query: "{ __typename }", variables: { v } }));
    expect(res.json.errors[0].message).toMatch(/deeper than 10 levels/);
  });

  it("checks the token before coercing variables: an anonymous request with 4,000 bad keys gets one UNAUTHENTICATED error", async () => {
    const input = Object.fromEntries(Array.from({ length: 4000 }, (_, n) => [`unknown${n}`, "x".repeat(50)]));
    const res = await postRaw(server.url, JSON.stringify({ query: "mutation($input: UpsertProfileInput!) { upsertProfile(input: $input) { __typename } }", variables: { input } }));
    expect(res.json.errors).toHaveLength(1);
    expect(res.json.errors[0].extensions.code).toBe("UNAUTHENTICATED");
    expect(res.bytes).toBeLessThan(600);
  });

  it("bounds the errors of a signed-in request: at most 21, each message at most ~300 characters", async () => {
    const input = Object.fromEntries(Array.from({ length: 4000 }, (_, n) => [`unknown${n}`, "x".repeat(50)]));
    const res = await postRaw(server.url, JSON.stringify({ query: "mutation($input: UpsertProfileInput!) { upsertProfile(input: $input) { __typename } }", variables: { input } }), {
      authorization: `Bearer ${token}`,
    });
    expect(res.json.errors.length).toBeGreaterThan(0);
    expect(res.json.errors.length).toBeLessThanOrEqual(21);
    for (const e of res.json.errors) expect(e.message.length).toBeLessThanOrEqual(301);
    expect(res.bytes).toBeLessThan(20_000);
  });

  it("still serves public operations without a token (register, login, __typename)", async () => {
    const res = await postRaw(server.url, JSON.stringify({ query: "{ __typename }" }));
    expect(res.json.data.__typename).toBe("Query");
  });
});

describe("a lone surrogate in a string variable", () => {
  it("is stored as U+FFFD instead of failing the write with an unexpected error", async () => {
    const data = await ok(server, UpsertProfileDoc, { input: { fullName: "Ada \ud800 Lovelace", summary: "Built \udc00 engines" } }, { token });
    expect(data.upsertProfile.__typename).toBe("MutationUpsertProfileSuccess");
    const profile = (await ok(server, MyProfileDoc, {}, { token })).myProfile!;
    expect(profile.fullName).toBe("Ada \uFFFD Lovelace");
    expect(profile.summary).toBe("Built \uFFFD engines");
  });

  it("is refused at parse time when written inline in the query", async () => {
    const res = await exec(server, UpsertProfileDoc, { input: {} }, { token });
    expect(success(res.data!.upsertProfile)).toBeTruthy();
    const inline = await postRaw(server.url, JSON.stringify({ query: 'mutation { upsertProfile(input: { fullName: "Ada \\ud800" }) { __typename } }' }), {
      authorization: `Bearer ${token}`,
    });
    expect(inline.json.data).toBeUndefined();
    expect(inline.json.errors[0].message).toMatch(/Invalid Unicode escape/);
  });
});
