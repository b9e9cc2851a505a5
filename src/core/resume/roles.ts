// Stage "fields" (titles/companies/locations): header segments and their roles.

import { COMPANY_RE, STRONG_COMPANY_RE, TITLE_LEADS, TITLE_TAILS, TITLE_WORDS } from "./vocabulary.ts";
import { type FieldRole } from "./lines.ts";
import { EMPLOYMENT_TYPE_RE, COUNTRIES, INSTITUTION_RE, words, isHeaderLike } from "./cues.ts";
import { looksLikeLocation } from "./contact.ts";

export interface Segment {
  text: string;
  /** Line offset from the anchor line (negative above). */
  line: number;
  index: number;
  role?: FieldRole;
  /** "Lead Pharmacist, Acute Medicine": the whole segment a title was cut from at its comma. */
  whole?: string;
}

export const SEGMENT_SPLIT_RE = /\s*(?:\t+|\s{3,}|\s[|•·●▪◦]\s|\s[–—]\s|\s-\s|\s\/\s)\s*|\s*[|•·]\s*/;

export function splitSegments(text: string): string[] {
  return text
    .split(SEGMENT_SPLIT_RE)
    .map((s) => s.trim().replace(/^[,;:()\[\]\s-]+|[,;:(\[\s-]+$/g, "").replace(/^\((.*)\)$/, "$1").trim())
    .filter((s) => s && /[\p{L}\p{N}]/u.test(s));
}

export function titleScore(s: string): number {
  const ws = words(s).map((w) => w.toLowerCase().replace(/[^\p{L}-]/gu, ""));
  let score = ws.filter((w) => TITLE_WORDS.has(w)).length;
  // The head noun ends the title; a specialty in brackets may follow it ("Software Engineer (Frontend)").
  const head = words(s.replace(/\s*\([^)]*\)\s*$/, "")).map((w) => w.toLowerCase().replace(/[^\p{L}-]/gu, ""));
  if (head.length && TITLE_TAILS.has(head[head.length - 1])) score += 1;
  if (TITLE_LEADS.test(s)) score += 0.5;
  if (/^(?:head|director|vp|vice president|chief|manager) of\b/i.test(s)) score += 1;
  return score;
}

export function companyScore(s: string): number {
  // A generic cue ("Software", "Health") inside a phrase that ends in a title noun is part of the title.
  const head = words(s.replace(/\s*\([^)]*\)\s*$/, "")).map((w) => w.toLowerCase().replace(/[^\p{L}-]/gu, ""));
  const endsInTitle = head.length > 1 && TITLE_TAILS.has(head[head.length - 1]);
  let score = STRONG_COMPANY_RE.test(s) || (!endsInTitle && COMPANY_RE.test(s)) ? 1.5 : 0;
  if (/^[A-Z0-9&]{2,6}$/.test(s.trim())) score += 0.5;
  if (/&/.test(s) && !/\bR&D\b/.test(s)) score += 0.3;
  return score;
}

/** Splits a trailing location off a comma list: "Lyft, San Francisco, CA" → ["Lyft", "San Francisco, CA"]. */
export function splitTrailingLocation(seg: string): { rest: string; location?: string } {
  const parts = seg.split(/\s*,\s*/);
  for (let k = Math.max(1, parts.length - 3); k < parts.length; k++) {
    const tail = parts.slice(k).join(", ");
    if (looksLikeLocation(tail) && (parts.slice(k).length >= 2 || COUNTRIES.has(tail.toLowerCase()))) {
      return { rest: parts.slice(0, k).join(", "), location: tail };
    }
  }
  return { rest: seg };
}

export interface RoleGuess {
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

export function guessRoles(segments: Segment[]): RoleGuess {
  const guess: RoleGuess = { confident: false, open: [] };
  const candidates: Segment[] = [];
  const placed = new Set<Segment>();
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
      // Family "Company - Place" ("Walmart - Newberry, SC" above the title): the place is printed beside the employer.
      const beside = candidates[candidates.length - 1];
      if (beside && beside.line === seg.line && Math.floor(beside.index) === seg.index - 1) placed.add(beside);
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
  const net = (s: Segment) => titleScore(s.text) - companyScore(s.text) + (placed.has(s) && candidates.length === 2 ? -1 : 0);
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
export function assignLabelled(guess: RoleGuess, seg: Segment): void {
  const paren = /^(.*?)\s*\(([^()]+)\)$/.exec(seg.text);
  const place = paren && looksLikeLocation(paren[2]) ? paren[2].trim() : undefined;
  const text = place ? paren![1].trim() : seg.text;
  if (place) guess.location ??= place;
  if (seg.role === "location") guess.location ??= seg.text;
  else if (seg.role === "title") guess.title ??= { ...seg, text };
  else if (seg.role === "company") guess.company ??= { ...seg, text };
}

/** "Senior ParalegalRopes & Gray LLP": a DOCX line break lost between a title and the company after it. */
export function unglueTitleFirst(text: string): { title: string; company: string } | null {
  for (const m of text.matchAll(/(?<=\p{Ll})(?=\p{Lu})/gu)) {
    const title = text.slice(0, m.index).trim();
    const company = text.slice(m.index).trim();
    const lastWord = title.split(/\s+/).pop()!.toLowerCase();
    if (TITLE_TAILS.has(lastWord) && company.length >= 2 && titleScore(company) === 0 && !looksLikeLocation(company)) return { title, company };
  }
  return null;
}

/** "Volvo CarsGothenburg, Sweden": a right-aligned location glued on by DOCX text extraction. */
export function unglueLocation(text: string): { rest: string; location: string } | null {
  for (const m of text.matchAll(/(?<=\p{Ll})(?=\p{Lu})|(?<=\p{Lu})(?=\p{Lu}\p{Ll})/gu)) {
    const rest = text.slice(0, m.index).trim();
    const location = text.slice(m.index).trim();
    if (rest.length >= 2 && looksLikeLocation(location)) return { rest, location };
  }
  return null;
}

export const slotKey = (s: Segment) => `${s.line}:${Math.floor(s.index)}`;
