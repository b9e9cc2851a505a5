/**
 * An upload parsed off the main thread (http/multipart.ts, every multipart request that reaches
 * GraphQL over HTTP) is already in shared memory and returned as it is. Otherwise (yoga's own
 * parser, e.g. `yoga.fetch` in-process) this reads it into one block of shared memory, chunk by chunk as the multipart parser received
 * it. `File.arrayBuffer()` would join the chunks into a new buffer on the main thread, and the
 * extraction worker would then get a structured-clone copy of that (5 MB: 20–100 ms of main-thread
 * copying under load, measured when the old pool was written). Shared bytes are read by the worker
 * in place (extract.ts), so the main thread copies each chunk once and never the whole file again.
 *
 * The file is already in memory, so every `read()` resolves at once: without a pause the whole
 * copy runs as one task (a CPU profile under ten simultaneous 5 MB uploads showed single tasks of
 * 80–150 ms here, each one a /health stall). It gives the event loop a turn after every
 * YIELD_BYTES, so other requests are served between the slices.
 */
import { SharedFile } from "./shared-file.ts";

const YIELD_BYTES = 256 * 1024;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function readUploadBytes(file: Blob, maxBytes: number): Promise<Uint8Array> {
  // Parsed by the multipart worker (http/multipart.ts): already in shared memory, no copy at all.
  if (file instanceof SharedFile) return file.sharedBytes.subarray(0, Math.min(file.size, maxBytes));
  const size = Math.min(file.size, maxBytes);
  const bytes = new Uint8Array(new SharedArrayBuffer(size));
  let at = 0;
  let sinceYield = 0;
  for await (const chunk of chunksOf(file)) {
    // A stream longer than its announced size is cut off rather than trusted.
    if (at + chunk.byteLength > size) throw new RangeError("the upload is longer than its announced size");
    bytes.set(chunk, at);
    at += chunk.byteLength;
    sinceYield += chunk.byteLength;
    if (sinceYield >= YIELD_BYTES) {
      sinceYield = 0;
      await nextTurn();
    }
  }
  return at === size ? bytes : bytes.subarray(0, at);
}

/**
 * The upload's bytes as the multipart parser stored them. whatwg-node's File (what yoga hands the
 * resolver) keeps the parser's chunks in `blobParts`; reading them there skips its `stream()`,
 * which feeds them through a Node Readable that joins buffered chunks into new buffers (the
 * profile showed that join, and the garbage it leaves, beside the copy here). Any other Blob is
 * read through its stream.
 */
async function* chunksOf(file: Blob): AsyncGenerator<Uint8Array> {
  const parts = (file as { blobParts?: unknown }).blobParts;
  if (Array.isArray(parts) && parts.every((p) => p instanceof Uint8Array)) {
    yield* parts as Uint8Array[];
    return;
  }
  const reader = file.stream().getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}
