// The user's data as retrieval passages: every profile item, sample, job and document becomes
// one or more chunks of at most ~800 characters, each carrying its technologies (lexicon names)
// and dates, so the index can filter on them. Pure: the index store persists what this returns.

import { createHash } from "node:crypto";
import { distinctSkills } from "../lexicon.ts";
import type { ParsedJob, PartialDate, ProfileData } from "../types.ts";
import { dateSpan } from "./filters.ts";

export type SourceKind = "PROFILE" | "SKILLS" | "EXPERIENCE" | "PROJECT" | "EDUCATION" | "SAMPLE" | "JOB" | "DOCUMENT";

export interface Chunk {
  kind: SourceKind;
  sourceId: string;
  /** How the source is named to the user: "Backend Engineer at Acme (2021-03 – present)". */
  label: string;
  text: string;
  technologies: string[];
  startDate: PartialDate | null;
  endDate: PartialDate | null;
  /** Hash of every chunk of the same source: the index rewrites a source only when it changes. */
  hash: string;
}

export interface AdvisorSources {
  profile: (ProfileData & { id: string }) | null;
  samples: { id: string; type: string; text: string }[];
  jobs: { id: string; job: ParsedJob }[];
  documents: { id: string; title: string; content: string }[];
}

export const CHUNK_CHARS = 800;

/** Every chunk of the user's data, grouped by source. */
export function chunkSources(src: AdvisorSources): Chunk[] {
  const out: Chunk[] = [];
  const p = src.profile;
  if (p) {
    const personal = [p.fullName, p.location, p.summary].filter(Boolean).join("\n");
    if (personal) out.push(...source("PROFILE", p.id, "Profile summary", [personal], [], null, null));
    const skills = Object.values(p.skills).flat();
    if (skills.length) out.push(...source("SKILLS", p.id, "Skills", [`Skills: ${skills.join(", ")}`], p.skills.technical, null, null));
    for (const e of p.experiences) {
      const span = dateSpan(e);
      const label = `${e.title} at ${e.company}${span ? ` (${span})` : ""}`;
      const head = [`${e.title} at ${e.company}`, e.location, span].filter(Boolean).join(", ");
      const end = e.current ? null : (e.endDate ?? null);
      out.push(...source("EXPERIENCE", e.id, label, [head, ...e.bullets], e.technologies, e.startDate ?? null, end, e.current));
    }
    for (const x of p.projects) {
      const span = dateSpan(x);
      out.push(...source("PROJECT", x.id, `Project ${x.name}${span ? ` (${span})` : ""}`, [`Project ${x.name}`, ...x.bullets], x.technologies, x.startDate ?? null, x.endDate ?? null));
    }
    for (const ed of p.education) {
      const what = [ed.degree, ed.field].filter(Boolean).join(", ");
      const label = `${what ? `${what}, ` : ""}${ed.institution}`;
      out.push(...source("EDUCATION", ed.id, label, [label, ...ed.honors, ...ed.coursework], [], ed.startDate ?? null, ed.endDate ?? null));
    }
  }
  for (const s of src.samples) out.push(...source("SAMPLE", s.id, s.type === "RESUME" ? "Your resume sample" : "Your cover letter sample", paragraphs(s.text), [], null, null));
  for (const { id, job } of src.jobs) {
    const label = [job.title, job.company].filter(Boolean).join(" at ") || "Saved job";
    const lines = [label, job.description, ...job.requirements.map((r) => r.text), ...job.responsibilities];
    out.push(...source("JOB", id, label, lines.flatMap(paragraphs), job.keywords, null, null));
  }
  for (const d of src.documents) out.push(...source("DOCUMENT", d.id, d.title, paragraphs(d.content), [], null, null));
  return out;
}

function paragraphs(text: string): string[] {
  return text.split(/\n+/).map((l) => l.trim()).filter(Boolean);
}

/** Lines packed into chunks of at most CHUNK_CHARS (a longer line is cut); the first line heads every chunk. */
function source(
  kind: SourceKind,
  sourceId: string,
  label: string,
  lines: string[],
  technologies: string[],
  startDate: PartialDate | null,
  endDate: PartialDate | null,
  current = false,
): Chunk[] {
  const [head = "", ...rest] = lines.flatMap((l) => cut(l, CHUNK_CHARS));
  const texts: string[] = [];
  let current_ = head;
  for (const line of rest) {
    if (current_.length + line.length + 1 > CHUNK_CHARS && current_ !== head) {
      texts.push(current_);
      current_ = kind === "EXPERIENCE" || kind === "PROJECT" ? head : "";
    }
    current_ = current_ ? `${current_}\n${line}` : line;
  }
  if (current_) texts.push(current_);
  const hash = createHash("sha1").update(JSON.stringify([label, texts, technologies, startDate, endDate, current])).digest("hex");
  return texts.map((text) => ({
    kind,
    sourceId,
    label,
    text,
    technologies: [...new Set([...technologies.flatMap(distinctSkills), ...distinctSkills(text)])],
    startDate,
    // An ongoing item is stored with end "present" so the period filter keeps it current.
    endDate: current ? "present" : endDate,
    hash,
  }));
}

function cut(line: string, max: number): string[] {
  if (line.length <= max) return [line];
  const out: string[] = [];
  for (let i = 0; i < line.length; i += max) out.push(line.slice(i, i + max));
  return out;
}
