/**
 * The web app's files at /app, through the real server: content types, revalidation, the
 * security headers of the page, and no way out of the folder.
 */
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "../support/server.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ LOG_LEVEL: "warn" });
});
afterAll(() => server.stop());

/** A raw GET: fetch would normalise `..` and `%2e%2e` away before they reach the server. */
function rawGet(path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port: server.port, path, method: "GET", headers }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("web app files", () => {
  it("serves the page, scripts, styles and graphql-ws's browser build with their content types", async () => {
    const page = await rawGet("/app/");
    expect(page.status).toBe(200);
    expect(page.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(page.body).toContain('<script type="module" src="js/main.js">');
    expect(page.headers["content-security-policy"]).toMatch(/default-src 'self'.*script-src 'self'/);
    expect(page.headers["x-content-type-options"]).toBe("nosniff");

    expect((await rawGet("/app/js/main.js")).headers["content-type"]).toBe("text/javascript; charset=utf-8");
    expect((await rawGet("/app/styles.css")).headers["content-type"]).toBe("text/css; charset=utf-8");
    expect((await rawGet("/app/icon.svg")).headers["content-type"]).toBe("image/svg+xml");
    const ws = await rawGet("/app/vendor/graphql-ws/client.js");
    expect(ws.status).toBe(200);
    expect(ws.body).toContain("function createClient");
    // Its one relative import resolves beside it.
    const imported = /from '\.\/([\w-]+\.js)'/.exec(ws.body)![1];
    expect((await rawGet(`/app/vendor/graphql-ws/${imported}`)).status).toBe(200);
  });

  it("redirects /app and / to /app/, and revalidates by ETag (304 without a body)", async () => {
    const bare = await rawGet("/app");
    expect(bare.status).toBe(308);
    expect(bare.headers.location).toBe("/app/");
    expect((await rawGet("/")).headers.location).toBe("/app/");
    const first = await rawGet("/app/js/api.js");
    expect(first.headers["cache-control"]).toBe("no-cache");
    const etag = String(first.headers.etag);
    const again = await rawGet("/app/js/api.js", { "if-none-match": etag });
    expect(again.status).toBe(304);
    expect(again.body).toBe("");
  });

  it("answers 404 for anything outside the folder or not meant to be served", async () => {
    for (const path of [
      "/app/../package.json",
      "/app/%2e%2e/package.json",
      "/app/%2e%2e%2fpackage.json",
      "/app/js/..%2F..%2Fsrc%2Fconfig.ts",
      "/app/..%5c..%5cpackage.json",
      "/app/vendor/graphql-ws/../../../package.json",
      "/app/vendor/graphql-ws/client.cjs", // not a browser file
      "/app/vendor/graphql-ws/client.d.ts",
      "/app/js/nope.js",
      "/app/js",
      "/app/.env",
      "/app/%00index.html",
    ]) {
      const res = await rawGet(path);
      expect(res.status, path).toBe(404);
      expect(res.body, path).toBe("Not found");
    }
    expect((await rawGet("/app/%E0%A4%A")).status).toBe(400);
  });
});
