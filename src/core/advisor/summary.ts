// The conversation summary kept every few messages: built from the messages themselves (intents,
// the technologies and periods asked about, what the user said about themselves), so it never
// holds a fact that was not said, and it is the same with and without a model.

import { distinctSkills } from "../lexicon.ts";
import type { Intent } from "./intents.ts";

export const SUMMARY_EVERY = 5;
const MAX_CHARS = 1200;

const TOPIC: Record<Intent, string> = {
  SKILL_LOOKUP: "skills",
  TIMELINE: "timeline",
  ROLE_DETAILS: "roles",
  PROJECT_DETAILS: "projects",
  SKILL_GAP: "skill gaps",
  INTERVIEW_PRACTICE: "interview practice",
  CAREER_PATH: "career path",
  GENERAL: "general questions",
};

export interface SummaryMessage {
  role: "USER" | "ASSISTANT";
  content: string;
  intent: string;
}

/** Whether the conversation is due a new summary after reaching `messageCount` messages. */
export function summaryDue(messageCount: number, summaryUpTo: number): boolean {
  return messageCount - summaryUpTo >= SUMMARY_EVERY;
}

export function summarise(previous: string | null, messages: SummaryMessage[]): string {
  const user = messages.filter((m) => m.role === "USER");
  const topics = [...new Set(user.map((m) => TOPIC[m.intent as Intent] ?? TOPIC.GENERAL))];
  const techs = [...new Set(user.flatMap((m) => distinctSkills(m.content)))];
  const statements = user.map((m) => m.content.trim()).filter((c) => /^(?:i|i'm|i've|my)\b/i.test(c) && !c.endsWith("?"));
  const last = user.at(-1)?.content.trim();
  const lines = [
    previous ? `Earlier: ${previous.split("\n")[0]!.replace(/^Discussed: /, "")}` : null,
    topics.length ? `Discussed: ${topics.join(", ")}${techs.length ? ` (${techs.join(", ")})` : ""}.` : null,
    statements.length ? `The user said: ${statements.map((s) => `"${s.slice(0, 160)}"`).join("; ")}.` : null,
    last ? `Latest question: "${last.slice(0, 200)}"` : null,
  ].filter(Boolean);
  const text = lines.join("\n");
  return text.length > MAX_CHARS ? `${text.slice(0, MAX_CHARS - 1)}…` : text;
}
