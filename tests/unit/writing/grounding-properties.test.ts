/**
 * Property tests for the grounding functions (issue 9, must-hold 3 and 9): model output and user
 * text are untrusted, so random and adversarial strings must never throw, and no input may cost
 * more than linear time. Linearity is checked by timing the same pattern at n and 4n: linear work
 * grows about 4×, quadratic work 16×; we fail at 10× (see growth()).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkGrounding, extractFacts, groundingCheck, jobTexts, profileTexts } from "../../../src/core/grounding.ts";
import { groundJob, termMatcher } from "../../../src/core/job-grounding.ts";
import { groundDraft } from "../../../src/core/draft-grounding.ts";
import { parseResumeText } from "../../../src/core/resume-parser.ts";
import { phraseIndex } from "../../../src/core/phrases.ts";
import { sentenceSplitter } from "../../../src/core/sentences.ts";
import type { ParsedJob } from "../../../src/core/types.ts";
import { engineer, engineerJob } from "./fixtures.ts";

// Pieces that exercise every branch: currencies, units, scales, dates, ordinals, number words,
// capitalised runs and connectors, title abbreviations, lexicon terms and their lookalikes,
// links, possessives, bullets and sentence ends.
const FRAGMENTS = [
  "1", "3", "40", "2019", "2,000", "1.2", "$", "€", "USD", "%", " percent", "x", "×", "-fold", " times faster", "k", "M", "bn",
  "st", "th", "+", " years", " ms", "-03", "/2021", "five", "twenty-two", "threefold", " engineers", " team of ", " of ",
  "Acme", " Bank of America", " & ", "Ms.", "Dr. ", "e.g. ", "U.S.", "Java", "JavaScript", "Scala", "scalable", "Rust", "trust",
  "Go", "going", "go to", "k8s", "C++", "C#", ".NET", "Node.js", "https://x.io/a", "a@b.co", "'s", "’", "\n", "\n\n", ". ", "! ",
  "? ", "- ", "• ", " ", "\t", ",", ";", ":", "(", ")", "\u00a0", "\ud800", "\u202e", "ǅ", "İ", "ß",
];

const fragmentString = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 60 }).map((xs) => xs.join(""));
const anyString = fc.oneof(fc.string({ unit: "binary", maxLength: 200 }), fc.string({ unit: "grapheme", maxLength: 200 }), fragmentString);

const RULES_JOB: ParsedJob = { ...engineerJob };

describe("grounding functions never throw", () => {
  it("checkGrounding and extractFacts on random and adversarial text", () => {
    fc.assert(
      fc.property(anyString, fc.array(anyString, { maxLength: 4 }), (generated, sources) => {
        const result = checkGrounding(generated, sources);
        expect(result.ok).toBe(result.violations.length === 0);
        extractFacts(generated);
        // A text is always grounded in itself.
        expect(checkGrounding(generated, [generated]).violations.filter((v) => v.kind !== "organisation")).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it("groundJob, groundDraft and termMatcher on random model answers", () => {
    fc.assert(
      fc.property(anyString, fc.array(anyString, { maxLength: 5 }), anyString, (raw, words, title) => {
        const llm: ParsedJob = { ...RULES_JOB, title, company: words[0] ?? null, keywords: words, requirements: words.map((w) => ({ text: w, required: true, keywords: words })) };
        const job = groundJob(llm, RULES_JOB, raw);
        for (const k of job.keywords) expect(RULES_JOB.keywords.includes(k) || termMatcher(raw).term(k) !== null).toBe(true);
        const rules = parseResumeText(raw);
        groundDraft({ fullName: title, experiences: [{ title, company: words[0], bullets: words, technologies: words, startDate: title }], skills: { technical: words } }, rules, raw);
      }),
      { numRuns: 150 },
    );
  });

  it("the sentence splitter loses nothing and adds nothing, whatever the chunking", () => {
    fc.assert(
      fc.property(fc.array(anyString, { maxLength: 12 }), (chunks) => {
        const s = sentenceSplitter();
        const out = chunks.flatMap((c) => s.push(c));
        expect(out.join("") + s.rest()).toBe(chunks.join(""));
      }),
      { numRuns: 300 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Linear time

/** CPU time of this process, not wall time: the other processes on a shared machine do not count. */
function timeMs(fn: () => void): number {
  const before = process.cpuUsage();
  fn();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

function bestOf(times: number, fn: () => void): number {
  let best = Infinity;
  for (let i = 0; i < times; i++) best = Math.min(best, timeMs(fn));
  return best;
}

/** Linear work grows about 4× when the input does, quadratic work about 16×. */
const LIMIT = 10;
/** The smaller run must take this long, or timer and scheduler noise decide the ratio. */
const MIN_MS = 8;
const MAX_CHARS = 1_000_000;

/**
 * Ratio of the CPU time at 4n to the time at n. n grows until the small run takes MIN_MS; a function
 * that handles MAX_CHARS faster than that is linear enough to pass. Small and large runs are
 * interleaved and the best of two of each kept, and a ratio over the limit is measured once
 * more (the machine is shared): a quadratic pattern stays near 16× however often it is measured.
 */
function growth(run: (text: string) => void, unit: string): { ratio: number; small: number; large: number } {
  let n = Math.max(1, Math.ceil(2_000 / Math.max(1, unit.length)));
  while (bestOf(2, () => run(unit.repeat(n))) < MIN_MS) {
    if (unit.length * n * 2 > MAX_CHARS) return { ratio: 0, small: 0, large: 0 };
    n *= 2;
  }
  const smallText = unit.repeat(n);
  const largeText = unit.repeat(4 * n);
  let best = { ratio: Infinity, small: 0, large: 0 };
  for (let attempt = 0; attempt < 3 && best.ratio >= LIMIT; attempt++) {
    let small = Infinity;
    let large = Infinity;
    for (let i = 0; i < 2; i++) {
      small = Math.min(small, timeMs(() => run(smallText)));
      large = Math.min(large, timeMs(() => run(largeText)));
    }
    small = Math.max(small, 1);
    if (large / small < best.ratio) best = { ratio: large / small, small, large };
  }
  return best;
}

// The patterns that stress each stage: long digit runs and separators (numbers), units and
// their context windows, lexicon terms back to back (skills and tokenizer), capitalised runs
// and connectors (organisations), dots (links, abbreviations, sentence ends), lone surrogates.
const ADVERSARIAL_UNITS = [
  "1 ", "1,", "1.", "$1,000,000 ", "3x faster ", "team of 5 engineers ", "Python ", "JavaScript", "Acme of ", "A ",
  "Ms. ", "a.", "\n", "Go ", "a@b.co ", "\ud800",
];

const SMALL_DRAFT = parseResumeText("Lin Park\nlin@example.com\n\nExperience\nEngineer, Acme — 2020-01 to present\n- Built things\n");
const SOURCES = [...profileTexts(engineer), ...jobTexts(engineerJob)];

const TARGETS: Record<string, (text: string) => void> = {
  "checkGrounding (text as generated, a real profile as sources)": (text) => void checkGrounding(text, SOURCES),
  "checkGrounding (text as generated and source)": (text) => void checkGrounding(text, [text]),
  "groundingCheck, many sentences": (text) => {
    const check = groundingCheck([text]);
    for (let i = 0; i < text.length; i += 2_000) check(text.slice(i, i + 2_000));
  },
  "groundJob (text as the job)": (text) => void groundJob({ ...RULES_JOB, keywords: ["Java", "Scala", "Rust", "Go", "JavaScript"] }, RULES_JOB, text),
  // The rules' draft is fixed: the resume parser's own cost is not the grounding's.
  "groundDraft (text as the resume)": (text) =>
    void groundDraft(
      { fullName: "Lin Park", experiences: [{ title: "Engineer", company: "Meta", bullets: ["3x faster", text.slice(0, 200)], technologies: ["Java", "Go"], startDate: "2000-01" }], skills: { technical: ["Scala", "Rust"] } },
      SMALL_DRAFT,
      text,
    ),
  "phraseIndex lookups": (text) => {
    const index = phraseIndex(text);
    for (let i = 0; i < 200; i++) index.has(text.slice(0, 40));
  },
  "sentence splitter, 7-char chunks": (text) => {
    const s = sentenceSplitter();
    for (let i = 0; i < text.length; i += 7) s.push(text.slice(i, i + 7));
    s.rest();
  },
};

describe("grounding functions run in linear time", () => {
  for (const [name, run] of Object.entries(TARGETS)) {
    it(`${name}: 4× the input costs less than ${LIMIT}× the time`, () => {
      const worst = ADVERSARIAL_UNITS.map((unit) => ({ unit, ...growth(run, unit) })).sort((a, b) => b.ratio - a.ratio)[0];
      expect(worst.ratio, `worst pattern ${JSON.stringify(worst.unit)}: ${worst.small.toFixed(1)} ms → ${worst.large.toFixed(1)} ms`).toBeLessThan(LIMIT);
    }, 120_000);
  }

  it("random fragment mixes stay linear in checkGrounding", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...FRAGMENTS), { minLength: 3, maxLength: 12 }).map((xs) => xs.join("")), (unit) => {
        const { ratio, small, large } = growth((text) => void checkGrounding(text, [text]), unit);
        expect(ratio, `${JSON.stringify(unit)}: ${small.toFixed(1)} → ${large.toFixed(1)} ms`).toBeLessThan(LIMIT);
      }),
      { numRuns: 8 },
    );
  }, 120_000);
});
