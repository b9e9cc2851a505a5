import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "../support/server.ts";
import { newUser } from "../support/accounts.ts";
import { db, dialect } from "../../src/db/client.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.stop());

describe("unexpected errors", () => {
  it("reach the client masked, with no stack trace, and are logged as JSON with the request id", async () => {
    const u = await newUser(server);
    // Break the database under the server: a failure no user input can cause.
    // (PostgreSQL keeps foreign keys to it: CASCADE drops those constraints, not other tables.)
    await db().$executeRawUnsafe(`DROP TABLE "master_profiles"${dialect() === "postgres" ? " CASCADE" : ""}`);
    const res = await fetch(server.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${u.token}`, "x-request-id": "req-test-42" },
      body: JSON.stringify({ query: "{ myProfile { id } }" }),
    });
    expect(res.headers.get("x-request-id")).toBe("req-test-42");
    const text = await res.text();
    const body = JSON.parse(text) as { errors: { message: string; extensions?: Record<string, unknown> }[] };
    expect(body.errors[0].message).toBe("Unexpected error.");
    expect(text).not.toMatch(/master_profiles|stack|at .*\.ts/);
    const logged = server.logs.map((l) => JSON.parse(l)).find((l) => l.msg === "unexpected error");
    expect(logged).toMatchObject({ level: "error", requestId: "req-test-42" });
    expect(JSON.stringify(logged.error)).toMatch(/master_profiles/);
    const access = server.logs.map((l) => JSON.parse(l)).find((l) => l.msg === "request" && l.requestId === "req-test-42");
    expect(access).toMatchObject({ level: "info", method: "POST", status: 200 });
    expect(typeof access.ms).toBe("number");
  });
});
