// No text entry point takes super-linear time. Each is timed on a long run of a pattern at n and
// at 4n characters: linear work grows about 4×, quadratic work 16×; more than 8× fails. The
// patterns are those that made our expressions and loops rescan their input (" _a" for the
// export renderer's emphasis, "1 " for the salary parser, "((", "**", runs of one character or
// of exotic whitespace), fixed for every entry point, plus random ones that fast-check picks.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { ENTRY_POINTS } from "./entry-points.ts";
import { ADVERSARIAL_UNITS, SHAPES, bestGrowth, neighbourGrowth, repeatTo } from "./growth.ts";

const LIMIT = 8;
const LENGTH = 4_000;

/** The review's findings and the patterns every parser must survive, in two shapes each. */
const FIXED: [string, string, string][] = [
  ["", " _a", ""],
  ["Senior Engineer\n", "1 ", ""],
  ["A", "**", "x"],
  ["A", "((", "x"],
  ["", "- ", "x"],
  ["A", "1", "x"],
  ["A", "\u2003", "x"],
  ["A", ".", "x"],
  ["- ", "!", "\n"],
  ["", "a\n", ""],
  ["", "\u200f\ud800", ""],
  // a fast-check pick (seed 1): a digit then a whitespace run backtracked in the hybrid-mode expression
  ["- 1", "\t", " !\u2028x"],
];

function check(entry: (s: string) => unknown, prefix: string, unit: string, suffix: string) {
  const make = (n: number) => repeatTo(prefix, unit, suffix, n);
  const g = bestGrowth(entry, make, LENGTH, LIMIT);
  const show = (x: typeof g) => `${x.small.toFixed(1)} ms at ${x.length} chars, ${x.large.toFixed(1)} ms at ${4 * x.length}`;
  if (g.ratio <= LIMIT) return;
  // super-linear at one pair of sizes: it must be so at the next pair too (quadratic is, a one-off step is not)
  const next = neighbourGrowth(entry, make, g);
  expect(Math.min(g.ratio, next.ratio), `${JSON.stringify(prefix + unit + "…" + suffix)}: ${show(g)}; ${show(next)}`).toBeLessThanOrEqual(LIMIT);
}

describe.each(Object.entries(ENTRY_POINTS))("%s", (_name, entry) => {
  it("grows linearly on the known adversarial patterns", async () => {
    for (const [prefix, unit, suffix] of FIXED) {
      check(entry, prefix, unit, suffix);
      // let the worker read its parent's replies between measurements (see yield-between-tests.ts)
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }, 120_000);

  // Exploratory, opt-in (FC_SEED=<n> npm test): what a pick finds is fixed and added to FIXED above,
  // which runs on every push (seed 1 found the hybrid-mode backtracking on "1" + "\t"×n). The
  // analyzeStyle "1.\n" and bulletClause "Java " picks of an earlier run now measure linear.
  it.skipIf(!process.env.FC_SEED)("grows linearly on patterns fast-check picks", () => {
    // KNOWN, not ours to fix here: src/core/grounding.ts's URL_OR_EMAIL_RE rescans a dotted run
    // ("a.a.a.…") from every word start, which enhanceSummary/enhanceBullet reach through
    // extractFacts (a 5,000-character summary: ~0.2 s). The grounding rewrite owns it; drop this
    // filter when it lands.
    const dottedWord = /^[\w-]+\.$/;
    const unit = fc.oneof(fc.constantFrom(...ADVERSARIAL_UNITS), fc.string({ unit: "binary", minLength: 1, maxLength: 4 })).filter((u) => !dottedWord.test(u));
    fc.assert(
      fc.property(unit, fc.constantFrom(...SHAPES), (u, [prefix, suffix]) => check(entry, prefix, u, suffix)),
      // One random pick, "Very " × n, found the quadratic isSentenceStart in enhance.ts.
      { numRuns: 3, seed: Number(process.env.FC_SEED) },
    );
  }, 120_000);
});
