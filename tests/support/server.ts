/**
 * Test harness: a real JobWise server on a random port, over a fresh SQLite file and upload folder,
 * plus helpers to run typed operations over HTTP and WebSocket.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { print, type ExecutionResult } from "graphql";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";
import { buildApp, type App } from "../../src/app.ts";
import { loadConfig } from "../../src/config.ts";
import { createLogger } from "../../src/logger.ts";
import { filePostgres } from "./postgres.ts";
import type { Clock } from "../../src/jobs/runner.ts";

/** JOBWISE_TEST_DATABASE=postgres (`npm run test:postgres`): every test server on PostgreSQL, one database per folder. */
const onPostgres = process.env.JOBWISE_TEST_DATABASE === "postgres";
const postgresDbs = new Map<string, string>();

export interface TestServer {
  app: App;
  port: number;
  /** http://127.0.0.1:<port> */
  origin: string;
  url: string;
  wsUrl: string;
  dir: string;
  dbUrl: string;
  logs: string[];
  env: Record<string, string>;
  stop(): Promise<void>;
}

/**
 * `reuse` restarts on an earlier server's folder (same database and uploads), optionally on its port, as a restart would.
 * `logs: "stdout"` writes log lines to stdout as a deployed server does (the benchmarks), instead of keeping them in `logs`.
 */
export async function startServer(env: Record<string, string> = {}, reuse?: { dir: string; port?: number }, opts: { logs?: "capture" | "stdout"; clock?: Clock } = {}): Promise<TestServer> {
  const dir = reuse?.dir ?? mkdtempSync(join(tmpdir(), "jobwise-test-"));
  // A restart passes the first start's env back: its DATABASE_URL is the database to report.
  let dbUrl = env.DATABASE_URL ?? `file:${join(dir, "test.db")}`;
  if (onPostgres && !env.DATABASE_URL) {
    dbUrl = postgresDbs.get(dir) ?? (await (await filePostgres()).createDatabase());
    postgresDbs.set(dir, dbUrl);
  }
  const fullEnv = {
    NODE_ENV: "test",
    DATABASE_URL: dbUrl,
    UPLOAD_DIR: join(dir, "uploads"),
    // Single-server suites check the upload folder; the database store is proven across instances (many-instances.test.ts).
    FILE_STORE: "disk",
    JWT_SECRET: "test-secret-that-is-long-enough-for-hs256-0123456789",
    LOG_LEVEL: "debug",
    // Suites register and sign in many users from 127.0.0.1; tests of the limits set their own.
    RATE_REGISTER_PER_IP: "100000",
    RATE_LOGIN_PER_IP: "100000",
    RATE_AI_PER_HOUR: "100000",
    ...env,
  };
  const config = loadConfig(fullEnv);
  const logs: string[] = [];
  const logger = opts.logs === "stdout" ? createLogger(config.logLevel) : createLogger(config.logLevel, {}, (l) => logs.push(l));
  const app = await buildApp(config, { logger, clock: opts.clock });
  const port = await app.start(reuse?.port ?? 0, "127.0.0.1");
  return {
    app,
    port,
    origin: `http://127.0.0.1:${port}`,
    url: `http://127.0.0.1:${port}/graphql`,
    wsUrl: `ws://127.0.0.1:${port}/graphql`,
    dir,
    dbUrl,
    logs,
    env: fullEnv,
    async stop() {
      await app.stop();
      if (!reuse) rmSync(dir, { recursive: true, force: true });
    },
  };
}

type Vars<V> = V extends Record<string, never> ? Record<string, never> | undefined : V;

/** Runs an operation over HTTP and returns the raw GraphQL result. */
export async function exec<R, V>(
  server: Pick<TestServer, "url">,
  doc: TypedDocumentNode<R, V>,
  variables?: Vars<V>,
  opts: { token?: string; headers?: Record<string, string> } = {},
): Promise<ExecutionResult<R> & { status: number }> {
  const res = await fetch(server.url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
      ...opts.headers,
    },
    body: JSON.stringify({ query: print(doc), variables }),
  });
  const body = (await res.json()) as ExecutionResult<R>;
  return { ...body, status: res.status };
}

/** Runs an operation and fails the test on any GraphQL error. */
export async function ok<R, V>(
  server: Pick<TestServer, "url">,
  doc: TypedDocumentNode<R, V>,
  variables?: Vars<V>,
  opts: { token?: string } = {},
): Promise<R> {
  const result = await exec(server, doc, variables, opts);
  if (result.errors?.length || !result.data) {
    throw new Error(`GraphQL errors: ${JSON.stringify(result.errors ?? "no data")}`);
  }
  return result.data;
}

/** Narrows a Pothos errors-plugin union to its success `data`, failing with the error message otherwise. */
export function success<T extends { __typename?: string }>(result: T): Extract<T, { data: unknown }>["data"] {
  if (!result || !("data" in result)) throw new Error(`expected success, got ${JSON.stringify(result)}`);
  return (result as Extract<T, { data: unknown }>).data;
}

export function wsClient(server: Pick<TestServer, "wsUrl">, connectionParams?: Record<string, unknown>): Client {
  return createClient({
    url: server.wsUrl,
    webSocketImpl: WebSocket,
    connectionParams,
    retryAttempts: 0,
    lazy: true,
  });
}

/** Collects events of one subscription until it completes, errors, or `until` returns true. */
export function collect<R, V>(
  client: Client,
  doc: TypedDocumentNode<R, V>,
  variables: V,
  until: (events: ExecutionResult<R>[]) => boolean = () => false,
): { events: ExecutionResult<R>[]; done: Promise<ExecutionResult<R>[]>; cancel: () => void } {
  const events: ExecutionResult<R>[] = [];
  let cancel = () => {};
  const done = new Promise<ExecutionResult<R>[]>((resolve, reject) => {
    cancel = client.subscribe<R>(
      { query: print(doc), variables: variables as Record<string, unknown> },
      {
        next: (v) => {
          events.push(v as ExecutionResult<R>);
          if (until(events)) {
            cancel();
            resolve(events);
          }
        },
        error: (e) => reject(e),
        complete: () => resolve(events),
      },
    );
  });
  return { events, done, cancel: () => cancel() };
}
