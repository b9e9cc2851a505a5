// How a function's running time grows with its input, measured so that a busy machine does not
// make a linear function look quadratic: CPU time, the minimum of a few runs at n and at 4n, and a
// few fresh attempts before a verdict. Linear is a ratio near 4; quadratic is 16.

/** Patterns that made an expression or a loop restart over the rest of its input. */
export const ADVERSARIAL_UNITS = [
  " _a", "1 ", "**", "((", "- ", "1", " ", "\n", "a", "a ", ".", "!", "?", "...", ". ", "(", ")", "[", "$1 ", "-", "_", "*", "#",
  "# ", "#a", "a\n", "A\n", "\n\n", "at ", "A ", "Aa ", "Ab Cd ", "\t", "\u2003", "\u3000", "\u2028", "\r", "\u200f", "\u202e", "\ud800",
  "\udc00", "😀", "1,", "1.", "1 - ", "1-", "1k ", "$1k-", "1+ ", "+1 ", "1 year ", "1 years experience ", "remote ", "A, ", ", ", ",",
  ":", ": ", "I ", "i ", "the ", "and ", "•", "• ", "-\n", "1.\n", "- a\n", "**a**", "__", "_a_ ", "@", "a@", "a.", "a-", "a/", "&",
  "e.g. A ", "etc. A ", "Inc. ", "C++ ", "k8s ", "node.js ", "Go ", "Java ", "very ", "Very ", "responsible for ", "Responsible for ",
  "helped ", "(a) ", "1)", "(1)", "Requirements\n", "Salary: ", "Aa Bb\n", "'", "’", "\"", "I'm ", "1%", "10,000 ", "1 000 ", "|", " | ",
  "—", "Dear ", "Sincerely,\n", "Led ", "led ", "and led ", ", and ", "the design of ", "payments platform ", "payments  platform ",
] as const;

/** Around the repeated unit: nothing, an opener before it, a character that makes a match fail after it. */
export const SHAPES: readonly [string, string][] = [
  ["", ""],
  ["A", "x"],
  ["- 1", " !\u2028x"],
];

export function repeatTo(prefix: string, unit: string, suffix: string, length: number): string {
  return prefix + unit.repeat(Math.max(1, Math.ceil(length / unit.length))) + suffix;
}

/**
 * This process's CPU time in ms. Unlike wall time it does not grow while other processes (other
 * test files, other agents on a shared 2-core host) hold the CPU, so a ratio stays a ratio.
 */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function fastest(f: () => void, runs: number): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = cpuMs();
    f();
    best = Math.min(best, cpuMs() - start);
  }
  return best;
}

export interface Growth {
  length: number;
  small: number;
  large: number;
  ratio: number;
}

export interface GrowthOptions {
  /** Runs per size; the fastest counts. */
  runs?: number;
  /** Below this at the larger size the work is too small to matter, and to measure: ratio 1. */
  floorMs?: number;
  /** The smaller size grows (×4) until its run takes this long, so timer noise cannot dominate. */
  minSmallMs?: number;
  maxLength?: number;
}

/** Times `f` on inputs of n and 4n characters, the two sizes interleaved so a burst of load hits both. */
export function growth(f: (s: string) => unknown, make: (length: number) => string, length: number, opts: GrowthOptions = {}): Growth {
  // Defaults sized for a busy shared host: the smaller input grows until it takes 20 ms, and below
  // 40 ms at the larger size a ratio is noise (quadratic work from 5 ms would be 80 ms there).
  const { runs = 3, floorMs = 40, minSmallMs = 20, maxLength = 1_000_000 } = opts;
  f(make(64)); // warm up the JIT, the lexicon and the caches
  let n = length;
  let small = make(n);
  let first = fastest(() => f(small), 1);
  while (first < minSmallMs && 4 * n <= maxLength / 4) {
    n *= 4;
    small = make(n);
    first = fastest(() => f(small), 1);
  }
  const large = make(4 * n);
  let tSmall = first;
  let tLarge = Infinity;
  for (let i = 0; i < runs; i++) {
    tLarge = Math.min(tLarge, fastest(() => f(large), 1));
    tSmall = Math.min(tSmall, fastest(() => f(small), 1));
  }
  if (tLarge < floorMs) return { length: n, small: tSmall, large: tLarge, ratio: 1 };
  return { length: n, small: tSmall, large: tLarge, ratio: tLarge / Math.max(tSmall, 0.5) };
}

/**
 * The same growth at the neighbouring pair of sizes (4n and 16n, or n/4 and n when 16n would pass
 * `maxLength`). A quadratic function grows ~16× at every pair; a linear one can jump once, where
 * V8 moves its strings and arrays to the large-object space or the working set leaves the cache
 * (rankProfile on "- 1\t…": ×0.6, then ×8.5 from 64 k to 256 k characters, then ×3.7 to 1 M).
 */
export function neighbourGrowth(f: (s: string) => unknown, make: (length: number) => string, g: Growth, maxLength = 4_000_000): Growth {
  const length = 16 * g.length <= maxLength ? 4 * g.length : Math.max(64, g.length / 4);
  return growth(f, make, length, { minSmallMs: 0, runs: 3 });
}

/** The lowest ratio of up to `attempts` measurements: one noisy run does not fail a linear function. */
export function bestGrowth(f: (s: string) => unknown, make: (length: number) => string, length: number, limit: number, attempts = 3, opts: GrowthOptions = {}): Growth {
  let best: Growth | null = null;
  for (let i = 0; i < attempts; i++) {
    const g = growth(f, make, length, opts);
    if (!best || g.ratio < best.ratio) best = g;
    if (best.ratio <= limit) break;
  }
  return best!;
}
