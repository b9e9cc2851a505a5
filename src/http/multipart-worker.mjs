// Parses GraphQL multipart request bodies off the main thread (multipart.ts sends the raw chunks as
// they arrive from the socket). busboy runs here with the same limits and the same error messages as
// whatwg-node's formData(); a file's bytes go straight into shared memory, which the main thread and
// the extraction worker then read in place. Plain JavaScript: worker threads start without the
// TypeScript loader.
// In:  { type: "start", id, headers: { "content-type", "content-length" }, limits }
//      { type: "chunk", id, chunk: Uint8Array } | { type: "end", id } | { type: "abort", id }
// Out: { id, ok: true, fields: { [name]: string }, files: [{ field, name, type, bytes: Uint8Array (shared) }] }
//      { id, ok: false, message }
import { parentPort } from "node:worker_threads";
import busboyModule from "@fastify/busboy";

const { Busboy } = busboyModule;
const forms = new Map();

parentPort.on("message", (message) => {
  if (message.type === "start") return start(message);
  const form = forms.get(message.id);
  if (!form) return;
  if (message.type === "abort") return drop(form);
  try {
    if (message.type === "chunk") form.parser.write(message.chunk);
    else if (message.type === "end") form.parser.end();
  } catch (error) {
    form.fail(error);
  }
});

function start({ id, headers, limits }) {
  const declared = Number(headers["content-length"]);
  const form = { id, fields: {}, files: [], done: false, parser: null, fail: null };
  forms.set(id, form);
  const complete = (error) => {
    if (form.done) return;
    drop(form);
    parentPort.postMessage(error ? { id, ok: false, message: String(error?.message ?? error) } : { id, ok: true, fields: form.fields, files: form.files });
  };
  form.fail = complete;
  let parser;
  try {
    parser = new Busboy({ headers: { "content-type": headers["content-type"] ?? "", "content-length": headers["content-length"] ?? "" }, limits, defCharset: "utf-8" });
  } catch (error) {
    // A body that cannot be multipart (no boundary): its chunks are ignored.
    form.parser = { write() {}, end() {}, destroy() {} };
    return complete(error);
  }
  form.parser = parser;
  parser.on("field", (name, value, nameTruncated, valueTruncated) => {
    if (nameTruncated) return complete(new Error(`Field name size exceeded: ${limits.fieldNameSize} bytes`));
    if (valueTruncated) return complete(new Error(`Field value size exceeded: ${limits.fieldSize} bytes`));
    form.fields[name] = value;
  });
  parser.on("file", (field, stream, name, _encoding, type) => {
    // The declared body length bounds the file: one block of shared memory, written once.
    const sink = fileSink(Number.isFinite(declared) && declared > 0 ? Math.min(declared, limits.fileSize) : 0);
    stream.on("data", (chunk) => {
      if (!sink.write(chunk)) complete(new Error(`File size limit exceeded: ${limits.fileSize} bytes`));
    });
    stream.on("error", complete);
    stream.on("limit", () => complete(new Error(`File size limit exceeded: ${limits.fileSize} bytes`)));
    stream.on("end", () => {
      if (stream.truncated) return complete(new Error(`File size limit exceeded: ${limits.fileSize} bytes`));
      form.files.push({ field, name, type, bytes: sink.bytes() });
    });
  });
  parser.on("fieldsLimit", () => complete(new Error(`Fields limit exceeded: ${limits.fields}`)));
  parser.on("filesLimit", () => complete(new Error(`Files limit exceeded: ${limits.files}`)));
  parser.on("partsLimit", () => complete(new Error(`Parts limit exceeded: ${limits.parts}`)));
  parser.on("error", complete);
  parser.on("finish", () => complete());
}

function drop(form) {
  form.done = true;
  forms.delete(form.id);
  form.parser?.destroy?.();
}

/** Collects a file's chunks in shared memory: into one block of `capacity` bytes, or joined at the end when the size was not declared. */
function fileSink(capacity) {
  if (capacity > 0) {
    const block = new Uint8Array(new SharedArrayBuffer(capacity));
    let at = 0;
    return {
      write(chunk) {
        // The file is part of the body, so it cannot outgrow the body's declared length (Node's
        // parser holds the body to it) nor the file limit (busboy stops first): refused, not trusted.
        if (at + chunk.byteLength > capacity) return false;
        block.set(chunk, at);
        at += chunk.byteLength;
        return true;
      },
      bytes: () => block.subarray(0, at),
    };
  }
  const chunks = [];
  return {
    write: (chunk) => chunks.push(chunk) > 0,
    bytes() {
      const block = new Uint8Array(new SharedArrayBuffer(chunks.reduce((n, c) => n + c.byteLength, 0)));
      let at = 0;
      for (const c of chunks) {
        block.set(c, at);
        at += c.byteLength;
      }
      return block;
    },
  };
}
