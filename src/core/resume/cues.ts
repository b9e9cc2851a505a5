// Lexical cues shared by the stages: locations, degrees, institutions, line shape predicates, heading recognition.

import { headingKey, kindOfKey, type SectionKind as HeadingKind } from "./headings.ts";
import { TITLE_LEADS, TITLE_TAILS } from "./vocabulary.ts";
import { type Line } from "./lines.ts";

export type SectionKind = "header" | HeadingKind;

export const EMPLOYMENT_TYPE_RE = /^\(?(?:full[- ]?time|part[- ]?time|contract(?:or)?|freelance|internship|temporary|temp|permanent|seasonal|self[- ]employed|remote|hybrid|on[- ]?site)\)?$/i;

export const COUNTRIES = new Set(
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
export const REGION_NAMES = new Set(
  "alabama,alaska,arizona,arkansas,california,colorado,connecticut,delaware,florida,georgia,hawaii,idaho,illinois,indiana,iowa,kansas,kentucky,louisiana,maine,maryland,massachusetts,michigan,minnesota,mississippi,missouri,montana,nebraska,nevada,new hampshire,new jersey,new mexico,new york,north carolina,north dakota,ohio,oklahoma,oregon,pennsylvania,rhode island,south carolina,south dakota,tennessee,texas,utah,vermont,virginia,washington,west virginia,wisconsin,wyoming,district of columbia,ontario,quebec,british columbia,alberta,manitoba,saskatchewan,nova scotia,new brunswick,newfoundland,new south wales,victoria,queensland,western australia,south australia,tasmania".split(","),
);
export const US_STATES = new Set(
  "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY ON BC AB QC NSW VIC QLD".split(" "),
);

export const DEGREE_OF_SUBJECTS =
  "(?:Science|Sciences|Arts|Engineering|Business Administration|Fine Arts|Education|Laws|Law|Philosophy|Technology|Commerce|Music|Applied Science|Applied Sciences|Public Health|Public Administration|Social Work|Architecture|Medicine|Surgery|Nursing|Pharmacy|Computer Applications|Economics|Accountancy|Design|Letters)";
export const DEGREE_RE = new RegExp(
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
export const INSTITUTION_RE = /\b(?:university|universität|universidad|università|université|universiteit|college|institute|school|academy|polytechnic|politecnico|hochschule|conservatory|seminary|ecole|école|faculty|campus)\b/i;
export const GPA_RE = /\b(?:c?gpa|grade|grades|score)\s*:?\s*(\d(?:[.,]\d+)?(?:\s*\/\s*\d(?:[.,]\d+)?)?)/i;
export const HONORS_RE = /\b(?:summa cum laude|magna cum laude|cum laude|with (?:high )?distinction|with honou?rs|first[- ]class honou?rs|upper second[- ]class|second[- ]class honou?rs|2:1|dean['’]s list|valedictorian|honou?rs)\b/i;
export const COURSEWORK_RE = /^(?:relevant\s+|selected\s+|key\s+)?(?:coursework|courses|modules|subjects)\s*:\s*/i;
export const TECH_LINE_RE = /^(?:tech(?:nologies|nology)?|tech stack|stack|tools(?: used)?|environment|built with|skills used)\s*:\s*/i;

// Lower-case words only: "Portland, OR" / "IN" end a place, not a sentence.
export const CONNECTOR_END_RE = /(?:[,&/]|\s\+|\b(?:and|or|of|in|for|to|from|with|the|a|an|at|by|on|as|into|across|through|over|under|per|via|than|using|including|between|within|while|that|which|who|its|their|our|my|And|Of|For|To|With|The)|[-–])$/;
export const STOPWORDS = new Set("of and the in at for to on with a an & de la le du des der die das und von van y e".split(" "));

export const SOFT_LABEL_RE = /\b(?:soft|interpersonal|personal|transferable|people|core)\b/i;
export const LANG_LABEL_RE = /\b(?:spoken|human|foreign)?\s*languages?\b/i;
export const CERT_LABEL_RE = /\b(?:certifications?|certificates?|licen[cs]es?|credentials)\b/i;
export const GENERIC_SKILL_LABELS = new Set(
  (
    "tools|technologies|languages|programming|programming languages|frameworks|libraries|frameworks and libraries|databases|cloud|" +
    "devops|infrastructure|platforms|methods|methodologies|testing|frontend|front-end|backend|back-end|data|other|soft skills|" +
    "technical|technical skills|design|software|hardware|concepts|practices|certifications|operating systems|os|web|mobile|" +
    "cloud and devops|data and analytics|analytics|interpersonal|management|business|clinical|skills"
  ).split("|"),
);

// ───────────────────────────── line predicates ─────────────────────────────

export function words(s: string): string[] {
  return s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
}

/** Short, Title Case, no sentence punctuation: looks like a name/title/company/location line. */
export function isHeaderLike(s: string): boolean {
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

export function endsSentence(s: string): boolean {
  return /[.!?;:]["')\]]?$/.test(s.trim());
}

/**
 * Headings outside the list still name their section by their last word ("Kitchen Experience",
 * "Employment Record", "Culinary Skills", "Registration & Licensure"): the head noun decides.
 */
export function headingKind(line: Line): Exclude<SectionKind, "header"> | null {
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
export function inlineHeading(line: Line): { kind: "skills" | "languages" | "certifications"; rest: string } | null {
  if (line.bullet) return null;
  const m = /^([\p{L} &]{3,40}):\s*(.+)$/u.exec(line.text.trim());
  if (!m) return null;
  const kind = headingKind({ text: m[1], bullet: false, blankBefore: false });
  if (kind === "skills" || kind === "languages" || kind === "certifications") return { kind, rest: m[2] };
  return null;
}
