import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collect, startServer, wsClient, type TestServer } from "../support/server.ts";
import { newUser } from "../support/accounts.ts";
import { parse } from "graphql";

let server: TestServer;
let user: { token: string };
beforeAll(async () => {
  server = await startServer();
  user = await newUser(server);
});
afterAll(() => server.stop());

const post = (query: string, token?: string) =>
  fetch(server.url, { method: "POST", headers: { "content-type": "application/json", ...(token && { authorization: `Bearer ${token}` }) }, body: JSON.stringify({ query }) }).then((r) => r.json());
const logLines = () => server.logs.map((l) => JSON.parse(l) as Record<string, unknown>);

describe("operation log and /metrics", () => {
  it("logs each HTTP request in one line with the operation it ran: name, type, viewer, error codes and durations", async () => {
    await post('mutation BadLogin { login(input: { email: "nobody@example.com", password: "wrong password" }) { __typename ... on Error { code } } }');
    await post("query WhoAmI { me { id } }", user.token);
    const lines = logLines().filter((l) => l.msg === "request");
    const login = lines.find((l) => l.operation === "BadLogin");
    expect(login).toMatchObject({ method: "POST", status: 200, type: "mutation", transport: "http", viewerId: null, errorCodes: ["INVALID_CREDENTIALS"] });
    expect(typeof login?.ms).toBe("number");
    expect(typeof login?.operationMs).toBe("number");
    expect(logLines().filter((l) => l.requestId === login?.requestId)).toHaveLength(1);
    const me = lines.find((l) => l.operation === "WhoAmI");
    expect(me).toMatchObject({ type: "query", transport: "http", errorCodes: [] });
    expect(me?.viewerId).toEqual(expect.any(String));
  });

  it("logs WebSocket operations the same way", async () => {
    const client = wsClient(server, { authorization: `Bearer ${user.token}` });
    try {
      await collect(client, parse("query OverSocket { me { id } }") as never, {} as never).done;
      expect(await (await fetch(server.url.replace("/graphql", "/metrics"))).text()).toMatch(/^websocket_connections 1$/m);
    } finally {
      await client.dispose();
    }
    expect(logLines().find((l) => l.msg === "operation" && l.operation === "OverSocket")).toMatchObject({ type: "query", transport: "ws", errorCodes: [] });
  });

  it("serves Prometheus text with operation counts, durations and errors by code", async () => {
    await post("query Anonymous { me { id } }");
    const res = await fetch(server.url.replace("/graphql", "/metrics"));
    expect(res.headers.get("content-type")).toMatch(/text\/plain/);
    const text = await res.text();
    expect(text).toMatch(/graphql_operations_total\{field="me",type="query",transport="http"\} \d+/);
    expect(text).toMatch(/graphql_operation_duration_seconds_bucket\{le="0.1",field="me",type="query",transport="http"\} \d+/);
    expect(text).toMatch(/graphql_errors_total\{code="INVALID_CREDENTIALS",field="login"\} 1/);
    expect(text).toMatch(/graphql_errors_total\{code="UNAUTHENTICATED",field="me"\} \d+/);
    expect(text).toMatch(/process_cpu_user_seconds_total/);
    expect(text).toMatch(/^websocket_connections \d+$/m);
  });

  it("labels series by root field, never by the client's operation name: 50 names make no new series", async () => {
    for (let i = 0; i < 50; i++) await post(`query Made${i}Up { me { id } }`, user.token);
    await post("query Two { me { id } __typename }", user.token);
    await post("query Spread { ...Root } fragment Root on Query { me { id } }", user.token);
    const text = await (await fetch(server.url.replace("/graphql", "/metrics"))).text();
    expect(text).not.toMatch(/Made\d+Up/);
    expect(text).not.toMatch(/operation="/);
    expect(Number(text.match(/graphql_operations_total\{field="me",type="query",transport="http"\} (\d+)/)?.[1])).toBeGreaterThanOrEqual(51);
    expect(text).toMatch(/graphql_operations_total\{field="multiple",type="query",transport="http"\} 1/);
  });
});

describe("/metrics with METRICS_TOKEN", () => {
  it("answers 401 without the token and the metrics with it", async () => {
    const guarded = await startServer({ METRICS_TOKEN: "scrape-secret-123" });
    try {
      const url = guarded.url.replace("/graphql", "/metrics");
      expect((await fetch(url)).status).toBe(401);
      expect((await fetch(url, { headers: { authorization: "Bearer wrong" } })).status).toBe(401);
      const ok = await fetch(url, { headers: { authorization: "Bearer scrape-secret-123" } });
      expect(ok.status).toBe(200);
      expect(await ok.text()).toMatch(/# TYPE graphql_operations_total counter/);
    } finally {
      await guarded.stop();
    }
  });
});
