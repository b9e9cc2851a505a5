// Property tests of the resume parser: any string, however odd, parses without an exception, and
// the parse time grows linearly with the input (the parser runs on uploads, so a quadratic step is
// a denial of service: "." × 80,000 once took 7.7 s on the main thread).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseResumeText } from "../../../src/core/resume-parser.ts";

const PIECES = [".", "1", " ", "\t", "\n", "-", "–", "•", "(", ")", "|", ",", "@", "/", ":", "a", "A", "Jan ", "2020", "Present",
  "EXPERIENCE\n", "Education\n", "\u00ad", "\uf0b7", "ﬁ", "é", "😀", "\ud800", "\udc00", "\u200b", "www.", "http://", "Inc.", "University "];

/** Strings built from resume-ish and hostile pieces: runs of punctuation, digits, whitespace, headings, lone surrogates. */
const adversarial = fc
  .array(fc.tuple(fc.constantFrom(...PIECES), fc.integer({ min: 1, max: 400 })), { maxLength: 40 })
  .map((parts) => parts.map(([p, n]) => p.repeat(n)).join(""));

describe("resume parser on arbitrary input", () => {
  it("never throws on random unicode text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 2000 }), (s) => {
        const draft = parseResumeText(s);
        expect(draft.confidence.overall).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 150 },
    );
  });

  it("never throws on adversarial runs (punctuation, digits, whitespace, headings, surrogates)", () => {
    fc.assert(
      fc.property(adversarial, (s) => {
        const draft = parseResumeText(s);
        expect(Array.isArray(draft.profile.experiences)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it("never throws on many short resume-like lines", () => {
    const line = fc.constantFrom("Software Engineer", "Acme Inc., Berlin", "Jan 2020 – Present", "• Built things", "EDUCATION", "BSc Computer Science", "", "Skills: Go, SQL");
    fc.assert(
      fc.property(fc.array(line, { maxLength: 300 }), (lines) => {
        parseResumeText(lines.join("\n"));
      }),
      { numRuns: 60 },
    );
  });

  // Time for 8n characters against n: linear gives ≈ 8, quadratic 64. The bound (32) leaves room for a
  // busy shared machine and for the fixed costs that make small inputs relatively slower.
  const UNITS = [".", "1", " ", "-", "word ", "a\t", "( ", ".\n", "1\n", "a@", "• ", "A ", "Jan 2020 – Present Senior Engineer, Acme Inc. ", "EXPERIENCE\nJan 2020 - Present\n", "\ud800a"];
  it.each(UNITS)("parse time is linear in the input for runs of %j", (unit) => {
    const build = (n: number) => unit.repeat(Math.ceil(n / unit.length));
    const time = (s: string) => {
      let best = Infinity;
      for (let i = 0; i < 2; i++) {
        const started = performance.now();
        parseResumeText(s);
        best = Math.min(best, performance.now() - started);
      }
      return best;
    };
    time(build(5_000)); // warm-up
    const small = time(build(20_000));
    const large = time(build(160_000));
    expect(large).toBeLessThan(Math.max(small, 10) * 32);
    expect(large).toBeLessThan(4_000);
  });
});
