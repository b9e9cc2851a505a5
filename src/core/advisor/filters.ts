// What a question narrows the search to: the technologies it names (the skills lexicon, the same
// reading the job parser and the grounding check use) and the period it asks about (the resume
// parser's date grammar, src/core/resume/dates.ts). Nothing here is specific wording of its own.

import { distinctSkills } from "../lexicon.ts";
import { findDateRange } from "../resume/dates.ts";
import type { PartialDate } from "../types.ts";

export interface QuestionFilters {
  /** Canonical lexicon names ("Kubernetes" for "k8s"). */
  technologies: string[];
  /** Inclusive month bounds ("2021-01" … "2021-12"); null when the question names no period. */
  from: string | null;
  to: string | null;
}

// "between 2019 and 2021" reads as the range grammar's "2019 to 2021".
const BETWEEN = /\bbetween\s+(\S+(?:\s+\S+)?)\s+and\s+/gi;

export function questionFilters(question: string, now = new Date()): QuestionFilters {
  const technologies = distinctSkills(question);
  const hit = findDateRange(question.replace(BETWEEN, "$1 to "));
  if (!hit) return { technologies, from: null, to: null };
  const { startDate, endDate, current } = hit.range;
  if (hit.single) {
    // "in 2021", "in March 2022": the whole year or month.
    const d = endDate!;
    return { technologies, from: monthStart(d), to: monthEnd(d) };
  }
  return { technologies, from: startDate ? monthStart(startDate) : null, to: current || !endDate ? monthOf(now) : monthEnd(endDate) };
}

function monthOf(d: Date): string {
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
}
function monthStart(d: PartialDate): string {
  return d.length >= 7 ? d.slice(0, 7) : `${d.slice(0, 4)}-01`;
}
function monthEnd(d: PartialDate): string {
  return d.length >= 7 ? d.slice(0, 7) : `${d.slice(0, 4)}-12`;
}

/**
 * Whether an item dated start…end (partial dates, end null = ongoing when `current`) overlaps the
 * question's period. An undated item never matches a dated question.
 */
export function overlapsPeriod(
  item: { startDate?: PartialDate | null; endDate?: PartialDate | null; current?: boolean },
  filters: Pick<QuestionFilters, "from" | "to">,
  now = new Date(),
): boolean {
  if (!filters.from && !filters.to) return true;
  if (!item.startDate && !item.endDate) return false;
  const start = item.startDate ? monthStart(item.startDate) : monthStart(item.endDate!);
  const end = item.endDate ? monthEnd(item.endDate) : item.current ? monthOf(now) : monthEnd(item.startDate!);
  return (!filters.to || start <= filters.to) && (!filters.from || end >= filters.from);
}

/** A readable period: "2021", "2019-01 – 2021-12". */
export function describePeriod(filters: Pick<QuestionFilters, "from" | "to">): string {
  const { from, to } = filters;
  if (from && to && from.endsWith("-01") && to.endsWith("-12") && from.slice(0, 4) === to.slice(0, 4)) return from.slice(0, 4);
  if (from && to && from === to) return from;
  return `${from ?? "…"} – ${to ?? "…"}`;
}

/** "2021-03 – present", "2019 – 2020", "2020". */
export function dateSpan(item: { startDate?: PartialDate | null; endDate?: PartialDate | null; current?: boolean }): string {
  if (!item.startDate && !item.endDate) return "";
  if (!item.startDate) return item.endDate!;
  return `${item.startDate} – ${item.current ? "present" : (item.endDate ?? "present")}`;
}
