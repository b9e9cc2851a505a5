// Read-path throughput: anonymous `{ __typename }`, signed-in `{ me { id } }` and the 30 × 5
// `myProfile` query against one JobWise server, and `{ __typename }` against a bare graphql-yoga
// server, in alternating rounds of autocannon (10 connections) so that load from the rest of the
// machine falls on all four alike. Each server runs in its own process; autocannon runs here.
//   npx tsx bench/read-path.ts            READ_PATH_ROUNDS=5 READ_PATH_SECONDS=3
//   READ_PATH_CPU_PROF=dir npx tsx bench/read-path.ts   (writes the JobWise server's .cpuprofile)
import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath, pathToFileURL } from "node:url";
import autocannon from "autocannon";
import { median, ms, ratio, renderSection, type Section } from "./lib.ts";
import { BULLETS, EXPERIENCES } from "./read-path-server.ts";

const ROUNDS = Number(process.env.READ_PATH_ROUNDS ?? 5);
const SECONDS = Number(process.env.READ_PATH_SECONDS ?? 3);
const CONNECTIONS = 10;

const PROFILE_QUERY = `query MyProfile { myProfile { fullName summary
  experiences { id title company startDate endDate current bullets enhancedBullets technologies useEnhanced }
  projects { id name bullets } education { institution degree } } }`;

interface Target {
  name: string;
  server: "bare" | "jobwise";
  query: string;
  signedIn: boolean;
  /** What a correct answer contains: checked once before measuring, so errors are never counted as throughput. */
  expect: (data: any) => boolean;
}

const TARGETS: Target[] = [
  { name: "bare yoga { __typename }", server: "bare", query: "{ __typename }", signedIn: false, expect: (d) => d?.__typename === "Query" },
  { name: "anonymous { __typename }", server: "jobwise", query: "{ __typename }", signedIn: false, expect: (d) => d?.__typename === "Query" },
  { name: "{ me { id } }", server: "jobwise", query: "query Me { me { id } }", signedIn: true, expect: (d) => typeof d?.me?.id === "string" },
  { name: `myProfile (${EXPERIENCES} × ${BULLETS})`, server: "jobwise", query: PROFILE_QUERY, signedIn: true, expect: (d) => d?.myProfile?.experiences?.length === EXPERIENCES && d.myProfile.experiences[0].bullets.length === BULLETS },
];

// READ_PATH_ONLY=2 (comma-separated indexes) measures only those targets, e.g. to profile one of them.
const ONLY = process.env.READ_PATH_ONLY?.split(",").map(Number);
const chosen = (i: number) => !ONLY || ONLY.includes(i);

export interface ReadPathResult {
  rounds: number;
  seconds: number;
  /** Per target: req/s and p99 (ms) of each round. */
  figures: Record<string, { rps: number[]; p99: number[]; errors: number }>;
}

function startChild(kind: "bare" | "jobwise", profileDir?: string) {
  const script = fileURLToPath(new URL("./read-path-server.ts", import.meta.url));
  const root = fileURLToPath(new URL("..", import.meta.url));
  const flags = profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [];
  const proc: ChildProcess = spawn(process.execPath, [...flags, "--import", "tsx", script, kind], { cwd: root, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  const ready = new Promise<{ url: string; token: string }>((resolve, reject) => {
    createInterface({ input: proc.stderr! }).on("line", (line) => {
      if (line.startsWith("READY ")) resolve(JSON.parse(line.slice(6)));
      else stderr = (stderr + line + "\n").slice(-2000);
    });
    proc.once("exit", (code) => reject(new Error(`${kind} server exited (${code}): ${stderr.trim()}`)));
  });
  const exited = new Promise<void>((r) => proc.once("exit", () => r()));
  return { ready, stop: async () => { if (proc.exitCode === null) proc.kill("SIGTERM"); await exited; } };
}

function request(target: Target, url: string, token: string) {
  return {
    url,
    method: "POST" as const,
    headers: { "content-type": "application/json", ...(target.signedIn ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query: target.query }),
  };
}

async function check(target: Target, url: string, token: string): Promise<void> {
  const r = request(target, url, token);
  const res = await fetch(r.url, { method: "POST", headers: r.headers, body: r.body });
  const body = (await res.json()) as { data?: unknown; errors?: unknown };
  if (res.status !== 200 || body.errors || !target.expect(body.data)) throw new Error(`${target.name}: unexpected answer ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
}

function load(target: Target, url: string, token: string, seconds: number) {
  return autocannon({ ...request(target, url, token), connections: CONNECTIONS, duration: seconds });
}

export async function benchReadPath(): Promise<ReadPathResult> {
  const children = { bare: startChild("bare"), jobwise: startChild("jobwise", process.env.READ_PATH_CPU_PROF) };
  try {
    const servers = { bare: await children.bare.ready, jobwise: await children.jobwise.ready };
    const figures: ReadPathResult["figures"] = {};
    for (const t of TARGETS) {
      figures[t.name] = { rps: [], p99: [], errors: 0 };
      if (!chosen(TARGETS.indexOf(t))) continue;
      const { url, token } = servers[t.server];
      await check(t, url, servers.jobwise.token || token);
      await load(t, url, servers.jobwise.token, 1); // warm-up: JIT, caches, connection pools
    }
    for (let round = 0; round < ROUNDS; round++) {
      // Rotate the order too, so no target always runs right after the heaviest one.
      for (let k = 0; k < TARGETS.length; k++) {
        const t = TARGETS[(k + round) % TARGETS.length];
        if (!chosen(TARGETS.indexOf(t))) continue;
        const r = await load(t, servers[t.server].url, servers.jobwise.token, SECONDS);
        const f = figures[t.name];
        f.rps.push(r.requests.total / (r.duration || SECONDS));
        f.p99.push(r.latency.p99);
        f.errors += r.errors + r.timeouts + r.non2xx;
      }
    }
    for (const t of TARGETS.filter((_, i) => chosen(i))) await check(t, servers[t.server].url, servers.jobwise.token);
    return { rounds: ROUNDS, seconds: SECONDS, figures };
  } finally {
    await Promise.all([children.bare.stop(), children.jobwise.stop()]);
  }
}

/** Median req/s of a target over the rounds. */
export const rps = (r: ReadPathResult, i: number) => median(r.figures[TARGETS[i].name].rps);

export function readPathRatios(r: ReadPathResult) {
  const [bare, anon, me, profile] = [0, 1, 2, 3].map((i) => rps(r, i));
  return { anonVsBare: anon / bare, meVsAnon: me / anon, profileVsAnon: profile / anon };
}

export function readPathSection(r: ReadPathResult): Section {
  const ratios = readPathRatios(r);
  const anon = rps(r, 1);
  const met = (x: number, min: number) => `target ≥ ${min}: ${x >= min ? "met" : "not met"}`;
  const rows = TARGETS.map((t, i) => {
    const f = r.figures[t.name];
    const vs = i === 0 ? "" : `, ${ratio(rps(r, i) / anon)} anonymous`;
    return { metric: t.name, value: `${Math.round(rps(r, i))} req/s, p99 ${ms(median(f.p99))}${vs}${f.errors ? `, ${f.errors} errors` : ""}` };
  });
  return {
    title: `Read path (autocannon, ${CONNECTIONS} connections, ${r.rounds} alternating rounds of ${r.seconds} s)`,
    rows: [
      ...rows,
      { metric: "anonymous / bare yoga", value: ratio(ratios.anonVsBare), target: met(ratios.anonVsBare, 0.8) },
      { metric: "me / anonymous", value: ratio(ratios.meVsAnon), target: met(ratios.meVsAnon, 0.7) },
      { metric: "myProfile / anonymous", value: ratio(ratios.profileVsAnon), target: met(ratios.profileVsAnon, 0.4) },
    ],
    notes: [
      "req/s and p99: median over the rounds; each round runs every target once, in a rotating order.",
      "JobWise runs as deployed (NODE_ENV=production, LOG_LEVEL=info with stdout to /dev/null, every plugin); the bare server is createYoga with a one-field schema.",
      "Every answer is checked before and after the rounds (data present, no errors); errors count transport errors, timeouts and non-2xx.",
    ],
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(renderSection(readPathSection(await benchReadPath())));
  process.exit(0);
}
