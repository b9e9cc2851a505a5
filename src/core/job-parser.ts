// Deterministic job-description parser: section headings, header labels and patterns, plus the
// skills lexicon. No I/O and no model: the builtin engine uses it as is, and the Groq provider
// can use it as a fallback and as a cross-check.
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
//
// Salary period when the text does not say: ≤ 300 → HOUR, < 15 000 → MONTH, otherwise YEAR.

import type { JobRequirement, ParsedJob, RemoteMode, SalaryPeriod, Seniority } from "./types.ts";
import { canonicalSkill, findSkills } from "./lexicon.ts";
import { hasBulletMarker, normaliseText, splitSentences, stripBulletMarker, stripRuns } from "./text.ts";

export type SectionKind = "requirements" | "preferred" | "responsibilities" | "benefits" | "about" | "other";

interface Section {
  kind: SectionKind;
  heading: string | null;
  lines: string[];
}

// ---------------------------------------------------------------------------------------------
// Sections

const SECTION_PATTERNS: { kind: SectionKind; re: RegExp }[] = [
  {
    kind: "preferred",
    re: /\b(nice[\s-]to[\s-]haves?|preferred|bonus(?: points)?|pluses|a plus|desirable|desired|good[\s-]to[\s-]haves?|extra credit|would be (?:great|nice)|ideally|even better|added advantage|brownie points|optional)\b/i,
  },
  {
    kind: "requirements",
    re: /\b(requirements?|qualifications?|what you(?:'ll|’ll| will)? (?:need|bring|have)|what we(?:'re|’re| are)? looking for|what we expect|who you are|must[\s-]haves?|required|about you|your (?:profile|background|skills|experience|qualifications)|skills|minimum|basic|essential|competencies|ideal candidate|you should have|you have|you bring|what it takes|experience)\b/i,
  },
  {
    kind: "responsibilities",
    re: /\b(responsibilit\w*|what you(?:'ll|’ll| will)? (?:do|be doing|work on|achieve)|duties|the role|your role|role overview|about the (?:role|job|position)|day[\s-]to[\s-]day|in this role|key tasks|tasks|your (?:mission|impact|day)|the job|job description|position summary|a typical day|the opportunity|what the job involves)\b/i,
  },
  {
    kind: "benefits",
    re: /\b(benefits|perks|what we offer|we offer|compensation|why (?:join|work)|what(?:'s|’s| is) in it for you|our offer|total rewards|what you(?:'ll|’ll| will)? get|salary|pay)\b/i,
  },
  { kind: "about", re: /\b(about|who we are|our (?:company|mission|story|team)|company overview|the company)\b/i },
  { kind: "other", re: /\b(how to apply|to apply|equal opportunity|eeo|location|application process|next steps|interview process)\b/i },
];

function classifyHeading(text: string): SectionKind | null {
  for (const { kind, re } of SECTION_PATTERNS) if (re.test(text)) return kind;
  return null;
}

function headingText(line: string): string | null {
  const md = /^#{1,6}\s+(.+?)\s*#*$/.exec(line);
  if (md) return md[1].replace(/[*_:]+/g, "").trim();
  const bold = /^(?:\*\*|__)(.+?)(?:\*\*|__):?$/.exec(line);
  if (bold) return bold[1].replace(/:$/, "").trim();
  return null;
}

function wordCountOf(s: string): number {
  return s.split(/\s+/).filter(Boolean).length;
}

/** A line on its own that opens a section; returns the heading's kind. */
interface Heading {
  kind: SectionKind;
  heading: string;
  /** Only a line ending in ":" is weak: "Experience with one of the following:" may open a list. */
  weak: boolean;
}

/** A plain line ("What you'll do") is a heading only if it reads like one, not like a requirement. */
function plainHeadingShape(bare: string): boolean {
  return /^[\p{Lu}]/u.test(bare) && !/^\S+.*\b(?:with|using|in)\b/i.test(bare) && findSkills(bare).length === 0;
}

/** A line on its own that opens a section; returns the heading's kind. */
function detectHeading(line: string): Heading | null {
  if (!line || hasBulletMarker(line)) return null;
  const explicit = headingText(line);
  if (explicit) return { kind: classifyHeading(explicit) ?? "other", heading: explicit, weak: false };
  const bare = line.replace(/[\p{Emoji_Presentation}\p{Extended_Pictographic}]/gu, "").trim();
  const words = wordCountOf(bare);
  if (words === 0 || words > 8) return null;
  if (/:$/.test(bare)) {
    const text = bare.replace(/:$/, "").trim();
    const kind = classifyHeading(text);
    return { kind: kind ?? "other", heading: text, weak: kind === null || !plainHeadingShape(text) };
  }
  if (/[.,;!]$/.test(bare)) return null;
  const allCaps = /\p{Lu}/u.test(bare) && bare === bare.toUpperCase() && words <= 6;
  const kind = classifyHeading(bare);
  if (kind && (allCaps || (words <= 6 && plainHeadingShape(bare)))) return { kind, heading: bare, weak: false };
  if (allCaps) return { kind: "other", heading: bare, weak: false };
  return null;
}

/** "Requirements: 5+ years of Go" — a known section label with content on the same line. */
function detectInlineHeading(line: string): { kind: SectionKind; heading: string; rest: string } | null {
  const m = /^([^:]{3,40}):\s+(.+)$/.exec(line);
  if (!m || hasBulletMarker(line) || wordCountOf(m[1]) > 5) return null;
  const kind = classifyHeading(m[1]);
  if (!kind || kind === "about" || kind === "other") return null;
  return { kind, heading: m[1].trim(), rest: m[2].trim() };
}

function splitSections(lines: string[]): { header: string[]; sections: Section[] } {
  const header: string[] = [];
  const sections: Section[] = [];
  let current: Section | null = null;
  for (const line of lines) {
    const heading = detectHeading(line);
    const inline = heading ? null : detectInlineHeading(line);
    if (heading && heading.kind === "other" && sections.length === 0) {
      // Unnamed headings above the first real section are the posting's header ("# Senior Engineer").
      header.push(line);
    } else if (heading?.weak && current && current.kind !== "other" && current.kind !== "about") {
      current.lines.push(line);
    } else if (heading || inline) {
      const h = (heading ?? inline)!;
      current = { kind: h.kind, heading: h.heading, lines: inline ? [inline.rest] : [] };
      sections.push(current);
    } else if (current) {
      current.lines.push(line);
    } else {
      header.push(line);
    }
  }
  return { header, sections: sections.flatMap(splitTrailingProse) };
}

/** A prose paragraph after a bullet list ("We offer CHF 120'000…") is not one more bullet. */
function splitTrailingProse(section: Section): Section[] {
  let lastBullet = -1;
  section.lines.forEach((l, i) => {
    if (hasBulletMarker(l)) lastBullet = i;
  });
  if (lastBullet < 0) return [section];
  const blank = section.lines.findIndex((l, i) => i > lastBullet && l === "");
  const rest = blank < 0 ? [] : section.lines.slice(blank + 1).filter(Boolean);
  if (!rest.length || rest.some(hasBulletMarker)) return [section];
  return [
    { ...section, lines: section.lines.slice(0, blank) },
    { kind: "other", heading: null, lines: rest },
  ];
}

/** Bullet items; wrapped bullet lines are joined; prose is split into sentences. */
function sectionItems(lines: string[]): string[] {
  const items: string[] = [];
  const usesBullets = lines.some(hasBulletMarker);
  let open = false;
  for (const line of lines) {
    if (!line) {
      open = false;
      continue;
    }
    if (hasBulletMarker(line)) {
      items.push(stripBulletMarker(line));
      open = true;
    } else if (usesBullets && open && /^[\p{Ll}(&]/u.test(line)) {
      items[items.length - 1] += ` ${line}`;
    } else {
      items.push(...splitSentences(line));
      open = false;
    }
  }
  return items.map((s) => s.replace(/\s+/g, " ").trim()).filter((s) => s.length > 1);
}

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

interface Header {
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

function extractHeader(header: string[], sections: Section[], text: string): Header {
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

// ---------------------------------------------------------------------------------------------
// Requirements and keywords

const PREFERRED_CUE =
  /\b(preferred|preferably|a plus|is a bonus|bonus|nice[\s-]to[\s-]have|ideally|desirable|desired|would be (?:great|nice|helpful|an advantage)|an advantage|advantageous|plus if|bonus points|not required|optional|considered an asset|an asset)\b/i;
const REQUIRED_CUE =
  /\b(you have|you know|you are|you can|pursuing|currently (?:enrolled|studying)|you bring|you(?:'ll|’ll| will) need|must|required|requires?|proficien\w*|experience (?:with|in|using|of)|knowledge of|familiar\w* with|expertise in|background in|degree in|bachelor|master|certifi\w*|licen[cs]\w*|ability to|skills? in|\d+\+? years|fluent|fluency|comfortable with|hands-on)\b/i;

function toRequirement(text: string, required: boolean): JobRequirement {
  const keywords = [...new Set(findSkills(text).map((m) => m.canonical))];
  return { text, required: required && !PREFERRED_CUE.test(text), keywords };
}

/** "Solid IFRS; US GAAP is an advantage" holds one required and one preferred requirement. */
function splitMixedItem(text: string): string[] {
  if (!text.includes(";") || !PREFERRED_CUE.test(text)) return [text];
  return text.split(/;\s*/).map((c) => c.trim()).filter(Boolean);
}

function requirementsFrom(sections: Section[], allSentences: string[]): JobRequirement[] {
  const fromSections = sections.flatMap((s) => {
    if (s.kind !== "requirements" && s.kind !== "preferred") return [];
    return sectionItems(s.lines)
      .flatMap(splitMixedItem)
      .map((t) => toRequirement(t, s.kind === "requirements"));
  });
  if (fromSections.length) return fromSections;
  return allSentences.filter((s) => REQUIRED_CUE.test(s) || PREFERRED_CUE.test(s)).map((t) => toRequirement(t, true));
}

const TIER = { required: 0, preferred: 1, responsibilities: 2, elsewhere: 3 } as const;

interface KeywordStat {
  tier: number;
  count: number;
  first: number;
}

function rankSkills(text: string, requirements: JobRequirement[], responsibilities: string[], title: string | null): string[] {
  const stats = new Map<string, KeywordStat>();
  const bump = (name: string, tier: number, index: number, count = 0) => {
    const s = stats.get(name) ?? { tier, count: 0, first: index };
    s.tier = Math.min(s.tier, tier);
    s.count += count;
    s.first = Math.min(s.first, index);
    stats.set(name, s);
  };
  for (const m of findSkills(text)) bump(m.canonical, TIER.elsewhere, m.index, 1);
  for (const r of requirements) for (const k of r.keywords) bump(k, r.required ? TIER.required : TIER.preferred, Number.MAX_SAFE_INTEGER);
  for (const item of responsibilities) for (const m of findSkills(item)) bump(m.canonical, TIER.responsibilities, Number.MAX_SAFE_INTEGER);
  if (title) for (const m of findSkills(title)) bump(m.canonical, TIER.responsibilities, Number.MAX_SAFE_INTEGER);
  return [...stats.entries()]
    .sort(([a, x], [b, y]) => x.tier - y.tier || y.count - x.count || x.first - y.first || (a < b ? -1 : 1))
    .map(([name]) => name);
}

const PHRASE_STOP = new Set(
  "we you our the this your join about benefits requirements responsibilities what who why how and or for with in at on to a an of as is are be it its if all any apply equal opportunity employer inc ltd llc gmbh".split(" "),
);

/** Capitalised two-word phrases repeated in the text that the lexicon does not know (product names, domains). */
function frequentPhrases(text: string, exclude: string[]): string[] {
  const counts = new Map<string, { n: number; first: number }>();
  const re = /(?<![\p{L}\p{N}])([\p{Lu}][\p{L}\p{N}]+) ([\p{Lu}][\p{L}\p{N}]+)(?![\p{L}\p{N}])/gu;
  for (const m of text.matchAll(re)) {
    const [a, b] = [m[1], m[2]];
    if (PHRASE_STOP.has(a.toLowerCase()) || PHRASE_STOP.has(b.toLowerCase())) continue;
    if (a === a.toUpperCase() && b === b.toUpperCase()) continue;
    const phrase = `${a} ${b}`;
    if (findSkills(phrase).length || canonicalSkill(phrase)) continue;
    const c = counts.get(phrase) ?? { n: 0, first: m.index! };
    c.n++;
    counts.set(phrase, c);
  }
  const excluded = exclude.filter(Boolean).map((e) => e.toLowerCase());
  return [...counts.entries()]
    .filter(([p, c]) => c.n >= 2 && !excluded.some((e) => e.includes(p.toLowerCase()) || p.toLowerCase().includes(e)))
    .sort(([, x], [, y]) => y.n - x.n || x.first - y.first)
    .slice(0, 5)
    .map(([p]) => p);
}

const MAX_KEYWORDS = 40;

// ---------------------------------------------------------------------------------------------
// Entry points

export function parseJobText(raw: string): ParsedJob {
  const description = normaliseText(raw);
  const lines = description.split("\n");
  const { header, sections } = splitSections(lines);
  const headerInfo = extractHeader(header, sections, description);

  const bySection = (kind: SectionKind) => sections.filter((s) => s.kind === kind).flatMap((s) => sectionItems(s.lines));
  // Perks ("free gym", "health insurance") say nothing about the skills the job needs.
  const nonBenefitText = [...header, ...sections.filter((s) => s.kind !== "benefits").flatMap((s) => [s.heading ?? "", ...s.lines])].join("\n");
  const requirements = requirementsFrom(sections, splitSentences(nonBenefitText));
  const responsibilities = bySection("responsibilities");
  const benefits = bySection("benefits");

  const otherLines = [...header, ...sections.filter((s) => s.kind !== "about" && s.kind !== "benefits").flatMap((s) => s.lines)].flatMap(
    (l) => splitSentences(l),
  );
  const yearsExperience = extractYears(
    requirements.filter((r) => r.required).map((r) => r.text),
    otherLines,
  );
  const skills = rankSkills(nonBenefitText, requirements, responsibilities, headerInfo.title);
  const phrases = frequentPhrases(nonBenefitText, [headerInfo.title ?? "", headerInfo.company ?? "", headerInfo.location ?? ""]);

  return {
    title: headerInfo.title || null,
    company: headerInfo.company || null,
    location: headerInfo.location || null,
    description,
    keywords: [...skills, ...phrases].slice(0, MAX_KEYWORDS),
    requirements,
    responsibilities,
    benefits,
    salary: parseSalary(description),
    remoteMode: detectRemoteMode(description),
    seniority: detectSeniority(headerInfo.title, nonBenefitText, yearsExperience),
    yearsExperience,
  };
}

/** Structured input: form fields or a JSON Resume job document (its field names are accepted). */
export interface JobFields {
  title?: string | null;
  /** JSON Resume uses `name` for the job title in some documents. */
  name?: string | null;
  company?: string | null;
  location?: string | { address?: string; city?: string; region?: string; countryCode?: string; postalCode?: string } | null;
  description?: string | null;
  requirements?: string[] | null;
  /** JSON Resume: qualifications. */
  qualifications?: string[] | null;
  preferred?: string[] | null;
  responsibilities?: string[] | null;
  benefits?: string[] | null;
  /** Free-text salary ("$120k–$150k"). */
  salary?: string | null;
  /** RemoteMode, or JSON Resume's "Full" | "Hybrid" | "None". */
  remote?: string | null;
  /** Free-text level ("Senior") — JSON Resume's `experience`. */
  experience?: string | null;
  /** JSON Resume: skills with keywords. */
  skills?: ({ name?: string; keywords?: string[] } | string)[] | null;
}

function locationText(loc: JobFields["location"]): string | null {
  if (!loc) return null;
  if (typeof loc === "string") return loc.trim() || null;
  const parts = [loc.address, loc.city, loc.region, loc.countryCode].filter((p): p is string => Boolean(p && p.trim()));
  return parts.length ? parts.join(", ") : null;
}

function remoteFromField(remote: string | null | undefined): RemoteMode | null {
  if (!remote) return null;
  const r = remote.trim().toLowerCase();
  if (/^(remote|full|fully remote|yes)$/.test(r)) return "REMOTE";
  if (/^(hybrid|partial)$/.test(r)) return "HYBRID";
  if (/^(on[\s-]?site|onsite|none|no|office|in[\s-]office)$/.test(r)) return "ONSITE";
  const detected = detectRemoteMode(remote);
  return detected === "UNKNOWN" ? null : detected;
}

function composeText(f: JobFields): string {
  const list = (heading: string, items: string[] | null | undefined) =>
    items && items.length ? `\n\n${heading}\n${items.map((i) => `- ${i}`).join("\n")}` : "";
  const skillNames = (f.skills ?? []).flatMap((s) => (typeof s === "string" ? [s] : [s.name ?? "", ...(s.keywords ?? [])])).filter(Boolean);
  return [
    f.description ?? "",
    list("Responsibilities", f.responsibilities),
    list("Requirements", [...(f.requirements ?? []), ...(f.qualifications ?? [])]),
    skillNames.length ? `\n\nRequirements\n- ${skillNames.join(", ")}` : "",
    list("Nice to have", f.preferred),
    list("Benefits", f.benefits),
  ].join("");
}

/** Fills a ParsedJob from given fields; given values win, the rest comes from the text. */
export function parseJobFields(fields: JobFields): ParsedJob {
  const parsed = parseJobText(composeText(fields));
  const title = (fields.title ?? fields.name)?.trim() || parsed.title;
  const salaryText = fields.salary?.trim();
  const salary = salaryText ? (parseSalary(/salary|pay|rate/i.test(salaryText) ? salaryText : `Salary: ${salaryText}`) ?? parsed.salary) : parsed.salary;
  const seniority =
    (fields.experience ? detectSeniority(fields.experience, fields.experience, null) : null) ??
    detectSeniority(title, parsed.description, parsed.yearsExperience);
  return {
    ...parsed,
    title,
    company: fields.company?.trim() || parsed.company,
    location: locationText(fields.location) ?? parsed.location,
    salary,
    remoteMode: remoteFromField(fields.remote) ?? parsed.remoteMode,
    seniority,
  };
}
