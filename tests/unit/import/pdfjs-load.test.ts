// The extraction worker's pdf.js loader: both pdf.js modules load once, and the thread keeps the
// engine's own Array.prototype.push (pdf.js's bundled core-js replaces it on Node 20).
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { runInNewContext } from "node:vm";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadPdfjs } from "../../../src/ingest/pdfjs-load.mjs";

// core-js's polyfill disguises its toString as native code; it differs from Node 20's push in
// that it throws on pushing nothing onto an array whose length is read-only. A fresh realm shows what the engine does.
const READONLY_PUSH = `(() => { try { Object.defineProperty([], "length", { writable: false }).push(); return "no throw"; } catch { return "throws"; } })()`;
const enginePush = (): string => runInNewContext(READONLY_PUSH);
const threadPush = (): string => (0, eval)(READONLY_PUSH);

const CORPUS = resolve(fileURLToPath(new URL("../../..", import.meta.url)), "../shared/corpus/real-resumes");

describe("pdf.js loader", () => {
  it("keeps the native push after loading pdf.js and its worker code, and still reads a real PDF", async () => {
    const pdfjs = await loadPdfjs();
    expect(await loadPdfjs()).toBe(pdfjs);
    expect(threadPush()).toBe(enginePush());
    const task = pdfjs.getDocument({ data: new Uint8Array(readFileSync(resolve(CORPUS, "word2010-huffman.pdf"))), verbosity: 0, isEvalSupported: false, disableFontFace: true, useSystemFonts: false });
    try {
      const page = await (await task.promise).getPage(1);
      const { items } = await page.getTextContent();
      expect(items.map((i: { str?: string }) => i.str ?? "").join(" ")).toContain("Reliability Engineering Intern");
      expect(threadPush()).toBe(enginePush());
    } finally {
      await task.destroy();
    }
  });
});
