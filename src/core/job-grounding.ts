import { canonicalSkill, findSkills } from "./lexicon.ts";
import { phraseIndex } from "./phrases.ts";
import type { ParsedJob } from "./types.ts";

/**
 * Model-proposed terms checked against a source text, on word boundaries: a lexicon skill only
 * where the lexicon itself finds it in the text (aliases included: "JS" is grounded by
 * "JavaScript", but "Java" is not, nor "Scala" by "scalable", "Rust" by "trust", "Go" by "going"
 * or by the verb "go"); any other term only where its words stand whole in the text.
 */
export function termMatcher(text: string) {
  const words = phraseIndex(text);
  let skills: Set<string> | null = null;
  const skillInText = (canonical: string) => (skills ??= new Set(findSkills(text).map((m) => m.canonical))).has(canonical);
  return {
    /** The phrase's words appear whole and in order (case and punctuation aside). */
    has: (s: string | null | undefined): s is string => Boolean(s && words.has(s)),
    /** The term as the text supports it: a skill's canonical name, another term as written; null when unsupported. */
    term(s: string): string | null {
      const canonical = canonicalSkill(s);
      if (canonical) return skillInText(canonical) ? canonical : null;
      return words.has(s) ? s.trim() : null;
    },
  };
}

/**
 * Keeps an LLM's reading of a job only where the job text supports it: a title, company,
 * location or keyword the text does not contain is replaced by the deterministic parse.
 * Requirements, responsibilities and benefits must quote the text (whole words; case and
 * punctuation aside). Keywords are grounded through the lexicon (see termMatcher), because the
 * cover-letter check later trusts them as job facts.
 */
export function groundJob(llm: ParsedJob, rules: ParsedJob, raw: string): ParsedJob {
  const text = termMatcher(raw);
  const inText = text.has;
  const keep = (xs: string[]) => xs.filter(inText);
  const terms = (xs: string[]) => xs.map((x) => text.term(x)).filter((x): x is string => x !== null);
  const requirements = llm.requirements.filter((r) => inText(r.text));
  return {
    title: inText(llm.title) ? llm.title : rules.title,
    company: inText(llm.company) ? llm.company : rules.company,
    location: inText(llm.location) ? llm.location : rules.location,
    description: rules.description,
    keywords: unique([...rules.keywords, ...terms(llm.keywords)]),
    requirements: requirements.length ? requirements.map((r) => ({ ...r, keywords: unique(terms(r.keywords)) })) : rules.requirements,
    responsibilities: keep(llm.responsibilities).length ? keep(llm.responsibilities) : rules.responsibilities,
    benefits: keep(llm.benefits).length ? keep(llm.benefits) : rules.benefits,
    // Numbers are only trusted from the rules, which read them from the text itself.
    salary: rules.salary ?? null,
    remoteMode: llm.remoteMode !== "UNKNOWN" && rules.remoteMode === "UNKNOWN" ? llm.remoteMode : rules.remoteMode,
    seniority: rules.seniority ?? llm.seniority,
    yearsExperience: rules.yearsExperience,
  };
}

function unique(xs: string[]) {
  const seen = new Set<string>();
  return xs.filter((x) => (seen.has(x.toLowerCase()) ? false : (seen.add(x.toLowerCase()), true)));
}
