// Text extraction for the accuracy bench: the same libraries the upload path uses
// (pdf-parse 2, mammoth), called directly so the bench needs no server.
import { readFile } from "node:fs/promises";
import { extname } from "node:path";
import { fileURLToPath } from "node:url";
import mammoth from "mammoth";
import { PDFParse } from "pdf-parse";

export async function extractText(file: string): Promise<string> {
  const data = await readFile(file);
  switch (extname(file).toLowerCase()) {
    case ".pdf": {
      const parser = new PDFParse({ data });
      try {
        return (await parser.getText()).text;
      } finally {
        await parser.destroy();
      }
    }
    case ".docx":
      return (await mammoth.extractRawText({ buffer: data })).value;
    default:
      return data.toString("utf8");
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1] && process.argv[2]) {
  console.log(await extractText(process.argv[2]));
}
