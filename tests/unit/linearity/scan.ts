// Exploratory sweep, not a test: every entry point × every adversarial unit × every shape, printing
// the cases whose time grows faster than linear. `npx tsx tests/unit/linearity/scan.ts [name filter] [length]`
import { ENTRY_POINTS } from "./entry-points.ts";
import { ADVERSARIAL_UNITS, SHAPES, bestGrowth, repeatTo } from "./growth.ts";

const [filter = "", lengthArg = "10000"] = process.argv.slice(2);
const length = Number(lengthArg);
for (const [name, f] of Object.entries(ENTRY_POINTS)) {
  if (!name.includes(filter)) continue;
  const started = performance.now();
  for (const unit of ADVERSARIAL_UNITS) {
    for (const [prefix, suffix] of SHAPES) {
      try {
        const g = bestGrowth(f, (n) => repeatTo(prefix, unit, suffix, n), length, 6, 2);
        if (g.ratio > 6) console.log(`  ${name} ${JSON.stringify([prefix, unit, suffix])}: ${g.small.toFixed(1)} -> ${g.large.toFixed(1)} ms (x${g.ratio.toFixed(1)})`);
      } catch (e) {
        console.log(`  ${name} ${JSON.stringify([prefix, unit, suffix])}: THROWS ${(e as Error).stack?.split("\n").slice(0, 3).join(" | ")}`);
      }
    }
  }
  console.log(`${name}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
