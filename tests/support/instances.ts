/**
 * Real server processes (the `npm start` entry point) for the many-instances tests: start one,
 * talk to it over HTTP and WebSocket, read its log. Each is a child process, so a test can kill -9 it.
 */
import { spawn } from "node:child_process";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { createClient } from "graphql-ws";
import WebSocket from "ws";

const ROOT = resolve(import.meta.dirname, "../..");
// `node --import tsx`, as `npm start` runs it: one process, so a SIGKILL really ends the server
// (the tsx command line would forward signals to a child, and SIGKILL cannot be forwarded).
const TSX_LOADER = pathToFileURL(join(ROOT, "node_modules/tsx/dist/loader.mjs")).href;

export type Instance = ReturnType<typeof startInstance>;

export function startInstance(env: Record<string, string>, cwd: string) {
  const child = spawn(process.execPath, ["--import", TSX_LOADER, join(ROOT, "src/main.ts")], {
    cwd,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "info", ...env },
  });
  let out = "";
  // The last 8 MB: a bench sends an instance enough requests for its access lines to fill memory.
  const keep = (d: Buffer) => {
    out += d;
    if (out.length > 8_000_000) out = out.slice(-4_000_000);
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  const url = new Promise<string>((res, rej) => {
    child.stdout.on("data", () => {
      const m = out.match(/"url":"http:\/\/localhost:(\d+)\/graphql"/);
      if (m) res(`http://127.0.0.1:${m[1]}/graphql`);
    });
    child.on("exit", (code) => rej(new Error(`exited ${code}: ${out}`)));
  });
  const exited = new Promise<void>((r) => (child.exitCode !== null ? r() : child.once("exit", () => r())));
  return { child, url, exited, output: () => out };
}

/** SIGTERM (a graceful stop) and wait for the exit. */
export async function stopInstances(list: (Instance | undefined)[]) {
  for (const p of list) if (p && p.child.exitCode === null && p.child.signalCode === null) p.child.kill("SIGTERM");
  await Promise.all(list.map((p) => p?.exited));
}

export async function gql(url: string, query: string, variables: Record<string, unknown> = {}, token?: string) {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token && { authorization: `Bearer ${token}` }) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: any; errors?: unknown };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

export const PASSWORD = "correct horse battery";

export async function signIn(url: string, email: string) {
  await gql(url, `mutation($i: RegisterInput!) { register(input: $i) { __typename } }`, { i: { email, password: PASSWORD } });
  const d = await gql(url, `mutation($i: LoginInput!) { login(input: $i) { ... on MutationLoginSuccess { data { token } } } }`, { i: { email, password: PASSWORD } });
  return d.login.data.token as string;
}

export function ws(url: string, token: string) {
  let closed: (e: { code: number; reason: string }) => void = () => {};
  const closedWith = new Promise<{ code: number; reason: string }>((r) => (closed = r));
  const client = createClient({
    url: url.replace("http", "ws"),
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
    on: { closed: (e) => closed(e as { code: number; reason: string }) },
  });
  return { client, closedWith };
}

export function subscribe(client: ReturnType<typeof createClient>, query: string, until: (events: any[]) => boolean) {
  const events: any[] = [];
  let ready: () => void = () => {};
  const started = new Promise<void>((r) => (ready = r));
  const done = new Promise<any[]>((resolve, reject) => {
    const cancel = client.subscribe(
      { query },
      {
        next: (v) => {
          events.push(v.data);
          if (until(events)) {
            cancel();
            resolve(events);
          }
        },
        error: reject,
        complete: () => resolve(events),
      },
    );
  });
  client.on("connected", () => setTimeout(ready, 200)); // the subscribe frame follows the ack
  return { events, done, started };
}

/** Polls until `check` returns something truthy. */
export async function until<T>(check: () => T | Promise<T>, timeoutMs = 20_000, what = "condition"): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Adds an experience with two bullets, so an enhancement has work. */
export async function addExperiences(url: string, token: string, n: number) {
  await gql(url, `mutation { upsertProfile(input: { fullName: "Ada Lovelace", summary: "Responsible for building data services in Python." }) { __typename } }`, {}, token);
  for (let i = 0; i < n; i++) {
    await gql(url, `mutation($i: AddExperienceInput!) { addExperience(input: $i) { __typename } }`, {
      i: { fields: { title: `Engineer ${i}`, company: "Acme", startDate: "2021-03", current: false, endDate: "2022-01", bullets: ["Responsible for managing the billing API", "Worked on Python services"], technologies: ["Python"] } },
    }, token);
  }
}

export const ENHANCE = `mutation { enhanceProfile(input: { sections: [SUMMARY, EXPERIENCES], useDefaultStyle: true }) { __typename ... on MutationEnhanceProfileSuccess { data { id } } ... on Error { message } } }`;
