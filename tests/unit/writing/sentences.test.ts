import { describe, expect, it } from "vitest";
import { sentenceSplitter } from "../../../src/core/sentences.ts";

function split(chunks: string[]) {
  const s = sentenceSplitter();
  const out = chunks.flatMap((c) => s.push(c));
  return { out, rest: s.rest() };
}

describe("sentenceSplitter", () => {
  it("releases whole sentences only, whatever the chunking, and loses nothing", () => {
    const letter = "Dear Ms. Patel,\n\nAt Zalando I cut costs by $2.5M. Was it hard? Yes! I led e.g. the U.S. rollout.\nBest,\nLin";
    for (const size of [1, 2, 3, 7, 50, letter.length]) {
      const chunks = letter.match(new RegExp(`[\\s\\S]{1,${size}}`, "g"))!;
      const { out, rest } = split(chunks);
      expect(out.join("") + rest).toBe(letter);
      // Where a blank line goes depends on the chunking; the sentences do not.
      expect(out.map((x) => x.trim())).toEqual(["Dear Ms. Patel,", "At Zalando I cut costs by $2.5M.", "Was it hard?", "Yes!", "I led e.g. the U.S. rollout.", "Best,"]);
      expect(rest).toBe("Lin");
    }
  });

  it("does not cut a decimal or a title that a later chunk completes", () => {
    const { out, rest } = split(["Saved $2.", "5M at Acme. Dr", ". Smith agreed"]);
    expect(out).toEqual(["Saved $2.5M at Acme."]);
    expect(rest).toBe(" Dr. Smith agreed");
  });
});
