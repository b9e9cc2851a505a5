// /health latency when idle, then while ten ~5 MB PDF uploads are received and parsed at once,
// measured in the same run against the same server.
//   npx tsx bench/health-under-upload.ts
import { Agent } from "node:http";
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import PDFDocument from "pdfkit";
import { median, ms, percentile, ratio, register, renderSection, target, timedGet, type Section } from "./lib.ts";

const UPLOADS = 10;
const IDLE_REQUESTS = 1000;
const WARM_UP_REQUESTS = 2000;
const UPLOAD_BYTES = 5 * 1024 * 1024;
/** Upper bounds: the loaded phase ends when every upload has answered, or at these limits. */
const LOADED_MAX_MS = 120_000;
const LOADED_MAX_REQUESTS = 200_000;

const UPLOAD_MUTATION = `mutation($input: UploadSampleInput!) { uploadSample(input: $input) { __typename ... on Error { message code } } }`;

const WORDS = "Led the migration of billing services to Kubernetes reducing deploy time by forty percent while mentoring engineers across three product teams".split(" ");

/**
 * A text-only PDF of about `targetBytes`, built by pdfkit with uncompressed content streams
 * (a compressed one would need ~15 times the pages to reach the same size).
 */
export async function buildLargeTextPdf(targetBytes = UPLOAD_BYTES - 100_000): Promise<Buffer> {
  const sample = await textPdf(20);
  const pages = Math.max(1, Math.floor((targetBytes / sample.length) * 20));
  return textPdf(pages);
}

function textPdf(pages: number): Promise<Buffer> {
  const doc = new PDFDocument({ size: "LETTER", margin: 54, compress: false, info: { Title: "Benchmark resume", CreationDate: new Date(0) } });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  doc.fontSize(10);
  let n = 0;
  for (let p = 0; p < pages; p++) {
    if (p) doc.addPage();
    doc.fontSize(12).text(`Experience, page ${p + 1}`, 54, 40, { lineBreak: false }).fontSize(10);
    for (let l = 0; l < 50; l++, n++) {
      const line = Array.from({ length: 14 }, (_, i) => WORDS[(n + i * 7) % WORDS.length]).join(" ");
      doc.text(`- ${line} ${n}`, 54, 60 + l * 13, { lineBreak: false });
    }
  }
  doc.end();
  return done;
}

/** One multipart body (GraphQL multipart request spec), encoded once and sent by every uploader. */
function multipartBody(pdf: Buffer, boundary: string): Buffer {
  const operations = JSON.stringify({ query: UPLOAD_MUTATION, variables: { input: { type: "RESUME", file: null } } });
  const field = (name: string, value: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  return Buffer.concat([
    Buffer.from(field("operations", operations) + field("map", JSON.stringify({ 0: ["variables.input.file"] }))),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="0"; filename="big-resume.pdf"\r\nContent-Type: application/pdf\r\n\r\n`),
    pdf,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
}

export interface HealthUnderUploadResult {
  pdfBytes: number;
  idle: { n: number; p50: number; p99: number; max: number };
  loaded: { n: number; p50: number; p99: number; max: number };
  ratioP99: number;
  /** Loaded p99 corrected for coordinated omission (see correctedSamples). */
  loadedCorrectedP99: number;
  ratioCorrectedP99: number;
  uploads: { ms: number; outcome: string }[];
  loadedWallMs: number;
}

export async function benchHealthUnderUpload(): Promise<HealthUnderUploadResult> {
  const dir = mkdtempSync(join(tmpdir(), "jobwise-bench-upload-"));
  // The server runs as `npm start` does, in a process of its own; the uploads come from a third
  // process; this one only times /health. Sharing an event loop would time the client, not the server.
  const server = await startServerProcess(dir, { MAX_UPLOAD_MB: "6", EXTRACT_TIMEOUT_S: "60" });
  const base = new URL(server.url);
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const pdf = await buildLargeTextPdf();
    const boundary = `----jobwise-bench-${Date.now()}`;
    const bodyPath = join(dir, "upload.body");
    writeFileSync(bodyPath, multipartBody(pdf, boundary));
    const tokens: string[] = [];
    for (let i = 0; i < UPLOADS; i++) tokens.push(await register(server.url));
    await warmUp(server.url, tokens, agent, base, dir);

    const idle: number[] = [];
    for (let i = 0; i < IDLE_REQUESTS; i++) idle.push(await timedGet(agent, base, "/health"));

    const started = performance.now();
    let done = false;
    const uploads = runUploadClient({ url: server.url, tokens, bodyPath, boundary }).finally(() => (done = true));
    const loaded: number[] = [];
    while (!done && performance.now() - started < LOADED_MAX_MS && loaded.length < LOADED_MAX_REQUESTS) {
      loaded.push(await timedGet(agent, base, "/health"));
    }
    const results = await uploads;
    const loadedWallMs = performance.now() - started;
    const stats = (xs: number[]) => ({ n: xs.length, p50: median(xs), p99: percentile(xs, 99), max: xs.reduce((m, x) => Math.max(m, x), -Infinity) });
    const idleStats = stats(idle);
    const loadedStats = stats(loaded);
    const loadedCorrectedP99 = percentile(correctedSamples(loaded, idleStats.p50), 99);
    return {
      pdfBytes: pdf.length,
      idle: idleStats,
      loaded: loadedStats,
      ratioP99: loadedStats.p99 / idleStats.p99,
      loadedCorrectedP99,
      ratioCorrectedP99: loadedCorrectedP99 / idleStats.p99,
      uploads: results,
      loadedWallMs,
    };
  } finally {
    agent.destroy();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const TSX = join(ROOT, "node_modules/.bin/tsx");

/** `src/main.ts` in a child process on a free port, over a fresh database in `dir`. */
async function startServerProcess(dir: string, env: Record<string, string>): Promise<{ url: string; stop(): Promise<void> }> {
  // As `npm start` runs it; HEALTH_CPU_PROF=<dir> writes the server's --cpu-prof profiles there (worker threads included).
  const profile = process.env.HEALTH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.HEALTH_CPU_PROF}`] : [];
  const child = spawn(process.execPath, [...profile, "--import", pathToFileURL(join(ROOT, "node_modules/tsx/dist/loader.mjs")).href, join(ROOT, "src/main.ts")], {
    cwd: dir,
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "info", NODE_ENV: "test", JWT_SECRET: "bench-secret-bench-secret-bench-secret-0123", RATE_REGISTER_PER_IP: "100000", RATE_LOGIN_PER_IP: "100000", RATE_AI_PER_HOUR: "100000", ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    const onData = (d: Buffer) => {
      out += d;
      const m = out.match(/"url":"(http:\/\/localhost:\d+\/graphql)"/);
      if (m) {
        child.stdout!.off("data", onData);
        child.stdout!.resume(); // keep draining request logs
        resolve(m[1].replace("localhost", "127.0.0.1"));
      }
    };
    child.stdout!.on("data", onData);
    child.once("exit", (code) => reject(new Error(`server exited with ${code} before listening`)));
  });
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

function runUploadClient(args: { url: string; tokens: string[]; bodyPath: string; boundary: string }): Promise<{ ms: number; outcome: string }[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [join(ROOT, "bench/upload-client.ts"), JSON.stringify(args)], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.once("exit", (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`upload client exited with ${code}`))));
  });
}

/**
 * A closed loop sends fewer requests while the server stalls, so a 3 s stall counts as one slow
 * sample. As HdrHistogram's recordValueWithExpectedInterval does, each sample slower than the
 * usual interval also stands for the requests that would have been sent meanwhile.
 */
export function correctedSamples(samples: number[], expectedIntervalMs: number): number[] {
  const out: number[] = [];
  const step = Math.max(expectedIntervalMs, 0.01);
  for (const s of samples) {
    out.push(s);
    for (let missed = s - step; missed > step && out.length < 5_000_000; missed -= step) out.push(missed);
  }
  return out;
}

/** JIT, the keep-alive socket, the multipart path and the extraction worker, before measuring. */
async function warmUp(url: string, tokens: string[], agent: Agent, base: URL, dir: string): Promise<void> {
  for (let i = 0; i < WARM_UP_REQUESTS; i++) await timedGet(agent, base, "/health");
  const boundary = "----jobwise-bench-warmup";
  const bodyPath = join(dir, "warmup.body");
  writeFileSync(bodyPath, multipartBody(readFileSync(new URL("../tests/fixtures/resume-chromium.pdf", import.meta.url)), boundary));
  await runUploadClient({ url, tokens: tokens.slice(0, 2), bodyPath, boundary });
}

export function healthSection(r: HealthUnderUploadResult): Section {
  const outcomes = [...new Set(r.uploads.map((u) => u.outcome))];
  return {
    title: `/health latency under upload load (${UPLOADS} × ${(r.pdfBytes / 1048576).toFixed(1)} MB PDF uploads)`,
    rows: [
      { metric: `idle p50 (${r.idle.n} sequential GETs)`, value: ms(r.idle.p50) },
      { metric: "idle p99", value: ms(r.idle.p99) },
      { metric: `loaded p50 (${r.loaded.n} sequential GETs)`, value: ms(r.loaded.p50) },
      { metric: "loaded p99", value: ms(r.loaded.p99) },
      { metric: "loaded max", value: ms(r.loaded.max) },
      { metric: "ratio loaded p99 / idle p99", value: ratio(r.ratioP99), target: target(r.ratioP99, 2) },
      { metric: "loaded p99, corrected for coordinated omission", value: ms(r.loadedCorrectedP99) },
      { metric: "ratio corrected loaded p99 / idle p99", value: ratio(r.ratioCorrectedP99), target: target(r.ratioCorrectedP99, 2) },
      { metric: "uploads answered", value: `${r.uploads.length}/${UPLOADS}: ${outcomes.join(", ")}` },
      { metric: "upload time p50 / max", value: `${ms(median(r.uploads.map((u) => u.ms)))} / ${ms(r.uploads.reduce((m, u) => Math.max(m, u.ms), 0))}` },
      { metric: "loaded phase wall time", value: ms(r.loadedWallMs) },
    ],
    notes: [
      "Latency is the client round trip of GET /health on one keep-alive connection, one request at a time (closed loop), after 2,000 warm-up requests.",
      "A closed loop under-samples stalls (one 3 s stall = one sample); the corrected p99 adds the requests a steady client would have sent during each slow one (expected interval = idle p50).",
      "The loaded phase starts with the ten uploads and ends when the last one has answered; the uploads are pre-encoded multipart bodies (no client-side encoding during the measurement).",
      "The PDF is text only (pdfkit, uncompressed), so every page is really parsed; MAX_UPLOAD_MB=6, EXTRACT_TIMEOUT_S=60.",
      "Its ~500 pages of text are parsed in the extraction worker and then refused as far longer than a resume (LIMIT_EXCEEDED), by design.",
      "Server: src/main.ts in its own process; uploads: bench/upload-client.ts in a third process; this process only times /health.",
    ],
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(renderSection(healthSection(await benchHealthUnderUpload())));
  process.exit(0);
}
