// Random and adversarial strings at every text entry point: nothing throws. Lone surrogates, RTL
// and bidi marks, NUL and other controls, long runs of one character, markup fragments.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { ENTRY_POINTS } from "./entry-points.ts";
import { ADVERSARIAL_UNITS } from "./growth.ts";

const unit = fc.constantFrom(...ADVERSARIAL_UNITS);
const odd = fc.constantFrom("\u0000", "\u0007", "\u200b", "\u200e", "\u200f", "\u202a", "\u202e", "\u2066", "\u2069", "\ufeff", "\ufffd", "\ud83d", "\ude00", "\u0301", "\ud800\udc00", "\u00a0");

/** Random text from several distributions: raw UTF-16 (lone surrogates included), graphemes, runs of units. */
const text = fc.oneof(
  fc.string({ unit: "binary", maxLength: 400 }),
  fc.string({ unit: "grapheme", maxLength: 200 }),
  fc.array(fc.oneof(unit, odd, fc.string({ maxLength: 6 })), { maxLength: 60 }).map((parts) => parts.join("")),
  fc.tuple(fc.oneof(unit, odd), fc.integer({ min: 1, max: 2000 }), fc.string({ maxLength: 8 })).map(([u, n, tail]) => u.repeat(n) + tail),
);

describe.each(Object.entries(ENTRY_POINTS))("%s", (_name, entry) => {
  it("throws on no input", () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(() => entry(s)).not.toThrow();
      }),
      { numRuns: 150 },
    );
  });
});
