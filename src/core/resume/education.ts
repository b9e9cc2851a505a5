// Education sections: entries → DraftEducation.

import { type DraftEducation, type FieldConfidence } from "./types.ts";
import { findDateRange } from "./dates.ts";
import { COMPANY_RE } from "./vocabulary.ts";
import { type Line } from "./lines.ts";
import { DEGREE_RE, INSTITUTION_RE, GPA_RE, HONORS_RE, COURSEWORK_RE, words } from "./cues.ts";
import { looksLikeLocation } from "./contact.ts";
import { splitSegments } from "./roles.ts";
import { entrySegments, segmentEntries } from "./entries.ts";
import { splitList } from "./skills.ts";
import { type Scored, clean, dropUndefined } from "./experience.ts";

export function parseDegree(seg: string): { degree: string; field?: string } | null {
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

/**
 * Family "institution inside a sentence" ("Bachelor of Science: Communication Design, with a minor in
 * computer science from SUNY Polytechnic Institute."): the run of capitalised words (with of/and/the)
 * around the institution noun.
 */
export function institutionInProse(text: string): string | null {
  const tokens = text.split(/\s+/);
  const at = tokens.findIndex((t) => INSTITUTION_RE.test(t) && /^\p{Lu}/u.test(t));
  if (at < 0) return null;
  const cap = (t: string) => /^[\p{Lu}\d(]/u.test(t);
  const link = (t: string) => /^(?:of|and|&|the|de|for)$/i.test(t);
  let a = at;
  const ends = (t: string) => /[,;:.]$/.test(t);
  while (a > 0 && cap(tokens[a - 1]) && !ends(tokens[a - 1])) a--;
  let b = at;
  while (!ends(tokens[b]) && b + 1 < tokens.length && (cap(tokens[b + 1]) || (link(tokens[b + 1]) && b + 2 < tokens.length && cap(tokens[b + 2])))) b++;
  const phrase = tokens.slice(a, b + 1).join(" ").replace(/[.,;:]+$/, "");
  return phrase.length >= 4 ? phrase : null;
}

export function parseEducation(lines: Line[]): Scored<DraftEducation[]> {
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
        const prose = words(seg.text).length >= 8 ? institutionInProse(seg.text) : null;
        edu.institution = clean(prose ?? seg.text.split(/\s*,\s*(?=[^,]*$)/).find((p) => INSTITUTION_RE.test(p)) ?? seg.text);
        instConf = 0.9;
      }
    }
    if (!edu.institution) {
      const fallback = segs.find((s) => s.line < 100 && !parseDegree(s.text) && !HONORS_RE.test(s.text) && !GPA_RE.test(s.text) && !looksLikeLocation(s.text));
      if (fallback) {
        // Family "School, Programme" ("Lighthouse Labs, Web Development (Immersive)"): the part with an organisation cue.
        const parts = fallback.text.split(/\s*,\s*/);
        const named = parts.length > 1 ? parts.find((p) => COMPANY_RE.test(p) && !looksLikeLocation(p)) : undefined;
        edu.institution = clean(named ?? fallback.text);
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
