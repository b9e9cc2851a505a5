// Salary ranges in a job description.
//
// Salary period when the text does not say: ≤ 300 → HOUR, < 15 000 → MONTH, otherwise YEAR.

import type { ParsedJob, SalaryPeriod } from "../types.ts";

// ---------------------------------------------------------------------------------------------
// Salary

type Salary = NonNullable<ParsedJob["salary"]>;

const CURRENCY_TOKENS: [RegExp, string][] = [
  [/^(?:US\$|USD|dollars?)$/i, "USD"],
  [/^(?:C\$|CA\$|CAD)$/i, "CAD"],
  [/^(?:A\$|AU\$|AUD)$/i, "AUD"],
  [/^(?:NZ\$|NZD)$/i, "NZD"],
  [/^(?:S\$|SGD)$/i, "SGD"],
  [/^(?:HK\$|HKD)$/i, "HKD"],
  [/^(?:R\$|BRL)$/i, "BRL"],
  [/^\$$/, "USD"],
  [/^(?:€|EUR|euros?)$/i, "EUR"],
  [/^(?:£|GBP|pounds?)$/i, "GBP"],
  [/^(?:CHF|Fr\.)$/i, "CHF"],
  [/^(?:¥|JPY)$/i, "JPY"],
  [/^(?:₹|INR)$/i, "INR"],
  [/^(?:SEK|NOK|DKK|PLN|CZK|MXN|ZAR)$/i, ""],
];

function currencyCode(token: string | undefined): string | null {
  if (!token) return null;
  for (const [re, code] of CURRENCY_TOKENS) if (re.test(token)) return code || token.toUpperCase();
  return null;
}

const CUR = String.raw`US\$|C\$|CA\$|A\$|AU\$|NZ\$|S\$|HK\$|R\$|\$|€|£|¥|₹|USD|EUR|GBP|CHF|CAD|AUD|NZD|SGD|HKD|INR|JPY|SEK|NOK|DKK|PLN|CZK|BRL|MXN|ZAR`;
const NUM = String.raw`\d{1,3}(?:[,.'’ ]\d{3})+(?:[.,]\d{1,2})?(?![\d])|\d+(?:[.,]\d{1,2})?(?![\d])`;
const ATOM = new RegExp(
  String.raw`(?<![\p{L}\p{N}.,])(?:(${CUR})\s?)?(${NUM})(?:\s?(k|K|m|M|mn|million|thousand)(?![\p{L}]))?(?:\s?(${CUR}|euros?|dollars?|pounds?)(?![\p{L}]))?`,
  "gu",
);

interface MoneyAtom {
  value: number;
  currency: string | null;
  multiplier: number;
  start: number;
  end: number;
}

function parseNumber(raw: string): number {
  const s = raw.replace(/[\s'’]/g, "");
  if (/^\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?$/.test(s)) return Number(s.replace(/,/g, ""));
  if (/^\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?$/.test(s)) return Number(s.replace(/\./g, "").replace(",", "."));
  if (/^\d+,\d{1,2}$/.test(s)) return Number(s.replace(",", "."));
  return Number(s);
}

function multiplierOf(token: string | undefined): number {
  if (!token) return 1;
  return /^(?:k|thousand)$/i.test(token) ? 1000 : 1_000_000;
}

function moneyAtoms(line: string): MoneyAtom[] {
  const atoms: MoneyAtom[] = [];
  for (const m of line.matchAll(ATOM)) {
    const currency = currencyCode(m[1]) ?? currencyCode(m[4]);
    atoms.push({ value: parseNumber(m[2]), currency, multiplier: multiplierOf(m[3]), start: m.index!, end: m.index! + m[0].length });
  }
  return atoms;
}

const PERIODS: [RegExp, SalaryPeriod][] = [
  [/(?:per|an?|\/)\s?(?:hour|hr)\b|hourly|\bp\/?h\b|\/h\b/i, "HOUR"],
  [/(?:per|an?|\/)\s?day\b|daily rate|day rate/i, "DAY"],
  [/(?:per|an?|\/)\s?week\b|weekly/i, "WEEK"],
  [/(?:per|an?|\/)\s?(?:month|mo)\b|monthly/i, "MONTH"],
  [/(?:per|an?|\/)\s?(?:year|yr|annum)\b|annual(?:ly)?|yearly|\bp\.?\s?a\.?(?![\p{L}])|\bpa\b/iu, "YEAR"],
];

function periodIn(text: string): SalaryPeriod | null {
  for (const [re, period] of PERIODS) if (re.test(text)) return period;
  return null;
}

const SALARY_CONTEXT = /\b(salary|salaries|compensation|pay|paid|wage|wages|rate|base|ote|range|earn|earning|income|gross|brutto|remuneration|package)\b/i;
const NOT_SALARY = /\b(revenue|funding|raised|valuation|budget|arr|customers|users|bonus|allowance|stipend|reimburse\w*|credit|discount|equipment|learning|relocation|referral|signing|sign-on|match(?:ing)?|series [a-e])\b/i;
const CONNECTOR = /^\s*(?:-|–|—|to|and|bis|until)\s*$/i;

interface SalaryCandidate {
  salary: Salary;
  score: number;
}

function isPlausibleYear(atom: MoneyAtom): boolean {
  return atom.currency === null && atom.multiplier === 1 && atom.value >= 1900 && atom.value <= 2100;
}

/** What a line says about salary as a whole: computed once per line, not once per number in it. */
interface SalaryLine {
  text: string;
  context: boolean;
  period: SalaryPeriod | null;
}

function candidateFrom(line: SalaryLine, a: MoneyAtom, b: MoneyAtom | null): SalaryCandidate | null {
  if (a.multiplier >= 1_000_000 || (b && b.multiplier >= 1_000_000)) return null;
  if (isPlausibleYear(a) || (b && isPlausibleYear(b))) return null;
  let lo = a.value * a.multiplier;
  let hi = b ? b.value * b.multiplier : null;
  // "$120-150k": the multiplier written once applies to both ends when that makes a sane range.
  if (b && a.multiplier === 1 && b.multiplier > 1 && a.value * b.multiplier <= hi! && a.value * b.multiplier * 4 >= hi!) lo = a.value * b.multiplier;
  if (hi !== null && hi < lo) return null;
  const currency = a.currency ?? b?.currency ?? null;
  const end = b ? b.end : a.end;
  const around = line.text.slice(Math.max(0, a.start - 30), Math.min(line.text.length, end + 30));
  const period = periodIn(line.text.slice(end, end + 40)) ?? line.period;
  const top = hi ?? lo;
  if (!currency && top < 1000 && period !== "HOUR") return null;
  // "up to $90k" has only a maximum; "$85k+" only a minimum.
  const upTo = hi === null && /\b(?:up to|max(?:imum)?|under)\s*$/i.test(line.text.slice(Math.max(0, a.start - 12), a.start));
  const openEnded = hi === null && line.text[end] === "+";
  const salary: Salary = {
    min: upTo ? null : lo,
    max: openEnded ? null : (hi ?? lo),
    currency,
    period: period ?? (top <= 300 ? "HOUR" : top < 15000 ? "MONTH" : "YEAR"),
  };
  const score =
    (line.context ? 3 : 0) + (currency ? 2 : 0) + (b ? 2 : 0) + (period ? 1 : 0) - (NOT_SALARY.test(around) ? 4 : 0);
  if (score < 3 || (!currency && !line.context)) return null;
  return { salary, score };
}

export function parseSalary(text: string): Salary | null {
  let best: SalaryCandidate | null = null;
  for (const rawLine of text.split("\n")) {
    const text = rawLine.replace(/\b40[13]\s*\(?[kb]\)?/gi, (m) => " ".repeat(m.length));
    const atoms = moneyAtoms(text);
    if (!atoms.length) continue;
    const line: SalaryLine = { text, context: SALARY_CONTEXT.test(text), period: periodIn(text) };
    for (let i = 0; i < atoms.length; i++) {
      const next = atoms[i + 1];
      const paired = next && CONNECTOR.test(text.slice(atoms[i].end, next.start)) ? next : null;
      const candidate = candidateFrom(line, atoms[i], paired);
      if (candidate && (!best || candidate.score > best.score)) best = candidate;
      if (paired) i++;
    }
  }
  return best ? best.salary : null;
}
