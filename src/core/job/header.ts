// Title, company and location of a job description: competing guesses from labels, header lines,
// sentences and location phrases; the best-supported one wins.

import { stripBulletMarker, stripRuns } from "../text.ts";
import { type Section, wordCountOf } from "./sections.ts";

// ---------------------------------------------------------------------------------------------
// Title, company, location

const TITLE_NOUN =
  /\b(engineer|developer|programmer|manager|nurse|designer|analyst|scientist|specialist|representative|rep|accountant|teacher|tutor|educator|associate|coordinator|director|lead|intern|internship|assistant|officer|consultant|administrator|architect|technician|operator|clerk|executive|head|vp|vice president|president|chief|cto|ceo|cfo|coo|strategist|writer|editor|marketer|recruiter|advisor|adviser|agent|driver|worker|handler|picker|packer|supervisor|sre|therapist|pharmacist|physician|instructor|professor|lecturer|counse?llor|paralegal|attorney|lawyer|bookkeeper|controller|auditor|cashier|chef|cook|mechanic|electrician|planner|buyer|researcher|producer|photographer|illustrator|artist|trainer|coach|estimator|inspector|dispatcher|receptionist|secretary|generalist|banker|underwriter|broker|salesperson|merchandiser|attendant|caregiver|aide|apprentice|trainee|partner|principal|fellow|scrum master|product owner)s?\b/i;

/** Words that mark an organisation's name, so "Intensive Care Unit" loses to "St. Mary's Medical Center". */
const ORG_WORD =
  /\b(inc|llc|ltd|limited|gmbh|ag|sa|sas|bv|plc|co|corp|corporation|company|group|labs?|technologies|systems|solutions|software|school|academy|university|college|institute|hospital|clinic|center|centre|health|healthcare|medical|bank|partners|holdings|studios?|foundation|agency|organics|logistik|logistics|distribution|robotics|cloud|capital|ventures|media)\b\.?/i;

const LABELS: { field: "title" | "company" | "location"; re: RegExp }[] = [
  { field: "title", re: /^(?:job\s*title|title|position(?:\s*title)?|role|job|vacancy|opening)\s*[:\-–—]\s*(.+)$/i },
  { field: "company", re: /^(?:company(?:\s*name)?|employer|organi[sz]ation|hiring\s*company|client|school|hospital|practice)\s*[:\-–—]\s*(.+)$/i },
  { field: "location", re: /^(?:location|job\s*location|work\s*location|based\s*in|office|city|where)\s*[:\-–—]\s*(.+)$/i },
];

const GENDER_SUFFIX = /\s*\((?:m|w|f|d|x|h|all genders?|\/|\s)+\)\s*/gi;

const KEEP_UPPER = new Set(["RN", "LPN", "CNA", "IT", "QA", "UX", "UI", "HR", "VP", "US", "UK", "EU", "II", "III", "IV", "SRE", "AI", "ML", "CEO", "CTO", "CFO", "BI", "SEO"]);

/** "WAREHOUSE ASSOCIATE" → "Warehouse Associate"; acronyms stay as written. */
function unshout(title: string): string {
  if (/\p{Ll}/u.test(title) || title.replace(/[^\p{L}]/gu, "").length < 5) return title;
  return title.replace(/[\p{L}]+/gu, (w) => (KEEP_UPPER.has(w) ? w : w[0] + w.slice(1).toLowerCase()));
}

/** A title, company or location longer than this is a paragraph, not a name: no guess at all. */
const MAX_HEADER_FIELD = 300;

/** Start of the run of `chars` that ends the string (its length when there is none). */
function trailingRunStart(s: string, chars: RegExp): number {
  let i = s.length;
  while (i > 0 && chars.test(s[i - 1])) i--;
  return i;
}

const SHOUTING_OR_MARKUP_LEAD = /^[#*_\s]$/;
const MARKUP_TRAIL = /^[*_\s]$/;
const WORK_MODE_SUFFIX = /\s*[-–—|(,]\s*(?:remote|hybrid|on[\s-]?site|full[\s-]?time|part[\s-]?time|contract)\b/gi;

/**
 * "Engineer - Remote (EU)" → "Engineer": the first work-mode suffix after which only a closing
 * parenthesis or text without one follows. Each candidate's tail is checked in constant time
 * against the string's last ")" (the old expression rescanned the tail from every candidate).
 */
function stripWorkModeSuffix(s: string): string {
  const lastClose = s.lastIndexOf(")");
  const onlySpaceAfterLast = lastClose < 0 || s.slice(lastClose + 1).trim() === "";
  const closeBeforeLast = lastClose < 0 ? -1 : s.lastIndexOf(")", lastClose - 1);
  for (const m of s.matchAll(WORK_MODE_SUFFIX)) {
    const tail = m.index! + m[0].length;
    // [^)]*\)?\s*$ — no ")" in the tail, or only its last one with nothing but space after it.
    if (tail > lastClose || (onlySpaceAfterLast && tail > closeBeforeLast)) return s.slice(0, m.index);
  }
  return s;
}

function cleanTitle(raw: string): string {
  if (raw.length > MAX_HEADER_FIELD) return "";
  const t = stripRuns(unshout(raw).replace(GENDER_SUFFIX, " "), SHOUTING_OR_MARKUP_LEAD, MARKUP_TRAIL);
  const withoutMode = stripWorkModeSuffix(t).replace(/,?\s*(?:(?:summer|fall|autumn|winter|spring)\s+)?(?:19|20)\d{2}\s*$/i, "");
  return withoutMode.slice(0, trailingRunStart(withoutMode, /[.:;,]/)).trim();
}

function cleanName(raw: string): string {
  if (raw.length > MAX_HEADER_FIELD) return "";
  const name = stripRuns(raw, SHOUTING_OR_MARKUP_LEAD, MARKUP_TRAIL);
  // "Acme Inc." keeps its full stop (one of the run, when the run follows an abbreviation).
  let cut = trailingRunStart(name, /[.:;,!]/);
  if (cut < name.length && /\b(?:Co|Inc|Ltd|Corp|Bros|St)$/.test(name.slice(Math.max(0, cut - 8), cut))) cut++;
  return name.slice(0, cut).trim();
}

function cleanLocation(raw: string): string {
  if (raw.length > MAX_HEADER_FIELD) return "";
  return stripRuns(raw, /^[\s📍*_]$/u, /^[\s*_.;:]$/).trim();
}

const LOCATION_LIKE =
  /^(?:[Rr]emote|REMOTE|[Hh]ybrid|[Oo]n[\s-]?[Ss]ite|[Aa]nywhere|[Ww]orldwide)\b|^[\p{Lu}][\p{L}.'’-]+(?:\s[\p{Lu}][\p{L}.'’-]+)*,\s*(?:[A-Z]{2}|[\p{Lu}][\p{L}.'’-]+(?:\s[\p{Lu}][\p{L}.'’-]+)*)(?:\s*\([^)]*\))?$/u;
const WORK_MODE_ONLY = /^(?:remote|hybrid|on[\s-]?site|full[\s-]?time|part[\s-]?time)\b/i;
const NOT_A_NAME = /^(?:we|we're|we’re|our team|our company|this|the team|us|you|the company|the role|the job|the position)$/i;
const HEADER_NOISE = /(?:\$|€|£|\d{2,}|full[\s-]?time|part[\s-]?time|contract|permanent|posted|apply|salary|remote|hybrid|on[\s-]?site)/i;

export interface Header {
  title: string | null;
  company: string | null;
  location: string | null;
}

/** Collects competing guesses; the best-supported one wins, earlier on ties. */
class Guesses {
  private readonly best = new Map<keyof Header, { value: string; score: number }>();

  add(field: keyof Header, value: string | null | undefined, score: number): void {
    const v = value?.trim();
    if (!v) return;
    if (field === "company" && (NOT_A_NAME.test(v) || wordCountOf(v) > 7)) return;
    const current = this.best.get(field);
    if (!current || score > current.score) this.best.set(field, { value: v, score });
  }

  get(field: keyof Header): string | null {
    return this.best.get(field)?.value ?? null;
  }
}

function companyScore(name: string, base: number): number {
  return base + (ORG_WORD.test(name) ? 3 : 0);
}

function fromLabels(lines: string[], g: Guesses): void {
  for (const line of lines) {
    for (const { field, re } of LABELS) {
      const m = re.exec(stripBulletMarker(line.replace(/\*\*/g, "")));
      if (!m) continue;
      if (field === "title") g.add("title", cleanTitle(m[1]), 10);
      else if (field === "company") g.add("company", cleanName(m[1]), 20);
      else g.add("location", cleanLocation(m[1]), 10);
    }
  }
}

function fromSentences(text: string, g: Guesses): void {
  const hiring =
    /(?:^|[.!]\s+|\n)([\p{Lu}][\p{L}\p{N}&.'’\- ]{1,60}?) (?:is|are) (?:hiring|looking for|seeking|recruiting)(?: (?:an?|our|the|its))?(?: (?:next|new|first))? ([\p{Lu}][^.!\n]{2,80}?)(?=[.!,]|\n|$| to | who | that | in | for | with | based | at )/u.exec(
      text,
    );
  if (hiring) {
    g.add("company", cleanName(hiring[1]), companyScore(hiring[1], 8));
    g.add("title", cleanTitle(hiring[2]), 3);
  }
  const join = /\bjoin ([\p{Lu}][\p{L}\p{N}&.'’\- ]{1,40}?) as (?:an? |our )?([\p{Lu}][^.!\n,]{2,80}?)(?=[.!,]|\n|$| and | to | who | in )/u.exec(text);
  if (join) {
    g.add("company", cleanName(join[1]), companyScore(join[1], 7));
    g.add("title", cleanTitle(join[2]), 3);
  }
  // "Acme Health is a 420-bed teaching hospital…" opens many postings.
  const intro = /(?:^|\n)([\p{Lu}][\p{L}\p{N}&.'’\- ]{1,60}?) (?:is|are) (?:a|an|the|one of)\b/u.exec(text);
  if (intro && !/^(?:this|it|there|the role|the position|the job|you)\b/i.test(intro[1])) {
    g.add("company", cleanName(intro[1]), companyScore(intro[1], 6));
  }
  const at = /(?:^|\n|[.!]\s)At ([\p{Lu}][\p{L}\p{N}&.'’\-]*(?: [\p{Lu}][\p{L}\p{N}&.'’\-]*){0,3}), (?:we|our)\b/u.exec(text);
  if (at) g.add("company", cleanName(at[1]), companyScore(at[1], 5));
}

function looksLikeTitle(s: string): boolean {
  return TITLE_NOUN.test(s) && wordCountOf(s) <= 10 && !/[.!?]$/.test(s);
}

/**
 * "Acme (Berlin, DE)" → ["Acme", "Berlin, DE"]: what /^(.*?)\s*\(([^)]+)\)\s*$/ matches, found
 * without it; that expression rescans to the end of the part from every "(" (quadratic on "((((…").
 */
export function trailingParenthesis(part: string): [before: string, inside: string] | null {
  const trimmed = part.trimEnd();
  const close = trimmed.length - 1;
  if (trimmed[close] !== ")") return null;
  // The leftmost "(" after the previous ")" opens it: the group may hold "(" but no ")".
  const open = trimmed.indexOf("(", trimmed.lastIndexOf(")", close - 1) + 1);
  if (open < 0 || open > close - 2) return null;
  const before = trimmed.slice(0, open).trimEnd();
  // `.` stops at line terminators: the old expression did not match across them.
  if (/[\n\r\u2028\u2029]/.test(before)) return null;
  return [before, trimmed.slice(open + 1, close)];
}

function headerPart(part: string, g: Guesses, base: number): void {
  const paren = trailingParenthesis(part);
  if (paren && LOCATION_LIKE.test(paren[1])) {
    g.add("location", cleanLocation(paren[1]), 4);
    part = paren[0];
  }
  if (LOCATION_LIKE.test(part)) {
    if (!WORK_MODE_ONLY.test(part) || /^remote\s*[(,\-–]\s*\p{L}/iu.test(part)) g.add("location", cleanLocation(part), 5);
  } else if (!HEADER_NOISE.test(part) && wordCountOf(part) <= 6 && /^[\p{Lu}]/u.test(part) && !/[!?:]$/.test(part)) {
    g.add("company", cleanName(part), companyScore(part, base));
  }
}

function fromHeaderLines(header: string[], g: Guesses): void {
  const lines = header
    .map((l) => l.replace(/\*\*|__|^#+\s*/g, "").trim())
    .filter((l) => l && !LABELS.some(({ re }) => re.test(l)) && wordCountOf(l) <= 14)
    .slice(0, 5);
  let titleSeen = false;
  for (const line of lines) {
    const at = /^(.+?)\s+at\s+(.+)$/i.exec(line);
    if (at && looksLikeTitle(at[1]) && !looksLikeTitle(at[2])) {
      g.add("title", cleanTitle(at[1]), 8);
      titleSeen = true;
      const [company, ...rest] = at[2].split(/\s+[|·•–—-]\s+/);
      headerPart(company, g, 5);
      for (const r of rest) headerPart(r, g, 1);
      continue;
    }
    const parts = line.split(/\s+[|·•–—-]\s+|\s*\|\s*/).map((p) => p.trim()).filter(Boolean);
    const titleIdx = titleSeen ? -1 : parts.findIndex(looksLikeTitle);
    if (titleIdx >= 0) {
      g.add("title", cleanTitle(parts[titleIdx]), 8);
      titleSeen = true;
    }
    // Names on a line of their own are stronger evidence than the words after a title's dash.
    const base = titleIdx >= 0 ? 2 : 4;
    for (const [i, part] of parts.entries()) if (i !== titleIdx && !(parts.length === 1 && /[.!?]$/.test(part))) headerPart(part, g, base);
  }
}

function fromAboutHeading(sections: Section[], g: Guesses): void {
  for (const s of sections) {
    const m = /^about\s+(.+)$/i.exec(s.heading ?? "");
    if (m && !/^(?:us|you|the\b|this\b|our\b)/i.test(m[1])) g.add("company", cleanName(m[1]), companyScore(m[1], 7));
  }
}

function fromLocationPhrases(text: string, g: Guesses): void {
  const based = /\b(?:based in|located in|office in|position is in|role is in)\s+(?:our\s+|the\s+)?([\p{Lu}][\p{L}.'’-]+(?:,?\s[\p{Lu}][\p{L}.'’-]+){0,3})/u.exec(text);
  if (based) g.add("location", cleanLocation(based[1].replace(/\s+(?:Office|HQ|Headquarters)$/, "")), 3);
  const cityState = /\bin ([\p{Lu}][\p{L}.'’-]+(?: [\p{Lu}][\p{L}.'’-]+)?, (?:[A-Z]{2}\b|[\p{Lu}][\p{L}]+))/u.exec(text);
  if (cityState) g.add("location", cleanLocation(cityState[1]), 2);
  const office = /\b(?:our|the)\s+([\p{Lu}][\p{L}]+(?: [\p{Lu}][\p{L}]+)?)\s+(?:office|campus|headquarters|HQ|lab|hub|site)\b/u.exec(text);
  if (office) g.add("location", office[1], 1);
}

export function extractHeader(header: string[], sections: Section[], text: string): Header {
  const g = new Guesses();
  fromLabels(text.split("\n").slice(0, 25), g);
  fromHeaderLines(header, g);
  fromSentences(text, g);
  fromAboutHeading(sections, g);
  fromLocationPhrases(text, g);
  const title = g.get("title");
  let company = g.get("company");
  let location = g.get("location");
  if (title && company && title.toLowerCase() === company.toLowerCase()) company = null;
  // "Alpenbank AG, Zürich" under the title: the company's name is not part of the place.
  if (company && location && location.startsWith(`${company},`)) location = location.slice(company.length + 1).trim();
  return { title, company, location };
}
