// Sends the benchmark's uploads from a process of its own, so streaming ten 5 MB bodies does not
// run on the event loop that times /health.   Input: one JSON argument; output: one JSON line.
import { readFileSync } from "node:fs";

const { url, tokens, bodyPath, boundary } = JSON.parse(process.argv[2]) as { url: string; tokens: string[]; bodyPath: string; boundary: string };
const body = readFileSync(bodyPath);

async function send(token: string) {
  const started = performance.now();
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": `multipart/form-data; boundary=${boundary}`, "x-graphql-yoga-csrf": "1", authorization: `Bearer ${token}` },
    body: body as unknown as BodyInit,
  });
  const text = await res.text();
  let outcome = `HTTP ${res.status}`;
  try {
    const r = (JSON.parse(text) as { data?: { uploadSample?: { __typename: string; code?: string } } }).data?.uploadSample;
    if (r) outcome = r.code ? `${r.__typename} (${r.code})` : r.__typename;
  } catch {
    // keeps the HTTP status
  }
  return { ms: performance.now() - started, outcome };
}

process.stdout.write(JSON.stringify(await Promise.all(tokens.map(send))) + "\n");
