// Grounding of numbers: each number with what it counts, compared by value and role.

// ---------------------------------------------------------------------------------------------
// Numbers
//
// A number is a fact only together with what it counts. "3x faster" is grounded by a multiplier 3,
// not by "3 engineers"; "40%" by a 40 percent; "$2M" by the same amount of the same currency; "5
// years" by a duration of 5 years; "2019" by the year 2019; "12 engineers" by a 12 that counts
// engineers (or a bare 12 with nothing after it), not by "12 services". Every check reads a
// bounded window around the digits, so the whole pass stays linear in the text.

export type NumberRole = "multiplier" | "percent" | "money" | "duration" | "year" | "ordinal" | "count";

export interface NumberFact {
  /** As the violation reports it: "3x", "40%", "$1.2M", "5", "2019". */
  display: string;
  value: number;
  role: NumberRole;
  /** Money: the currency (USD, EUR…); duration: the unit (year, month…); otherwise "". */
  unit: string;
  /** Count: the words it counts ("engineer", "service"), singular; may be empty. */
  nouns: string[];
}

const NUMBER_WORDS: Record<string, number> = {
  two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11,
  twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80,
  ninety: 90, hundred: 100, dozen: 12,
};

const SCALES: Record<string, { factor: number; label: string }> = {
  k: { factor: 1e3, label: "K" },
  thousand: { factor: 1e3, label: "K" },
  m: { factor: 1e6, label: "M" },
  mm: { factor: 1e6, label: "M" },
  mil: { factor: 1e6, label: "M" },
  million: { factor: 1e6, label: "M" },
  b: { factor: 1e9, label: "B" },
  bn: { factor: 1e9, label: "B" },
  billion: { factor: 1e9, label: "B" },
};

const CURRENCY_SYMBOLS: Record<string, string> = { $: "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR" };
const CURRENCY_WORDS: Record<string, string> = {
  usd: "USD", eur: "EUR", gbp: "GBP", chf: "CHF", cad: "CAD", aud: "AUD", jpy: "JPY", inr: "INR", sek: "SEK", nok: "NOK", dkk: "DKK", pln: "PLN",
  dollar: "USD", dollars: "USD", euro: "EUR", euros: "EUR", pound: "GBP", pounds: "GBP",
};
const DURATION_UNITS: Record<string, string> = {
  year: "year", years: "year", yr: "year", yrs: "year",
  month: "month", months: "month", mo: "month", mos: "month",
  week: "week", weeks: "week", wk: "week", wks: "week",
  day: "day", days: "day",
  hour: "hour", hours: "hour", h: "hour", hr: "hour", hrs: "hour",
  minute: "minute", minutes: "minute", min: "minute", mins: "minute",
  second: "second", seconds: "second", sec: "second", secs: "second",
  ms: "millisecond", millisecond: "millisecond", milliseconds: "millisecond",
};
const COMPARATIVES = new Set(["more", "less", "fewer", "faster", "slower", "larger", "bigger", "smaller", "higher", "lower", "cheaper", "greater", "better", "quicker", "longer", "shorter"]);
// Words after a number that say nothing about what it counts.
const COUNT_STOP = new Set([
  "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "from", "with", "into", "per", "and", "or", "but", "as", "than",
  "over", "across", "within", "while", "after", "before", "since", "until", "via", "through", "is", "are", "was", "were", "be",
  "been", "i", "we", "you", "he", "she", "they", "it", "my", "our", "their", "this", "that", "these", "those", "which", "who",
  "new", "more", "total", "other", "different", "additional", "plus", "each", "every", "all", "some", "most", "about", "around",
]);

// Digits not glued to letters on the left (so "ES6", "S3", "B2B", "Q3" are names, not numbers),
// with an optional currency before and a scale or unit after. Spaced units are whole words only,
// so "5 m" is not "5M".
const NUMBER_RE =
  /(?<![\p{L}\p{N}.,])(?:([$€£¥₹])\s?|\b(usd|eur|gbp|chf|cad|aud|jpy|inr|sek|nok|dkk|pln)\s?)?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:\s?(%|percent\b|per cent\b|pct\b|million\b|billion\b|thousand\b)|(k|mm|m|bn|b|x|×|\+|st|nd|rd|th|ms|h|hrs?|yrs?|mins?|secs?)(?![\p{L}\p{N}]))?/giu;

const NUMBER_WORD_RE = new RegExp(
  `\\b(${Object.keys(NUMBER_WORDS).join("|")})(?:-(${Object.keys(NUMBER_WORDS).slice(0, 8).join("|")}))?(fold)?\\b`,
  "gi",
);

// Dates count as their year: "2021-03" and "03/2021" are the year 2021, not also a count of 3.
const DATE_RE = /(?<![\p{L}\p{N}])(?:(\d{4})-\d{1,2}(?:-\d{1,2})?|\d{1,2}\/(\d{4}))(?![\p{L}\p{N}])/gu;

// After the digits and their unit (bounded windows, so each number costs O(1)).
const AFTER_WINDOW = 48;
const FOLD_RE = /^[ \t]?-?[ \t]?fold\b/i;
const TIMES_RE = /^[ \t]+times[ \t]+(\p{L}+)/iu;
const CURRENCY_AFTER_RE = /^[ \t]?([$€£¥₹]|[A-Za-z]+)/u;
const UNIT_AFTER_RE = /^[ \t]*(?:\+[ \t]*)?(?:-[ \t]*)?(\p{L}+)/u;
const NOUNS_AFTER_RE = /^[ \t]*(?:\+[ \t]*)?(?:-[ \t]*)?(\p{Ll}[\p{L}\-]*)(?:[ \t]+(\p{Ll}[\p{L}\-]*))?/u;
const NOUN_BEFORE_OF_RE = /(?<![\p{L}\p{N}])(\p{L}+)[ \t]+of[ \t]+(?:[$€£¥₹])?$/u;

export function parseNumbers(input: string): NumberFact[] {
  const facts: NumberFact[] = [];
  const text = input.replace(DATE_RE, (m: string, y1?: string, y2?: string) => {
    const year = (y1 ?? y2)!;
    return year + " ".repeat(m.length - year.length);
  });
  for (const m of text.matchAll(NUMBER_RE)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const after = text.charAt(end);
    // "2FA", "3D", "4xx": digits that start a word are part of a name.
    if (!m[5] && !m[6] && /\p{L}/u.test(after)) continue;
    const currency = m[1] ? CURRENCY_SYMBOLS[m[1]] : m[2] ? m[2].toUpperCase() : "";
    const digits = m[3] + (m[4] ?? "");
    facts.push(classify(text, start, end, { currency, digits, symbol: m[1] ?? "", unit: (m[5] ?? m[6] ?? "").toLowerCase() }));
  }
  for (const m of text.matchAll(NUMBER_WORD_RE)) {
    const value = NUMBER_WORDS[m[1].toLowerCase()] + (m[2] ? NUMBER_WORDS[m[2].toLowerCase()] : 0);
    const start = m.index ?? 0;
    facts.push(classify(text, start, start + m[0].length, { currency: "", digits: String(value), symbol: "", unit: m[3] ? "x" : "" }));
  }
  return facts;
}

function classify(
  text: string,
  start: number,
  end: number,
  n: { currency: string; digits: string; symbol: string; unit: string },
): NumberFact {
  const plain = n.digits.replace(/,/g, "");
  let value = Number(plain);
  const scale = SCALES[n.unit];
  if (scale) value *= scale.factor;
  const ordinal = n.unit === "st" || n.unit === "nd" || n.unit === "rd" || n.unit === "th";
  const suffix = scale
    ? scale.label
    : n.unit === "%" || n.unit.startsWith("per") || n.unit === "pct"
      ? "%"
      : n.unit === "x" || n.unit === "×"
        ? "x"
        : n.unit === "+" || ordinal
          ? n.unit
          : "";
  const display = `${n.symbol}${n.currency && !n.symbol ? `${n.currency} ` : ""}${plain}${suffix}`;
  const fact = (role: NumberRole, unit = "", nouns: string[] = []): NumberFact => ({ display, value, role, unit, nouns });

  if (n.currency) return fact("money", n.currency);
  if (suffix === "%") return fact("percent");
  if (suffix === "x") return fact("multiplier");
  if (ordinal) return fact("ordinal");
  if (DURATION_UNITS[n.unit]) return fact("duration", DURATION_UNITS[n.unit]);

  const rest = text.slice(end, end + AFTER_WINDOW);
  if (FOLD_RE.test(rest)) return fact("multiplier");
  const times = TIMES_RE.exec(rest);
  if (times && (COMPARATIVES.has(times[1].toLowerCase()) || /er$/i.test(times[1]))) return fact("multiplier");
  const cur = CURRENCY_AFTER_RE.exec(rest);
  const curCode = cur ? (CURRENCY_SYMBOLS[cur[1]] ?? CURRENCY_WORDS[cur[1].toLowerCase()]) : undefined;
  if (curCode) return fact("money", curCode);
  // A spaced single letter ("5 h", "5 s") is too ambiguous to be a unit.
  const unitWord = UNIT_AFTER_RE.exec(rest)?.[1];
  const unit = unitWord && unitWord.length > 1 ? DURATION_UNITS[unitWord.toLowerCase()] : undefined;
  if (unit) return fact("duration", unit);
  // Written like a year (four digits, no comma, no scale): "2,000 tickets" is a count.
  if (!scale && /^(19|20)\d\d$/.test(n.digits)) return fact("year");
  return fact("count", "", countNouns(text, start, rest));
}

/** What a count counts: up to two words after it ("12 senior engineers") and the word before "of" ("team of 5"). */
function countNouns(text: string, start: number, rest: string): string[] {
  const nouns: string[] = [];
  const after = NOUNS_AFTER_RE.exec(rest);
  if (after) {
    for (const w of [after[1], after[2]]) {
      if (!w || COUNT_STOP.has(w.toLowerCase())) break;
      nouns.push(stem(w));
    }
  }
  const before = NOUN_BEFORE_OF_RE.exec(text.slice(Math.max(0, start - AFTER_WINDOW), start));
  if (before && !COUNT_STOP.has(before[1].toLowerCase())) nouns.push(stem(before[1]));
  return nouns;
}

function stem(word: string): string {
  const w = word.toLowerCase().replace(/-/g, "");
  if (w.length > 4 && w.endsWith("ies")) return `${w.slice(0, -3)}y`;
  if (w.length > 3 && w.endsWith("s") && !w.endsWith("ss")) return w.slice(0, -1);
  return w;
}

/** "engineer" ~ "engineers", "service" ~ "microservices", "box" ~ "boxes". */
function nounsAgree(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 3 && (long.startsWith(short) || long.endsWith(short));
}

/** Rounded so that 1.2M and 1,200,000 share a key. */
function valueKey(role: NumberRole, unit: string, value: number): string {
  return `${role}|${unit}|${Number(value.toPrecision(12))}`;
}

export interface NumberWitnesses {
  /** Some source number of this kind and value says nothing about what it counts. */
  bare: boolean;
  /** Distinct noun sets of the source counts with this value (capped: a miss is a false alarm, never a pass). */
  nounSets: string[][];
}

const MAX_NOUN_SETS = 32;

/** The source numbers indexed by role, unit and value, so each generated number is one lookup. */
export function numberIndex(sources: string): Map<string, NumberWitnesses> {
  const index = new Map<string, NumberWitnesses>();
  for (const n of parseNumbers(sources)) {
    const key = valueKey(n.role, n.unit, n.value);
    let w = index.get(key);
    if (!w) index.set(key, (w = { bare: false, nounSets: [] }));
    if (n.role !== "count" || n.nouns.length === 0) w.bare = true;
    else if (w.nounSets.length < MAX_NOUN_SETS && !w.nounSets.some((set) => set.join(" ") === n.nouns.join(" "))) w.nounSets.push(n.nouns);
  }
  return index;
}

export function numberGrounded(n: NumberFact, index: Map<string, NumberWitnesses>): boolean {
  const w = index.get(valueKey(n.role, n.unit, n.value));
  if (!w) return false;
  if (w.bare || n.nouns.length === 0) return true;
  return w.nounSets.some((set) => n.nouns.some((a) => set.some((b) => nounsAgree(a, b))));
}
