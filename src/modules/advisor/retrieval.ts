// Retrieval for one question: the user's index brought up to date, searched by the question's
// technologies or words (bm25), narrowed to its period, and every passage defused (sentences
// that read as instructions to the assistant are dropped and noted).

import { overlapsPeriod, type QuestionFilters } from "../../core/advisor/filters.ts";
import { defuse, isInjection } from "../../core/advisor/guardrails.ts";
import type { Intent } from "../../core/advisor/intents.ts";
import { DATED_KINDS, type Passage } from "../../core/advisor/passages.ts";
import { wordPairs } from "../../core/text.ts";
import { ensureIndexed, searchPassages } from "./index.store.ts";

export interface GuardNote {
  reason: "PROMPT_INJECTION";
  sourceKind: string;
  sourceId: string;
}

/** Intents that read the whole profile rather than what the question's words match. */
const WHOLE_PROFILE = new Set<Intent>(["TIMELINE", "SKILL_GAP", "CAREER_PATH", "INTERVIEW_PRACTICE"]);

export async function retrieve(userId: string, question: string, intent: Intent, filters: QuestionFilters): Promise<{ passages: Passage[]; notes: GuardNote[] }> {
  await ensureIndexed(userId);
  const all = WHOLE_PROFILE.has(intent) || (intent === "SKILL_LOOKUP" && filters.technologies.length === 0);
  const words = [...new Set(wordPairs(question).map((w) => w.word))].slice(0, 20);
  const found = await searchPassages(userId, {
    technologies: all && intent !== "SKILL_LOOKUP" ? [] : filters.technologies,
    words,
    all,
    limit: all ? 400 : 60,
  });
  const dated = filters.from || filters.to;
  const notes: GuardNote[] = [];
  const passages: Passage[] = [];
  for (const p of found) {
    if (dated && (!DATED_KINDS.has(p.kind) || !inPeriod(p, filters))) continue;
    // One scan of the whole passage first: almost none hold an instruction, and splitting every
    // passage into sentences was most of the time of a whole-profile question.
    const safe = isInjection(p.text) ? defuse(p.text) : { text: p.text, removed: false };
    if (safe.removed && !notes.some((n) => n.sourceId === p.sourceId && n.sourceKind === p.kind)) {
      notes.push({ reason: "PROMPT_INJECTION", sourceKind: p.kind, sourceId: p.sourceId });
    }
    if (safe.text.trim()) passages.push({ ...p, text: safe.text });
  }
  return { passages, notes };
}

function inPeriod(p: Passage, filters: QuestionFilters): boolean {
  const current = p.endDate === "present";
  return overlapsPeriod({ startDate: p.startDate, endDate: current ? null : p.endDate, current }, filters);
}
