// The growth measure itself: it must still call a quadratic function quadratic after the
// neighbouring-pair confirmation, and a linear one linear.
import { describe, expect, it } from "vitest";
import { bestGrowth, neighbourGrowth, repeatTo } from "./growth.ts";

/** Quadratic on " _a" × n: the emphasis expression the export renderer used to run. */
const quadratic = (s: string) => s.replace(/(^|\s)_(.+?)_(?=\s|$)/g, "$1$2");
const linear = (s: string) => s.split(" ").join("|");

describe("growth", () => {
  it("finds a quadratic expression super-linear at both pairs of sizes", () => {
    const make = (n: number) => repeatTo("", " _a", "", n);
    // One attempt from a 5 ms base: a quadratic's cost grows 16× a step, so the neighbouring pair
    // (16n) stays a few seconds of CPU instead of tens on a loaded host; the base stays at ≤ 4,000 characters.
    const g = bestGrowth(quadratic, make, 1_000, 8, 1, { minSmallMs: 5, maxLength: 64_000 });
    const next = neighbourGrowth(quadratic, make, g);
    expect(Math.min(g.ratio, next.ratio)).toBeGreaterThan(8);
  }, 60_000);

  it("finds a linear split-and-join linear", () => {
    const make = (n: number) => repeatTo("", " _a", "", n);
    expect(bestGrowth(linear, make, 4_000, 8).ratio).toBeLessThanOrEqual(8);
  });
});
