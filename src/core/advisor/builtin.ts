// The builtin engine: answers built from retrieval alone, deterministic and offline. Every
// sentence about the user quotes or counts a retrieved passage, and the passages it used are the
// answer's sources. With a Groq key the model answers instead (src/modules/advisor/engine.ts).

import { humanList, plural, wordPairs } from "../text.ts";
import type { ParsedJob, ProfileData } from "../types.ts";
import { describePeriod, type QuestionFilters } from "./filters.ts";
import type { Intent } from "./intents.ts";
import { bodyLines, DATED_KINDS, distinctSources, sourceOf, type Passage, type SourceRef } from "./passages.ts";
import { careerPathAnswer, skillGapAnswer } from "./gap-path.ts";
import { interviewTurn, type InterviewState } from "./interview.ts";

export interface BuiltinInput {
  intent: Intent;
  question: string;
  filters: QuestionFilters;
  /** Ranked passages of the user's own data, already filtered by technology and period. */
  passages: Passage[];
  profile: ProfileData | null;
  /** The job a skill-gap question is about, when there is one. */
  job: { id: string; job: ParsedJob } | null;
  interview: InterviewState;
}

export interface Answer {
  text: string;
  sources: SourceRef[];
}

export function builtinAnswer(input: BuiltinInput): Answer {
  switch (input.intent) {
    case "SKILL_LOOKUP":
      return skillLookup(input);
    case "TIMELINE":
      return timeline(input);
    case "ROLE_DETAILS":
      return details(input, "EXPERIENCE", "role");
    case "PROJECT_DETAILS":
      return details(input, "PROJECT", "project");
    case "SKILL_GAP":
      return skillGapAnswer(input);
    case "CAREER_PATH":
      return careerPathAnswer(input);
    case "INTERVIEW_PRACTICE":
      return interviewTurn(input);
    default:
      return general(input);
  }
}

const NOTHING = "I found nothing about that in your profile, samples, saved jobs or documents.";

function skillLookup({ question, filters, passages, profile }: BuiltinInput): Answer {
  const onlyProjects = /\bprojects?\b/i.test(question);
  if (filters.technologies.length === 0) return skillOverview(profile, passages);
  const parts: string[] = [];
  const sources: SourceRef[] = [];
  for (const tech of filters.technologies) {
    const hits = distinctSources(passages.filter((p) => p.technologies.includes(tech) && (!onlyProjects || p.kind === "PROJECT")));
    const own = hits.filter((p) => p.kind !== "JOB");
    if (own.length === 0) {
      parts.push(`I found no mention of ${tech} in your ${onlyProjects ? "projects" : "profile, samples or documents"}.`);
      continue;
    }
    const where = onlyProjects ? plural(own.length, "project") : plural(own.length, "entry", "entries");
    parts.push(`${tech} appears in ${where}:\n${own.map((p) => `- ${p.label}`).join("\n")}`);
    sources.push(...own.map((p) => sourceOf(p, [tech])));
  }
  return { text: parts.join("\n\n"), sources };
}

function skillOverview(profile: ProfileData | null, passages: Passage[]): Answer {
  const counts = new Map<string, Passage[]>();
  for (const p of distinctSources(passages.filter((x) => x.kind === "EXPERIENCE" || x.kind === "PROJECT"))) {
    for (const t of p.technologies) counts.set(t, [...(counts.get(t) ?? []), p]);
  }
  const listed = profile ? profile.skills.technical : [];
  const ranked = [...counts.entries()].sort((a, b) => b[1].length - a[1].length).slice(0, 10);
  if (listed.length === 0 && ranked.length === 0) return { text: NOTHING, sources: [] };
  const lines: string[] = [];
  if (listed.length) lines.push(`Your profile lists these technical skills: ${listed.join(", ")}.`);
  if (ranked.length) lines.push(`Used in your roles and projects: ${ranked.map(([t, ps]) => `${t} (${ps.length})`).join(", ")}.`);
  const sources = distinctSources(ranked.flatMap(([, ps]) => ps)).map((p) => sourceOf(p, ranked.map(([t]) => t)));
  const skills = passages.find((p) => p.kind === "SKILLS");
  if (skills && listed.length) sources.unshift(sourceOf(skills, listed));
  return { text: lines.join("\n"), sources };
}

function timeline({ filters, passages }: BuiltinInput): Answer {
  const dated = distinctSources(passages.filter((p) => DATED_KINDS.has(p.kind))).sort((a, b) => (a.startDate ?? a.endDate ?? "").localeCompare(b.startDate ?? b.endDate ?? ""));
  const period = filters.from || filters.to ? describePeriod(filters) : null;
  if (dated.length === 0) return { text: period ? `I found nothing in your profile dated ${period}.` : NOTHING, sources: [] };
  const lines = dated.map((p) => {
    const first = bodyLines(p)[0];
    return `- ${p.label}${first ? `: ${first}` : ""}`;
  });
  return { text: `${period ? `In ${period}` : "Over time"}, your profile shows:\n${lines.join("\n")}`, sources: dated.map((p) => sourceOf(p, filters.technologies)) };
}

function details({ question, filters, passages }: BuiltinInput, kind: "EXPERIENCE" | "PROJECT", noun: string): Answer {
  const best = distinctSources(passages.filter((p) => p.kind === kind))[0];
  if (!best) return { text: `I found no ${noun} in your profile that matches your question.`, sources: [] };
  const all = passages.filter((p) => p.kind === kind && p.sourceId === best.sourceId).flatMap(bodyLines);
  const body = [...new Set(all)].map((l) => `- ${l}`).join("\n");
  const words = wordPairs(question).map((w) => w.word);
  return { text: `${best.label}${body ? `:\n${body}` : "."}`, sources: [sourceOf(best, filters.technologies, words)] };
}

function general({ question, filters, passages }: BuiltinInput): Answer {
  const top = distinctSources(passages.filter((p) => p.kind !== "JOB")).slice(0, 3);
  if (top.length === 0) return { text: `${NOTHING} Add it to your profile, or ask about your experience, skills or saved jobs.`, sources: [] };
  const words = wordPairs(question).map((w) => w.word);
  const sources = top.map((p) => sourceOf(p, filters.technologies, words));
  const names = humanList(top.map((p) => p.label));
  return { text: `Here is what your data says that relates to your question (from ${names}):\n${sources.map((s) => `- ${s.excerpt}`).join("\n")}`, sources };
}
