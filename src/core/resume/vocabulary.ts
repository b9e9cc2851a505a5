// Words that are evidence for a job title or an organisation (data/entry-vocabulary.json: head
// nouns from the public O*NET-SOC / BLS SOC occupation titles, ISO 20275 legal-form suffixes and
// organisation-type nouns). Loaded once; the parser scores header segments with them.
import data from "../data/entry-vocabulary.json" with { type: "json" };

export const TITLE_WORDS = new Set(data.titleWords);
export const TITLE_TAILS = new Set(data.titleTails);
export const TITLE_LEADS = new RegExp(`^(?:${data.titleLeads.join("|")})\\b`);
/**
 * Any organisation cue: a legal form ("GmbH", "Inc.") or an organisation type ("University").
 * Not as the first half of a hyphenated word: "co-op", "Co-Founder" are no "Co." (family
 * "hyphenated words that begin with a legal-form abbreviation").
 */
export const COMPANY_RE = new RegExp(`\\b(?:${data.organisationCues.join("|")})\\b(?!-[a-z])\\.?`, "i");
/** Cues that also occur inside job titles ("Software Engineer", "Health Aide"). */
export const GENERIC_COMPANY_RE = new RegExp(`^(?:${data.genericOrganisationCues.join("|")})$`, "i");
/** Cues that name an organisation whatever surrounds them (legal forms, "Bank", "Ministry"). */
export const STRONG_COMPANY_RE = new RegExp(
  `\\b(?:${data.organisationCues.filter((c) => !GENERIC_COMPANY_RE.test(c.replace(/\\\\/g, ""))).join("|")})\\b(?!-[a-z])\\.?`,
  "i",
);
