// Retrieved passages and the sources an answer cites.

import { findSkills } from "../lexicon.ts";
import type { Chunk, SourceKind } from "./chunks.ts";

/** An indexed chunk as the search returns it: the chunk without its hash, with its rank. */
export type Passage = Omit<Chunk, "hash"> & {
  /** bm25: lower is better. */
  score: number;
};

/** One source an answer used: shown to the user and stored with the message. */
export interface SourceRef {
  kind: SourceKind;
  id: string;
  label: string;
  excerpt: string;
}

export const EXCERPT_CHARS = 240;

/** The passage's lines that mention one of the technologies or words, else its first lines; at most EXCERPT_CHARS. */
export function excerpt(p: Passage, technologies: string[], words: string[] = []): string {
  const lines = p.text.split("\n");
  const wanted = new Set(technologies);
  const lowerWords = words.map((w) => w.toLowerCase()).filter((w) => w.length > 2);
  const hits = lines.filter(
    (l) => findSkills(l).some((m) => wanted.has(m.canonical)) || lowerWords.some((w) => l.toLowerCase().includes(w)),
  );
  const chosen = (hits.length ? hits : lines).join(" … ");
  return chosen.length > EXCERPT_CHARS ? `${chosen.slice(0, EXCERPT_CHARS - 1).trimEnd()}…` : chosen;
}

export function sourceOf(p: Passage, technologies: string[], words: string[] = []): SourceRef {
  return { kind: p.kind, id: p.sourceId, label: p.label, excerpt: excerpt(p, technologies, words) };
}

/** The best passage of each source, in rank order. */
export function distinctSources(passages: Passage[]): Passage[] {
  const seen = new Set<string>();
  return passages.filter((p) => {
    const key = `${p.kind}:${p.sourceId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Lines of an experience or project passage after its heading line. */
export function bodyLines(p: Passage): string[] {
  return p.text.split("\n").slice(1);
}

export const DATED_KINDS = new Set<SourceKind>(["EXPERIENCE", "PROJECT", "EDUCATION"]);
