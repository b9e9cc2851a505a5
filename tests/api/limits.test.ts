import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "graphql";
import { collect, startServer, wsClient, type TestServer } from "../support/server.ts";
import { newUser } from "../support/accounts.ts";
import { LIMITS } from "../../src/app.ts";
import WebSocket from "ws";

let server: TestServer;
let token: string;
beforeAll(async () => {
  server = await startServer({ ALLOWED_ORIGINS: "https://app.example.com" });
  token = (await newUser(server)).token;
});
afterAll(() => server.stop());

/** Raw query helper: these documents are deliberately outside the typed operation set. */
async function raw(query: string) {
  const res = await fetch(server.url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  });
  return (await res.json()) as { errors?: { message: string; extensions?: { code?: string } }[]; data?: unknown };
}

async function overWs(query: string) {
  const client = wsClient(server, { authorization: `Bearer ${token}` });
  try {
    const doc = parse(query);
    return await collect(client, doc as never, {} as never).done.then(
      (events) => ({ errors: (events[0] as { errors?: { message: string; extensions?: { code?: string } }[] })?.errors }),
      (e: unknown) => ({
        errors: Array.isArray(e) ? (e as { message: string; extensions?: { code?: string } }[]) : [{ message: String((e as Error)?.message ?? e), extensions: undefined }],
      }),
    );
  } finally {
    await client.dispose();
  }
}

const deep = () => {
  // me.profile.experiences... nested through fragments' worth of depth: use __type introspection nesting.
  let q = "name";
  for (let i = 0; i < LIMITS.maxDepth + 2; i++) q = `ofType { ${q} }`;
  return `{ __type(name: "Profile") { ${q} } }`;
};
const manyAliases = () => `{ ${Array.from({ length: LIMITS.maxAliases + 5 }, (_, i) => `a${i}: me { id }`).join(" ")} }`;
const manyTokens = () => `{ me { ${Array.from({ length: LIMITS.maxTokens }, () => "id").join(" ")} } }`;
const FULL = "me { profile { experiences { id title company location startDate endDate bullets technologies } projects { id name url repoUrl startDate endDate bullets technologies } education { id institution degree field startDate endDate gpa honors } links { label url } skills { technical soft languages certifications } customFields { key value } } }";
const JOBS_PAGE = "jobs(first: 50) { edges { cursor node { id title company location description keywords responsibilities benefits requirements { text required keywords } statusHistory { from to note at } salary { min max currency period } } } pageInfo { hasNextPage endCursor } }";
// Each alias is a legitimate read; fourteen full reads in one request are not.
const costly = () => `{ ${Array.from({ length: 7 }, (_, i) => `p${i}: ${FULL} j${i}: ${JOBS_PAGE}`).join(" ")} }`;

describe.each([
  ["HTTP", raw],
  ["WebSocket", overWs],
])("abuse limits over %s", (_transport, run) => {
  it("refuses a query deeper than the limit", async () => {
    const r = await run(deep());
    expect(r.errors?.[0].message).toMatch(new RegExp(`depth limit of ${LIMITS.maxDepth} exceeded`, "i"));
    expect(r.errors?.[0].message).not.toMatch(/Syntax Error/);
    expect(r.errors?.[0].extensions?.code).toBe("QUERY_TOO_DEEP");
  });
  it("refuses too many aliases", async () => {
    const r = await run(manyAliases());
    expect(r.errors?.[0].message).toMatch(new RegExp(`Aliases limit of ${LIMITS.maxAliases} exceeded`, "i"));
    expect(r.errors?.[0].extensions?.code).toBe("TOO_MANY_ALIASES");
  });
  it("refuses a document with too many tokens", async () => {
    const r = await run(manyTokens());
    expect(r.errors?.[0].message).toMatch(new RegExp(`Token limit of ${LIMITS.maxTokens} exceeded`, "i"));
    expect(r.errors?.[0].extensions?.code).toBe("TOO_MANY_TOKENS");
  });
  it("refuses a query above the cost limit", async () => {
    const r = await run(costly());
    const cost = r.errors?.find((e) => e.extensions?.code === "QUERY_TOO_COMPLEX");
    expect(cost?.message).toMatch(new RegExp(`Cost limit of ${LIMITS.maxCost} exceeded, found \\d+`, "i"));
  });
  it("refuses too many directives", async () => {
    const r = await run(`{ me { id ${Array.from({ length: LIMITS.maxDirectives + 1 }, () => "@include(if: true)").join(" ")} } }`);
    expect(r.errors?.[0].message).toMatch(new RegExp(`Directives limit of ${LIMITS.maxDirectives} exceeded`, "i"));
    expect(r.errors?.[0].extensions?.code).toBe("TOO_MANY_DIRECTIVES");
  });
  it("accepts an ordinary query", async () => {
    const r = await run("{ me { id email } }");
    expect(r.errors).toBeUndefined();
  });
});

describe("field suggestions", () => {
  it("are not offered outside development", async () => {
    const r = await raw("{ me { emial } }");
    expect(r.errors?.[0].message).toMatch(/Cannot query field/);
    expect(r.errors?.[0].message).not.toMatch(/Did you mean/);
  });
});

describe("CORS", () => {
  const preflight = (origin: string) =>
    fetch(server.url, {
      method: "OPTIONS",
      headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "content-type,authorization" },
    });
  it("allows an origin listed in ALLOWED_ORIGINS", async () => {
    const res = await preflight("https://app.example.com");
    expect(res.headers.get("access-control-allow-origin")).toBe("https://app.example.com");
  });
  it("does not allow any other origin", async () => {
    const res = await preflight("https://evil.example.net");
    expect(res.headers.get("access-control-allow-origin")).not.toBe("https://evil.example.net");
    expect(res.headers.get("access-control-allow-origin")).not.toBe("*");
  });
});


describe("cost of a realistic query", () => {
  it("a full profile read plus a page of jobs stays under the cost limit", async () => {
    const r = await raw(`{ ${FULL} ${JOBS_PAGE} }`);
    expect(r.errors).toBeUndefined();
  });
});

describe("WebSocket origins", () => {
  const connect = (origin: string) =>
    new Promise<"open" | number>((resolve) => {
      const socket = new WebSocket(server.wsUrl, "graphql-transport-ws", { origin });
      socket.on("open", () => {
        socket.close();
        resolve("open");
      });
      socket.on("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0));
      socket.on("error", () => resolve(0));
    });
  it("accepts the server's own pages and ALLOWED_ORIGINS, refuses other sites", async () => {
    expect(await connect("https://app.example.com")).toBe("open");
    expect(await connect(new URL(server.url).origin)).toBe("open");
    expect(await connect("https://evil.example.net")).toBe(401);
  });
});
