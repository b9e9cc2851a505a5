// Shared pieces of the benchmarks: plain GraphQL over fetch, latency statistics, an honest fake
// model, and the table every section prints. Everything talks to 127.0.0.1 only.
import { request, Agent } from "node:http";
import { promptBlock, type FakeReply, type FakeRequest } from "../tests/support/fake-groq.ts";
import { startServer, type TestServer } from "../tests/support/server.ts";

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Wall-clock milliseconds with sub-millisecond precision, comparable across processes on one host. */
export const epochMs = () => performance.timeOrigin + performance.now();

// ---- GraphQL ---------------------------------------------------------------------------------

interface GraphQLResponse<T> {
  data?: T;
  errors?: { message: string }[];
}

/** Sends one operation; throws on transport or GraphQL errors, returns `data`. */
export async function gql<T = Record<string, any>>(url: string, query: string, variables?: Record<string, unknown>, token?: string): Promise<T> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as GraphQLResponse<T>;
  if (body.errors?.length || !body.data) throw new Error(`GraphQL errors (HTTP ${res.status}): ${JSON.stringify(body.errors ?? "no data")}`);
  return body.data;
}

/** Unwraps a Pothos errors-plugin union: its `data`, or a thrown error with the union's message. */
export function unwrap<T = any>(result: { __typename?: string; data?: T; message?: string }): T {
  if (!result || !("data" in result)) throw new Error(`${result?.__typename ?? "unknown"}: ${result?.message ?? JSON.stringify(result)}`);
  return result.data as T;
}

let userCounter = 0;

/** Registers a fresh account, signs in (register answers the same for every email) and returns its bearer token. */
export async function register(url: string): Promise<string> {
  const input = { email: `bench${++userCounter}-${Date.now()}@example.com`, password: "correct horse battery staple" };
  const registered = await gql(url, `mutation($input: RegisterInput!) { register(input: $input) { __typename ... on MutationRegisterSuccess { data { email } } ... on Error { message } } }`, { input });
  unwrap(registered.register);
  const data = await gql(url, `mutation($input: LoginInput!) { login(input: $input) { __typename ... on MutationLoginSuccess { data { token } } ... on Error { message } } }`, { input });
  return unwrap<{ token: string }>(data.login).token;
}

/** A profile with `experiences` experiences of three bullets each (and no summary unless given). */
export async function seedExperiences(url: string, token: string, experiences: number, opts: { summary?: string } = {}): Promise<string[]> {
  await gql(url, `mutation($input: UpsertProfileInput!) { upsertProfile(input: $input) { __typename ... on Error { message } } }`, {
    input: { fullName: "Bench Marker", ...(opts.summary ? { summary: opts.summary } : {}), skills: { technical: ["Go", "PostgreSQL", "Kafka", "Kubernetes", "TypeScript"] } },
  }, token);
  const ids: string[] = [];
  for (let i = 0; i < experiences; i++) ids.push(await addExperience(url, token, i));
  return ids;
}

const TECH = ["Go", "PostgreSQL", "Kafka", "Kubernetes", "TypeScript", "Redis", "AWS", "Terraform", "React", "Python"];

async function addExperience(url: string, token: string, i: number): Promise<string> {
  const year = 2024 - i;
  const a = TECH[i % TECH.length];
  const b = TECH[(i + 3) % TECH.length];
  const data = await gql(url, `mutation($input: AddExperienceInput!) { addExperience(input: $input) { __typename ... on MutationAddExperienceSuccess { data { id } } ... on Error { message } } }`, {
    input: {
      fields: {
        title: i % 3 === 0 ? "Senior Software Engineer" : "Software Engineer",
        company: `Company ${i + 1}`,
        startDate: `${year - 1}-01`,
        ...(i === 0 ? { current: true } : { endDate: `${year}-06` }),
        bullets: [
          `Built a billing service in ${a} serving ${i + 2}M requests a day`,
          `Migrated ${i + 3} services to ${b}, cutting deploy time by ${10 + i}%`,
          `Mentored ${(i % 4) + 2} engineers and led code review for the ${a} team`,
        ],
        technologies: [a, b],
      },
    },
  }, token);
  return unwrap<{ id: string }>(data.addExperience).id;
}

// ---- servers ---------------------------------------------------------------------------------

/** Starts a server on a temp SQLite file (silent logs), runs `fn`, and always stops it. */
export async function withServer<T>(env: Record<string, string>, fn: (server: TestServer) => Promise<T>): Promise<T> {
  const server = await startServer({ LOG_LEVEL: "silent", ...env });
  try {
    return await fn(server);
  } finally {
    await server.stop();
  }
}

/** A keep-alive GET of a plain path (e.g. /health); resolves to the round trip in ms. */
export function timedGet(agent: Agent, base: URL, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = request({ agent, host: base.hostname, port: base.port, path, method: "GET" }, (res) => {
      res.resume();
      res.on("end", () => (res.statusCode === 200 ? resolve(performance.now() - started) : reject(new Error(`GET ${path}: HTTP ${res.statusCode}`))));
    });
    req.setTimeout(30_000, () => req.destroy(new Error(`GET ${path}: no answer in 30 s`)));
    req.on("error", reject);
    req.end();
  });
}

// ---- the fake model --------------------------------------------------------------------------

/** An honest model: gives the item back as it came (valid JSON, no new facts). */
export function honestModel(req: FakeRequest): FakeReply {
  if (promptBlock(req, "SAMPLE_TEXT")) return { json: { tone: "NEUTRAL", description: "neutral" } };
  const text = promptBlock(req, "ITEM_TEXT");
  if (promptBlock(req, "ITEM_KIND").trim() === "SUMMARY") return { json: { text } };
  return { json: { bullets: text.split("\n").map((line) => line.replace(/^- /, "")).filter(Boolean) } };
}

// ---- statistics ------------------------------------------------------------------------------

/** Nearest-rank percentile of unsorted samples. */
export function percentile(samples: number[], p: number): number {
  if (!samples.length) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export function median(samples: number[]): number {
  return percentile(samples, 50);
}

export const ms = (x: number) => (Number.isFinite(x) ? `${x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : Math.round(x)} ms` : "n/a");
export const ratio = (x: number) => (Number.isFinite(x) ? `${x.toFixed(2)}×` : "n/a");

// ---- output ----------------------------------------------------------------------------------

export interface Row {
  metric: string;
  value: string;
  /** e.g. "≤ 2: met" */
  target?: string;
}

export interface Section {
  title: string;
  rows: Row[];
  /** How the figures were measured: printed under the table. */
  notes?: string[];
  /** Free text printed after the notes (e.g. a Markdown table of another tool). */
  extra?: string;
}

/** "target ≤ 2: met" — the comparison the report prints beside a figure. */
export function target(value: number, limit: number, label = String(limit)): string {
  return `target ≤ ${label}: ${Number.isFinite(value) && value <= limit ? "met" : "not met"}`;
}

export function renderSection(section: Section): string {
  const w0 = Math.max(6, ...section.rows.map((r) => r.metric.length));
  const w1 = Math.max(5, ...section.rows.map((r) => r.value.length));
  const line = (a: string, b: string, c: string) => `  ${a.padEnd(w0)}  ${b.padEnd(w1)}  ${c}`.trimEnd();
  const out = [`== ${section.title} ==`];
  if (section.rows.length) {
    out.push(line("metric", "value", "target"), line("-".repeat(w0), "-".repeat(w1), "------"));
    for (const r of section.rows) out.push(line(r.metric, r.value, r.target ?? ""));
  }
  for (const note of section.notes ?? []) out.push(`  · ${note}`);
  if (section.extra) out.push("", section.extra.trimEnd());
  return out.join("\n");
}

/** Rejects when `promise` takes longer than `ms`, so one stuck section cannot stall the run. */
export function withTimeout<T>(promise: Promise<T>, limitMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${Math.round(limitMs / 1000)} s`)), limitMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
