import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { readUploadBytes } from "../../../src/ingest/upload-bytes.ts";

describe("readUploadBytes", () => {
  it("reads a real PDF into shared memory, byte for byte, so the extraction worker reads it in place", async () => {
    const pdf = readFileSync(new URL("../../fixtures/five-pages.pdf", import.meta.url));
    const bytes = await readUploadBytes(new Blob([pdf.subarray(0, 1000), pdf.subarray(1000)]), 10 * 1024 * 1024);
    expect(bytes.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(Buffer.from(bytes).equals(pdf)).toBe(true);
  });

  it("refuses a body longer than the limit instead of growing past it", async () => {
    await expect(readUploadBytes(new Blob([new Uint8Array(2048)]), 1024)).rejects.toThrow(RangeError);
  });

  it("reads an empty file as no bytes", async () => {
    expect((await readUploadBytes(new Blob([]), 1024)).byteLength).toBe(0);
  });
});
