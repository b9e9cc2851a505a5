import type { ResumeDraft, DraftProfile } from "./resume-parser.ts";
import { termMatcher } from "./job-grounding.ts";
import { canonicalSkill } from "./lexicon.ts";

type Text = string | null | undefined;
type Texts = string[] | undefined;

/**
 * A model's reading of a resume, as the AI layer's schema (ai/schemas.ts ResumeDraftSchema)
 * validates it: every value optional. Declared here so core/ depends on nothing above it; the AI
 * layer asserts at compile time that its schema's output fits.
 */
export interface ModelDraft {
  fullName?: Text;
  email?: Text;
  phone?: Text;
  location?: Text;
  links?: { label: string; url: string }[];
  summary?: Text;
  skills?: { technical?: Texts; soft?: Texts; languages?: Texts; certifications?: Texts };
  experiences?: { title?: Text; company?: Text; location?: Text; startDate?: Text; endDate?: Text; current?: boolean; bullets?: Texts; technologies?: Texts }[];
  projects?: { name?: Text; bullets?: Texts; technologies?: Texts; url?: Text; repoUrl?: Text; startDate?: Text; endDate?: Text }[];
  education?: { institution?: Text; degree?: Text; field?: Text; startDate?: Text; endDate?: Text; gpa?: Text; honors?: Texts; coursework?: Texts }[];
}

/**
 * Keeps an LLM's extraction of a resume only where every value appears in the resume's text, on
 * word boundaries (case and punctuation aside): "Meta" is not in "metadata". Technologies and
 * skills go through the lexicon ("Java" is not in "JavaScript"). Dates must show their year in the
 * text. Anything else is dropped, and the rule-based draft fills what the LLM missed.
 */
export function groundDraft(llm: ModelDraft, rules: ResumeDraft, source: string): ResumeDraft {
  const text = termMatcher(source);
  const has = text.has;
  const val = (s: string | null | undefined) => (has(s) ? s : undefined);
  const date = (d: string | null | undefined) => (d && has(d.slice(0, 4)) ? d : undefined);
  const list = (xs: string[] | undefined) => (xs ?? []).filter(has);
  // A lexicon skill must be found by the lexicon itself (the model's spelling is kept); any other term must stand whole.
  const terms = (xs: string[] | undefined) => (xs ?? []).filter((x) => (canonicalSkill(x) ? text.term(x) !== null : has(x)));
  const r = rules.profile;
  const experiences = (llm.experiences ?? [])
    .filter((e) => has(e.company) && has(e.title))
    .map((e) => ({
      title: e.title!, company: e.company!, location: val(e.location),
      startDate: date(e.startDate), endDate: date(e.endDate), current: Boolean(e.current && !e.endDate),
      bullets: list(e.bullets), technologies: terms(e.technologies),
    }));
  const education = (llm.education ?? [])
    .filter((e) => has(e.institution))
    .map((e) => ({ institution: e.institution!, degree: val(e.degree), field: val(e.field), startDate: date(e.startDate), endDate: date(e.endDate), gpa: val(e.gpa), honors: list(e.honors), coursework: list(e.coursework) }));
  const projects = (llm.projects ?? [])
    .filter((p) => has(p.name))
    .map((p) => ({ name: p.name!, bullets: list(p.bullets), technologies: terms(p.technologies), url: val(p.url), repoUrl: val(p.repoUrl), startDate: date(p.startDate), endDate: date(p.endDate) }));
  const skills = llm.skills ?? {};
  const profile: DraftProfile = {
    fullName: val(llm.fullName) ?? r.fullName,
    email: val(llm.email) ?? r.email,
    phone: val(llm.phone) ?? r.phone,
    location: val(llm.location) ?? r.location,
    links: (llm.links ?? []).filter((l) => has(l.url)).map((l) => ({ label: l.label, url: l.url })),
    summary: val(llm.summary) ?? r.summary,
    skills: {
      technical: terms(skills.technical).length ? terms(skills.technical) : r.skills.technical,
      soft: terms(skills.soft).length ? terms(skills.soft) : r.skills.soft,
      languages: list(skills.languages).length ? list(skills.languages) : r.skills.languages,
      certifications: terms(skills.certifications).length ? terms(skills.certifications) : r.skills.certifications,
    },
    // A grounded list shorter than the rules' reading means the model skipped items: keep the rules'.
    experiences: experiences.length >= r.experiences.length ? experiences : r.experiences,
    projects: projects.length >= r.projects.length ? projects : r.projects,
    education: education.length >= r.education.length ? education : r.education,
    // The model is not asked for awards: the rules' reading, which quotes the file.
    awards: r.awards,
  };
  if (!profile.links.length) profile.links = r.links;
  return { profile, confidence: rules.confidence, warnings: rules.warnings };
}
