import { connect } from "node:net";

/** Sends bytes as they are over a TCP socket and returns whatever comes back before the close (or the timeout). */
export function rawHttp(port: number, request: string | Buffer, timeoutMs = 3000): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    const chunks: Buffer[] = [];
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(Buffer.concat(chunks).toString("latin1"));
    };
    const timer = setTimeout(done, timeoutMs);
    socket.on("data", (c) => chunks.push(c));
    socket.on("end", done);
    socket.on("error", done);
    socket.on("connect", () => socket.write(request));
  });
}

export function portOf(url: string): number {
  return Number(new URL(url).port);
}

/** POSTs a raw body to the GraphQL endpoint and returns status, parsed body (when JSON) and size. */
export async function postRaw(url: string, body: string, headers: Record<string, string> = {}) {
  const t0 = performance.now();
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
  const text = await res.text();
  let json: any = null;
  try {
    json = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: res.status, json, bytes: text.length, ms: performance.now() - t0 };
}
