// Experience-like sections: entries → DraftExperience with per-field confidence.

import { canonicalSkill } from "../lexicon.ts";
import { COMPANY_RE, STRONG_COMPANY_RE } from "./vocabulary.ts";
import { type DraftExperience, type FieldConfidence } from "./types.ts";
import { findDateRange } from "./dates.ts";
import { type FieldRole, type Line } from "./lines.ts";
import { INSTITUTION_RE, words, isHeaderLike } from "./cues.ts";
import { looksLikeLocation } from "./contact.ts";
import { titleScore, companyScore, type RoleGuess, guessRoles, slotKey } from "./roles.ts";
import { segmentEntries, entrySegments, bulletsOf, technologiesIn } from "./entries.ts";

export interface Scored<T> {
  value: T;
  fields: FieldConfidence[];
  warnings: string[];
}

export function parseExperiences(lines: Line[]): Scored<DraftExperience[]> {
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
    // boldLedDate's family: the bold heading above a plain descriptor-and-dates line is the employer,
    // unless the descriptor carries an organisation cue of its own.
    if (entry.boldLed && guess.title && guess.company && guess.title.line < 0 && guess.company.line === 0 && companyScore(guess.company.text) === 0) {
      [guess.title, guess.company] = [guess.company, guess.title];
      titleConf = companyConf = 0.6;
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
      // Family "Title, Unit" above "Parent organisation  dates" ("Circulation Staff, Wyndham Robertson
      // Library" / "Hollins University 2005-2006"): a tail named like an organisation is the unit, not the title.
      const unitOfParent = new RegExp(`(?:${COMPANY_RE.source})$`, "i").test(tail) && titleScore(tail) === 0 && (STRONG_COMPANY_RE.test(guess.company.text) || INSTITUTION_RE.test(guess.company.text));
      if (!looksLikeLocation(tail) && tail !== guess.location && !unitOfParent) guess.title = { ...title, text: title.whole };
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

export const FIELD_LABELS: [RegExp, FieldRole | "dates"][] = [
  [/^(?:employer|company|organi[sz]ation|firm|establishment|workplace|client)$/i, "company"],
  [/^(?:position|job title|title|role|designation|post|job)$/i, "title"],
  [/^(?:location|place|city|based in|based at)$/i, "location"],
  [/^(?:period|dates?|duration|tenure|employment dates|time period)$/i, "dates"],
];

/** Form-style entries ("Employer: Arup", "Position: Site Engineer", "Period: 2017 to 2020"): the label names the field. */
export function readFieldLabels(lines: Line[]): Line[] {
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
export function splitTrailingTowns(exps: DraftExperience[]): void {
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
export function preferSlottedCompany(guess: RoleGuess, layout: Map<string, "title" | "company">): boolean {
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
export const MIN_FIELD_CONFIDENCE = 0.45;

/** Roles whose company stood on a line above the title: a heading that later title-only roles share. */
export const GROUP_HEADED = new WeakSet<DraftExperience>();

/** Companies read from an explicit "Title at Company" phrase: never glued to a town. */
export const DELIMITED = new WeakSet<DraftExperience>();

export function splitGluedTowns(exps: DraftExperience[]): void {
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
export function learnSlots(guesses: RoleGuess[]): Map<string, "title" | "company"> {
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
export function unglueTitle(text: string): { company: string; title: string } | null {
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

export function clean(s: string | undefined): string | undefined {
  const t = s?.replace(/\s+/g, " ").replace(/^[\s,;:|•·–—-]+|[\s,;:|•·–—-]+$/g, "").trim();
  return t ? t : undefined;
}

export function dropUndefined<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}
