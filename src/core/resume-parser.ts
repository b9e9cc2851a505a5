// Resume text → structured profile draft, deterministically and without I/O.
//
// The text comes from pdf-parse, mammoth or a .txt upload, so the parser expects extraction
// artefacts rather than clean markup: PDF list markers drawn as graphics (bullets arrive
// unmarked and hard-wrapped), right-aligned dates separated by a tab, DOCX paragraphs glued to
// their right-aligned neighbour ("Acme CorpJan 2020"), columns read one after the other.
//
// Strategy: split into sections by headings; inside Experience/Education, every header line
// carrying a date range anchors one entry, and the header lines around it are taken in the
// same shape the first entry shows (resumes repeat one template). Title vs company is decided
// by vocabulary first and, where that is silent, by the position the confident entries use.

import { canonicalSkill, findSkills, skillCategory } from "./lexicon.ts";
import type { PartialDate, SkillGroups } from "./types.ts";
import { headingKey, kindOfKey, type SectionKind as HeadingKind } from "./resume/headings.ts";
import { COMPANY_RE, STRONG_COMPANY_RE, TITLE_LEADS, TITLE_TAILS, TITLE_WORDS } from "./resume/vocabulary.ts";

// ───────────────────────────── public shapes ─────────────────────────────

export interface DraftExperience {
  /** The section the role was listed under when it is not the main experience section ("Volunteer", "Leadership"). */
  section?: string;
  title?: string;
  company?: string;
  location?: string;
  startDate?: PartialDate;
  endDate?: PartialDate;
  current?: boolean;
  bullets: string[];
  technologies: string[];
}

export interface DraftProject {
  name?: string;
  bullets: string[];
  technologies: string[];
  url?: string;
  repoUrl?: string;
  startDate?: PartialDate;
  endDate?: PartialDate;
}

export interface DraftEducation {
  institution?: string;
  degree?: string;
  field?: string;
  startDate?: PartialDate;
  endDate?: PartialDate;
  gpa?: string;
  honors: string[];
  coursework: string[];
}

export interface DraftProfile {
  fullName?: string;
  email?: string;
  phone?: string;
  location?: string;
  links: { label: string; url: string }[];
  summary?: string;
  skills: SkillGroups;
  experiences: DraftExperience[];
  projects: DraftProject[];
  education: DraftEducation[];
}

export interface FieldConfidence {
  /** e.g. "experiences[0].company", "email", "skills.technical". */
  path: string;
  /** 0..1 */
  confidence: number;
}

export interface ResumeDraft {
  profile: DraftProfile;
  confidence: { overall: number; fields: FieldConfidence[] };
  warnings: string[];
}

export interface ParseOptions {
  /** Positioned lines from the extractor, when it has them (used to drop running headers/footers). */
  lines?: { text: string; page: number; y?: number; gapBefore?: boolean }[];
}

export interface DateRange {
  startDate?: PartialDate;
  endDate?: PartialDate;
  current: boolean;
}

// ───────────────────────────── dates ─────────────────────────────

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
const MONTH_SRC =
  "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
const SEASON_SRC = "(?:spring|summer|fall|autumn|winter)";
const YEAR_SRC = "(?:19|20)\\d{2}";
const DATE_SRC =
  `(?:(?:${MONTH_SRC}|${SEASON_SRC})\\s*,?\\s*(?:${YEAR_SRC}|['’]\\d{2})` + // Jan 2020, Sept. 2019, Jan '20
  `|(?:0?[1-9]|1[0-2])\\s*[/.]\\s*${YEAR_SRC}` + // 01/2020, 1.2020
  `|${YEAR_SRC}\\s*[-/.]\\s*(?:0[1-9]|1[0-2])(?![\\d])` + // 2020-01
  `|${YEAR_SRC})`;
// "Continue", "till now": how some resumes (the corpus README lists them) write an open end.
const PRESENT_SRC = "(?:present|current(?:ly)?|now|today|ongoing|continu(?:e|ing)|till\\s+now|to\\s+date|date)";
const SEP_SRC = "\\s*(?:[-–—−~]+|\\bto\\b|\\buntil\\b|\\btill\\b|\\bthrough\\b|\\bthru\\b|→)\\s*";

const RANGE_RE = new RegExp(`(${DATE_SRC})${SEP_SRC}(${DATE_SRC}|${PRESENT_SRC})(?![\\w])`, "i");
const MONTH_PAIR_RE = new RegExp(`(${MONTH_SRC})${SEP_SRC}(${MONTH_SRC})\\s+(${YEAR_SRC})(?!\\d)`, "i");
const SINCE_RE = new RegExp(`\\b(?:since|from|starting)\\s+(${DATE_SRC})(?![\\w])`, "i");
const SINGLE_RE = new RegExp(`(?:\\b(?:expected|graduated|graduation|completed|class of)\\s*:?\\s*)?(${DATE_SRC})(?![\\w])`, "i");
// Longest unit first and a word end: "mos?" alone would eat the "mo" of "months" and leave "nths)".
// "3 years", "4.5 years experience", "(1 yr 2 mos)": a duration printed after the dates (JSON Resume themes, ODT templates).
const DURATION_RE = /\(?\b\d+(?:[.,]\d+)?\s*(?:years?|yrs?|months?|mos?)\b(?:,?\s+\d+\s*(?:months?|mos?)\b)?(?:\s+(?:of\s+)?experience\b)?\)?/gi;

/** Parses one date as written ("Jan 2020", "01/2020", "2020-01", "2019") to a partial ISO date. */
export function parseDate(raw: string): PartialDate | null {
  const s = raw.trim().toLowerCase();
  let m = new RegExp(`^(${MONTH_SRC})\\s*,?\\s*(${YEAR_SRC}|['’]\\d{2})$`, "i").exec(s);
  if (m) {
    const month = MONTHS[m[1].replace(".", "").slice(0, m[1].startsWith("sept") ? 4 : 3)] ?? MONTHS[m[1].slice(0, 3)];
    return `${expandYear(m[2])}-${String(month).padStart(2, "0")}`;
  }
  m = new RegExp(`^${SEASON_SRC}\\s*,?\\s*(${YEAR_SRC}|['’]\\d{2})$`, "i").exec(s);
  if (m) return expandYear(m[1]);
  m = new RegExp(`^(0?[1-9]|1[0-2])\\s*[/.]\\s*(${YEAR_SRC})$`).exec(s);
  if (m) return `${m[2]}-${m[1].padStart(2, "0")}`;
  m = new RegExp(`^(${YEAR_SRC})\\s*[-/.]\\s*(0[1-9]|1[0-2])$`).exec(s);
  if (m) return `${m[1]}-${m[2]}`;
  m = new RegExp(`^(${YEAR_SRC})$`).exec(s);
  return m ? m[1] : null;
}

function expandYear(y: string): string {
  if (y.length === 4) return y;
  const two = Number(y.slice(-2));
  // Two-digit years on resumes are recent: '99 is 1999, '21 is 2021.
  return String(two > 50 ? 1900 + two : 2000 + two);
}

export interface DateHit {
  range: DateRange;
  index: number;
  length: number;
  /** A single date rather than a range. */
  single: boolean;
}

/** Finds the first date range ("Jan 2020 – Present", "2019–2021", "Since 2021") in a line. */
export function findDateRange(line: string): DateHit | null {
  let m = RANGE_RE.exec(line);
  if (m) {
    const start = parseDate(m[1]);
    const endRaw = m[2];
    const isPresent = new RegExp(`^${PRESENT_SRC}$`, "i").test(endRaw.trim());
    const end = isPresent ? null : parseDate(endRaw);
    if (start && (isPresent || end)) {
      return { range: { startDate: start, endDate: end ?? undefined, current: isPresent }, index: m.index, length: m[0].length, single: false };
    }
  }
  m = MONTH_PAIR_RE.exec(line);
  if (m) {
    const start = parseDate(`${m[1]} ${m[3]}`);
    const end = parseDate(`${m[2]} ${m[3]}`);
    if (start && end) return { range: { startDate: start, endDate: end, current: false }, index: m.index, length: m[0].length, single: false };
  }
  m = SINCE_RE.exec(line);
  if (m) {
    const start = parseDate(m[1]);
    if (start) return { range: { startDate: start, current: true }, index: m.index, length: m[0].length, single: false };
  }
  m = SINGLE_RE.exec(line);
  if (m) {
    const d = parseDate(m[1]);
    if (d) return { range: { endDate: d, current: false }, index: m.index, length: m[0].length, single: true };
  }
  return null;
}

/** Parses a whole string that should be a date range; null when it holds none. */
export function parseDateRange(text: string): DateRange | null {
  return findDateRange(text)?.range ?? null;
}

// ───────────────────────────── lines ─────────────────────────────

type FieldRole = "title" | "company" | "location";

interface Line {
  text: string;
  bullet: boolean;
  /** A blank line preceded it in the source (paragraph boundary). */
  blankBefore: boolean;
  /** Its label named the field ("Employer: Arup"). */
  role?: FieldRole;
}

const BULLET_RE = /^\s*(?:[•·●▪◦■□►▸‣⁃∙○◆◇✓✔➢➤→*›»]|[-–—](?=\s))\s*/;
const LONE_BULLET_RE = /^\s*(?:[•·●▪◦■□►▸‣⁃∙○◆◇✓✔➢➤*›»]|[-–—])\s*$/;
const PAGE_MARKER_RE = /^\s*(?:--\s*\d+\s+of\s+\d+\s*--|page\s+\d+(?:\s+(?:of|\/)\s+\d+)?|\d+\s*\/\s*\d+)\s*$/i;
const PRESENT_WORD_RE = /\b(Present|Current|Now|Today)(?=[A-Z][a-z])/g;

function normaliseLine(raw: string): string {
  return raw
    .normalize("NFKC")
    // Leaders between fields ("Salsify ------ Boston MA", "Acme ........ 2019"): plain-text and
    // dotted-leader layouts; a cell break, like a tab.
    .replace(/\s*(?:[-_.·…]\s?){4,}\s*/g, (m, offset: number, whole: string) => (offset === 0 || offset + m.length === whole.length ? "" : "\t"))
    .replace(/[\u200b-\u200d\ufeff]/g, "")
    .replace(/\u00a0/g, " ")
    .replace(/^[ \f\v]+/, "")
    // Anchored at the end, a plain /[ ]+$/ retries from every space of a long run: quadratic.
    .replace(/(?<![ \f\v])[ \f\v]+$/, "");
}

/**
 * No line of a resume is longer than this; longer input lines (a pasted paragraph, or hostile
 * input) are cut at a space into pieces, so that every later per-line step stays linear overall.
 */
export const MAX_LINE_CHARS = 600;

export function boundLines(lines: string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    if (line.length <= MAX_LINE_CHARS) {
      out.push(line);
      continue;
    }
    let rest = line;
    while (rest.length > MAX_LINE_CHARS) {
      const space = rest.lastIndexOf(" ", MAX_LINE_CHARS);
      const cut = space > MAX_LINE_CHARS / 2 ? space : MAX_LINE_CHARS;
      out.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    out.push(rest);
  }
  return out;
}

/** DOCX paragraphs whose right-aligned part was a separate run arrive glued: "Acme CorpJan 2020". */
function unglue(line: string): string {
  // Case-insensitive to match "Jan"/"JAN"; the callback keeps only capitalised months after a letter.
  const monthStart = new RegExp(`(?<=[a-z)])(?=(?:${MONTH_SRC})\\s*(?:${YEAR_SRC}\\b|['’]\\d{2}(?!\\d)))`, "gi");
  const upperMonth = (s: string) => s.replace(monthStart, (_m, offset: number) => (/[A-Z]/.test(s[offset]) ? "\t" : ""));
  return upperMonth(line)
    .replace(new RegExp(`(?<=[a-z)])(?=${YEAR_SRC}\\s*[-–—]\\s*(?:${YEAR_SRC}|present|current))`, "gi"), "\t")
    .replace(new RegExp(`(?<=[a-z)])(?=(?:Since|From)\\s+(?:${DATE_SRC}))`, "g"), "\t")
    .replace(PRESENT_WORD_RE, "$1\t")
    .replace(new RegExp(`(?<=\\b${YEAR_SRC})(?=\\p{Lu})`, "gu"), "\t");
}

function toLines(text: string, opts: ParseOptions | undefined): Line[] {
  const raws: (string | null)[] = opts?.lines?.length ? positionedLines(opts.lines) : boundLines(text.replace(/\r\n?/g, "\n").split("\n"));
  const out: Line[] = [];
  let blank = false;
  let pendingMarker = false;
  for (const raw of raws) {
    const t = raw === null ? "" : normaliseLine(raw);
    if (!t.trim() || PAGE_MARKER_RE.test(t)) {
      blank = blank || !t.trim();
      continue;
    }
    if (LONE_BULLET_RE.test(t)) {
      pendingMarker = true;
      continue;
    }
    const marker = BULLET_RE.exec(t);
    const body = marker ? t.slice(marker[0].length) : t;
    if (!body.trim()) continue;
    out.push({ text: unglue(unspaceLetters(body.trim())), bullet: pendingMarker || !!marker, blankBefore: blank });
    blank = false;
    pendingMarker = false;
  }
  return out;
}

/**
 * Headings set with letter-spacing come out of PDFs one letter at a time ("K i t c h e n E x p e r i e n c e",
 * kerning sometimes pairs two: "Tr a i n i n g"). Re-joins them; a capital after a small letter starts a word.
 */
export function unspaceLetters(text: string): string {
  const tokens = text.split(/ +/);
  if (tokens.length < 4 || !tokens.every((t) => /^(?:\p{L}{1,2}|&)$/u.test(t))) return text;
  if (tokens.filter((t) => t.length === 1).length < 0.7 * tokens.length) return text;
  return tokens
    .join("")
    .replace(/(?<=\p{Ll})(?=\p{Lu})/gu, " ")
    .replace(/\s*&\s*/g, " & ")
    .trim();
}

/** Drops running headers/footers: the same text on the same spot of several pages. */
function positionedLines(lines: NonNullable<ParseOptions["lines"]>): (string | null)[] {
  const pages = new Set(lines.map((l) => l.page));
  const seen = new Map<string, Set<number>>();
  const key = (l: (typeof lines)[number]) => `${l.text.trim().toLowerCase()}@${l.y === undefined ? "" : Math.round(l.y)}`;
  for (const l of lines) {
    const k = key(l);
    if (!seen.has(k)) seen.set(k, new Set());
    seen.get(k)!.add(l.page);
  }
  const out: (string | null)[] = [];
  let lastPage: number | null = null;
  for (const l of lines) {
    if ((lastPage !== null && l.page !== lastPage) || l.gapBefore) out.push(null);
    lastPage = l.page;
    if (pages.size > 1 && seen.get(key(l))!.size > 1 && l.text.trim()) continue;
    out.push(...boundLines([l.text]));
  }
  return out;
}

/** DOCX text (mammoth) puts a blank line between paragraphs, so lines are never hard-wrapped. */
function isParagraphMode(lines: Line[]): boolean {
  if (lines.length < 4) return false;
  const withBlank = lines.slice(1).filter((l) => l.blankBefore).length;
  return withBlank / (lines.length - 1) > 0.6;
}

// ───────────────────────────── vocabulary ─────────────────────────────

type SectionKind = "header" | HeadingKind;

const EMPLOYMENT_TYPE_RE = /^\(?(?:full[- ]?time|part[- ]?time|contract(?:or)?|freelance|internship|temporary|temp|permanent|seasonal|self[- ]employed|remote|hybrid|on[- ]?site)\)?$/i;

const COUNTRIES = new Set(
  (
    "usa us u.s. u.s.a. united states america uk u.k. united kingdom england scotland wales ireland northern ireland germany deutschland france spain " +
    "españa italy italia portugal netherlands the netherlands holland belgium luxembourg switzerland austria poland czechia czech republic " +
    "slovakia hungary romania bulgaria greece turkey sweden norway denmark finland iceland estonia latvia lithuania ukraine russia " +
    "canada mexico brazil argentina chile colombia peru uruguay india pakistan bangladesh sri lanka nepal china japan korea " +
    "south korea taiwan hong kong singapore malaysia indonesia thailand vietnam philippines australia new zealand south africa " +
    "nigeria kenya ghana egypt morocco tunisia israel uae united arab emirates saudi arabia qatar croatia serbia slovenia cyprus malta"
  )
    .split(" ")
    .concat(["united states", "united kingdom", "new zealand", "south africa", "hong kong", "sri lanka", "czech republic", "saudi arabia", "south korea", "northern ireland", "united arab emirates", "the netherlands"]),
);
/** US states, Canadian provinces and Australian states by name: "Greenville, South Carolina". */
const REGION_NAMES = new Set(
  "alabama,alaska,arizona,arkansas,california,colorado,connecticut,delaware,florida,georgia,hawaii,idaho,illinois,indiana,iowa,kansas,kentucky,louisiana,maine,maryland,massachusetts,michigan,minnesota,mississippi,missouri,montana,nebraska,nevada,new hampshire,new jersey,new mexico,new york,north carolina,north dakota,ohio,oklahoma,oregon,pennsylvania,rhode island,south carolina,south dakota,tennessee,texas,utah,vermont,virginia,washington,west virginia,wisconsin,wyoming,district of columbia,ontario,quebec,british columbia,alberta,manitoba,saskatchewan,nova scotia,new brunswick,newfoundland,new south wales,victoria,queensland,western australia,south australia,tasmania".split(","),
);
const US_STATES = new Set(
  "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY ON BC AB QC NSW VIC QLD".split(" "),
);

const DEGREE_OF_SUBJECTS =
  "(?:Science|Sciences|Arts|Engineering|Business Administration|Fine Arts|Education|Laws|Law|Philosophy|Technology|Commerce|Music|Applied Science|Applied Sciences|Public Health|Public Administration|Social Work|Architecture|Medicine|Surgery|Nursing|Pharmacy|Computer Applications|Economics|Accountancy|Design|Letters)";
const DEGREE_RE = new RegExp(
  `^(?:(?:Bachelor|Master|Doctor|Associate)(?:['’]s)?(?:\\s+(?:of|in)\\s+${DEGREE_OF_SUBJECTS})?(?:\\s+(?:degree|Degree))?` +
    `|Doctorate|Ph\\.?\\s?D\\.?|D\\.?\\s?Phil\\.?|M\\.?\\s?B\\.?\\s?A\\.?|B\\.?\\s?Sc\\.?|M\\.?\\s?Sc\\.?|B\\.?\\s?Eng\\.?|M\\.?\\s?Eng\\.?` +
    `|B\\.?\\s?Ed\\.?|M\\.?\\s?Ed\\.?|B\\.?\\s?Tech\\.?|M\\.?\\s?Tech\\.?|B\\.?\\s?Com\\.?|M\\.?\\s?Com\\.?|B\\.?\\s?A\\.?|M\\.?\\s?A\\.?|B\\.?\\s?S\\.?|M\\.?\\s?S\\.?` +
    `|BBA|BFA|MFA|MPH|MPA|LL\\.?\\s?B\\.?|LL\\.?\\s?M\\.?|J\\.?D\\.?|M\\.?D\\.?|PGCE|PGDip|PG\\s?Dip|Postgraduate Diploma|Graduate Diploma|Graduate Certificate|HND|HNC|Foundation Degree|` +
    // Semesters abroad are listed like degrees: "Study Abroad Semester in Ecology", "Exchange Year".
    `(?:Study Abroad|Exchange)(?:\\s+(?:Semester|Year|Term|Programme|Program))?|` +
    // UK framework names: "Level 7 Advanced Diploma", "BTEC Level 3 Extended Diploma", "NVQ Level 2 Certificate".
    `(?:(?:BTEC|NVQ|SVQ|City\\s*(?:&|and)\\s*Guilds|CIPD|ILM|CMI|AAT|ACCA)\\s+)?Level\\s+\\d\\s+(?:(?:Advanced|Extended|National|Higher|Professional|Intermediate|Foundation|Subsidiary|Technical|Postgraduate|Graduate)\\s+){0,2}(?:Diploma|Certificate|Award)|BTEC|` +
    `High School Diploma|Diploma|Certificate|A[- ]Levels?|GCSEs?|Abitur|International Baccalaureate|Baccalaureate|Licence|Licenciatura|Magister|Diplom(?:-\\w+)?)` +
    `(?![\\p{L}])`,
  "u",
);
const INSTITUTION_RE = /\b(?:university|universität|universidad|università|université|universiteit|college|institute|school|academy|polytechnic|politecnico|hochschule|conservatory|seminary|ecole|école|faculty|campus)\b/i;
const GPA_RE = /\b(?:c?gpa|grade|grades|score)\s*:?\s*(\d(?:[.,]\d+)?(?:\s*\/\s*\d(?:[.,]\d+)?)?)/i;
const HONORS_RE = /\b(?:summa cum laude|magna cum laude|cum laude|with (?:high )?distinction|with honou?rs|first[- ]class honou?rs|upper second[- ]class|second[- ]class honou?rs|2:1|dean['’]s list|valedictorian|honou?rs)\b/i;
const COURSEWORK_RE = /^(?:relevant\s+|selected\s+|key\s+)?(?:coursework|courses|modules|subjects)\s*:\s*/i;
const TECH_LINE_RE = /^(?:tech(?:nologies|nology)?|tech stack|stack|tools(?: used)?|environment|built with|skills used)\s*:\s*/i;

// Lower-case words only: "Portland, OR" / "IN" end a place, not a sentence.
const CONNECTOR_END_RE = /(?:[,&/]|\s\+|\b(?:and|or|of|in|for|to|from|with|the|a|an|at|by|on|as|into|across|through|over|under|per|via|than|using|including|between|within|while|that|which|who|its|their|our|my|And|Of|For|To|With|The)|[-–])$/;
const STOPWORDS = new Set("of and the in at for to on with a an & de la le du des der die das und von van y e".split(" "));

const SOFT_LABEL_RE = /\b(?:soft|interpersonal|personal|transferable|people|core)\b/i;
const LANG_LABEL_RE = /\b(?:spoken|human|foreign)?\s*languages?\b/i;
const CERT_LABEL_RE = /\b(?:certifications?|certificates?|licen[cs]es?|credentials)\b/i;
const GENERIC_SKILL_LABELS = new Set(
  (
    "tools|technologies|languages|programming|programming languages|frameworks|libraries|frameworks and libraries|databases|cloud|" +
    "devops|infrastructure|platforms|methods|methodologies|testing|frontend|front-end|backend|back-end|data|other|soft skills|" +
    "technical|technical skills|design|software|hardware|concepts|practices|certifications|operating systems|os|web|mobile|" +
    "cloud and devops|data and analytics|analytics|interpersonal|management|business|clinical|skills"
  ).split("|"),
);

// ───────────────────────────── line predicates ─────────────────────────────

function words(s: string): string[] {
  return s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
}

/** Short, Title Case, no sentence punctuation: looks like a name/title/company/location line. */
function isHeaderLike(s: string): boolean {
  const t = s.trim();
  if (!t) return true;
  const ws = words(t);
  if (ws.length > 12) return false;
  if (/[.!?]$/.test(t) && ws.length > 4 && !/\b(?:inc|ltd|co|corp|jr|sr)\.$/i.test(t)) return false;
  const content = ws.filter((w) => !STOPWORDS.has(w.toLowerCase().replace(/[^\p{L}&]/gu, "")));
  if (!content.length) return true;
  const capital = content.filter((w) => /^[^\p{L}]*(?:\p{Lu}|\p{N})/u.test(w) || /^[a-z]+[A-Z]/.test(w)).length;
  return capital / content.length >= 0.75;
}

function endsSentence(s: string): boolean {
  return /[.!?;:]["')\]]?$/.test(s.trim());
}

/**
 * Headings outside the list still name their section by their last word ("Kitchen Experience",
 * "Employment Record", "Culinary Skills", "Registration & Licensure"): the head noun decides.
 */
function headingKind(line: Line): Exclude<SectionKind, "header"> | null {
  if (line.bullet) return null;
  const raw = line.text.trim();
  if (raw.length > 48 || /[@\d]/.test(raw)) return null;
  const exact = kindOfKey(headingKey(raw), false);
  if (exact) return exact;
  // "Key Achievements:" inside a role introduces its bullets; only exact section names may end in a colon.
  if (/:$/.test(raw)) return null;
  // A job title ("Head of Customer Experience", "Senior Skills Trainer") is not a heading.
  const ws = words(raw);
  if (ws.length > 5 || !isHeaderLike(raw) || /[.!?;]$|:./.test(raw) || TITLE_LEADS.test(raw) || /\bof\b/i.test(raw)) return null;
  if (ws.some((w) => TITLE_TAILS.has(w.toLowerCase().replace(/[^\p{L}-]/gu, "")))) return null;
  // "Skills & Interests", "Education, Certifications", "Food Safety & Certifications": the first part that names a section.
  const parts = raw.split(/\s*(?:&|,|\/|\+|\band\b)\s*/i).map(headingKey).filter(Boolean);
  for (const part of parts) {
    const kind = kindOfKey(part, true);
    if (kind) return kind;
  }
  return null;
}

/** "Skills: Python, Go" outside a skills section: a heading with its content on the same line. */
function inlineHeading(line: Line): { kind: "skills" | "languages" | "certifications"; rest: string } | null {
  if (line.bullet) return null;
  const m = /^([\p{L} &]{3,40}):\s*(.+)$/u.exec(line.text.trim());
  if (!m) return null;
  const kind = headingKind({ text: m[1], bullet: false, blankBefore: false });
  if (kind === "skills" || kind === "languages" || kind === "certifications") return { kind, rest: m[2] };
  return null;
}

// ───────────────────────────── sections ─────────────────────────────

interface Section {
  kind: SectionKind;
  heading: string;
  lines: Line[];
}

function splitSections(lines: Line[]): Section[] {
  const sections: Section[] = [{ kind: "header", heading: "", lines: [] }];
  let current = sections[0];
  for (const line of lines) {
    const kind = headingKind(line);
    if (kind) {
      current = { kind, heading: line.text.trim(), lines: [] };
      sections.push(current);
      continue;
    }
    // "Tech Stack: Ruby, Rails" inside a role lists that role's technologies; it does not open a skills section.
    const techLine = (current.kind === "experience" || current.kind === "projects" || current.kind === "activities") && TECH_LINE_RE.test(line.text.trim());
    const inline = current.kind !== "skills" && !techLine ? inlineHeading(line) : null;
    if (inline) {
      current = { kind: inline.kind, heading: line.text.split(":")[0].trim(), lines: [{ ...line, text: inline.rest }] };
      sections.push(current);
      continue;
    }
    current.lines.push(line);
  }
  return sections;
}

const OPEN_RANGE_RE = new RegExp(`^(?:${DATE_SRC})\\s*(?:[-–—]|to)$`, "i");
const RANGE_END_RE = new RegExp(`^(?:${DATE_SRC}|${PRESENT_SRC})$`, "i");
const COLUMN_GAP_RE = /\t+|\s{3,}/;

/**
 * A date range stacked in a left column beside the entry ("Feb 2019 –   Paralegal" /
 * "Present   Ropes & Gray LLP"): the range is put back together on the first line, the right-hand
 * text of the second stays a line of its own.
 */
function mergeStackedDates(lines: Line[]): Line[] {
  const out: Line[] = [];
  for (let i = 0; i < lines.length; i++) {
    const [left, ...right] = lines[i].text.split(COLUMN_GAP_RE);
    const next = lines[i + 1];
    const [nextLeft, ...nextRight] = next ? next.text.split(COLUMN_GAP_RE) : [""];
    if (!next || !right.length || !OPEN_RANGE_RE.test(left.trim()) || !RANGE_END_RE.test(nextLeft.trim())) {
      out.push(lines[i]);
      continue;
    }
    out.push({ ...lines[i], text: `${left.trim()} ${nextLeft.trim()}\t${right.join("\t")}` });
    if (nextRight.join("").trim()) out.push({ ...next, text: nextRight.join("\t"), bullet: false });
    i++;
  }
  return out;
}

/**
 * Re-joins hard-wrapped lines (PDF text). A line continues the previous one when the previous ends
 * on a connector ("and", ",") or the line starts in lower case; in prose sections also when the
 * line's first word would not have fitted on the previous line (the extractor wrapped it) and the
 * previous line is not a finished sentence.
 */
function joinWrapped(lines: Line[], paragraphMode: boolean, kind: SectionKind, page: PageWidth): Line[] {
  if (paragraphMode || lines.length < 2) return lines;
  const prose = kind === "experience" || kind === "education" || kind === "projects" || kind === "summary";
  const list = kind === "skills" || kind === "languages" || kind === "certifications";
  const ctx: WrapContext = {
    width: prose ? columnWidth(lines, page) : null,
    marked: lines.filter((l) => l.bullet).length >= 2,
    listWidth: !list ? null : lines.some((l, i) => isCertainWrap(l, lines[i + 1])) ? Math.max(...lines.map((l) => l.text.length)) : page.width,
  };
  const out: Line[] = [];
  let lastPhysical = 0;
  lines.forEach((line, i) => {
    const prev = out[out.length - 1];
    // A header-like line between a bullet and a dated line heads the next entry.
    const headsEntry =
      !!prev && !isHeaderLike(prev.text) && isHeaderLike(line.text) && !!lines[i + 1] && !lines[i + 1].bullet && hasAnchorDate(lines[i + 1].text);
    // A wrapped paragraph never grows past a few lines; the cap keeps joining linear on hostile input.
    const join = prev && !headsEntry && prev.text.length + line.text.length <= MAX_LINE_CHARS * 2 && shouldJoin(prev, lastPhysical, line, ctx);
    lastPhysical = line.text.length;
    if (join) {
      // Browsers and word processors break lines at real hyphens ("De-" / "escalation"): keep it.
      const hyphenBreak = /\p{L}-$/u.test(prev.text) && /^\p{Ll}/u.test(line.text);
      prev.text = hyphenBreak ? `${prev.text}${line.text}` : `${prev.text} ${line.text}`;
      return;
    }
    out.push({ ...line });
  });
  return out;
}

interface PageWidth {
  /** Longest line of the document. */
  width: number;
  /** Some line near that width certainly wraps (the next continues in lower case or it ends on "and"). */
  wraps: boolean;
}

function isCertainWrap(line: Line, next: Line | undefined): boolean {
  return !!next && !next.bullet && !next.blankBefore && (CONNECTOR_END_RE.test(line.text) || /^[|,;]/.test(next.text) || (/^\p{Ll}/u.test(next.text) && !endsSentence(line.text)));
}

function pageWidth(lines: Line[]): PageWidth {
  const width = Math.max(0, ...lines.map((l) => l.text.length));
  return { width, wraps: lines.some((l, i) => l.text.length >= 0.85 * width && isCertainWrap(l, lines[i + 1])) };
}

/**
 * Character width of the column a section sits in, or null when nothing shows where lines wrap:
 * the page's longest line when some line near it certainly wraps; the section's own longest line
 * when the section never comes near the page width yet wraps (a narrower column).
 */
function columnWidth(lines: Line[], page: PageWidth): number | null {
  const sectionMax = Math.max(...lines.map((l) => l.text.length));
  const wraps = lines.some((l, i) => isCertainWrap(l, lines[i + 1]));
  if (wraps && sectionMax <= 0.8 * page.width) return sectionMax;
  return page.wraps ? page.width : null;
}

interface WrapContext {
  /** Longest line of the section: a proxy for the column width, null when unreliable. */
  width: number | null;
  /** The section marks its bullets, so unmarked lines after a bullet are its continuation. */
  marked: boolean;
  /** For skill lists: the longest line when the list visibly wraps, else the page width; null for other sections. */
  listWidth: number | null;
}

function shouldJoin(prev: Line, prevLength: number, line: Line, ctx: WrapContext): boolean {
  if (line.bullet || line.blankBefore) return false;
  const p = prev.text.trim();
  const t = line.text.trim();
  // "2020–" / "Present": a date range broken at its dash.
  if (/[-–—]\s*$|\bto\s*$/.test(p) && new RegExp(`^(?:${DATE_SRC}|${PRESENT_SRC})\\b`, "i").test(t)) return !findDateRange(t)?.range.startDate;
  // "September 2018 – July" / "2020": broken between the end month and its year.
  if (new RegExp(`(?:[-–—]|\\bto)\\s*${MONTH_SRC}$`, "i").test(p) && new RegExp(`^${YEAR_SRC}\\b`).test(t)) return true;
  if (hasAnchorDate(t) || hasAnchorDate(p)) return false;
  if (t.split(TOKEN_SPLIT_RE).every((tok) => !tok.trim() || isContactToken(tok))) return false;
  if (CONNECTOR_END_RE.test(p)) return true;
  if (/^[\p{Ll}(]/u.test(t) && !/^(?:e|i)[A-Z]/.test(t) && !endsSentence(p)) return true;
  if (prev.bullet && ctx.marked && !isHeaderLike(t)) return true;
  if (ctx.listWidth !== null) {
    // "Soft skills: Coaching, Written" / "Communication": a list line whose last item wrapped.
    if (/^[|,;•·]/.test(t)) return true;
    const fits = prevLength + 1 + t.split(/\s+/)[0].length < 0.9 * ctx.listWidth;
    const isList = /[,;|]/.test(p) || /^[\p{L} &/]{2,30}:\s*\S/u.test(p);
    return isList && !/[,;|]$/.test(p) && !/^[\p{L} &/]{2,30}:/u.test(t) && !fits;
  }
  // Character counts only approximate widths in proportional fonts: a sentence line followed by
  // a capitalised one is more often two bullets than one wrapped bullet, so only a header line
  // spilling a word or two ("Newly Qualified Teacher, Oldham Academy" / "North") is re-joined here.
  if (ctx.width === null || endsSentence(p) || !isHeaderLike(p)) return false;
  const firstWord = t.split(/\s+/)[0];
  const wrapped = prevLength + 1 + firstWord.length >= 0.9 * ctx.width;
  return wrapped && words(t).length <= 2 && !/[|•·,]/.test(t) && !looksLikeLocation(t) && !COMPANY_RE.test(t) && !INSTITUTION_RE.test(t);
}

// ───────────────────────────── contact / header ─────────────────────────────

// The lookbehind starts a match only where a run of address characters starts (else quadratic on "....").
const EMAIL_RE = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/u;
const URL_RE =
  /\b(?:https?:\/\/[^\s|,;]+|www\.[^\s|,;]+|(?:linkedin\.com|github\.com|gitlab\.com|bitbucket\.org|twitter\.com|x\.com|behance\.net|dribbble\.com|medium\.com|stackoverflow\.com|kaggle\.com)\/[^\s|,;]+)/i;
const BARE_DOMAIN_RE = /^(?:[a-z0-9-]+\.)+(?:com|net|org|io|dev|me|design|co|app|xyz|tech|info|site|page|codes|ai|de|uk|fr|nl|se|pl|jp)(?:\/[^\s]*)?$/i;
const PHONE_RE = /(?:\+|\(|\b)\d[\d\s().\-/]{6,}\d\b/;
const TOKEN_SPLIT_RE = /\s*(?:\||•|·|●|▪|◦|\t|\s{3,}|\s[–—]\s)\s*/;

function findPhone(token: string): string | null {
  const m = PHONE_RE.exec(token);
  if (!m) return null;
  const candidate = m[0].trim();
  const digits = candidate.replace(/\D/g, "");
  if (digits.length < 7 || digits.length > 15) return null;
  if (findDateRange(candidate) && !/^\+/.test(candidate) && new RegExp(`^${YEAR_SRC}\\b`).test(candidate)) return null;
  return candidate;
}

function linkLabel(url: string): string {
  const host = url.replace(/^https?:\/\//i, "").replace(/^www\./i, "").split("/")[0].toLowerCase();
  const known: Record<string, string> = {
    "linkedin.com": "LinkedIn", "github.com": "GitHub", "gitlab.com": "GitLab", "bitbucket.org": "Bitbucket",
    "twitter.com": "Twitter", "x.com": "X", "behance.net": "Behance", "dribbble.com": "Dribbble", "medium.com": "Medium",
    "stackoverflow.com": "Stack Overflow", "kaggle.com": "Kaggle",
  };
  return known[host] ?? "Website";
}

function normaliseUrl(u: string): string {
  const trimmed = u.replace(/[).,;]+$/, "");
  return /^https?:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
}

/** "Berlin, Germany", "Boston, MA", "San Francisco, CA, USA", "Remote". */
function looksLikeLocation(s: string): boolean {
  const t = s.trim().replace(/^(?:based in|located in|location:)\s*/i, "");
  if (/^(?:remote|hybrid|on-?site)(?:\s*[(,–-].*)?$/i.test(t)) return true;
  if (/\d{3,}/.test(t) && !/\b\d{4,5}\b/.test(t)) return false;
  const parts = t.split(/\s*,\s*/).filter(Boolean);
  if (COUNTRIES.has(t.toLowerCase())) return true;
  // "Boston MA", "Ann Arbor MI": a US city and state code without the comma (plain-text layouts).
  const cityState = /^([\p{Lu}][\p{L}.'’ -]{1,30})\s+([A-Z]{2})$/u.exec(t);
  if (cityState && US_STATES.has(cityState[2]) && words(cityState[1]).length <= 3) return true;
  if (parts.length < 2 || parts.length > 3) return false;
  if (!parts.every((p) => /^[\p{Lu}\d][\p{L}\d .'’-]*$/u.test(p) && words(p).length <= 4)) return false;
  const isRegion = (p: string) => US_STATES.has(p) || COUNTRIES.has(p.toLowerCase()) || REGION_NAMES.has(p.toLowerCase());
  // Three parts only as "City, Region, Country": "Lyft, San Francisco, CA" is a company and a place.
  if (parts.length === 3) return isRegion(parts[1]) && COUNTRIES.has(parts[2].toLowerCase());
  return isRegion(parts[1]);
}

function looksLikeName(s: string): boolean {
  const t = s.trim();
  if (/^(?:resume|résumé|curriculum vitae|cv)$/i.test(t)) return false;
  const ws = t.split(/\s+/);
  if (ws.length < 2 || ws.length > 5) return false;
  if (!/^[\p{L}][\p{L}'’.\- ]+$/u.test(t)) return false;
  if (ws.some((w) => TITLE_TAILS.has(w.toLowerCase()))) return false;
  return ws.every((w) => /^\p{Lu}/u.test(w) || /^(?:de|van|von|der|da|di|le|la|bin|al)$/i.test(w));
}

function isContactToken(token: string): boolean {
  const t = token.trim();
  if (EMAIL_RE.test(t) || BARE_DOMAIN_RE.test(t)) return true;
  const url = URL_RE.exec(t);
  if (url && url[0].length >= t.length - 2) return true;
  const phone = findPhone(t);
  return !!phone && phone.length >= t.replace(/^(?:phone|tel|mobile|cell)\s*:?\s*/i, "").length - 1;
}

/**
 * Sidebars read after the main column put email, phone and profile links in the middle of a
 * section; they are contact details, not bullets. A location line next to them goes with them.
 */
function pullContactLines(lines: Line[]): { kept: Line[]; contact: Line[] } {
  const isContact = lines.map((l) => {
    const tokens = l.text.split(TOKEN_SPLIT_RE).filter((t) => t.trim());
    return tokens.length > 0 && tokens.every(isContactToken);
  });
  const near = (i: number) => isContact[i - 1] || isContact[i + 1];
  const pulled = lines.map((l, i) => isContact[i] || (looksLikeLocation(l.text) && near(i) && !anchorDate(l.text)));
  return { kept: lines.filter((_, i) => !pulled[i]), contact: lines.filter((_, i) => pulled[i]) };
}

interface Contact {
  fullName?: string;
  email?: string;
  phone?: string;
  location?: string;
  links: { label: string; url: string }[];
  /** Header lines used as contact details (not summary material). */
  used: Set<number>;
}

function parseContact(header: Line[], rest: Line[]): Contact {
  const c: Contact = { links: [], used: new Set() };
  const scan = (lines: Line[], inHeader: boolean) => {
    lines.forEach((line, i) => {
      const tokens = line.text.split(TOKEN_SPLIT_RE).filter(Boolean);
      let used = false;
      for (const token of tokens) {
        const email = EMAIL_RE.exec(token)?.[0];
        if (email) {
          c.email ??= email;
          used = true;
          continue;
        }
        const url = inHeader ? (URL_RE.exec(token)?.[0] ?? (BARE_DOMAIN_RE.test(token.trim()) ? token.trim() : null)) : null;
        if (url) {
          const full = normaliseUrl(url);
          if (!c.links.some((l) => l.url === full)) c.links.push({ label: linkLabel(full), url: full });
          used = true;
          continue;
        }
        const phone = findPhone(token);
        if (phone && (inHeader || /^(?:phone|tel|mobile|cell)\b/i.test(token) || tokens.length > 1)) {
          c.phone ??= phone;
          used = true;
          continue;
        }
        if (inHeader && looksLikeLocation(token)) {
          c.location ??= token.trim().replace(/^(?:based in|located in|location:)\s*/i, "");
          used = true;
        }
      }
      if (used && inHeader) c.used.add(i);
    });
  };
  scan(header, true);
  // Sidebar layouts put contact details after the first heading; only email and phone are safe to take there.
  if (!c.email || !c.phone) scan(rest.filter((l) => !l.bullet && l.text.length < 80), false);
  const nameIdx = header.findIndex((l, i) => i < 4 && !c.used.has(i) && looksLikeName(l.text));
  if (nameIdx >= 0) {
    c.fullName = header[nameIdx].text.trim();
    c.used.add(nameIdx);
  }
  return c;
}

// ───────────────────────────── segments & field roles ─────────────────────────────

interface Segment {
  text: string;
  /** Line offset from the anchor line (negative above). */
  line: number;
  index: number;
  role?: FieldRole;
  /** "Lead Pharmacist, Acute Medicine": the whole segment a title was cut from at its comma. */
  whole?: string;
}

const SEGMENT_SPLIT_RE = /\s*(?:\t+|\s{3,}|\s[|•·●▪◦]\s|\s[–—]\s|\s-\s|\s\/\s)\s*|\s*[|•·]\s*/;

function splitSegments(text: string): string[] {
  return text
    .split(SEGMENT_SPLIT_RE)
    .map((s) => s.trim().replace(/^[,;:()\[\]\s-]+|[,;:(\[\s-]+$/g, "").replace(/^\((.*)\)$/, "$1").trim())
    .filter((s) => s && /[\p{L}\p{N}]/u.test(s));
}

function titleScore(s: string): number {
  const ws = words(s).map((w) => w.toLowerCase().replace(/[^\p{L}-]/gu, ""));
  let score = ws.filter((w) => TITLE_WORDS.has(w)).length;
  // The head noun ends the title; a specialty in brackets may follow it ("Software Engineer (Frontend)").
  const head = words(s.replace(/\s*\([^)]*\)\s*$/, "")).map((w) => w.toLowerCase().replace(/[^\p{L}-]/gu, ""));
  if (head.length && TITLE_TAILS.has(head[head.length - 1])) score += 1;
  if (TITLE_LEADS.test(s)) score += 0.5;
  if (/^(?:head|director|vp|vice president|chief|manager) of\b/i.test(s)) score += 1;
  return score;
}

function companyScore(s: string): number {
  // A generic cue ("Software", "Health") inside a phrase that ends in a title noun is part of the title.
  const head = words(s.replace(/\s*\([^)]*\)\s*$/, "")).map((w) => w.toLowerCase().replace(/[^\p{L}-]/gu, ""));
  const endsInTitle = head.length > 1 && TITLE_TAILS.has(head[head.length - 1]);
  let score = STRONG_COMPANY_RE.test(s) || (!endsInTitle && COMPANY_RE.test(s)) ? 1.5 : 0;
  if (/^[A-Z0-9&]{2,6}$/.test(s.trim())) score += 0.5;
  if (/&/.test(s) && !/\bR&D\b/.test(s)) score += 0.3;
  return score;
}

/** Splits a trailing location off a comma list: "Lyft, San Francisco, CA" → ["Lyft", "San Francisco, CA"]. */
function splitTrailingLocation(seg: string): { rest: string; location?: string } {
  const parts = seg.split(/\s*,\s*/);
  for (let k = Math.max(1, parts.length - 3); k < parts.length; k++) {
    const tail = parts.slice(k).join(", ");
    if (looksLikeLocation(tail) && (parts.slice(k).length >= 2 || COUNTRIES.has(tail.toLowerCase()))) {
      return { rest: parts.slice(0, k).join(", "), location: tail };
    }
  }
  return { rest: seg };
}

interface RoleGuess {
  title?: Segment;
  company?: Segment;
  location?: string;
  /** Both roles came from vocabulary, so the slots may teach the layout. */
  confident: boolean;
  /** Candidates left when vocabulary could not decide. */
  open: Segment[];
  /** The company came from a "Title at Company" phrase. */
  delimited?: boolean;
}

function guessRoles(segments: Segment[]): RoleGuess {
  const guess: RoleGuess = { confident: false, open: [] };
  const candidates: Segment[] = [];
  for (const raw of segments) {
    if (raw.role) {
      assignLabelled(guess, raw);
      continue;
    }
    if (EMPLOYMENT_TYPE_RE.test(raw.text) && !/^(?:remote|hybrid)$/i.test(raw.text)) continue;
    // A lower-case phrase beside a name ("Acme · Data streaming platform") describes it; it is
    // neither the title nor the company.
    if (words(raw.text).length >= 2 && !isHeaderLike(raw.text) && titleScore(raw.text) === 0 && raw.index > 0) continue;
    const glued = unglueLocation(raw.text);
    if (glued) guess.location ??= glued.location;
    const seg = glued ? { ...raw, text: glued.rest } : raw;
    if (looksLikeLocation(seg.text)) {
      guess.location ??= seg.text;
      continue;
    }
    const gluedRoles = unglueTitleFirst(seg.text);
    if (gluedRoles && !guess.title && !guess.company) {
      guess.title = { ...seg, text: gluedRoles.title };
      guess.company = { ...seg, text: gluedRoles.company, index: seg.index + 0.5 };
      continue;
    }
    const at = /^(.+?)\s+(?:at|@)\s+(.+)$/i.exec(seg.text);
    if (at && titleScore(at[1]) > 0) {
      guess.delimited = true;
      guess.title = { ...seg, text: at[1].trim() };
      const loc = splitTrailingLocation(at[2].trim());
      guess.company = { ...seg, text: loc.rest, index: seg.index + 0.5 };
      if (loc.location) guess.location ??= loc.location;
      continue;
    }
    // moderncv-style headers end with a period ("Title, Company, City, ST."); not part of the last field.
    const loc = splitTrailingLocation(/,/.test(seg.text) ? seg.text.replace(/(?<=\p{L}{2,})\.$/u, "") : seg.text);
    if (loc.location) guess.location ??= loc.location;
    const rest = loc.rest;
    const comma = /^(.+?),\s+(.+)$/.exec(rest);
    // (Two words at least: "Smith, Jones & Partners" is one firm's name.)
    if (comma && words(comma[1]).length >= 2 && titleScore(comma[1]) === 0 && companyScore(comma[1]) === 0 && (COMPANY_RE.test(comma[2]) || INSTITUTION_RE.test(comma[2])) && titleScore(comma[2]) === 0 && !/&/.test(rest) && comma[1] !== comma[1].toUpperCase()) {
      // "Data Indexer, Institute for Health Metrics": an organisation cue decides when the title word is unknown.
      candidates.push({ ...seg, text: comma[1], whole: rest }, { ...seg, text: comma[2], index: seg.index + 0.5 });
      guess.title ??= candidates[candidates.length - 2];
      guess.company ??= candidates[candidates.length - 1];
    } else if (comma && titleScore(comma[1]) > 0 && titleScore(comma[2]) === 0) {
      candidates.push({ ...seg, text: comma[1], whole: rest }, { ...seg, text: comma[2], index: seg.index + 0.5 });
    } else if (comma && titleScore(comma[2]) > 0 && titleScore(comma[1]) === 0 && companyScore(comma[2]) === 0) {
      candidates.push({ ...seg, text: comma[1] }, { ...seg, text: comma[2], index: seg.index + 0.5 });
    } else if (rest) candidates.push({ ...seg, text: rest });
  }
  if (guess.title && guess.company) {
    guess.confident = true;
    return guess;
  }
  const net = (s: Segment) => titleScore(s.text) - companyScore(s.text);
  const byTitle = [...candidates].sort((a, b) => net(b) - net(a));
  const best = byTitle[0];
  if (best && net(best) > 0 && !guess.title) guess.title = best;
  const others = candidates.filter((s) => s !== guess.title);
  const companyish = others.filter((s) => net(s) < 0);
  if (!guess.company && companyish.length === 1) guess.company = companyish[0];
  // The comma tail of the title ("…, Acute Medicine") does not make the entry ambiguous.
  const titleSeg = guess.title;
  const rest = others.filter((s) => s !== guess.company && !(titleSeg?.whole && s.line === titleSeg.line && Math.floor(s.index) === Math.floor(titleSeg.index)));
  guess.confident = !!guess.title && !!guess.company && rest.length === 0 && (net(guess.company) < 0 || others.length === 1);
  if (!guess.company && guess.title && others.length === 1 && titleScore(others[0].text) === 0) {
    guess.company = others[0];
    guess.confident = true;
  } else if (!guess.confident) guess.open = rest;
  return guess;
}

/** A labelled field ("Employer: Arup (Birmingham, UK)") says its own role; a place in brackets is the location. */
function assignLabelled(guess: RoleGuess, seg: Segment): void {
  const paren = /^(.*?)\s*\(([^()]+)\)$/.exec(seg.text);
  const place = paren && looksLikeLocation(paren[2]) ? paren[2].trim() : undefined;
  const text = place ? paren![1].trim() : seg.text;
  if (place) guess.location ??= place;
  if (seg.role === "location") guess.location ??= seg.text;
  else if (seg.role === "title") guess.title ??= { ...seg, text };
  else if (seg.role === "company") guess.company ??= { ...seg, text };
}

/** "Senior ParalegalRopes & Gray LLP": a DOCX line break lost between a title and the company after it. */
function unglueTitleFirst(text: string): { title: string; company: string } | null {
  for (const m of text.matchAll(/(?<=\p{Ll})(?=\p{Lu})/gu)) {
    const title = text.slice(0, m.index).trim();
    const company = text.slice(m.index).trim();
    const lastWord = title.split(/\s+/).pop()!.toLowerCase();
    if (TITLE_TAILS.has(lastWord) && company.length >= 2 && titleScore(company) === 0 && !looksLikeLocation(company)) return { title, company };
  }
  return null;
}

/** "Volvo CarsGothenburg, Sweden": a right-aligned location glued on by DOCX text extraction. */
function unglueLocation(text: string): { rest: string; location: string } | null {
  for (const m of text.matchAll(/(?<=\p{Ll})(?=\p{Lu})|(?<=\p{Lu})(?=\p{Lu}\p{Ll})/gu)) {
    const rest = text.slice(0, m.index).trim();
    const location = text.slice(m.index).trim();
    if (rest.length >= 2 && looksLikeLocation(location)) return { rest, location };
  }
  return null;
}

const slotKey = (s: Segment) => `${s.line}:${Math.floor(s.index)}`;

// ───────────────────────────── entries ─────────────────────────────

interface Entry {
  header: Line[];
  /** Index of the anchor line within header, -1 when the entry has no dates. */
  anchor: number;
  dates: DateHit | null;
  body: Line[];
}

/** A date range that heads an entry: at either end of a header-ish line, not inside a sentence. */
function anchorDate(text: string): DateHit | null {
  const hit = findDateRange(text);
  if (!hit) return null;
  const before = text.slice(0, hit.index);
  const after = text.slice(hit.index + hit.length).replace(DURATION_RE, "");
  const beforeOk = !before.trim() || /(?:\t|\s{2,}|[|•·,(–—:-]\s*)$/.test(before) || (!after.trim() && isHeaderLike(before));
  const afterOk = !after.trim() || /^\s*(?:\t|\s{2,}|[|•·,)–—:-])/.test(after);
  // A leading "date: what" line is an entry however long the rest is.
  const labelled = !before.trim() && /^\s*:/.test(after);
  if (!beforeOk || !afterOk) return null;
  // In-word hyphens stay ("Pre-registration Pharmacist (July 2016 – July 2017)").
  const residual = `${before} ${after}`
    .replace(/[|•·,()–—\t]/g, " ")
    .replace(/(?<![\p{L}\p{N}])-|-(?![\p{L}\p{N}])/gu, " ")
    .trim()
    // moderncv-style entries end the header with a period ("Title, Company, City.").
    .replace(/(?<=\p{L}{2,})\.$/u, "");
  // A date set off at the right margin marks an entry even after a long "Degree in Subject, School" line.
  const rightAligned = !after.trim() && /(?:\t|\s{2,})$/.test(before);
  if (residual && (!isHeaderLike(residual) || words(residual).length > (labelled || rightAligned ? 16 : 10))) return null;
  return hit;
}

function hasAnchorDate(text: string): boolean {
  return anchorDate(text) !== null;
}

function runAbove(lines: Line[], i: number, floor: number): number {
  let n = 0;
  for (let j = i - 1; j >= floor && n < 3; j--) {
    // "Acme · Data streaming platform": a company cell and its blurb is a header line too.
    if (lines[j].bullet || !(isHeaderLike(lines[j].text) || isHeaderCells(lines[j].text)) || anchorDate(lines[j].text)) break;
    n++;
  }
  return n;
}

/**
 * A header line made of cells ("Home Construction Limited | Level 5, Long circular road"): its
 * first cell names the employer or title, the rest (a street address, a blurb) need not be capitalised.
 */
function isHeaderCells(text: string): boolean {
  const cells = text.split(/\t+|\s\|\s?|\|\s|\s[·•]\s/).map((c) => c.trim()).filter(Boolean);
  return cells.length >= 2 && isHeaderLike(cells[0]) && words(cells[0]).length <= 6 && !endsSentence(text) && text.length <= 160;
}

function runBelow(lines: Line[], i: number, ceiling: number): number {
  let n = 0;
  for (let j = i + 1; j < ceiling && n < 3; j++) {
    if (lines[j].bullet || !(isHeaderLike(lines[j].text) || isHeaderCells(lines[j].text)) || anchorDate(lines[j].text) || TECH_LINE_RE.test(lines[j].text)) break;
    n++;
  }
  return n;
}

function mode(values: number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 0;
}

function segmentEntries(lines: Line[], startsEntry?: (l: Line) => boolean): Entry[] {
  const anchors = lines.map((l, i) => (!l.bullet && anchorDate(l.text) ? i : -1)).filter((i) => i >= 0);
  if (!anchors.length) return segmentWithoutDates(lines, startsEntry);
  // The first entry shows the template: how many header lines sit above and below its date.
  const above = anchors.map((a, k) => runAbove(lines, a, k === 0 ? 0 : anchors[k - 1] + 1));
  const below = anchors.map((a, k) => runBelow(lines, a, k + 1 < anchors.length ? anchors[k + 1] : lines.length));
  const nAbove = above[0];
  const nBelow = Math.max(below[0], mode(below));
  const entries: Entry[] = [];
  // Labelled lines ("Employer: …") belong to their entry even when this one has more of them than the first.
  const starts = anchors.map((a, k) => {
    let start = a - Math.min(above[k], nAbove);
    while (start > (k === 0 ? 0 : anchors[k - 1] + 1) && lines[start - 1].role && !lines[start - 1].bullet) start--;
    return start;
  });
  anchors.forEach((a, k) => {
    const nextStart = k + 1 < anchors.length ? starts[k + 1] : lines.length;
    const headerEnd = Math.min(a + Math.min(below[k], nBelow) + 1, nextStart);
    entries.push({
      header: lines.slice(starts[k], headerEnd),
      anchor: a - starts[k],
      dates: anchorDate(lines[a].text),
      body: lines.slice(headerEnd, nextStart),
    });
  });
  return entries;
}

/** No dates at all: a run of header-like lines after body text starts an entry. */
function segmentWithoutDates(lines: Line[], startsEntry?: (l: Line) => boolean): Entry[] {
  const entries: Entry[] = [];
  let current: Entry | null = null;
  for (const line of lines) {
    const headerish = !line.bullet && (startsEntry ? startsEntry(line) : isHeaderLike(line.text));
    if (headerish && (!current || current.body.length > 0 || (startsEntry && current.header.length > 0))) {
      current = { header: [line], anchor: -1, dates: null, body: [] };
      entries.push(current);
    } else if (headerish && current && current.body.length === 0 && !startsEntry) current.header.push(line);
    else if (current) current.body.push(line);
    else {
      current = { header: [], anchor: -1, dates: null, body: [line] };
      entries.push(current);
    }
  }
  return entries;
}

function entrySegments(entry: Entry): Segment[] {
  const segs: Segment[] = [];
  entry.header.forEach((line, i) => {
    let text = line.text;
    if (i === entry.anchor && entry.dates) {
      text = `${text.slice(0, entry.dates.index)}\t${text.slice(entry.dates.index + entry.dates.length)}`.replace(DURATION_RE, "");
    }
    const offset = i - Math.max(entry.anchor, 0);
    if (line.role) segs.push({ text: text.trim(), line: offset, index: 0, role: line.role });
    else joinDualTitles(splitSegments(text), text).forEach((s, index) => segs.push({ text: s, line: offset, index }));
  });
  return rejoinHyphenatedNames(segs);
}

/** "Security Officer / CCTV Technician", "Cofounder / CTO": one role with two titles, not a title and a company. */
function joinDualTitles(parts: string[], line: string): string[] {
  const out: string[] = [];
  for (const part of parts) {
    const prev = out[out.length - 1];
    if (prev !== undefined && titleScore(prev) > 0 && titleScore(part) > 0 && line.includes(`${prev} / ${part}`)) out[out.length - 1] = `${prev} / ${part}`;
    else out.push(part);
  }
  return out;
}

/**
 * " - " separates a title from a company ("Engineer - Acme"), but also the parts of one
 * organisation's name ("PUCIT - University of the Punjab"). Two neighbouring parts of a cell
 * with no title evidence, the second an organisation, are one name.
 */
function rejoinHyphenatedNames(segs: Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const seg of segs) {
    const prev = out[out.length - 1];
    if (
      prev && !prev.role && !seg.role && prev.line === seg.line && seg.index === prev.index + 1 &&
      titleScore(prev.text) === 0 && titleScore(seg.text) === 0 && (INSTITUTION_RE.test(seg.text) || STRONG_COMPANY_RE.test(seg.text)) &&
      !looksLikeLocation(seg.text) && !looksLikeLocation(prev.text) && words(prev.text).length <= 3
    ) {
      out[out.length - 1] = { ...prev, text: `${prev.text} - ${seg.text}` };
      continue;
    }
    out.push(seg);
  }
  return out;
}

/** Bullets from body lines: marked lines start a bullet, unmarked ones were joined upstream when wrapped. */
function bulletsOf(body: Line[]): { bullets: string[]; technologies: string[] } {
  const bullets: string[] = [];
  const technologies: string[] = [];
  for (const line of body) {
    const text = line.text.trim();
    const tech = TECH_LINE_RE.exec(text);
    if (tech) {
      technologies.push(...splitList(text.slice(tech[0].length)));
      continue;
    }
    // "Key responsibilities:" introduces the bullets; it is not one.
    if (!line.bullet && /^\p{L}[\p{L} ]{2,40}:$/u.test(text) && words(text).length <= 4) continue;
    bullets.push(text.replace(/\s+/g, " "));
  }
  return { bullets, technologies };
}

function technologiesIn(texts: string[], declared: string[]): string[] {
  const found = new Map<string, string>();
  for (const d of declared) found.set((canonicalSkill(d) ?? d).toLowerCase(), canonicalSkill(d) ?? d);
  for (const m of findSkills(texts.join("\n"))) {
    if (["soft", "spoken", "business", "methodology", "domain"].includes(m.category)) continue;
    if (!found.has(m.canonical.toLowerCase())) found.set(m.canonical.toLowerCase(), m.canonical);
  }
  return [...found.values()];
}

// ───────────────────────────── experience ─────────────────────────────

interface Scored<T> {
  value: T;
  fields: FieldConfidence[];
  warnings: string[];
}

function parseExperiences(lines: Line[]): Scored<DraftExperience[]> {
  const entries = segmentEntries(readFieldLabels(lines));
  const guesses = entries.map((e) => guessRoles(entrySegments(e)));
  const layout = learnSlots(guesses);
  const result: DraftExperience[] = [];
  const fields: FieldConfidence[] = [];
  const warnings: string[] = [];
  entries.forEach((entry, k) => {
    const guess = guesses[k];
    let titleConf = guess.title ? (guess.confident ? 0.9 : 0.75) : 0;
    let companyConf = guess.company ? (guess.confident ? 0.9 : 0.7) : 0;
    if (preferSlottedCompany(guess, layout)) {
      titleConf = 0.75;
      companyConf = 0.65;
    }
    for (const seg of guess.open) {
      const role = layout.get(slotKey(seg));
      if (role === "title" && !guess.title) {
        guess.title = seg;
        titleConf = 0.65;
      } else if (role === "company" && !guess.company) {
        guess.company = seg;
        companyConf = 0.65;
      }
    }
    const leftovers = guess.open.filter((s) => s !== guess.title && s !== guess.company);
    if (!guess.company && guess.title && !leftovers.length) {
      const split = unglueTitle(guess.title.text);
      if (split) {
        guess.company = { ...guess.title, text: split.company };
        guess.title = { ...guess.title, text: split.title };
        companyConf = titleConf = 0.6;
      }
    }
    if (!guess.title && !guess.company && leftovers.length >= 2) {
      guess.title = leftovers[0];
      guess.company = leftovers[1];
      titleConf = companyConf = 0.4;
    } else if (!guess.company && leftovers.length) {
      guess.company = leftovers[0];
      companyConf = 0.5;
    } else if (!guess.title && leftovers.length) {
      guess.title = leftovers[0];
      titleConf = 0.5;
    }
    // The comma tail of "Lead Pharmacist, Acute Medicine" was not the company: it is part of the title.
    const title = guess.title;
    if (title?.whole && guess.company && !(guess.company.line === title.line && Math.floor(guess.company.index) === Math.floor(title.index))) {
      const tail = title.whole.slice(title.text.length).replace(/^\s*,\s*/, "");
      if (!looksLikeLocation(tail) && tail !== guess.location) guess.title = { ...title, text: title.whole };
    }
    const prev = result[result.length - 1];
    if (!guess.company && prev?.company && guess.title && GROUP_HEADED.has(prev) && entry.header.length <= 2) {
      // Several roles under one employer heading (the company on a line of its own above the first
      // title, AltaCV / moderncv): the later ones show only a title and dates. Without such a
      // heading an unknown company stays empty rather than borrowing the previous one's.
      guess.company = { text: prev.company, line: 0, index: 0 };
      companyConf = 0.6;
    }
    const headed = !!guess.company && !!guess.title && (guess.company.line < guess.title.line || (GROUP_HEADED.has(prev ?? ({} as DraftExperience)) && guess.company.text === prev?.company));
    // No evidence either way (two unknown segments, read in order): say so rather than guess.
    const unsure = titleConf > 0 && titleConf < MIN_FIELD_CONFIDENCE && companyConf > 0 && companyConf < MIN_FIELD_CONFIDENCE;
    const { bullets, technologies } = bulletsOf(entry.body);
    const exp: DraftExperience = {
      title: clean(guess.title?.text),
      company: clean(guess.company?.text),
      location: guess.location,
      bullets,
      technologies: technologiesIn(bullets, technologies),
    };
    const i = result.length;
    if (unsure) {
      warnings.push(
        `Role ${i + 1}: we could not tell whether "${exp.title}" or "${exp.company}" is the job title, so both are left empty. ` +
          "Please fill them in from the preview.",
      );
      delete exp.title;
      delete exp.company;
    }
    if (entry.dates) {
      exp.startDate = entry.dates.range.startDate ?? (entry.dates.single ? entry.dates.range.endDate : undefined);
      exp.endDate = entry.dates.range.current ? undefined : entry.dates.range.endDate;
      exp.current = entry.dates.range.current;
      fields.push({ path: `experiences[${i}].dates`, confidence: entry.dates.single ? 0.6 : 0.95 });
    } else {
      exp.current = false;
      warnings.push(`Experience ${i + 1}${exp.company ? ` (${exp.company})` : ""} has no dates.`);
    }
    if (!exp.title && !exp.company && !bullets.length) return;
    if (exp.title) fields.push({ path: `experiences[${i}].title`, confidence: titleConf });
    if (exp.company) fields.push({ path: `experiences[${i}].company`, confidence: companyConf });
    else warnings.push(`Experience ${i + 1}${exp.title ? ` (${exp.title})` : ""}: could not find the company.`);

    if (exp.location) fields.push({ path: `experiences[${i}].location`, confidence: 0.8 });
    if (bullets.length) fields.push({ path: `experiences[${i}].bullets`, confidence: entry.body.some((l) => l.bullet) ? 0.85 : 0.7 });
    const kept = dropUndefined(exp);
    if (guess.delimited) DELIMITED.add(kept);
    if (headed) GROUP_HEADED.add(kept);
    result.push(kept);
  });
  splitTrailingTowns(result);
  splitGluedTowns(result);
  return { value: result, fields, warnings };
}

const FIELD_LABELS: [RegExp, FieldRole | "dates"][] = [
  [/^(?:employer|company|organi[sz]ation|firm|establishment|workplace|client)$/i, "company"],
  [/^(?:position|job title|title|role|designation|post|job)$/i, "title"],
  [/^(?:location|place|city|based in|based at)$/i, "location"],
  [/^(?:period|dates?|duration|tenure|employment dates|time period)$/i, "dates"],
];

/** Form-style entries ("Employer: Arup", "Position: Site Engineer", "Period: 2017 to 2020"): the label names the field. */
function readFieldLabels(lines: Line[]): Line[] {
  return lines.map((line) => {
    const m = /^([\p{L} ]{2,20}?)\s*[:：]\s*(.+)$/u.exec(line.text.trim());
    if (line.bullet || !m) return line;
    const role = FIELD_LABELS.find(([re]) => re.test(m[1].trim()))?.[1];
    const value = m[2].trim();
    if (!role) return line;
    if (role === "dates") return findDateRange(value) ? { ...line, text: value } : line;
    return isHeaderLike(value) && words(value).length <= 10 ? { ...line, text: value, role } : line;
  });
}

/**
 * "Boots UK, Stockport" in every entry: when each company ends in the same ", Town" shape (one to
 * three capitalised words, nothing that names an organisation), the tail is where, not who.
 */
function splitTrailingTowns(exps: DraftExperience[]): void {
  const named = exps.filter((e) => e.company);
  if (named.length < 2) return;
  const tails = named.map((e) => /^(.+?),\s*(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,2})$/u.exec(e.company!));
  const isTown = (t: RegExpExecArray | null) => !!t && !COMPANY_RE.test(t[2]) && !INSTITUTION_RE.test(t[2]) && titleScore(t[2]) === 0 && !canonicalSkill(t[2]);
  if (!tails.every(isTown)) return;
  named.forEach((e, i) => {
    e.company = tails[i]![1].trim();
    e.location ??= tails[i]![2].trim();
  });
}

/**
 * "Sales Associate, Electrical Department" under "The Home Depot": the comma tail looked like a company
 * ("Department"), but the other entries put the company on its own line, and that slot holds a line
 * nothing claimed. The slot wins and the tail goes back into the title.
 */
function preferSlottedCompany(guess: RoleGuess, layout: Map<string, "title" | "company">): boolean {
  const { title, company } = guess;
  if (!title?.whole || !company || company.line !== title.line || Math.floor(company.index) !== Math.floor(title.index)) return false;
  if (layout.get(slotKey(title)) !== "title") return false;
  const slotted = guess.open.filter((s) => s !== company && layout.get(slotKey(s)) === "company");
  if (slotted.length !== 1) return false;
  guess.company = slotted[0];
  guess.title = { ...title, text: title.whole };
  return true;
}

/**
 * "DatadogLondon", "ZendeskDublin": DOCX raw text drops the tab before a right-aligned town. Only when
 * every company in the section ends in the same glued capitalised word(s) and none has a location yet:
 * one camel-case name ("PayPal", "McKinsey") on its own is a name, not a glue.
 */
/** Below this, a title or company guess is left empty (with a warning) rather than filled wrongly. */
const MIN_FIELD_CONFIDENCE = 0.45;

/** Roles whose company stood on a line above the title: a heading that later title-only roles share. */
const GROUP_HEADED = new WeakSet<DraftExperience>();

/** Companies read from an explicit "Title at Company" phrase: never glued to a town. */
const DELIMITED = new WeakSet<DraftExperience>();

function splitGluedTowns(exps: DraftExperience[]): void {
  // A CamelCase brand ("Title at BoochTek (2007 - present)") is delimited by its phrase; only
  // free-standing company cells can have lost the tab before a town.
  if (exps.some((e) => DELIMITED.has(e))) return;
  const named = exps.filter((e) => e.company);
  if (named.length < 2 || new Set(named.map((e) => e.company)).size < 2 || named.some((e) => e.location)) return;
  const parts = named.map((e) => /^(.*[\p{Ll}\p{Lu}\p{N}])(\p{Lu}\p{Ll}+(?:[ -]\p{Lu}\p{Ll}+){0,2})$/u.exec(e.company!));
  const isTown = (m: RegExpExecArray | null) =>
    !!m && m[1].trim().length >= 2 && !COMPANY_RE.test(m[2]) && !INSTITUTION_RE.test(m[2]) && titleScore(m[2]) === 0 && !canonicalSkill(m[2]);
  if (!parts.every(isTown)) return;
  named.forEach((e, i) => {
    e.company = parts[i]![1].trim();
    e.location = parts[i]![2];
  });
}

/** Which slot (line offset, segment index) holds the title / company in the entries vocabulary could decide. */
function learnSlots(guesses: RoleGuess[]): Map<string, "title" | "company"> {
  const votes = new Map<string, { title: number; company: number }>();
  for (const g of guesses) {
    if (!g.confident) continue;
    for (const [role, seg] of [["title", g.title], ["company", g.company]] as const) {
      if (!seg || seg.index % 1 !== 0) continue;
      const v = votes.get(slotKey(seg)) ?? { title: 0, company: 0 };
      v[role]++;
      votes.set(slotKey(seg), v);
    }
  }
  const slots = new Map<string, "title" | "company">();
  for (const [key, v] of votes) if (v.title !== v.company) slots.set(key, v.title > v.company ? "title" : "company");
  return slots;
}

/** "AllegroSenior DevOps Engineer": a DOCX soft line break lost between company and title. */
function unglueTitle(text: string): { company: string; title: string } | null {
  const re = /(?<=[\p{Ll}\d)])(?=\p{Lu})/gu;
  for (const m of text.matchAll(re)) {
    const left = text.slice(0, m.index);
    const right = text.slice(m.index);
    if (left.replace(/\s/g, "").length >= 4 && !/\s$/.test(left) && titleScore(right) > 0 && companyScore(right) === 0 && titleScore(left) === 0) {
      return { company: left.trim(), title: right.trim() };
    }
  }
  return null;
}

function clean(s: string | undefined): string | undefined {
  const t = s?.replace(/\s+/g, " ").replace(/^[\s,;:|•·–—-]+|[\s,;:|•·–—-]+$/g, "").trim();
  return t ? t : undefined;
}

function dropUndefined<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}

// ───────────────────────────── education ─────────────────────────────

function parseDegree(seg: string): { degree: string; field?: string } | null {
  const m = DEGREE_RE.exec(seg.trim());
  if (!m) return null;
  // "Bachelor's Degree" is a Bachelor's; a "Foundation Degree" is its own award and keeps the word.
  let degree = m[0].trim().replace(/(?<!^Foundation)\s+degree$/i, "");
  let rest = seg.trim().slice(m[0].length);
  // "Master of Information in User Experience Design": a subject outside the list still belongs to the degree name.
  const ofSubject = /^\s+of\s+(\p{Lu}\p{L}*(?:\s+(?:and\s+)?\p{Lu}\p{L}*){0,2})(?=\s+in\s|\s*[,(;|–—]|\s+-\s|$)/u.exec(rest);
  if (/^(?:Bachelor|Master|Doctor|Associate)(?:['’]s)?$/.test(degree) && ofSubject && !INSTITUTION_RE.test(ofSubject[1])) {
    degree = `${degree} of ${ofSubject[1]}`;
    rest = rest.slice(ofSubject[0].length);
  }
  // "Bachelor of Science in Business Administration, Accounting": keep both rather than drop one.
  const both = /^\s+in\s+([^,]+),\s*([^,]+)$/i.exec(rest);
  if (both && words(both[2]).length <= 5 && !INSTITUTION_RE.test(both[2]) && !HONORS_RE.test(both[2]) && !GPA_RE.test(both[2]) && !findDateRange(both[2])) {
    return { degree: `${degree} in ${both[1].trim()}`, field: clean(both[2]) };
  }
  rest = rest.replace(/^\s*(?:in|of|,|:|-|–|—)\s*/i, "").replace(/\s*\(.*?\)\s*$/, "");
  rest = rest.split(/\s*(?:,|;|\s[-–—|]\s|\bGPA\b)\s*/i)[0] ?? "";
  const field = clean(rest.replace(HONORS_RE, ""));
  return { degree, field: field && !INSTITUTION_RE.test(field) ? field : undefined };
}

function parseEducation(lines: Line[]): Scored<DraftEducation[]> {
  const startsEntry = (l: Line) => INSTITUTION_RE.test(l.text) || !!DEGREE_RE.exec(l.text.trim());
  const entries = segmentEntries(
    lines.map((l) => ({ ...l, text: l.text.replace(/(?<=\p{Ll})(?=(?:Bachelor|Master|Doctor|Associate|Diploma|Certificate|Postgraduate|GPA)\b)/gu, "\t") })),
    startsEntry,
  );
  const result: DraftEducation[] = [];
  const fields: FieldConfidence[] = [];
  const warnings: string[] = [];
  for (const entry of entries) {
    const edu: DraftEducation = { honors: [], coursework: [] };
    let instConf = 0;
    const segs = [...entrySegments(entry), ...entry.body.flatMap((l, i) => splitSegments(l.text).map((text, index) => ({ text, line: 100 + i, index })))];
    const rawLines = [...entry.header, ...entry.body].map((l) => l.text);
    for (const text of rawLines) {
      const cw = COURSEWORK_RE.exec(text);
      if (cw) edu.coursework.push(...splitList(text.slice(cw[0].length)));
      const gpa = GPA_RE.exec(text);
      if (gpa) edu.gpa ??= gpa[1].replace(/\s+/g, "");
      const honors = HONORS_RE.exec(text);
      if (honors && !cw) {
        const seg = splitSegments(text).find((s) => HONORS_RE.test(s));
        const h = clean(seg?.replace(/^honou?rs\s*:\s*/i, ""));
        if (h && !edu.honors.includes(h) && !DEGREE_RE.test(h)) edu.honors.push(h);
      }
    }
    for (const raw of segs) {
      if (COURSEWORK_RE.test(raw.text) || looksLikeLocation(raw.text)) continue;
      // "B.S. in Computer Science, GPA: 3.7/4.0": the GPA was read above; the rest still counts.
      const seg = { ...raw, text: raw.text.replace(/[,;(]?\s*\b(?:c?gpa|grade|score)\b.*$/i, "").trim() };
      if (!seg.text) continue;
      const degree = parseDegree(seg.text);
      if (degree && !edu.degree) {
        edu.degree = degree.degree;
        if (degree.field) edu.field = degree.field;
        // "Master of Pharmacy, University of Manchester": the school shares the degree's segment.
        const school = seg.text.split(/\s*,\s*/).slice(1).find((p) => INSTITUTION_RE.test(p));
        if (school && !edu.institution) {
          edu.institution = clean(school.replace(/\s*\(.*$/, ""));
          instConf = 0.85;
        }
        continue;
      }
      if (!edu.institution && INSTITUTION_RE.test(seg.text) && !HONORS_RE.test(seg.text)) {
        edu.institution = clean(seg.text.split(/\s*,\s*(?=[^,]*$)/).find((p) => INSTITUTION_RE.test(p)) ?? seg.text);
        instConf = 0.9;
      }
    }
    if (!edu.institution) {
      const fallback = segs.find((s) => s.line < 100 && !parseDegree(s.text) && !HONORS_RE.test(s.text) && !GPA_RE.test(s.text) && !looksLikeLocation(s.text));
      if (fallback) {
        edu.institution = clean(fallback.text);
        instConf = 0.55;
      }
    }
    if (entry.dates) {
      edu.startDate = entry.dates.range.startDate;
      edu.endDate = entry.dates.range.current ? undefined : entry.dates.range.endDate;
    }
    if (!edu.institution && !edu.degree) continue;
    const i = result.length;
    if (edu.institution) fields.push({ path: `education[${i}].institution`, confidence: instConf });
    if (edu.degree) fields.push({ path: `education[${i}].degree`, confidence: 0.9 });
    if (edu.field) fields.push({ path: `education[${i}].field`, confidence: 0.75 });
    if (entry.dates) fields.push({ path: `education[${i}].dates`, confidence: entry.dates.single ? 0.8 : 0.95 });
    if (edu.gpa) fields.push({ path: `education[${i}].gpa`, confidence: 0.9 });
    result.push(dropUndefined(edu));
  }
  if (lines.length && !result.length) warnings.push("The education section was found but no institution or degree could be read.");
  return { value: result, fields, warnings };
}

// ───────────────────────────── skills, languages, certifications ─────────────────────────────

/** Splits "a, b (x, y), c | d" at top-level separators. */
function splitList(text: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let cur = "";
  for (const ch of text) {
    if (ch === "(" || ch === "[") depth++;
    if (ch === ")" || ch === "]") depth = Math.max(0, depth - 1);
    if (depth === 0 && /[,;|•·●▪\t]/.test(ch)) {
      items.push(cur);
      cur = "";
    } else cur += ch;
  }
  items.push(cur);
  return items
    .flatMap((i) => i.split(/\s{3,}/))
    .map((i) => i.trim().replace(/^(?:and|&)\s+/i, "").replace(/\.$/, "").trim())
    .filter((i) => i && i.length <= 60 && /[\p{L}\p{N}]/u.test(i));
}

type SkillGroup = keyof SkillGroups;

function groupForLabel(label: string, items: string[]): SkillGroup {
  if (CERT_LABEL_RE.test(label)) return "certifications";
  if (SOFT_LABEL_RE.test(label) && !/\bprogramming\b/i.test(label)) return "soft";
  if (LANG_LABEL_RE.test(label) && !/\bprogramming\b/i.test(label)) {
    const spoken = items.filter((i) => skillCategory(canonicalSkill(stripFluency(i)) ?? "") === "spoken" || /\((?:native|fluent|[abc][12]|basic|intermediate|advanced|conversational|professional)/i.test(i));
    return spoken.length * 2 >= items.length ? "languages" : "technical";
  }
  return "technical";
}

function stripFluency(item: string): string {
  return item.replace(/\s*[(:–—-].*$/, "").trim();
}

function groupForItem(item: string): SkillGroup {
  const canonical = canonicalSkill(item);
  const category = canonical ? skillCategory(canonical) : null;
  if (category === "soft") return "soft";
  if (category === "spoken") return "languages";
  if (category === "certification") return "certifications";
  return "technical";
}

function addSkill(groups: SkillGroups, group: SkillGroup, item: string): void {
  const key = (s: string) => (canonicalSkill(s) ?? s).toLowerCase();
  const all = [...groups.technical, ...groups.soft, ...groups.languages, ...groups.certifications].map(key);
  if (!all.includes(key(item))) groups[group].push(item);
}

/** Words of a line that could be side-by-side skill chips: no separators, every word capitalised. */
function chipWords(text: string): string[] | null {
  if (/[,;|•·:()/]/.test(text)) return null;
  const ws = text.trim().split(/\s+/);
  return ws.length >= 2 && ws.every((w) => /^[\p{Lu}\p{N}]/u.test(w)) ? ws : null;
}

/**
 * Skill "chips" drawn side by side arrive as one run of words ("Dovetail Figma Qualtrics"). The
 * skills the lexicon knows show how many words one chip has: when all known ones in a line have
 * the same length k and start on a multiple of k, the line is cut every k words. One known skill
 * ending a two-word line ("Dovetail Figma") also counts, unless the other word reads as an
 * adjective ("Advanced Excel"). Returns k, or null when the line is not a row of chips.
 */
function chipWidth(text: string): number | null {
  const ws = chipWords(text);
  if (!ws) return null;
  const starts = ws.map((_, i) => ws.slice(0, i).join(" ").length + (i ? 1 : 0));
  const known = findSkills(text)
    .map((m) => ({ word: starts.indexOf(m.index), size: words(m.match).length }))
    .filter((m) => m.word >= 0);
  const sizes = new Set(known.map((m) => m.size));
  if (sizes.size !== 1) return null;
  const k = known[0].size;
  if (ws.length % k !== 0 || ws.length === k || known.some((m) => m.word % k !== 0)) return null;
  if (known.length >= 2) return k;
  const lone = known[0];
  return k === 1 && ws.length === 2 && lone.word === 1 && !/(?:ed|al|ive|ic|ous|ful|ing)$/i.test(ws[0]) ? 1 : null;
}

/** Cuts chip rows; a row the lexicon cannot read takes the chip size of its block's readable rows. */
function splitChipRows(lines: Line[]): Line[] {
  const out: Line[] = [];
  let block: Line[] = [];
  const flush = () => {
    const widths = block.map((l) => chipWidth(l.text));
    const known = new Set(widths.filter((w): w is number => w !== null));
    const blockWidth = known.size === 1 ? [...known][0] : null;
    const sizes = new Set(block.filter((_, i) => widths[i] !== null).map((l) => chipWords(l.text)!.length));
    block.forEach((l, i) => {
      const ws = chipWords(l.text);
      const k = widths[i] ?? (blockWidth !== null && ws && sizes.has(ws.length) && ws.length % blockWidth === 0 ? blockWidth : null);
      if (!k || !ws) return out.push(l);
      const chips: string[] = [];
      for (let j = 0; j < ws.length; j += k) chips.push(ws.slice(j, j + k).join(" "));
      out.push({ ...l, text: chips.join(" | ") });
    });
    block = [];
  };
  for (const line of lines) {
    if (/:/.test(line.text) || GENERIC_SKILL_LABELS.has(line.text.trim().toLowerCase())) {
      flush();
      out.push(line);
    } else block.push(line);
  }
  flush();
  return out;
}

function parseSkills(lines: Line[], groups: SkillGroups, defaultGroup?: SkillGroup): void {
  let label: string | null = null;
  for (const line of splitChipRows(lines)) {
    const text = line.text.trim();
    const labelled = /^([\p{L}][\p{L}\d &/+.-]{1,40}?)\s*[:：]\s*(.*)$/u.exec(text);
    if (labelled && !/^https?$/i.test(labelled[1])) {
      const items = splitList(labelled[2]);
      if (!items.length) {
        label = labelled[1];
        continue;
      }
      for (const item of items) addClassified(groups, item, defaultGroup ?? classifySkill(item, labelled[1], items));
      label = null;
      continue;
    }
    if (!line.bullet && GENERIC_SKILL_LABELS.has(text.toLowerCase().replace(/[:\s]+$/, ""))) {
      label = text.replace(/:$/, "");
      continue;
    }
    const items = splitList(text);
    for (const item of items) addClassified(groups, item, defaultGroup ?? classifySkill(item, label, items));
  }
}

function addClassified(groups: SkillGroups, item: string, group: SkillGroup): void {
  addSkill(groups, group, group === "languages" ? formatLanguage(item) : item);
}

/** Within a technical list, the lexicon still knows "Leadership" is a soft skill. */
function refine(item: string): SkillGroup {
  const g = groupForItem(item);
  return g === "soft" || g === "languages" ? g : "technical";
}

function formatLanguage(item: string): string {
  const m = /^([\p{L} ]+?)\s*(?:[:–—-]|\s\()\s*\(?([^)]+)\)?$/u.exec(item.trim());
  return m ? `${m[1].trim()} (${m[2].trim()})` : item.trim();
}

/** The profile skill group for an item, given the label it was listed under (if any) and its siblings. */
export function classifySkill(item: string, label?: string | null, siblings: string[] = [item]): SkillGroup {
  const group = label ? groupForLabel(label, siblings) : groupForItem(item);
  return group === "technical" ? refine(item) : group;
}

function parseCertifications(lines: Line[], groups: SkillGroups): void {
  for (const line of lines) {
    const parts = line.text.split(/\s*[|•;]\s*/);
    for (const part of parts) {
      const commaParts = part.split(/\s*,\s*/);
      const items = commaParts.length > 1 && commaParts.every((p) => words(p).length <= 4 && !/^\d{4}$/.test(p)) ? commaParts : [part];
      for (const item of items) {
        const t = clean(item);
        if (t) addSkill(groups, "certifications", t);
      }
    }
  }
}

// ───────────────────────────── projects ─────────────────────────────

function parseProjects(lines: Line[]): Scored<DraftProject[]> {
  const startsProject = (l: Line) => {
    if (l.bullet || TECH_LINE_RE.test(l.text) || URL_RE.test(l.text)) return false;
    const name = l.text.split(/\s[–—|-]\s|:\s/)[0];
    return words(name).length <= 5 && (name !== l.text || (words(l.text).length <= 5 && !endsSentence(l.text)));
  };
  const entries = segmentWithoutDates(lines, startsProject);
  const result: DraftProject[] = [];
  const fields: FieldConfidence[] = [];
  for (const entry of entries) {
    const head = entry.header[0]?.text ?? "";
    const dateHit = anchorDate(head);
    const headText = dateHit ? `${head.slice(0, dateHit.index)}${head.slice(dateHit.index + dateHit.length)}` : head;
    const [name, ...descParts] = headText.split(/\s[–—|-]\s|:\s/);
    const project: DraftProject = { name: clean(name), bullets: [], technologies: [] };
    const description = clean(descParts.join(" — "));
    if (description) project.bullets.push(description);
    const body: Line[] = [];
    for (const line of entry.body) {
      const url = URL_RE.exec(line.text)?.[0] ?? (BARE_DOMAIN_RE.test(line.text.trim()) ? line.text.trim() : null);
      if (url && words(line.text).length <= 3) {
        const full = normaliseUrl(url);
        if (/github\.com|gitlab\.com|bitbucket\.org/i.test(full)) project.repoUrl ??= full;
        else project.url ??= full;
        continue;
      }
      body.push(line);
    }
    const { bullets, technologies } = bulletsOf(body);
    project.bullets.push(...bullets);
    project.technologies = technologiesIn([head, ...bullets], technologies);
    if (dateHit) {
      project.startDate = dateHit.range.startDate;
      project.endDate = dateHit.range.endDate;
    }
    if (!project.name) continue;
    fields.push({ path: `projects[${result.length}].name`, confidence: 0.7 });
    result.push(dropUndefined(project));
  }
  return { value: result, fields, warnings: [] };
}

// ───────────────────────────── resume-likeness ─────────────────────────────

const NON_RESUME_TERMS: [RegExp, string][] = [
  [/\binvoice\b/i, "invoice"],
  [/\b(?:sub-?)?total\b/i, "total"],
  [/\bvat\b/i, "VAT"],
  [/\b(?:sales )?tax\b/i, "tax"],
  [/\b(?:amount|balance) due\b/i, "amount due"],
  [/\bunit price\b/i, "unit price"],
  [/\b(?:qty|quantity)\b/i, "quantity"],
  [/\bbill(?:ed)? to\b/i, "bill to"],
  [/\bpayment terms\b/i, "payment terms"],
  [/\bdue date\b/i, "due date"],
  [/\b(?:iban|swift|bic)\b/i, "bank details"],
  [/\bpurchase order\b/i, "purchase order"],
  [/\breceipt\b/i, "receipt"],
];

function resumeLikeness(
  sections: Section[],
  profile: DraftProfile,
  text: string,
): { score: number; reasons: string[] } {
  const kinds = new Set(sections.map((s) => s.kind));
  const datedEntries = profile.experiences.filter((e) => e.startDate || e.endDate).length + profile.education.filter((e) => e.startDate || e.endDate).length;
  let score = 0;
  if (kinds.has("experience")) score += 0.25;
  if (kinds.has("education")) score += 0.15;
  if (kinds.has("skills")) score += 0.1;
  if (kinds.has("summary") || kinds.has("projects")) score += 0.05;
  score += 0.2 * Math.min(1, datedEntries / 2);
  if (profile.email || profile.phone) score += 0.1;
  if (profile.fullName) score += 0.05;
  if (profile.experiences.some((e) => e.bullets.length >= 2)) score += 0.1;
  const terms = NON_RESUME_TERMS.filter(([re]) => re.test(text)).map(([, name]) => name);
  score -= 0.1 * Math.min(terms.length, 5);
  const reasons: string[] = [];
  if (!kinds.has("experience") && !kinds.has("education")) reasons.push("no experience or education section");
  if (!datedEntries) reasons.push("no date ranges");
  if (terms.length >= 2) reasons.push(`it reads like an invoice or receipt (${terms.slice(0, 4).join(", ")})`);
  if (terms.length >= 2 && !kinds.has("experience")) score = Math.min(score, 0.2);
  return { score: Math.max(0, Math.min(1, score)), reasons };
}

// ───────────────────────────── entry point ─────────────────────────────

/** Parses resume text (from a PDF, DOCX or TXT) into a profile draft with per-field confidence. */
export function parseResumeText(text: string, opts?: ParseOptions): ResumeDraft {
  const lines = toLines(text, opts);
  const paragraphMode = isParagraphMode(lines);
  const page = pageWidth(lines);
  const sections = splitSections(lines).map((s) => ({ ...s, lines: joinWrapped(mergeStackedDates(s.lines), paragraphMode, s.kind, page) }));
  reclassifyEducation(sections);
  reclaimRolesAfterSubBlock(sections);
  const warnings: string[] = [];
  const fields: FieldConfidence[] = [];
  for (const section of sections.slice(1)) {
    if (section.kind === "projects") continue;
    const { kept, contact } = pullContactLines(section.lines);
    section.lines = kept;
    sections[0].lines.push(...contact);
  }
  const header = sections[0].lines;
  const contact = parseContact(header, sections.slice(1).flatMap((s) => s.lines));
  const skills: SkillGroups = { technical: [], soft: [], languages: [], certifications: [] };
  const profile: DraftProfile = { links: contact.links, skills, experiences: [], projects: [], education: [] };
  if (contact.fullName) profile.fullName = contact.fullName;
  if (contact.email) profile.email = contact.email;
  if (contact.phone) profile.phone = contact.phone;
  if (contact.location) profile.location = contact.location;

  const summaries: string[] = [];
  for (const section of sections) {
    switch (section.kind) {
      case "summary":
        summaries.push(section.lines.map((l) => l.text.trim()).join(" "));
        break;
      case "activities":
      case "experience": {
        const parsed = parseExperiences(section.lines);
        // Volunteer, leadership, research and campus roles are experiences too, marked with their
        // section. What such a section lists that is not a role (no dates, or no title nor
        // organisation: an award, a hobby) is named in a warning instead of made into a role.
        if (section.kind === "activities") {
          const heading = section.heading.replace(/:$/, "").trim();
          const roles = parsed.value.filter((e) => (e.title || e.company) && (e.startDate || e.endDate || e.current));
          const others = parsed.value.filter((e) => !roles.includes(e));
          for (const e of roles) e.section = heading;
          if (others.length) {
            const what = others.flatMap((e) => [e.title ?? e.company, ...e.bullets].filter(Boolean)).slice(0, 3).join("; ");
            warnings.push(`Not imported from "${heading}": items that are not dated roles (${what}${others.length > 3 ? "; …" : ""}). Add them to your profile by hand if you want them.`);
          }
          const keep = new Set(roles.map((e) => parsed.value.indexOf(e)));
          parsed.value = roles;
          parsed.fields = parsed.fields.filter((f) => keep.has(Number(/^experiences\[(\d+)\]/.exec(f.path)?.[1] ?? -1)));
          parsed.fields.forEach((f) => (f.path = f.path.replace(/^experiences\[(\d+)\]/, (_m, n: string) => `experiences[${[...keep].sort((a, b) => a - b).indexOf(Number(n))}]`)));
          parsed.warnings = parsed.warnings.filter((w) => !/^Experience \d+/.test(w));
        }
        offsetPaths(parsed.fields, "experiences", profile.experiences.length);
        profile.experiences.push(...parsed.value);
        fields.push(...parsed.fields);
        warnings.push(...parsed.warnings);
        break;
      }
      case "education": {
        const parsed = parseEducation(section.lines);
        offsetPaths(parsed.fields, "education", profile.education.length);
        profile.education.push(...parsed.value);
        fields.push(...parsed.fields);
        warnings.push(...parsed.warnings);
        break;
      }
      case "projects": {
        const parsed = parseProjects(section.lines);
        offsetPaths(parsed.fields, "projects", profile.projects.length);
        profile.projects.push(...parsed.value);
        fields.push(...parsed.fields);
        break;
      }
      case "skills":
        parseSkills(section.lines, skills, /soft/i.test(section.heading) ? "soft" : undefined);
        break;
      case "languages":
        for (const line of section.lines) for (const item of splitList(line.text)) addSkill(skills, "languages", formatLanguage(item));
        break;
      case "certifications":
        parseCertifications(section.lines, skills);
        break;
      case "other":
        if (section.lines.length) warnings.push(`Skipped the "${section.heading}" section: it has no place in the profile.`);
        break;
      case "header":
        break;
    }
  }

  const summary = summaries.join("\n\n").trim() || headerSummary(header, contact);
  if (summary) profile.summary = summary;
  fields.unshift(...headerFields(profile, summaries.length > 0));
  for (const group of ["technical", "soft", "languages", "certifications"] as const) {
    if (skills[group].length) fields.push({ path: `skills.${group}`, confidence: group === "technical" || group === "languages" ? 0.85 : 0.75 });
  }
  if (!sections.some((s) => s.kind === "experience")) warnings.push("No experience section was found.");

  const likeness = resumeLikeness(sections, profile, text);
  const mean = fields.length ? fields.reduce((a, f) => a + f.confidence, 0) / fields.length : 0;
  const overall = round(likeness.score * (0.4 + 0.6 * mean));
  if (likeness.score < 0.4) warnings.unshift(`This does not look like a resume: ${likeness.reasons.join("; ") || "too little resume structure"}.`);
  return { profile, confidence: { overall, fields: fields.map((f) => ({ ...f, confidence: round(f.confidence) })) }, warnings };
}

const STRONG_DEGREE_RE = /^(?:Bachelor|Master|Doctor|Associate|Ph\.?\s?D|M\.?B\.?A|B\.?Sc|M\.?Sc|B\.?A\b|M\.?A\b|B\.?Eng|M\.?Eng)/;

/**
 * An Experience heading followed at once by a sub-block with a heading of its own ("Personal
 * Projects & Content", deedy-style CVs) and then the dated roles: the roles after the sub-block
 * belong to the empty experience section, not to the sub-block.
 */
function reclaimRolesAfterSubBlock(sections: Section[]): void {
  for (let i = 0; i + 1 < sections.length; i++) {
    const exp = sections[i];
    const next = sections[i + 1];
    if (exp.kind !== "experience" || exp.lines.length || (next.kind !== "projects" && next.kind !== "other")) continue;
    const anchors = next.lines.map((l, k) => (!l.bullet && anchorDate(l.text) ? k : -1)).filter((k) => k >= 0);
    if (anchors.length < 2) continue;
    const start = anchors[0] - runAbove(next.lines, anchors[0], 0);
    if (start <= 0) continue;
    exp.lines = next.lines.slice(start);
    next.lines = next.lines.slice(0, start);
  }
}

/** A section under another name ("Training") that lists a degree and a school is the education section. */
function reclassifyEducation(sections: Section[]): void {
  if (sections.some((s) => s.kind === "education")) return;
  const candidate = sections.find(
    (s) => s.kind === "other" && s.lines.some((l) => STRONG_DEGREE_RE.test(l.text.trim())) && s.lines.some((l) => INSTITUTION_RE.test(l.text)),
  );
  if (candidate) candidate.kind = "education";
}

function offsetPaths(fields: FieldConfidence[], list: string, offset: number): void {
  if (!offset) return;
  for (const f of fields) f.path = f.path.replace(new RegExp(`^${list}\\[(\\d+)\\]`), (_m, n: string) => `${list}[${Number(n) + offset}]`);
}

/** Without a Summary heading, a prose paragraph in the header block is the summary. */
function headerSummary(header: Line[], contact: Contact): string | undefined {
  const prose = header.filter((l, i) => !contact.used.has(i) && words(l.text).length >= 8 && /\p{Ll}{3,}/u.test(l.text) && !isHeaderLike(l.text));
  return prose.length ? prose.map((l) => l.text.trim()).join(" ") : undefined;
}

function headerFields(p: DraftProfile, summaryHeaded: boolean): FieldConfidence[] {
  const f: FieldConfidence[] = [];
  if (p.fullName) f.push({ path: "fullName", confidence: 0.85 });
  if (p.email) f.push({ path: "email", confidence: 0.98 });
  if (p.phone) f.push({ path: "phone", confidence: 0.85 });
  if (p.location) f.push({ path: "location", confidence: 0.7 });
  p.links.forEach((_, i) => f.push({ path: `links[${i}]`, confidence: 0.95 }));
  if (p.summary) f.push({ path: "summary", confidence: summaryHeaded ? 0.9 : 0.5 });
  return f;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
