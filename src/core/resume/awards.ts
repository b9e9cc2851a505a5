// Awards / Honors / Scholarships sections → DraftAward (the profile's `awards`, JSON Resume's `awards`).
//
// One award per entry line: "Dean's List, University of Cincinnati, 2014", "Employee of the Year – Acme
// Corp (2019)", "• Best Paper Award | ICSE 2021". The date is taken out wherever it sits; of the rest,
// the first part is the title, a part that names an organisation (an organisation cue, "by/from …",
// or a short capitalised name right after the title) is the awarder, and what is left describes it. A plain sentence under an award describes that award.

import { type DraftAward } from "./types.ts";
import { type Line } from "./lines.ts";
import { findDateRange } from "./dates.ts";
import { INSTITUTION_RE, endsSentence, isHeaderLike, words } from "./cues.ts";
import { looksLikeLocation } from "./contact.ts";
import { COMPANY_RE } from "./vocabulary.ts";

const PART_SPLIT_RE = /\s+[–—|-]\s+|\t+|\s*[|•·]\s*|,\s+/;
const AWARDER_LEAD_RE = /^(?:awarded\s+)?(?:by|from)\s+/i;
const MAX_TITLE = 200;

export function parseAwards(lines: Line[]): DraftAward[] {
  const awards: DraftAward[] = [];
  for (const line of lines) {
    const text = line.text.trim();
    if (!text) continue;
    const prev = awards[awards.length - 1];
    // A sentence set under an award (not a bullet of its own) says what it was for.
    if (prev && !line.bullet && endsSentence(text) && words(text).length > 8 && !findDateRange(text)) {
      prev.summary = prev.summary ? `${prev.summary} ${text}` : text;
      continue;
    }
    const award = readAward(text);
    if (award.title) awards.push(award);
  }
  return awards;
}

export function readAward(text: string): DraftAward {
  const hit = findDateRange(text);
  const award: DraftAward = {};
  let rest = text;
  if (hit) {
    award.date = hit.range.endDate ?? hit.range.startDate;
    rest = `${text.slice(0, hit.index)} ${text.slice(hit.index + hit.length)}`;
  }
  rest = rest.replace(/\(\s*\)/g, " ").replace(/\s{2,}/g, " ").replace(/[\s,–—|:-]+$/, "").trim();
  // "Employee of the Year (Acme Corp)": a parenthesised organisation is a part of its own.
  const parts = rest
    .replace(/\s*\(([^)]+)\)\s*$/, (m, inner: string) => (COMPANY_RE.test(inner) || INSTITUTION_RE.test(inner) ? `, ${inner}` : m))
    .split(PART_SPLIT_RE)
    .map((p) => p.trim())
    .filter(Boolean);
  const [title, ...others] = parts;
  if (!title) return award;
  award.title = title.slice(0, MAX_TITLE);
  const cued = others.findIndex((p) => AWARDER_LEAD_RE.test(p) || COMPANY_RE.test(p) || INSTITUTION_RE.test(p));
  // Without a cue, a short capitalised name right after the title is who gave it ("Title – Awarder",
  // the order JSON Resume themes and most templates print); a lower-case phrase describes the award.
  const awarderIndex = cued >= 0 ? cued : others.length && isHeaderLike(others[0]) && words(others[0]).length <= 6 && !looksLikeLocation(others[0]) ? 0 : -1;
  if (awarderIndex >= 0) {
    award.awarder = others[awarderIndex].replace(AWARDER_LEAD_RE, "").slice(0, MAX_TITLE);
    others.splice(awarderIndex, 1);
  }
  // A trailing place ("…, Cincinnati, OH") is not a description: kept only when it reads as one.
  const summary = others.filter((p) => words(p).length > 2).join(", ");
  if (summary) award.summary = summary;
  return award;
}
