// The export renderer's Markdown reader is a hand-written linear scan; the regular expressions it
// replaced are kept here as the oracle, so a rewrite that changes one block's text fails.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parseBlocks, renderText } from "../../../src/modules/document/render.ts";

type Block = ReturnType<typeof parseBlocks>[number];

/** parseBlocks as it was written with regular expressions (quadratic on " _a" × n). */
function regexParseBlocks(content: string): Block[] {
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

// Small alphabets make markers, openers and closers collide often.
const markdownChar = fc.constantFrom("*", "_", "#", "-", "•", "–", "1", "2", ".", "a", "b", " ", "\t", "\n", "\r", "\u2028", "\u00a0", "\ud800", "\u202e");
const markdown = fc.array(markdownChar, { maxLength: 40 }).map((cs) => cs.join(""));

describe("parseBlocks", () => {
  it("reads every block exactly as the regular expressions did", () => {
    fc.assert(
      fc.property(markdown, (s) => {
        expect(parseBlocks(s)).toEqual(regexParseBlocks(s));
      }),
      { numRuns: 20_000 },
    );
  });

  it("reads mixed real-looking text the same way too", () => {
    const word = fc.constantFrom("**bold**", "_it_", "__", "**", "_", "# ", "## ", "### ", "#### ", "- ", "* ", "1. ", "12.", "text", " ", "\n", "\r", "a_b", "_a _b_ c_");
    fc.assert(
      fc.property(fc.array(word, { maxLength: 30 }), (parts) => {
        const s = parts.join("");
        expect(parseBlocks(s)).toEqual(regexParseBlocks(s));
      }),
      { numRuns: 10_000 },
    );
  });

  it("keeps the compiler's own Markdown as it was", () => {
    const resume = "# Ada Lovelace\nada@example.com | London\n\n## Experience\n### Engineer, **Acme**\n- Built _the_ engine\n1. First\n\nPlain **bold** and _emphasis_ here.";
    expect(parseBlocks(resume)).toEqual(regexParseBlocks(resume));
    expect(renderText(resume)).toContain("- Built the engine");
  });
});
