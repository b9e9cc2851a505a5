// Resume import accuracy on REAL resumes (../shared/corpus/real-resumes: 33 public resumes from
// 26 toolchains, hand-written truth beside each file). Every file goes through the upload path:
// extractText (worker pool, layout reading) → the rule-based resume parser, and the draft is scored
// against its truth with the rules of issue 10:
//   - text normalised: NFKD, ligatures and accents folded, case, punctuation and whitespace;
//     "&" reads as "and";
//   - company and position match when the token Dice coefficient is ≥ 0.7 (an array in the truth
//     lists accepted alternatives; `null` means the resume prints none, so a value there is a false
//     positive);
//   - draft entries are aligned one-to-one with the truth (greedy on a combined similarity);
//   - dates match on year and month where the truth has a month, on the year otherwise;
//     "present" = the draft marks the role current;
//   - micro precision / recall / F1; truth entries marked `optional` (volunteer, activities…) count
//     neither way, nor does the draft entry aligned to them;
//   - institution: one-to-one on Dice ≥ 0.7.
// The self-rendered set (tests/fixtures/import*) is kept as a regression table (bench/import-regression.ts).
//
//   npx tsx bench/import-accuracy.ts               # per file, per toolchain, total
//   npx tsx bench/import-accuracy.ts --dump latex-rescls-yochum [--text]
//   npx tsx bench/import-accuracy.ts --regression  # also the self-rendered tables
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { ResumeDraft } from "../src/core/resume-parser.ts";
import { parseResumeText } from "../src/core/resume-parser.ts";
import { closeExtractPool, extractText } from "../src/ingest/extract.ts";

const REPO_ROOT = fileURLToPath(new URL("..", import.meta.url));
export const REAL_CORPUS = resolve(REPO_ROOT, "../shared/corpus/real-resumes");

export const METRICS = ["company", "position", "start", "end", "institution"] as const;
export type Metric = (typeof METRICS)[number];

type Alt = string | string[] | null | undefined;

interface TruthExperience {
  company?: Alt;
  position?: Alt;
  startDate?: Alt;
  endDate?: Alt;
  optional?: boolean;
}

interface Truth {
  toolchain: string;
  layout: string;
  experiences: TruthExperience[];
  education?: { institution?: Alt; degree?: Alt; endDate?: Alt }[];
}

export interface Counts {
  tp: number;
  predicted: number;
  truth: number;
}

export interface FileScore {
  file: string;
  toolchain: string;
  layout: string;
  counts: Record<Metric, Counts>;
  ms: number;
  pages: number | null;
}

// ─────────────────────────── normalisation and similarity ───────────────────────────

/** NFKD folds ligatures (ﬁ → fi) and splits accents off, which are then dropped. */
export function normalise(s: string | null | undefined): string {
  return (s ?? "")
    .replace(/&amp;/gi, "&")
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

const tokenSet = (s: string | null | undefined) => new Set(normalise(s).split(" ").filter(Boolean));

export function dice(a: string | null | undefined, b: string | null | undefined): number {
  const x = tokenSet(a);
  const y = tokenSet(b);
  if (!x.size || !y.size) return 0;
  let inter = 0;
  for (const t of x) if (y.has(t)) inter++;
  return (2 * inter) / (x.size + y.size);
}

const alternatives = (v: Alt): string[] => (v == null ? [] : Array.isArray(v) ? v : [v]);
const bestDice = (truth: Alt, value: string | undefined) => Math.max(0, ...alternatives(truth).map((t) => dice(t, value)));

/** Year and month where the truth has a month, year otherwise; "present" = current. */
export function dateMatches(truth: Alt, value: string | undefined, current = false): boolean {
  return alternatives(truth).some((t) => {
    if (t === "present") return current;
    if (!value || current) return false;
    return /^\d{4}-\d{2}/.test(t) ? value.slice(0, 7) === t.slice(0, 7) : value.slice(0, 4) === t.slice(0, 4);
  });
}

const DICE_MATCH = 0.7;
const empty = (): Counts => ({ tp: 0, predicted: 0, truth: 0 });

// ─────────────────────────── scoring ───────────────────────────

/** Greedy one-to-one alignment on a similarity; pairs below `min` stay unmatched. */
function align(n: number, m: number, sim: (i: number, j: number) => number, min: number): Map<number, number> {
  const pairs: [number, number, number][] = [];
  for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) pairs.push([sim(i, j), i, j]);
  pairs.sort((a, b) => b[0] - a[0] || a[1] - b[1] || a[2] - b[2]);
  const out = new Map<number, number>();
  const used = new Set<number>();
  for (const [s, i, j] of pairs) {
    if (s < min || out.has(i) || used.has(j)) continue;
    out.set(i, j);
    used.add(j);
  }
  return out;
}

export function scoreDraft(truth: Truth, draft: ResumeDraft): Record<Metric, Counts> {
  const c = Object.fromEntries(METRICS.map((m) => [m, empty()])) as Record<Metric, Counts>;
  const exps = draft.profile.experiences;
  const work = truth.experiences;
  const matched = align(
    work.length,
    exps.length,
    (i, j) => {
      const t = work[i];
      const p = exps[j];
      const text = Math.max(bestDice(t.company, p.company), bestDice(t.company, p.title)) + Math.max(bestDice(t.position, p.title), bestDice(t.position, p.company));
      const dates = (dateMatches(t.startDate, p.startDate) ? 0.4 : 0) + (dateMatches(t.endDate, p.endDate, p.current) ? 0.2 : 0);
      return text + dates;
    },
    0.5,
  );
  const alignedToOptional = new Set([...matched].filter(([i]) => work[i].optional).map(([, j]) => j));
  exps.forEach((p, j) => {
    if (alignedToOptional.has(j)) return;
    if (p.company) c.company.predicted++;
    if (p.title) c.position.predicted++;
    if (p.startDate) c.start.predicted++;
    if (p.current || p.endDate) c.end.predicted++;
  });
  work.forEach((t, i) => {
    if (t.optional) return;
    if (alternatives(t.company).length) c.company.truth++;
    if (alternatives(t.position).length) c.position.truth++;
    if (alternatives(t.startDate).length) c.start.truth++;
    if (alternatives(t.endDate).length) c.end.truth++;
    const j = matched.get(i);
    if (j === undefined) return;
    const p = exps[j];
    if (bestDice(t.company, p.company) >= DICE_MATCH) c.company.tp++;
    if (bestDice(t.position, p.title) >= DICE_MATCH) c.position.tp++;
    if (p.startDate && dateMatches(t.startDate, p.startDate)) c.start.tp++;
    if ((p.endDate || p.current) && dateMatches(t.endDate, p.endDate, p.current)) c.end.tp++;
  });

  const edus = truth.education ?? [];
  const drafted = draft.profile.education.filter((e) => e.institution);
  c.institution.predicted = drafted.length;
  c.institution.truth = edus.filter((e) => alternatives(e.institution).length).length;
  const eduMatch = align(edus.length, drafted.length, (i, j) => bestDice(edus[i].institution, drafted[j].institution), DICE_MATCH);
  c.institution.tp = eduMatch.size;
  return c;
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
  counts: Counts;
}

export function prf(counts: Counts[]): Prf {
  const sum = counts.reduce((a, x) => ({ tp: a.tp + x.tp, predicted: a.predicted + x.predicted, truth: a.truth + x.truth }), empty());
  const precision = ratio(sum.tp, sum.predicted);
  const recall = ratio(sum.tp, sum.truth);
  // A file with nothing to find and nothing found is perfect, not zero.
  const f1 = sum.truth === 0 && sum.predicted === 0 ? 1 : precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, counts: sum };
}

// ─────────────────────────── running ───────────────────────────

export function corpusFiles(dir = REAL_CORPUS): string[] {
  if (!existsSync(dir)) throw new Error(`real corpus not found at ${dir} (expected shared/ beside the repository)`);
  return readdirSync(dir)
    .filter((f) => /\.(pdf|docx)$/i.test(f) && existsSync(join(dir, f.replace(/\.(pdf|docx)$/i, ".truth.json"))))
    .sort();
}

/** The upload path: extraction in the worker pool, then the rule-based parser. */
export async function importFile(path: string): Promise<{ draft: ResumeDraft; text: string; pages: number | null; ms: number }> {
  const bytes = new Uint8Array(readFileSync(path));
  const kind = path.toLowerCase().endsWith(".docx") ? "docx" : "pdf";
  const started = performance.now();
  const extracted = await extractText(bytes, kind);
  if (!extracted.ok) throw new Error(`${basename(path)}: ${extracted.message}`);
  const draft = parseResumeText(extracted.text, { lines: extracted.lines });
  return { draft, text: extracted.text, pages: extracted.pages, ms: performance.now() - started };
}

export async function scoreCorpus(dir = REAL_CORPUS): Promise<FileScore[]> {
  const out: FileScore[] = [];
  for (const file of corpusFiles(dir)) {
    const truth = JSON.parse(readFileSync(join(dir, file.replace(/\.(pdf|docx)$/i, ".truth.json")), "utf8")) as Truth;
    const { draft, ms, pages } = await importFile(join(dir, file));
    out.push({ file, toolchain: truth.toolchain, layout: truth.layout, counts: scoreDraft(truth, draft), ms, pages });
  }
  return out;
}

const f2 = (x: number) => x.toFixed(2);

export interface ImportAccuracyResult {
  table: string;
  /** One row per metric over the whole real corpus (format/layout "all", for bench/run.ts). */
  rows: { format: string; layout: string; field: string; f1: number; precision: number; recall: number }[];
  files: FileScore[];
  filesBelowCompany: number;
  /** Import time (extraction + parse) p95 over the 1–2 page PDFs, after a warm-up pass. */
  pdfP95Ms: number;
}

function percentile(xs: number[], p: number): number {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}

export async function benchImportAccuracy(dir = REAL_CORPUS): Promise<ImportAccuracyResult> {
  await scoreCorpus(dir); // warm-up: worker start, pdf.js load
  const files = await scoreCorpus(dir);
  const total = METRICS.map((m) => ({ metric: m, ...prf(files.map((f) => f.counts[m])) }));
  const fileRows = files.map((f) => {
    const cells = METRICS.map((m) => {
      const r = prf([f.counts[m]]);
      return `${f2(r.f1)} (${r.counts.tp}/${r.counts.predicted}/${r.counts.truth})`;
    });
    return `| ${f.file} | ${f.toolchain} | ${cells.join(" | ")} | ${Math.round(f.ms)} |`;
  });
  const toolchains = [...new Set(files.map((f) => f.toolchain))].sort();
  const toolRows = toolchains.map((t) => {
    const subset = files.filter((f) => f.toolchain === t);
    return `| ${t} | ${subset.length} | ${METRICS.map((m) => f2(prf(subset.map((f) => f.counts[m])).f1)).join(" | ")} |`;
  });
  const below = files.filter((f) => prf([f.counts.company]).f1 < 0.6);
  const pdfMs = files.filter((f) => f.file.endsWith(".pdf") && (f.pages ?? 0) <= 2).map((f) => f.ms);
  const pdfP95Ms = percentile(pdfMs, 95);
  const table = [
    `### Real resumes: ${files.length} files, ${toolchains.length} toolchains (${dir})`,
    "",
    "| metric | precision | recall | F1 | tp / predicted / truth |",
    "|---|---:|---:|---:|---:|",
    ...total.map((r) => `| ${r.metric} | ${f2(r.precision)} | ${f2(r.recall)} | ${f2(r.f1)} | ${r.counts.tp} / ${r.counts.predicted} / ${r.counts.truth} |`),
    "",
    `Files below 0.6 company F1: ${below.length} of ${files.length}${below.length ? ` (${below.map((f) => f.file).join(", ")})` : ""}.`,
    `Import time (extraction + parse), PDFs of ≤ 2 pages: p95 ${Math.round(pdfP95Ms)} ms over ${pdfMs.length} files.`,
    "",
    `| toolchain | files | ${METRICS.join(" | ")} |`,
    `|---|---:|${METRICS.map(() => "---:").join("|")}|`,
    ...toolRows,
    "",
    `| file | toolchain | ${METRICS.map((m) => `${m} F1 (tp/pred/truth)`).join(" | ")} | ms |`,
    `|---|---|${METRICS.map(() => "---:").join("|")}|---:|`,
    ...fileRows,
    "",
  ].join("\n");
  return {
    table,
    rows: total.map((r) => ({ format: "all", layout: "all", field: r.metric, f1: r.f1, precision: r.precision, recall: r.recall })),
    files,
    filesBelowCompany: below.length,
    pdfP95Ms,
  };
}

async function main(argv: string[]): Promise<void> {
  try {
    if (argv[0] === "--dump") {
      const file = corpusFiles().find((f) => f.startsWith(argv[1]));
      if (!file) throw new Error(`no corpus file starts with ${argv[1]}`);
      const { draft, text } = await importFile(join(REAL_CORPUS, file));
      if (argv.includes("--text")) console.log(text);
      console.log(JSON.stringify(draft, null, 2));
      return;
    }
    const { table } = await benchImportAccuracy();
    console.log(table);
    if (argv.includes("--regression")) {
      const { benchImportRegression } = await import("./import-regression.ts");
      console.log("### Regression set (self-rendered resumes)\n");
      console.log((await benchImportRegression()).table);
    }
  } finally {
    await closeExtractPool();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main(process.argv.slice(2));
