// pdf.js for the extraction worker: the very copy pdf-parse depends on (resolved from pdf-parse's
// own folder), loaded once per thread on first use, so a DOCX-only worker never pays for it.
// Plain JavaScript: piscina starts the worker without a TypeScript loader.
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

let loading;

/**
 * pdf.js's Node ("legacy") build bundles core-js, which on Node 20 replaces the engine's
 * `Array.prototype.push` for the whole thread with a JavaScript polyfill (V8 there does not throw
 * on `push()` onto an array whose length is read-only, an edge case nothing here relies on). That
 * polyfill was the worker's second-hottest function on the corpus PDFs (≈ 8 % of its CPU time) and
 * it slows our own layout code too. Both pdf.js modules (the API and the worker code, which pdf.js
 * would otherwise import on the first document) are loaded here, then the native push is put back.
 * Where the engine already behaves as core-js wants (Node ≥ 22), core-js leaves push alone.
 */
export function loadPdfjs() {
  loading ??= (async () => {
    const require = createRequire(createRequire(import.meta.url).resolve("pdf-parse"));
    const push = Object.getOwnPropertyDescriptor(Array.prototype, "push");
    const pdfjs = await import(pathToFileURL(require.resolve("pdfjs-dist/legacy/build/pdf.mjs")).href);
    // pdf.js runs its "worker" in this thread under Node and takes it from globalThis.pdfjsWorker when set.
    globalThis.pdfjsWorker ??= await import(pathToFileURL(require.resolve("pdfjs-dist/legacy/build/pdf.worker.mjs")).href);
    if (Array.prototype.push !== push.value) Object.defineProperty(Array.prototype, "push", push);
    return pdfjs;
  })().catch((error) => {
    loading = undefined; // a failed load is tried again by the next document
    throw error;
  });
  return loading;
}
