// Every benchmark of the product, one after the other, each printed as a table as it finishes,
// then a summary of the figures that have targets. Not a test: it asserts nothing and exits 0.
//   npm run bench
import { cpus, loadavg } from "node:os";
import { closeExtractPool } from "../src/ingest/extract.ts";
import { benchExtraction } from "./extraction.ts";
import { benchRanking } from "./ranking.ts";
import { benchHealthUnderUpload, healthSection, type HealthUnderUploadResult } from "./health-under-upload.ts";
import { benchEnhancement, enhancementSection, type EnhancementResult } from "./enhancement.ts";
import { benchFanout, fanoutSection, type FanoutResult } from "./fanout.ts";
import { benchGenerateResume, generateResumeAvailable, generateResumeSection, type GenerateResumeResult } from "./generate-resume.ts";
import { benchReadPath, readPathRatios, readPathSection, type ReadPathResult } from "./read-path.ts";
import { advisorSection, benchAdvisor, type AdvisorResult } from "./advisor.ts";
import { benchScale, scaleSection, type ScaleResult } from "./scale.ts";
import { median, ms, percentile, ratio, renderSection, target, withTimeout, type Row, type Section } from "./lib.ts";

interface Outcome<T> {
  ok: boolean;
  value?: T;
  error?: string;
  seconds: number;
}

const summary: Row[] = [];
const warnings: string[] = [];
process.on("warning", (w) => warnings.push(`${w.name}: ${w.message}`));

/** Runs one benchmark, prints its table (or FAILED), and never lets an error escape. */
async function section<T>(title: string, limitMs: number, run: () => Promise<T>, render: (value: T) => Section): Promise<Outcome<T>> {
  const started = performance.now();
  process.stdout.write(`\n… ${title}\n`);
  try {
    const value = await withTimeout(run(), limitMs, title);
    const seconds = (performance.now() - started) / 1000;
    console.log(renderSection(render(value)));
    console.log(`  (${seconds.toFixed(1)} s)`);
    return { ok: true, value, seconds };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    console.log(`== ${title} ==\n  FAILED: ${message}`);
    summary.push({ metric: title, value: "FAILED", target: message.split("\n")[0].slice(0, 100) });
    return { ok: false, error: message, seconds: (performance.now() - started) / 1000 };
  }
}

async function main(): Promise<void> {
  const runStarted = performance.now();
  const [l1, l5] = loadavg();
  console.log(`JobWise benchmarks — ${new Date().toISOString()} — Node ${process.version}, ${cpus().length} CPU(s), load average ${l1.toFixed(2)} / ${l5.toFixed(2)} (1 / 5 min)`);
  console.log("Servers run in this process (buildApp on a temp SQLite file, LOG_LEVEL=silent); all traffic goes to 127.0.0.1.");

  // 1. Extraction
  const extraction = await section("1. Extraction (5-page fixtures, median of 5 after 2 warm-ups)", 60_000, benchExtraction, (r) => ({
    title: "1. Extraction (5-page fixtures, median of 5 after 2 warm-ups)",
    rows: [
      { metric: "5-page PDF (Chromium)", value: ms(r.pdfMs) },
      { metric: "5-page DOCX (LibreOffice)", value: ms(r.docxMs) },
    ],
    notes: ["extractText end to end: hand-off to the worker pool, parsing, normalisation (bench/extraction.ts)."],
  }));
  if (extraction.value) summary.push({ metric: "extraction, 5-page PDF / DOCX (median)", value: `${ms(extraction.value.pdfMs)} / ${ms(extraction.value.docxMs)}` });

  // 2. /health under upload load
  const health = await section<HealthUnderUploadResult>("2. /health latency under upload load", 150_000, benchHealthUnderUpload, (r) => ({ ...healthSection(r), title: `2. ${healthSection(r).title}` }));
  if (health.value) {
    const r = health.value;
    summary.push({ metric: "/health p99 loaded / idle", value: `${ms(r.loaded.p99)} / ${ms(r.idle.p99)} = ${ratio(r.ratioP99)}`, target: target(r.ratioP99, 2) });
    summary.push({ metric: "  same, corrected for coordinated omission", value: `${ms(r.loadedCorrectedP99)} / ${ms(r.idle.p99)} = ${ratio(r.ratioCorrectedP99)}`, target: target(r.ratioCorrectedP99, 2) });
  }

  // 3. Enhancement throughput
  const enhancement = await section<EnhancementResult>("3. Enhancement throughput", 90_000, benchEnhancement, (r) => ({ ...enhancementSection(r), title: `3. ${enhancementSection(r).title}` }));
  if (enhancement.value) {
    const r = enhancement.value;
    summary.push({ metric: "enhancement, 20 items at 300 ms, concurrency 4", value: `${ms(r.medianMs)} (${ratio(r.medianMs / 1500)} ideal)`, target: target(r.medianMs, 1950, "1950 ms") });
  }

  // 4. Progress fan-out
  const fanout = await section<FanoutResult>("4. Progress fan-out", 120_000, benchFanout, (r) => ({ ...fanoutSection(r), title: `4. ${fanoutSection(r).title}` }));
  if (fanout.value) {
    const r = fanout.value;
    summary.push({ metric: `fan-out to ${r.subscribers} subscribers, delay from write p50 / p99`, value: `${ms(median(r.fromWrite))} / ${ms(percentile(r.fromWrite, 99))}`, target: `${target(percentile(r.fromWrite, 99), 100, "100 ms")}; ${r.lost} events lost` });
    summary.push({ metric: "  memory per idle subscriber (heap / RSS)", value: `${(r.heapPerSubscriber / 1024).toFixed(1)} KB / ${(r.rssPerSubscriber / 1024).toFixed(1)} KB` });
  }

  // 5. Ranking
  const ranking = await section("5. Ranking (1,000 bullets: 100 experiences × 10, median of 5)", 60_000, async () => benchRanking(), (r) => ({
    title: "5. Ranking (1,000 bullets: 100 experiences × 10, median of 5)",
    rows: [{ metric: `rankProfile over ${r.bullets} bullets`, value: ms(r.ms) }],
    notes: ["Pure core ranking against a parsed job, no I/O (bench/ranking.ts)."],
  }));
  if (ranking.value) summary.push({ metric: `ranking, ${ranking.value.bullets} bullets (median)`, value: ms(ranking.value.ms) });

  // 6. generateResume
  if (generateResumeAvailable()) {
    const generate = await section<GenerateResumeResult>("6. generateResume", 90_000, benchGenerateResume, (r) => ({ ...generateResumeSection(r), title: `6. ${generateResumeSection(r).title}` }));
    if (generate.value) {
      const r = generate.value;
      const [p50, p99, t50, t99] = [median(r.generate), percentile(r.generate, 99), median(r.trivial), percentile(r.trivial, 99)];
      summary.push({ metric: "generateResume p50 / p99 (ratio to { me { id } })", value: `${ms(p50)} / ${ms(p99)} (${ratio(p50 / t50)} / ${ratio(p99 / t99)})`, target: "no target given" });
    }
  } else {
    console.log("\n== 6. generateResume ==\n  generateResume: not available yet (no generateResume/createJob mutation in schema.graphql)");
    summary.push({ metric: "generateResume", value: "not available yet" });
  }

  // 8. Read path (printed before import accuracy, numbered after it so earlier numbers keep their meaning)
  const read = await section<ReadPathResult>("8. Read path", 240_000, benchReadPath, (r) => ({ ...readPathSection(r), title: `8. ${readPathSection(r).title}` }));
  if (read.value) {
    const q = readPathRatios(read.value);
    summary.push({ metric: "read path: anonymous / bare yoga", value: ratio(q.anonVsBare), target: `target ≥ 0.8: ${q.anonVsBare >= 0.8 ? "met" : "not met"}` });
    summary.push({ metric: "read path: { me { id } } / anonymous", value: ratio(q.meVsAnon), target: `target ≥ 0.7: ${q.meVsAnon >= 0.7 ? "met" : "not met"}` });
    summary.push({ metric: "read path: myProfile 30 × 5 / anonymous", value: ratio(q.profileVsAnon), target: `target ≥ 0.4: ${q.profileVsAnon >= 0.4 ? "met" : "not met"}` });
  }

  // 7. Import accuracy
  await section("7. Import accuracy (33 real resumes, 26 toolchains, micro F1)", 90_000, async () => {
    const mod = (await import("./import-accuracy.ts")) as { benchImportAccuracy?: () => Promise<{ table: string; rows: { format: string; layout: string; field: string; f1: number }[] }> };
    if (typeof mod.benchImportAccuracy !== "function") throw new Error("bench/import-accuracy.ts does not export benchImportAccuracy() yet");
    return mod.benchImportAccuracy();
  }, (r) => {
    const overall = r.rows.filter((row) => row.format === "all" && row.layout === "all");
    const worst = overall.reduce((a, b) => (b.f1 < a.f1 ? b : a), overall[0]);
    if (worst) summary.push({ metric: "import accuracy on real resumes, lowest field F1", value: `${worst.f1.toFixed(2)} (${worst.field})`, target: `target ≥ 0.90: ${worst.f1 >= 0.9 ? "met" : "not met"}` });
    return {
      title: "7. Import accuracy (33 real resumes, 26 toolchains, micro F1)",
      rows: overall.map((row) => ({ metric: `F1 ${row.field}`, value: row.f1.toFixed(2), target: "≥ 0.90" })),
      notes: ["Full tables from bench/import-accuracy.ts below."],
      extra: r.table,
    };
  });

  // 9. Advisor
  const advisor = await section<AdvisorResult>("9. Advisor", 180_000, () => benchAdvisor(), (r) => ({ ...advisorSection(r), title: `9. ${advisorSection(r).title}` }));
  if (advisor.value) {
    const r = advisor.value;
    summary.push({ metric: "advisor retrieval p95 (40 experiences, 20 jobs, 20 documents)", value: ms(percentile(r.retrieval, 95)), target: target(percentile(r.retrieval, 95), 20, "20 ms") });
    summary.push({ metric: "advisor first streamed token, model at 300 ms (p50)", value: ms(median(r.firstToken)), target: target(median(r.firstToken), 360, "360 ms") });
  }

  // 10. Scale out: 2 instances on PostgreSQL, 1 on SQLite (separate processes, one machine)
  const scale = await section<ScaleResult>("10. Scale out", 600_000, benchScale, (r) => ({ ...scaleSection(r), title: `10. ${scaleSection(r).title}` }));
  if (scale.value) {
    const r = scale.value;
    const pair = (f: ScaleResult["read"]) => `${Math.round(f["PostgreSQL ×2"]?.rps)} / ${Math.round(f["SQLite ×1"]?.rps)} req/s = ${ratio(f["PostgreSQL ×2"]?.rps / f["SQLite ×1"]?.rps)}`;
    summary.push({ metric: "scale: myProfile, PG ×2 / SQLite ×1", value: pair(r.read) });
    summary.push({ metric: "scale: generateResume, PG ×2 / SQLite ×1", value: pair(r.generate) });
    const f = r.fanout["PostgreSQL ×2"];
    if (f) summary.push({ metric: `scale: fan-out to ${f.subscribers} over 2 PG instances, spread p99`, value: ms(f.spreadP99), target: `${f.lost} events lost` });
    summary.push({ metric: "scale: jobs per minute, PG ×2 / SQLite ×1", value: `${r.jobsPerMinute["PostgreSQL ×2"]?.toFixed(0)} / ${r.jobsPerMinute["SQLite ×1"]?.toFixed(0)}` });
  }

  await closeExtractPool().catch(() => undefined);
  console.log(renderSection({
    title: `Summary (total ${((performance.now() - runStarted) / 1000).toFixed(0)} s)`,
    rows: summary,
    notes: warnings.length ? [`process warnings during the run: ${[...new Set(warnings)].join(" | ")}`] : [],
  }));
}

await main().catch((e) => console.log(`FAILED: ${e instanceof Error ? e.stack : String(e)}`));
// Sockets, workers or timers a failed section left behind must not keep the process alive.
process.exit(0);
