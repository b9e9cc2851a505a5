import type { ParsedJob } from "./types.ts";

const norm = (s: string) => s.toLowerCase().replace(/\s+/g, " ").trim();

/**
 * Keeps an LLM's reading of a job only where the job text supports it: a title, company,
 * location or keyword the text does not contain is replaced by the deterministic parse.
 * Requirements, responsibilities and benefits must quote the text (loosely: whitespace and case).
 */
export function groundJob(llm: ParsedJob, rules: ParsedJob, raw: string): ParsedJob {
  const text = norm(raw);
  const inText = (s: string | null | undefined) => Boolean(s && text.includes(norm(s)));
  const keep = (xs: string[]) => xs.filter(inText);
  const requirements = llm.requirements.filter((r) => inText(r.text));
  return {
    title: inText(llm.title) ? llm.title : rules.title,
    company: inText(llm.company) ? llm.company : rules.company,
    location: inText(llm.location) ? llm.location : rules.location,
    description: rules.description,
    keywords: unique([...rules.keywords, ...keep(llm.keywords)]),
    requirements: requirements.length ? requirements.map((r) => ({ ...r, keywords: keep(r.keywords) })) : rules.requirements,
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
