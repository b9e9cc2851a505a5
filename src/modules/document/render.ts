import PDFDocument from "pdfkit";
import { Document as DocxDocument, HeadingLevel, Packer, Paragraph, TextRun } from "docx";

/** The light Markdown our compiler writes: headings, bullets, bold markers, paragraphs. */
type Block = { kind: "h1" | "h2" | "h3" | "bullet" | "para" | "blank"; text: string };

export function parseBlocks(content: string): Block[] {
  return content.split("\n").map((raw): Block => {
    const line = raw.trimEnd();
    const clean = (s: string) => s.replace(/\*\*(.+?)\*\*/g, "$1").replace(/(^|\s)_(.+?)_(?=\s|$)/g, "$1$2").trim();
    if (!line.trim()) return { kind: "blank", text: "" };
    const h = line.match(/^(#{1,3})\s+(.*)$/);
    if (h) return { kind: (["h1", "h2", "h3"] as const)[h[1].length - 1], text: clean(h[2]) };
    const b = line.match(/^\s*(?:[-*•–]|\d+\.)\s+(.*)$/);
    if (b) return { kind: "bullet", text: clean(b[1]) };
    return { kind: "para", text: clean(line) };
  });
}

/** A real, paginated PDF with selectable text (pdfkit flows text onto new pages by itself). */
export function renderPdf(title: string, content: string): Promise<Buffer> {
  const doc = new PDFDocument({ size: "A4", margins: { top: 56, bottom: 56, left: 56, right: 56 }, info: { Title: title, Creator: "JobWise" } });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  for (const block of parseBlocks(content)) {
    switch (block.kind) {
      case "h1":
        doc.font("Helvetica-Bold").fontSize(18).text(block.text).moveDown(0.3);
        break;
      case "h2":
        doc.moveDown(0.4).font("Helvetica-Bold").fontSize(13).text(block.text).moveDown(0.2);
        break;
      case "h3":
        doc.font("Helvetica-Bold").fontSize(11).text(block.text);
        break;
      case "bullet":
        doc.font("Helvetica").fontSize(10.5).text(`•  ${block.text}`, { indent: 12 });
        break;
      case "para":
        doc.font("Helvetica").fontSize(10.5).text(block.text);
        break;
      case "blank":
        doc.moveDown(0.5);
    }
  }
  doc.end();
  return done;
}

/** A real Word document: headings as Word headings, bullets as Word bullets. */
export async function renderDocx(title: string, content: string): Promise<Buffer> {
  const children = parseBlocks(content)
    .filter((b) => b.kind !== "blank")
    .map((b) => {
      if (b.kind === "h1") return new Paragraph({ text: b.text, heading: HeadingLevel.HEADING_1 });
      if (b.kind === "h2") return new Paragraph({ text: b.text, heading: HeadingLevel.HEADING_2 });
      if (b.kind === "h3") return new Paragraph({ text: b.text, heading: HeadingLevel.HEADING_3 });
      if (b.kind === "bullet") return new Paragraph({ children: [new TextRun(b.text)], bullet: { level: 0 } });
      return new Paragraph({ children: [new TextRun(b.text)] });
    });
  const doc = new DocxDocument({ title, creator: "JobWise", sections: [{ children }] });
  return Packer.toBuffer(doc);
}

/** Plain text: the Markdown markers removed. */
export function renderText(content: string): string {
  return parseBlocks(content)
    .map((b) => (b.kind === "bullet" ? `- ${b.text}` : b.kind === "h1" || b.kind === "h2" ? b.text.toUpperCase() : b.text))
    .join("\n");
}
