import { describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { loadConfig, ConfigError } from "../../src/config.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const TSX = join(ROOT, "node_modules/.bin/tsx");

async function postJson(url: string, body: unknown) {
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  return (await res.json()) as any;
}

/** Starts the real entry point (as `npm start` does) in a scratch folder and waits for it to listen or exit. */
function startProcess(env: Record<string, string>, cwd: string) {
  const child = spawn(TSX, [join(ROOT, "src/main.ts")], {
    cwd,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", PORT: "0", HOST: "127.0.0.1", ...env },
  });
  let out = "";
  let err = "";
  child.stdout.on("data", (d) => (out += d));
  child.stderr.on("data", (d) => (err += d));
  const listening = new Promise<string>((res, rej) => {
    child.stdout.on("data", () => {
      const m = out.match(/"url":"(http:\/\/localhost:\d+\/graphql)"/);
      if (m) res(m[1]);
    });
    child.on("exit", (code) => rej(Object.assign(new Error(`exited ${code}`), { code, out, err })));
  });
  listening.catch(() => undefined); // awaited only by tests that expect it to listen
  const exited = new Promise<number | null>((res) => child.on("exit", (code) => res(code)));
  return { child, listening, exited, output: () => out + err };
}

describe("npm start on a fresh folder", () => {
  it("applies migrations, generates a dev secret in the data folder, serves /health, /ready and GraphiQL, and stops cleanly", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "jobwise-start-"));
    const p = startProcess({}, cwd);
    try {
      const url = await p.listening;
      const base = url.replace("/graphql", "");
      expect(await (await fetch(`${base}/health`)).json()).toEqual({ status: "ok" });
      expect(await (await fetch(`${base}/ready`)).json()).toMatchObject({ status: "ready", migrations: "applied" });
      const page = await (await fetch(url, { headers: { accept: "text/html" } })).text();
      expect(page).toContain("JobWise GraphQL");
      expect(page).not.toMatch(/unpkg\.com|cdn\.jsdelivr/); // GraphiQL works offline
      const secret = join(cwd, "data", "jwt-secret");
      expect(existsSync(join(cwd, "data", "jobwise.db"))).toBe(true);
      expect(readFileSync(secret, "utf8").trim().length).toBeGreaterThanOrEqual(32);
      expect(statSync(secret).mode & 0o077).toBe(0);
      p.child.kill("SIGTERM");
      expect(await p.exited).toBe(0);
      expect(p.output()).toContain('"msg":"shutting down"');
    } finally {
      p.child.kill("SIGKILL");
      rmSync(cwd, { recursive: true, force: true });
    }
  }, 60_000);

  it("starts in production with a strong secret on a fresh folder, creating the data folder", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "jobwise-start-"));
    const p = startProcess({ NODE_ENV: "production", JWT_SECRET: "a-production-secret-that-is-long-enough-0123456789" }, cwd);
    try {
      const url = await p.listening;
      expect(await (await fetch(url.replace("/graphql", "/ready"))).json()).toMatchObject({ status: "ready" });
      expect(existsSync(join(cwd, "data", "jobwise.db"))).toBe(true);
      expect(existsSync(join(cwd, "data", "jwt-secret"))).toBe(false);
      // Production maps no attack surface for strangers: no schema introspection, no explorer page.
      const introspection = await postJson(url, { query: "{ __schema { types { name } } }" });
      expect(introspection.errors[0].message).toMatch(/introspection/i);
      const page = await fetch(url, { headers: { accept: "text/html" } });
      expect(await page.text()).not.toContain("JobWise GraphQL");
    } finally {
      p.child.kill("SIGTERM");
      await p.exited;
      rmSync(cwd, { recursive: true, force: true });
    }
  }, 60_000);

  it("in production, ENABLE_INTROSPECTION and ENABLE_GRAPHIQL turn them back on", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "jobwise-start-"));
    const p = startProcess(
      { NODE_ENV: "production", JWT_SECRET: "a-production-secret-that-is-long-enough-0123456789", ENABLE_INTROSPECTION: "true", ENABLE_GRAPHIQL: "true" },
      cwd,
    );
    try {
      const url = await p.listening;
      expect((await postJson(url, { query: "{ __schema { queryType { name } } }" })).data.__schema.queryType.name).toBe("Query");
      expect(await (await fetch(url, { headers: { accept: "text/html" } })).text()).toContain("JobWise GraphQL");
    } finally {
      p.child.kill("SIGTERM");
      await p.exited;
      rmSync(cwd, { recursive: true, force: true });
    }
  }, 60_000);

  it("refuses to start in production without a strong JWT secret, with a clear message", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "jobwise-start-"));
    try {
      for (const env of [{ NODE_ENV: "production" }, { NODE_ENV: "production", JWT_SECRET: "short" }] as Record<string, string>[]) {
        const p = startProcess(env, cwd);
        expect(await p.exited).toBe(78);
        expect(p.output()).toMatch(/JWT_SECRET .*(required|too short).*32 bytes/);
      }
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  }, 60_000);
});

describe("npm start, as the README says", () => {
  it("forwards SIGTERM to the server: it logs its graceful stop, the port closes, npm exits 0", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jobwise-npm-start-"));
    const port = String(40000 + Math.floor(Math.random() * 20000));
    const child = spawn("npm", ["start", "--silent"], {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: "development", PORT: port, HOST: "127.0.0.1", DATABASE_URL: `file:${join(dir, "db.sqlite")}`, UPLOAD_DIR: join(dir, "uploads"), LOG_LEVEL: "info" },
    });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    const exited = new Promise<number | null>((res) => child.on("exit", (code) => res(code)));
    try {
      const deadline = Date.now() + 45_000;
      while (!out.includes("JobWise listening") && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect(out).toContain("JobWise listening");
      const url = `http://127.0.0.1:${port}`;
      expect((await fetch(`${url}/health`)).status).toBe(200);
      child.kill("SIGTERM"); // to npm itself, as a supervisor would
      expect(await exited).toBe(0);
      expect(out).toContain('"msg":"shutting down"');
      await expect(fetch(`${url}/health`)).rejects.toThrow();
    } finally {
      child.kill("SIGKILL");
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe("configuration", () => {
  it("lists every invalid variable with its name", () => {
    const err = (() => {
      try {
        loadConfig({ PORT: "eighty", MAX_UPLOAD_MB: "0", LOG_LEVEL: "loud", DATABASE_URL: "mysql://x", JWT_SECRET: "x".repeat(40) });
      } catch (e) {
        return e as Error;
      }
    })();
    expect(err).toBeInstanceOf(ConfigError);
    for (const name of ["PORT", "MAX_UPLOAD_MB", "LOG_LEVEL", "DATABASE_URL"]) expect(err!.message).toContain(name);
  });

  it("uses the documented defaults", () => {
    const c = loadConfig({ JWT_SECRET: "x".repeat(40) });
    expect(c).toMatchObject({ port: 4000, maxUploadBytes: 5 * 1024 * 1024, jwtExpiryHours: 24, groq: null, databaseUrl: "file:./data/jobwise.db" });
  });
});
