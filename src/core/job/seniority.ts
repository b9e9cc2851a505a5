// Remote mode, years of experience and seniority of a job description.
//
// Seniority mapping (title first, then explicit level phrases in the text, then years):
//   intern, internship, apprentice, trainee, working student, co-op          → INTERN
//   junior, jr, entry-level, graduate, associate, "… I"                      → JUNIOR
//   mid-level, intermediate, "… II"                                           → MID
//   senior, sr, "… III", experienced                                          → SENIOR
//   lead, team lead, manager, supervisor, charge nurse                        → LEAD
//     (product/project/program/account/case managers are individual contributors: no level
//     from the title, so the text and years decide)
//   staff / principal / distinguished / architect (technical titles)          → PRINCIPAL
//   head of, director, VP, vice president, chief, C-level                     → EXECUTIVE
//   "Staff Nurse"/"Staff Accountant" are not principal: staff counts only before engineer,
//   developer, scientist, designer, architect. Years when nothing else says: <2 JUNIOR,
//   2–4 MID, ≥5 SENIOR.

import type { RemoteMode, Seniority } from "../types.ts";
import { splitSentences } from "../text.ts";

// ---------------------------------------------------------------------------------------------
// Remote mode, years, seniority

const NEGATED_REMOTE = /\b(?:not|no|isn['’]t|cannot|can['’]t)\s+(?:a\s+|be\s+|fully\s+)?remote\b|\bremote\s+(?:work\s+)?(?:is\s+)?not\s+(?:possible|available|an option|offered)/i;
const REMOTE_NOT_WORK = /\bremote\s+(?:monitoring|sensing|access|control|desktop|patient|diagnostics?|learning\s+day)/gi;
// Optional parts each carry their own leading \s*: two adjacent \s* around an optional token made a
// long whitespace run after a digit ("1\t\t…") backtrack quadratically.
const HYBRID = /\bhybrid\b|\b(?:[1-4]|one|two|three|four)(?:\s*(?:-|to|–)\s*[1-4]|\s+[1-4])?\s*days?(?:\s*(?:a|per|each))?(?:\s*week)?\s*(?:in|at|from)(?:\s*(?:the|our))?\s*office\b|\b(?:in[\s-]office|on[\s-]?site)\s+(?:[1-4]|one|two|three|four)\s+days\b|\bpartially remote\b|\bpart(?:ly|ially)? remote\b|\bflexible (?:hybrid|remote\/office)\b/i;
const REMOTE =
  /\bremote[\s-](?:first|friendly|only|position|role|job|work|working|opportunity|eligible|ok)\b|\bfully[\s-]remote\b|\b100\s?%\s?remote\b|\bwork(?:ing)? from (?:home|anywhere)\b|\bwfh\b|\b(?:this|the) (?:role|position|job) is remote\b|\bremote\s*(?:\((?:[^)]{1,30})\)|\/|,|$)|\b(?:location|workplace(?: type)?|work model|work type)\s*:\s*remote\b|\bdistributed team\b|\bremote\b/im;
const ONSITE = /\bon[\s-]?site\b(?![\s-](?:gym|cafeteria|canteen|parking|childcare|daycare|fitness|clinic))|\bin[\s-]office\b|\bin[\s-]person\b|\boffice[\s-]based\b|\b5 days (?:a week )?in (?:the )?office\b|\bfully in[\s-]office\b/i;

const OFFICE_WORDS = /\b(?:office|on[\s-]?site|in[\s-]person|campus)\b/i;
const DAYS_A_WEEK = /\b([1-5]|one|two|three|four|five)\s+days?\s+(?:a|per|each)\s+week\b/i;

/** "from our Chicago office three days a week": office days counted in one sentence. */
function officeDaysPerWeek(text: string): number | null {
  for (const sentence of splitSentences(text)) {
    const m = DAYS_A_WEEK.exec(sentence);
    if (m && OFFICE_WORDS.test(sentence)) return toNumber(m[1]);
  }
  return null;
}

export function detectRemoteMode(text: string): RemoteMode {
  const t = text.replace(REMOTE_NOT_WORK, " ");
  const officeDays = officeDaysPerWeek(t);
  if (officeDays === 5) return "ONSITE";
  if (officeDays !== null || HYBRID.test(t)) return "HYBRID";
  const negated = NEGATED_REMOTE.test(t);
  if (!negated && REMOTE.test(t)) return "REMOTE";
  if (negated || ONSITE.test(t)) return "ONSITE";
  return "UNKNOWN";
}

const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, twelve: 12, fifteen: 15,
};
const N = String.raw`(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen)`;
const YEARS_PATTERNS: RegExp[] = [
  new RegExp(String.raw`\b${N}\s*\+?\s*(?:-|–|—|to)\s*${N}\s*\+?\s*(?:years?|yrs?)\b`, "gi"),
  new RegExp(String.raw`\b(?:at least|minimum(?: of)?|min\.?|over|more than|a minimum of)\s*${N}\s*\+?\s*(?:years?|yrs?)\b`, "gi"),
  new RegExp(String.raw`\b${N}\s*(?:\+|plus|or more)\s*(?:years?|yrs?)\b`, "gi"),
  new RegExp(String.raw`\b${N}\s*(?:years?|yrs?)['’]?\s*\+?\s*(?:of\s+)?(?:[\p{L}\-/&]+\s+){0,5}?(?:experience|exp\b)`, "giu"),
];
const EXPERIENCE_CONTEXT = /\b(experience|exp|background|track record|working|in (?:a|an|the)\b|professional|industry|hands-on)\b/i;

function toNumber(token: string): number {
  return /^\d+$/.test(token) ? Number(token) : (NUMBER_WORDS[token.toLowerCase()] ?? NaN);
}

function yearsIn(line: string, requireContext: boolean): number[] {
  if (/\byears? old\b|\bfor (?:over )?\d+ years\b|\bfounded\b|\bsince\b/i.test(line)) return [];
  if (requireContext && !EXPERIENCE_CONTEXT.test(line)) return [];
  const found: number[] = [];
  let rest = line;
  for (const re of YEARS_PATTERNS) {
    rest = rest.replace(re, (...m: string[]) => {
      const value = toNumber(m[1]);
      if (value >= 0 && value <= 40) found.push(value);
      return " ";
    });
  }
  return found;
}

export function extractYears(requiredItems: string[], otherLines: string[]): number | null {
  const required = requiredItems.flatMap((l) => yearsIn(l, false));
  if (required.length) return Math.max(...required);
  const elsewhere = otherLines.flatMap((l) => yearsIn(l, true));
  return elsewhere.length ? Math.max(...elsewhere) : null;
}

const IC_MANAGER = /\b(?:product|project|program|programme|account|case|community|social media|property) manager\b/gi;

const SENIORITY_RULES: [RegExp, Seniority][] = [
  [/\b(head of|director|vp|vice president|chief|cto|ceo|cfo|coo|cmo|cio|c-level|managing director)\b/i, "EXECUTIVE"],
  [/\b(principal|distinguished|staff(?= (?:[\p{L}\-/]+ ){0,2}(?:engineer|developer|scientist|designer|architect)s?\b)|architect)\b/iu, "PRINCIPAL"],
  [/\b(intern|internship|apprentice(?:ship)?|trainee|working student|co-op)\b/i, "INTERN"],
  [/\b(junior|jr\.?|entry[\s-]level|graduate|new grad|associate)(?![\p{L}])/iu, "JUNIOR"],
  [/\b(lead(?! generation)|team lead|tech lead|manager|supervisor|charge nurse|head nurse|foreman)\b/i, "LEAD"],
  [/\b(senior|sr\.?|experienced)(?![\p{L}])/iu, "SENIOR"],
  [/\b(mid[\s-]?level|intermediate)\b/i, "MID"],
];

const ROMAN_LEVEL: Record<string, Seniority> = { I: "JUNIOR", II: "MID", III: "SENIOR", IV: "SENIOR" };

function seniorityFromTitle(title: string): Seniority | null {
  // "Senior Manager" is still a manager; product/account managers are individual contributors.
  const t = title.replace(/\bsenior (?=manager|director|vice)/i, "").replace(IC_MANAGER, (m) => m.replace(/manager/i, "role"));
  for (const [re, level] of SENIORITY_RULES) if (re.test(t)) return level;
  const roman = /\b(I{1,3}|IV)\b/.exec(title);
  return roman ? ROMAN_LEVEL[roman[1]] : null;
}

function seniorityFromText(text: string, years: number | null): Seniority | null {
  if (/\bentry[\s-]level\b|\bnew grads?\b|\bno experience (?:required|needed|necessary)\b/i.test(text)) return "JUNIOR";
  if (/\bmid[\s-]level\b/i.test(text)) return "MID";
  if (/\bsenior[\s-]level\b/i.test(text)) return "SENIOR";
  if (years === null) return null;
  if (years < 2) return "JUNIOR";
  if (years < 5) return "MID";
  return "SENIOR";
}

export function detectSeniority(title: string | null, text: string, years: number | null): Seniority | null {
  return (title ? seniorityFromTitle(title) : null) ?? seniorityFromText(text, years);
}
