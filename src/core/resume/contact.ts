// Stage "fields" (header): name, email, phone, location and links from the header block.

import { STRONG_COMPANY_RE, TITLE_TAILS } from "./vocabulary.ts";
import { YEAR_SRC, findDateRange } from "./dates.ts";
import { type Line } from "./lines.ts";
import { COUNTRIES, INSTITUTION_RE, REGION_NAMES, US_STATES, words } from "./cues.ts";
import { anchorDate } from "./entries.ts";

// The lookbehind starts a match only where a run of address characters starts (else quadratic on "....").
export const EMAIL_RE = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/u;
export const URL_RE =
  /\b(?:https?:\/\/[^\s|,;]+|www\.[^\s|,;]+|(?:linkedin\.com|github\.com|gitlab\.com|bitbucket\.org|twitter\.com|x\.com|behance\.net|dribbble\.com|medium\.com|stackoverflow\.com|kaggle\.com)\/[^\s|,;]+)/i;
export const BARE_DOMAIN_RE = /^(?:[a-z0-9-]+\.)+(?:com|net|org|io|dev|me|design|co|app|xyz|tech|info|site|page|codes|ai|de|uk|fr|nl|se|pl|jp)(?:\/[^\s]*)?$/i;
export const PHONE_RE = /(?:\+|\(|\b)\d[\d\s().\-/]{6,}\d\b/;
export const TOKEN_SPLIT_RE = /\s*(?:\||•|·|●|▪|◦|\t|\s{3,}|\s[–—]\s)\s*/;

export function findPhone(token: string): string | null {
  const m = PHONE_RE.exec(token);
  if (!m) return null;
  const candidate = m[0].trim();
  const digits = candidate.replace(/\D/g, "");
  if (digits.length < 7 || digits.length > 15) return null;
  if (findDateRange(candidate) && !/^\+/.test(candidate) && new RegExp(`^${YEAR_SRC}\\b`).test(candidate)) return null;
  return candidate;
}

export function linkLabel(url: string): string {
  const host = url.replace(/^https?:\/\//i, "").replace(/^www\./i, "").split("/")[0].toLowerCase();
  const known: Record<string, string> = {
    "linkedin.com": "LinkedIn", "github.com": "GitHub", "gitlab.com": "GitLab", "bitbucket.org": "Bitbucket",
    "twitter.com": "Twitter", "x.com": "X", "behance.net": "Behance", "dribbble.com": "Dribbble", "medium.com": "Medium",
    "stackoverflow.com": "Stack Overflow", "kaggle.com": "Kaggle",
  };
  return known[host] ?? "Website";
}

export function normaliseUrl(u: string): string {
  const trimmed = u.replace(/[).,;]+$/, "");
  return /^https?:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
}

/** "Berlin, Germany", "Boston, MA", "San Francisco, CA, USA", "Remote". */
export function looksLikeLocation(s: string): boolean {
  const t = s.trim().replace(/^(?:based in|located in|location:)\s*/i, "");
  // Family "several places for one role": "Costa Mesa, CA & Anaheim, CA", "Hopkinsville, KY / Clarksville, TN".
  const places = t.split(/\s+(?:&|and|\/)\s+|\s*;\s*/);
  if (places.length > 1 && places.length <= 4) return places.every((p) => p.includes(",") && looksLikeLocation(p));
  // Family "street address under an entry header": "801 5th Ave Seattle, WA 98104", "11951 Beach Blvd Suite L, Stanton, CA 90680".
  if (/^\d{1,6}\s+[\p{L}\d .'’-]{2,40}\b(?:st|street|ave|avenue|blvd|boulevard|rd|road|dr|drive|ln|lane|way|pkwy|parkway|hwy|highway|suite|ste|plaza|sq|square|ct|court|pl|place)\b\.?(?:[\s,].*)?$/iu.test(t) && /\b\d{4,5}(?:-\d{4})?\b|,\s*\p{Lu}{2}\b/u.test(t)) return true;
  if (/^(?:remote|hybrid|on-?site)(?:\s*[(,–-].*)?$/i.test(t)) return true;
  if (/\d{3,}/.test(t) && !/\b\d{4,5}\b/.test(t)) return false;
  const parts = t.split(/\s*,\s*/).filter(Boolean);
  if (COUNTRIES.has(t.toLowerCase())) return true;
  // "Boston MA", "Ann Arbor MI": a US city and state code without the comma (plain-text layouts).
  const cityState = /^([\p{Lu}][\p{L}.'’ -]{1,30})\s+([A-Z]{2})$/u.exec(t);
  if (cityState && US_STATES.has(cityState[2]) && words(cityState[1]).length <= 3) return true;
  if (parts.length < 2 || parts.length > 3) return false;
  // Family "Organisation, Place" ("Aberystwyth University, Wales", "Acme Inc, Germany"): a first part
  // that ends in an organisation noun names the organisation; "University Park, PA" (cue first) stays a place.
  if (new RegExp(`(?:${INSTITUTION_RE.source}|${STRONG_COMPANY_RE.source})$`, "i").test(parts[0]) && words(parts[0]).length >= 2) return false;
  if (!parts.every((p) => /^[\p{Lu}\d][\p{L}\d .'’-]*$/u.test(p) && words(p).length <= 4)) return false;
  const isRegion = (p: string) => US_STATES.has(p) || COUNTRIES.has(p.toLowerCase()) || REGION_NAMES.has(p.toLowerCase());
  // Three parts only as "City, Region, Country": "Lyft, San Francisco, CA" is a company and a place.
  if (parts.length === 3) return isRegion(parts[1]) && COUNTRIES.has(parts[2].toLowerCase());
  return isRegion(parts[1]);
}

export function looksLikeName(s: string): boolean {
  const t = s.trim();
  if (/^(?:resume|résumé|curriculum vitae|cv)$/i.test(t)) return false;
  const ws = t.split(/\s+/);
  if (ws.length < 2 || ws.length > 5) return false;
  if (!/^[\p{L}][\p{L}'’.\- ]+$/u.test(t)) return false;
  if (ws.some((w) => TITLE_TAILS.has(w.toLowerCase()))) return false;
  return ws.every((w) => /^\p{Lu}/u.test(w) || /^(?:de|van|von|der|da|di|le|la|bin|al)$/i.test(w));
}

export function isContactToken(token: string): boolean {
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
export function pullContactLines(lines: Line[]): { kept: Line[]; contact: Line[] } {
  const isContact = lines.map((l) => {
    const tokens = l.text.split(TOKEN_SPLIT_RE).filter((t) => t.trim());
    return tokens.length > 0 && tokens.every(isContactToken);
  });
  const near = (i: number) => isContact[i - 1] || isContact[i + 1];
  const pulled = lines.map((l, i) => isContact[i] || (looksLikeLocation(l.text) && near(i) && !anchorDate(l.text)));
  return { kept: lines.filter((_, i) => !pulled[i]), contact: lines.filter((_, i) => pulled[i]) };
}

export interface Contact {
  fullName?: string;
  email?: string;
  phone?: string;
  location?: string;
  links: { label: string; url: string }[];
  /** Header lines used as contact details (not summary material). */
  used: Set<number>;
}

export function parseContact(header: Line[], rest: Line[]): Contact {
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
