// Regression set (self-rendered, not real resumes; the real corpus is bench/import-accuracy.ts): every corpus resume (scripts/import-corpus/resumes, the ground
// truth) rendered to PDF / DOCX / TXT (tests/fixtures/import, built by build.sh) is extracted with
// pdf-parse / mammoth, parsed by parseResumeText and compared field by field with its source.
// The held-out set (scripts/import-corpus/holdout → tests/fixtures/import-holdout, build.sh --holdout)
// is scored the same way and reported on its own: the parser was never tuned on it, so its table is
// the honest estimate. Do not fix the parser against it; add a new held-out batch instead.
// Held-out set 2 (scripts/import-corpus/holdout2 → tests/fixtures/import-holdout2, build.sh --holdout2)
// was written after the second parser round and is reported in a third table of its own; held-out
// set 3 (holdout3 → tests/fixtures/import-holdout3, build.sh --holdout3), written after parser round 3
// from existing layouts only, gets a fourth.
//
//   npx tsx bench/import-regression.ts            # Markdown tables
//   npx tsx bench/import-regression.ts --dump 07-finance-sidebar pdf   # one parse, for debugging (held-out ids too)
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseResumeText, type DraftExperience, type ResumeDraft } from "../src/core/resume-parser.ts";
import { extractText } from "../scripts/import-corpus/extract.ts";
import { loadCorpus, type CorpusResume, type CorpusSet } from "../scripts/import-corpus/render.ts";

export const FORMATS = ["pdf", "docx", "txt"] as const;
export const FIELDS = ["company", "position", "dates", "bullets", "education", "skills"] as const;
export type Format = (typeof FORMATS)[number];
export type Field = (typeof FIELDS)[number];
export type LayoutGroup = "single-column" | "multi-column";

interface Counts {
  tp: number;
  predicted: number;
  truth: number;
}

export interface AccuracyRow {
  format: Format | "all";
  layout: LayoutGroup | "all";
  field: Field;
  tp: number;
  predicted: number;
  truth: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface FileResult {
  id: string;
  /** Added after the parser was first tuned on the rest (meta.set "holdout" / "holdout-2"), or from the held-out set. */
  holdout: boolean;
  format: Format;
  layout: LayoutGroup;
  counts: Record<Field, Counts>;
}

const FIXTURES = fileURLToPath(new URL("../tests/fixtures/import/", import.meta.url));
const HELD_OUT_FIXTURES = fileURLToPath(new URL("../tests/fixtures/import-holdout/", import.meta.url));
const HELD_OUT_2_FIXTURES = fileURLToPath(new URL("../tests/fixtures/import-holdout2/", import.meta.url));
const HELD_OUT_3_FIXTURES = fileURLToPath(new URL("../tests/fixtures/import-holdout3/", import.meta.url));
const FIXTURE_DIRS: Record<CorpusSet, { dir: string; build: string }> = {
  resumes: { dir: FIXTURES, build: "scripts/import-corpus/build.sh" },
  holdout: { dir: HELD_OUT_FIXTURES, build: "scripts/import-corpus/build.sh --holdout" },
  holdout2: { dir: HELD_OUT_2_FIXTURES, build: "scripts/import-corpus/build.sh --holdout2" },
  holdout3: { dir: HELD_OUT_3_FIXTURES, build: "scripts/import-corpus/build.sh --holdout3" },
};

const norm = (s: string | null | undefined) =>
  (s ?? "")
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[‐‑‒–—−]/g, "-")
    .replace(/[’‘]/g, "'")
    .replace(/[^\p{L}\p{N}%$+#&'-]+/gu, " ")
    .trim();

const tokens = (s: string) => new Set(norm(s).split(" ").filter(Boolean));

function jaccard(a: string, b: string): number {
  const x = tokens(a);
  const y = tokens(b);
  const inter = [...x].filter((t) => y.has(t)).length;
  return x.size + y.size - inter === 0 ? 0 : inter / (x.size + y.size - inter);
}

/** Greedy one-to-one alignment by similarity; pairs below `min` stay unmatched. */
function align<T, U>(truth: T[], predicted: U[], sim: (t: T, p: U) => number, min = 0.2): Map<number, number> {
  const pairs: [number, number, number][] = [];
  truth.forEach((t, i) => predicted.forEach((p, j) => pairs.push([sim(t, p), i, j])));
  pairs.sort((a, b) => b[0] - a[0] || a[1] - b[1] || a[2] - b[2]);
  const used = new Set<number>();
  const out = new Map<number, number>();
  for (const [s, i, j] of pairs) {
    if (s < min || out.has(i) || used.has(j)) continue;
    out.set(i, j);
    used.add(j);
  }
  return out;
}

const empty = (): Counts => ({ tp: 0, predicted: 0, truth: 0 });

type Work = CorpusResume["work"][number];

function expSimilarity(t: Work, p: DraftExperience): number {
  const text = jaccard(`${t.name} ${t.position}`, `${p.company ?? ""} ${p.title ?? ""}`);
  const dates = (t.startDate ?? "") === (p.startDate ?? "") ? 0.3 : 0;
  return text + dates;
}

function endOf(x: { endDate?: string | null; current?: boolean }, truthSide: boolean): string {
  if (truthSide) return x.endDate ?? "present";
  return x.current ? "present" : (x.endDate ?? "");
}

/** Field-level counts for one parsed file against its ground truth. */
export function score(truth: CorpusResume, draft: ResumeDraft): Record<Field, Counts> {
  const c = Object.fromEntries(FIELDS.map((f) => [f, empty()])) as Record<Field, Counts>;
  const exps = draft.profile.experiences;
  const matched = align(truth.work, exps, expSimilarity);

  for (const p of exps) {
    if (p.company) c.company.predicted++;
    if (p.title) c.position.predicted++;
    if (p.startDate) c.dates.predicted++;
    if (p.current || p.endDate) c.dates.predicted++;
    c.bullets.predicted += p.bullets.length;
  }
  truth.work.forEach((t, i) => {
    c.company.truth++;
    c.position.truth++;
    c.dates.truth += t.startDate ? 2 : 1;
    c.bullets.truth += t.highlights.length;
    const j = matched.get(i);
    if (j === undefined) return;
    const p = exps[j];
    if (norm(p.company) === norm(t.name)) c.company.tp++;
    if (norm(p.title) === norm(t.position)) c.position.tp++;
    if (t.startDate && p.startDate === t.startDate) c.dates.tp++;
    if (endOf(p, false) === endOf(t, true)) c.dates.tp++;
    const pool = t.highlights.map(norm);
    for (const b of p.bullets) {
      const k = pool.indexOf(norm(b));
      if (k >= 0) {
        c.bullets.tp++;
        pool.splice(k, 1);
      }
    }
  });

  const edus = draft.profile.education;
  const eduMatch = align(truth.education, edus, (t, p) => jaccard(t.institution, p.institution ?? "") + 0.5 * jaccard(t.studyType ?? "", p.degree ?? ""));
  for (const p of edus) c.education.predicted += [p.institution, p.degree, p.field].filter(Boolean).length;
  truth.education.forEach((t, i) => {
    const units: [string | undefined, keyof (typeof edus)[number]][] = [
      [t.institution, "institution"],
      [t.studyType, "degree"],
      [t.area, "field"],
    ];
    c.education.truth += units.filter(([v]) => v).length;
    const j = eduMatch.get(i);
    if (j === undefined) return;
    for (const [v, key] of units) if (v && norm(v) === norm(edus[j][key] as string | undefined)) c.education.tp++;
  });

  const truthSkills = new Set(truth.skills.flatMap((s) => s.keywords).map(norm));
  const predictedSkills = new Set([...draft.profile.skills.technical, ...draft.profile.skills.soft].map(norm));
  c.skills.truth = truthSkills.size;
  c.skills.predicted = predictedSkills.size;
  c.skills.tp = [...predictedSkills].filter((s) => truthSkills.has(s)).length;
  return c;
}

function ratio(a: number, b: number): number {
  return b === 0 ? 0 : a / b;
}

function row(format: AccuracyRow["format"], layout: AccuracyRow["layout"], field: Field, counts: Counts[]): AccuracyRow {
  const tp = counts.reduce((a, x) => a + x.tp, 0);
  const predicted = counts.reduce((a, x) => a + x.predicted, 0);
  const truth = counts.reduce((a, x) => a + x.truth, 0);
  const precision = ratio(tp, predicted);
  const recall = ratio(tp, truth);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { format, layout, field, tp, predicted, truth, precision, recall, f1 };
}

export function aggregate(results: FileResult[]): AccuracyRow[] {
  const rows: AccuracyRow[] = [];
  const formats: AccuracyRow["format"][] = [...FORMATS, "all"];
  const layouts: AccuracyRow["layout"][] = ["single-column", "multi-column", "all"];
  for (const format of formats)
    for (const layout of layouts)
      for (const field of FIELDS) {
        const subset = results.filter((r) => (format === "all" || r.format === format) && (layout === "all" || r.layout === layout));
        if (subset.length) rows.push(row(format, layout, field, subset.map((r) => r.counts[field])));
      }
  return rows;
}

const pct = (x: number) => x.toFixed(2);

export function markdown(rows: AccuracyRow[]): string {
  const cols = rows.filter((r) => r.field === FIELDS[0]).map((r) => `${r.format} · ${r.layout}`);
  const f1Table = [
    `| F1 | ${cols.join(" | ")} |`,
    `|---|${cols.map(() => "---:").join("|")}|`,
    ...FIELDS.map((field) => `| ${field} | ${rows.filter((r) => r.field === field).map((r) => pct(r.f1)).join(" | ")} |`),
  ].join("\n");
  const detail = [
    "| format | layout | field | precision | recall | F1 | truth units |",
    "|---|---|---|---:|---:|---:|---:|",
    ...rows.filter((r) => r.format !== "all" || r.layout !== "all").map((r) => `| ${r.format} | ${r.layout} | ${r.field} | ${pct(r.precision)} | ${pct(r.recall)} | ${pct(r.f1)} | ${r.truth} |`),
  ].join("\n");
  return `${f1Table}\n\n${detail}\n`;
}

/** Extracts and parses one fixture; `dir` defaults to the tuned corpus' fixtures. */
export async function parseFixture(id: string, format: Format, dir: string = FIXTURES): Promise<{ text: string; draft: ResumeDraft }> {
  const text = await extractText(join(dir, `${id}.${format}`));
  return { text, draft: parseResumeText(text) };
}

async function scoreSet(set: CorpusSet): Promise<FileResult[]> {
  const { dir, build } = FIXTURE_DIRS[set];
  const files: FileResult[] = [];
  for (const { id, resume } of loadCorpus(set)) {
    for (const format of FORMATS) {
      if (!existsSync(join(dir, `${id}.${format}`))) throw new Error(`missing fixture ${id}.${format}: run ${build}`);
      const { draft } = await parseFixture(id, format, dir);
      const layout = resume.meta.columns > 1 ? "multi-column" : "single-column";
      files.push({ id, holdout: resume.meta.set !== undefined, format, layout, counts: score(resume, draft) });
    }
  }
  return files;
}

export interface ImportAccuracyResult {
  table: string;
  /** The 17 tuned-on resumes (all batches). */
  rows: AccuracyRow[];
  /** Batches added to the tuned corpus after the first tuning round (scores are post-tuning). */
  holdoutRows: AccuracyRow[];
  files: FileResult[];
  /** The held-out set (scripts/import-corpus/holdout): the parser was never tuned on it. */
  heldOutRows: AccuracyRow[];
  heldOutFiles: FileResult[];
  /** Held-out set 2 (scripts/import-corpus/holdout2): written after the second parser round, never tuned on. */
  heldOut2Rows: AccuracyRow[];
  heldOut2Files: FileResult[];
  /** Held-out set 3 (scripts/import-corpus/holdout3): written after parser round 3, never tuned on. */
  heldOut3Rows: AccuracyRow[];
  heldOut3Files: FileResult[];
}

export async function benchImportRegression(): Promise<ImportAccuracyResult> {
  const files = await scoreSet("resumes");
  const heldOutFiles = await scoreSet("holdout");
  const rows = aggregate(files);
  const holdoutRows = aggregate(files.filter((f) => f.holdout));
  const ids = (holdout: boolean) => [...new Set(files.filter((f) => f.holdout === holdout).map((f) => f.id))];
  const table = [
    `### All ${ids(false).length + ids(true).length} resumes × ${FORMATS.length} formats\n`,
    markdown(rows),
    `### Resumes added after the first tuning round (${ids(true).join(", ")}); their first, untuned scores are in scripts/import-corpus/README.md\n`,
    markdown(holdoutRows).split("\n\n")[0],
    "",
  ].join("\n");
  const heldOutRows = aggregate(heldOutFiles);
  const heldOutIds = [...new Set(heldOutFiles.map((f) => f.id))];
  const heldOutTable = heldOutIds.length
    ? [
        `### Held-out set (parser not tuned on these): ${heldOutIds.length} resumes × ${FORMATS.length} formats (${heldOutIds.join(", ")})\n`,
        markdown(heldOutRows),
      ].join("\n")
    : "";
  const heldOut2Files = await scoreSet("holdout2");
  const heldOut2Rows = aggregate(heldOut2Files);
  const heldOut2Ids = [...new Set(heldOut2Files.map((f) => f.id))];
  const heldOut2Table = heldOut2Ids.length
    ? [
        "### Held-out set 2 (built after the last parser change; parser never tuned on these)\n",
        `${heldOut2Ids.length} resumes × ${FORMATS.length} formats (${heldOut2Ids.join(", ")})\n`,
        markdown(heldOut2Rows),
      ].join("\n")
    : "";
  const heldOut3Files = await scoreSet("holdout3");
  const heldOut3Rows = aggregate(heldOut3Files);
  const heldOut3Ids = [...new Set(heldOut3Files.map((f) => f.id))];
  const heldOut3Table = heldOut3Ids.length
    ? [
        "### Held-out set 3 (built after parser round 3; parser never tuned on these)\n",
        `${heldOut3Ids.length} resumes × ${FORMATS.length} formats (${heldOut3Ids.join(", ")})\n`,
        markdown(heldOut3Rows),
      ].join("\n")
    : "";
  const fullTable = [table, heldOutTable, heldOut2Table, heldOut3Table].filter(Boolean).join("\n");
  return { table: fullTable, rows, holdoutRows, files, heldOutRows, heldOutFiles, heldOut2Rows, heldOut2Files, heldOut3Rows, heldOut3Files };
}

async function main(argv: string[]): Promise<void> {
  if (argv[0] === "--dump") {
    const format = (argv[2] ?? "pdf") as Format;
    const dir = [FIXTURES, HELD_OUT_FIXTURES, HELD_OUT_2_FIXTURES, HELD_OUT_3_FIXTURES].find((d) => existsSync(join(d, `${argv[1]}.${format}`))) ?? FIXTURES;
    const { text, draft } = await parseFixture(argv[1], format, dir);
    if (argv.includes("--text")) console.log(text);
    console.log(JSON.stringify(draft, null, 2));
    return;
  }
  const { table, files, heldOutFiles, heldOut2Files, heldOut3Files } = await benchImportRegression();
  console.log(table);
  if (argv.includes("--files")) {
    for (const f of [...files, ...heldOutFiles, ...heldOut2Files, ...heldOut3Files]) {
      const cells = FIELDS.map((field) => `${field} ${f.counts[field].tp}/${f.counts[field].predicted}/${f.counts[field].truth}`);
      console.log(`${f.id}.${f.format}: ${cells.join("  ")}`);
    }
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main(process.argv.slice(2));
