import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { createFetch } from "@whatwg-node/fetch";
import { readUploadBytes } from "../../../src/ingest/upload-bytes.ts";

// The File class of the fetch API the server hands yoga (app.ts: createFetch with form limits).
const ServerFile = createFetch({}).File;

describe("readUploadBytes", () => {
  it("reads a real PDF into shared memory, byte for byte, so the extraction worker reads it in place", async () => {
    const pdf = readFileSync(new URL("../../fixtures/five-pages.pdf", import.meta.url));
    const bytes = await readUploadBytes(new Blob([pdf.subarray(0, 1000), pdf.subarray(1000)]), 10 * 1024 * 1024);
    expect(bytes.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(Buffer.from(bytes).equals(pdf)).toBe(true);
  });

  it("reads the File yoga hands a resolver (the multipart parser's chunks) byte for byte, and refuses it past the limit", async () => {
    const pdf = readFileSync(new URL("../../fixtures/five-pages.pdf", import.meta.url));
    const chunks = Array.from({ length: Math.ceil(pdf.length / 700) }, (_, i) => pdf.subarray(i * 700, (i + 1) * 700));
    const file = new ServerFile(chunks, "resume.pdf", { type: "application/pdf" }) as unknown as Blob;
    expect(Buffer.from(await readUploadBytes(file, 10 * 1024 * 1024)).equals(pdf)).toBe(true);
    await expect(readUploadBytes(new ServerFile([...chunks, Buffer.from("extra")], "x.pdf") as unknown as Blob, pdf.length)).rejects.toThrow(RangeError);
  });

  it("refuses a body longer than the limit instead of growing past it", async () => {
    await expect(readUploadBytes(new Blob([new Uint8Array(2048)]), 1024)).rejects.toThrow(RangeError);
  });

  it("reads an empty file as no bytes", async () => {
    expect((await readUploadBytes(new Blob([]), 1024)).byteLength).toBe(0);
  });
});
