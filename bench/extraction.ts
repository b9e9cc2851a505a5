// Extraction time of a five-page PDF (Chromium) and DOCX (LibreOffice), end to end through
// extractText: hand-off to the worker pool, parsing, normalisation.
//   npx tsx bench/extraction.ts
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { closeExtractPool, extractText } from "../src/ingest/extract.ts";
import type { FileKind } from "../src/ingest/sniff.ts";

const FIXTURES = new URL("../tests/fixtures/", import.meta.url);
const WARM_UP_RUNS = 2;
const MEASURED_RUNS = 5;

async function medianMs(name: string, kind: FileKind): Promise<number> {
  const bytes = new Uint8Array(readFileSync(new URL(name, FIXTURES)));
  const once = async () => {
    const started = performance.now();
    const result = await extractText(bytes, kind);
    if (!result.ok) throw new Error(`${name}: ${result.reason}: ${result.message}`);
    return performance.now() - started;
  };
  // The first runs start the worker and load pdf.js / mammoth: a one-off cost per worker.
  for (let i = 0; i < WARM_UP_RUNS; i++) await once();
  const times: number[] = [];
  for (let i = 0; i < MEASURED_RUNS; i++) times.push(await once());
  times.sort((a, b) => a - b);
  return Math.round(times[Math.floor(times.length / 2)] * 10) / 10;
}

/** Median milliseconds to extract the five-page fixtures. Leaves the (unref'd) worker pool running. */
export async function benchExtraction(): Promise<{ pdfMs: number; docxMs: number }> {
  return { pdfMs: await medianMs("five-pages.pdf", "pdf"), docxMs: await medianMs("five-pages.docx", "docx") };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { pdfMs, docxMs } = await benchExtraction();
  console.log(`extraction, 5-page PDF  (median of ${MEASURED_RUNS}): ${pdfMs} ms`);
  console.log(`extraction, 5-page DOCX (median of ${MEASURED_RUNS}): ${docxMs} ms`);
  await closeExtractPool();
}
