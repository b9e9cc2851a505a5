import { describe, expect, it } from "vitest";
import { benchProfile, benchRanking } from "../../../bench/ranking.ts";

describe("ranking benchmark", () => {
  it("builds the same 1,000-bullet profile every time", () => {
    const a = benchProfile();
    expect(a.experiences).toHaveLength(100);
    expect(a.experiences.reduce((n, e) => n + e.bullets.length, 0)).toBe(1000);
    expect(benchProfile()).toEqual(a);
  });

  it("ranks 1,000 bullets well within an interactive request budget", () => {
    const { bullets, ms } = benchRanking(1);
    expect(bullets).toBe(1000);
    // Measured ≈75 ms on the shared 2-core machine; the bound leaves room for a busy CI host.
    expect(ms).toBeLessThan(2000);
  });
});
