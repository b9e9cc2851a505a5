// Skill gaps against a saved job and career-path suggestions, from the profile alone.

import { distinctSkills } from "../lexicon.ts";
import { humanList } from "../text.ts";
import type { ParsedJob, ProfileData } from "../types.ts";
import type { Answer, BuiltinInput } from "./builtin.ts";
import { distinctSources, sourceOf, type Passage, type SourceRef } from "./passages.ts";

/** Every technology the profile shows, with the passages that show it. */
function profileTechnologies(passages: Passage[], profile: ProfileData | null): Map<string, Passage[]> {
  const out = new Map<string, Passage[]>();
  for (const p of passages) {
    if (p.kind === "JOB") continue;
    for (const t of p.technologies) out.set(t, [...(out.get(t) ?? []), p]);
  }
  for (const t of profile ? profile.skills.technical.flatMap(distinctSkills) : []) if (!out.has(t)) out.set(t, []);
  return out;
}

function jobSkills(job: ParsedJob): { required: string[]; preferred: string[] } {
  const required = new Set<string>();
  const preferred = new Set<string>();
  for (const r of job.requirements) for (const k of r.keywords) (r.required ? required : preferred).add(k);
  for (const k of job.keywords) if (!required.has(k)) preferred.add(k);
  for (const k of required) preferred.delete(k);
  return { required: [...required], preferred: [...preferred] };
}

export function skillGapAnswer({ job, passages, profile }: BuiltinInput): Answer {
  if (!job) {
    return {
      text: "Which job? Start the conversation with a saved job (startConversation with jobId), or name a saved job's title in your question.",
      sources: [],
    };
  }
  const label = [job.job.title, job.job.company].filter(Boolean).join(" at ") || "this job";
  const own = profileTechnologies(passages, profile);
  const { required, preferred } = jobSkills(job.job);
  const asked = [...required, ...preferred];
  if (asked.length === 0) return { text: `I could not read any skills from ${label}'s text to compare with your profile.`, sources: [jobSource(job, label)] };
  const have = asked.filter((k) => own.has(k));
  const missingRequired = required.filter((k) => !own.has(k));
  const missingPreferred = preferred.filter((k) => !own.has(k));
  const lines = [`${label} asks for ${asked.length} skills; your profile shows ${have.length}${have.length ? `: ${have.join(", ")}` : ""}.`];
  if (missingRequired.length) lines.push(`Required and not found in your profile: ${missingRequired.join(", ")}.`);
  if (missingPreferred.length) lines.push(`Nice to have and not found in your profile: ${missingPreferred.join(", ")}.`);
  if (!missingRequired.length && !missingPreferred.length) lines.push("Your profile shows every skill it asks for.");
  const evidence = distinctSources(have.flatMap((k) => own.get(k) ?? [])).slice(0, 6);
  const sources: SourceRef[] = [jobSource(job, label), ...evidence.map((p) => sourceOf(p, have))];
  return { text: lines.join("\n"), sources };
}

function jobSource(job: { id: string; job: ParsedJob }, label: string): SourceRef {
  return { kind: "JOB", id: job.id, label, excerpt: job.job.requirements.slice(0, 3).map((r) => r.text).join(" … ").slice(0, 240) || job.job.description.slice(0, 240) };
}

// Where titles usually lead. Deliberately short: the answer names the profile's own evidence,
// the ladder only says which direction to look.
const NEXT: [RegExp, (title: string) => string[]][] = [
  [/\b(?:intern|trainee|apprentice)\b/i, (t) => [t.replace(/\b(?:intern|trainee|apprentice)\b/i, "").trim() || "a junior role"]],
  [/\bjunior\b/i, (t) => [t.replace(/\bjunior\s*/i, "")]],
  [/\b(?:staff|principal|lead|head)\b/i, (t) => [`a principal or architect role`, `a management track (head of / director) from ${t}`]],
  [/\bsenior\b/i, (t) => [t.replace(/\bsenior\b/i, "Staff"), t.replace(/\bsenior\b/i, "Lead"), "a first people-management role"]],
  [/\bmanager\b/i, () => ["senior manager or director"]],
];

export function careerPathAnswer({ passages, profile }: BuiltinInput): Answer {
  const roles = distinctSources(passages.filter((p) => p.kind === "EXPERIENCE")).sort((a, b) => (a.startDate ?? "").localeCompare(b.startDate ?? ""));
  if (!profile || roles.length === 0) return { text: "Add your experience to your profile first: career paths are read from your own roles and skills.", sources: [] };
  const latest = profile.experiences.find((e) => e.current) ?? profile.experiences.find((e) => roles.at(-1)?.sourceId === e.id) ?? profile.experiences[0];
  const techs = profileTechnologies(passages, profile);
  const strongest = [...techs.entries()].filter(([, ps]) => ps.length > 0).sort((a, b) => b[1].length - a[1].length).slice(0, 4);
  const next = latest ? (NEXT.find(([re]) => re.test(latest.title))?.[1](latest.title) ?? [`Senior ${latest.title}`]) : [];
  const lines = [`Your path so far: ${roles.map((r) => r.label).join(" → ")}.`];
  if (next.length) lines.push(`Natural next steps from ${latest!.title}: ${humanList(next)}.`);
  if (strongest.length) lines.push(`Your most-used skills, to build the move on: ${strongest.map(([t, ps]) => `${t} (${ps.length} ${ps.length === 1 ? "entry" : "entries"})`).join(", ")}.`);
  const sources = roles.slice(-4).map((p) => sourceOf(p, strongest.map(([t]) => t)));
  return { text: lines.join("\n"), sources };
}
