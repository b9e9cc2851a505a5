import { request } from "node:http";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "../support/server.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.stop());

/** Raw bytes as sent (fetch would decode them), with the headers. */
function getPage(headers: Record<string, string>): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(server.url, { headers: { accept: "text/html", ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("GraphiQL page", () => {
  it("is sent brotli- or gzip-compressed, with an ETag, and a matching If-None-Match gets 304 and no body", async () => {
    const plain = await getPage({});
    expect(plain.status).toBe(200);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    const html = plain.body.toString("utf8");
    expect(html).toContain("JobWise GraphQL");

    const br = await getPage({ "accept-encoding": "gzip, deflate, br" });
    expect(br.headers["content-encoding"]).toBe("br");
    expect(brotliDecompressSync(br.body).toString("utf8")).toBe(html);
    const gz = await getPage({ "accept-encoding": "gzip" });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gz.body).toString("utf8")).toBe(html);
    // The ~9 MB page travels as about a fifth of that.
    expect(br.body.length).toBeLessThan(plain.body.length / 4);
    expect(gz.body.length).toBeLessThan(plain.body.length / 3);

    const etag = String(br.headers.etag);
    expect(etag).toMatch(/^".+"$/);
    expect(gz.headers.etag).toBe(etag);
    const again = await getPage({ "accept-encoding": "br", "if-none-match": etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect((await getPage({ "if-none-match": '"stale"' })).status).toBe(200);
  });

  it("leaves GraphQL GET requests to the API", async () => {
    const res = await fetch(`${server.url}?query=${encodeURIComponent("{ __typename }")}`, { headers: { accept: "application/json" } });
    expect(await res.json()).toEqual({ data: { __typename: "Query" } });
  });
});
