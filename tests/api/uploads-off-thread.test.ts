// Multipart uploads are parsed in a worker (src/http/multipart.ts), not on the event loop: these
// prove, through the real server, that they go that way, that each upload keeps its own bytes, and
// that the form limits, the CSRF rule and a client going away behave as with yoga's own parser.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect } from "node:net";
import { graphql } from "../gql/index.ts";
import { startServer, type TestServer } from "../support/server.ts";
import { newUser } from "../support/accounts.ts";
import { fixture, upload } from "../support/upload.ts";
import { portOf, rawHttp } from "../support/raw.ts";
import { multipartWorkerStats } from "../../src/http/multipart.ts";

const UploadSampleDoc = graphql(`
  mutation UploadSampleOffThread($input: UploadSampleInput!) {
    uploadSample(input: $input) {
      __typename
      ... on MutationUploadSampleSuccess { data { id fileName sizeBytes text } }
      ... on Error { message code }
    }
  }
`);

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ MAX_UPLOAD_MB: "1" });
});
afterAll(() => server?.stop());

const sample = (token: string, name: string, bytes: Uint8Array, opts: { csrf?: boolean } = {}) =>
  upload(server, UploadSampleDoc, { input: { type: "RESUME", file: null as never } }, { name, bytes, type: "application/octet-stream" }, { token, ...opts });

const waitFor = async (check: () => boolean) => {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 20));
  return check();
};

describe("uploads parsed off the main thread", () => {
  it("parses an upload in the worker and reads the same bytes the client sent", async () => {
    const u = await newUser(server);
    const before = multipartWorkerStats().parsed;
    const pdf = fixture("resume-chromium.pdf");
    const res = await sample(u.token, "resume.pdf", pdf);
    expect(res.data?.uploadSample).toMatchObject({ __typename: "MutationUploadSampleSuccess", data: { fileName: "resume.pdf", sizeBytes: pdf.length } });
    expect(multipartWorkerStats().parsed).toBe(before + 1);
  });

  it("keeps each of several simultaneous uploads' bytes to its own request", async () => {
    const users = await Promise.all([0, 1, 2, 3].map(() => newUser(server)));
    const texts = users.map((_, i) => `${fixture("resume.txt").toString("utf8")}\nMarker line for upload number ${i}: ${"abcdefghij"[i].repeat(40)}\n`);
    const results = await Promise.all(users.map((u, i) => sample(u.token, `r${i}.txt`, Buffer.from(texts[i]))));
    results.forEach((res, i) => {
      const data = (res.data?.uploadSample as { data?: { text: string; fileName: string } }).data;
      expect(data?.fileName).toBe(`r${i}.txt`);
      expect(data?.text).toContain(`Marker line for upload number ${i}`);
      for (const j of [0, 1, 2, 3].filter((j) => j !== i)) expect(data?.text).not.toContain(`upload number ${j}`);
    });
  });

  it("refuses a file over MAX_UPLOAD_MB sent without Content-Length with 413, as yoga's parser did", async () => {
    const u = await newUser(server);
    const ops = JSON.stringify({ query: "mutation($input: UploadSampleInput!) { uploadSample(input: $input) { __typename } }", variables: { input: { type: "RESUME", file: null } } });
    const head = `--b\r\nContent-Disposition: form-data; name="operations"\r\n\r\n${ops}\r\n--b\r\nContent-Disposition: form-data; name="map"\r\n\r\n{"0":["variables.input.file"]}\r\n--b\r\nContent-Disposition: form-data; name="0"; filename="big.txt"\r\nContent-Type: text/plain\r\n\r\n`;
    const body = Buffer.concat([Buffer.from(head), Buffer.alloc(1_200_000, "a"), Buffer.from("\r\n--b--\r\n")]);
    const chunks = [];
    for (let at = 0; at < body.length; at += 65536) {
      const part = body.subarray(at, at + 65536);
      chunks.push(Buffer.from(`${part.length.toString(16)}\r\n`), part, Buffer.from("\r\n"));
    }
    const request = Buffer.concat([
      Buffer.from(`POST /graphql HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${u.token}\r\nContent-Type: multipart/form-data; boundary=b\r\nx-graphql-yoga-csrf: 1\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n`),
      ...chunks,
      Buffer.from("0\r\n\r\n"),
    ]);
    const reply = await rawHttp(portOf(server.url), request);
    expect(reply).toMatch(/^HTTP\/1\.1 413/);
    expect(reply).toContain("REQUEST_ENTITY_TOO_LARGE");
    expect(reply).toContain("File size limit exceeded");
  });

  it("answers a malformed form with yoga's error and a form without the CSRF header is refused before it is parsed", async () => {
    const u = await newUser(server);
    const garbled = await fetch(server.url, {
      method: "POST",
      headers: { authorization: `Bearer ${u.token}`, "x-graphql-yoga-csrf": "1", "content-type": "multipart/form-data; boundary=b" },
      body: `--b\r\nContent-Disposition: form-data; name="operations"\r\n\r\n{not json\r\n--b--\r\n`,
    });
    expect(garbled.status).toBeLessThan(500);
    expect((await garbled.json()).errors[0].message).toBe('Multipart form field "operations" must be a valid JSON string');

    const before = multipartWorkerStats().parsed;
    const res = await sample(u.token, "r.txt", fixture("resume.txt"), { csrf: false });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.data?.uploadSample).toBeUndefined();
    expect(multipartWorkerStats().parsed).toBe(before);
  });

  it("forgets a form whose client went away mid-body, and keeps serving", async () => {
    const socket = connect(portOf(server.url), "127.0.0.1");
    await new Promise((r) => socket.once("connect", r));
    socket.write(`POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=b\r\nx-graphql-yoga-csrf: 1\r\nContent-Length: 500000\r\n\r\n--b\r\nContent-Disposition: form-data; name="0"; filename="x.txt"\r\n\r\n${"x".repeat(100_000)}`);
    expect(await waitFor(() => multipartWorkerStats().inFlight === 1)).toBe(true);
    socket.destroy();
    expect(await waitFor(() => multipartWorkerStats().inFlight === 0)).toBe(true);
    const health = await fetch(new URL("/health", server.url));
    expect(health.status).toBe(200);
  });
});
