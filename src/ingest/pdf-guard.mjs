// Bounds what a PDF inflates to before pdf.js reads it. A worker's heap limit does not cap the
// binary buffers pdf.js inflates streams into, so a 1 MB file whose stream inflates to 1 GB
// would take the whole process's memory with it. Plain JavaScript: it runs inside the worker.
import { createInflate } from "node:zlib";

const STREAM = Buffer.from("stream");
const ENDSTREAM = Buffer.from("endstream");
const OBJ = Buffer.from(" obj");

/**
 * Sums the inflated size of every FlateDecode stream that text extraction may decode (content,
 * fonts, object streams; images are skipped: pdf.js never decodes them for text), inflating in
 * small chunks so the check itself holds almost no memory. Stops at the first byte over budget.
 * Returns null when the file stays within `maxBytes`, else the bytes counted so far.
 */
export async function inflatedSizeOver(bytes, maxBytes) {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let total = 0;
  let at = 0;
  while (at < buf.length) {
    const keyword = buf.indexOf(STREAM, at);
    if (keyword < 0) break;
    at = keyword + STREAM.length;
    if (keyword >= 3 && buf.toString("latin1", keyword - 3, keyword) === "end") continue;
    let start = at;
    if (buf[start] === 0x0d) start++;
    if (buf[start] === 0x0a) start++;
    else if (start === at) continue; // "stream" inside other text, not a stream keyword
    const end = buf.indexOf(ENDSTREAM, start);
    if (end < 0) break;
    at = end + ENDSTREAM.length;
    const objAt = buf.lastIndexOf(OBJ, keyword);
    const dict = buf.toString("latin1", Math.max(objAt, keyword - 4096, 0), keyword);
    if (!/\/FlateDecode\b|\/Fl\b/.test(dict) || /\/Subtype\s*\/Image\b/.test(dict)) continue;
    total += await inflatedSize(buf.subarray(start, end), maxBytes - total);
    if (total > maxBytes) return total;
  }
  return null;
}

/** Inflated size of one stream, counting up to `budget` + 1 bytes; a broken stream counts what it gave. */
function inflatedSize(data, budget) {
  return new Promise((resolve) => {
    let size = 0;
    const inflate = createInflate({ chunkSize: 64 * 1024 });
    const finish = () => resolve(size);
    inflate.on("data", (chunk) => {
      size += chunk.length;
      if (size > budget) {
        inflate.destroy();
        finish();
      }
    });
    inflate.on("end", finish);
    inflate.on("error", finish);
    inflate.on("close", finish);
    inflate.end(data);
  });
}
