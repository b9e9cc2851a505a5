// What a message asks for, read by rules (deterministic, stored per message). The order of the
// checks is the precedence: practising an interview beats everything, a period beats a skill.

import type { QuestionFilters } from "./filters.ts";

export const INTENTS = [
  "SKILL_LOOKUP",
  "TIMELINE",
  "ROLE_DETAILS",
  "PROJECT_DETAILS",
  "SKILL_GAP",
  "INTERVIEW_PRACTICE",
  "CAREER_PATH",
  "GENERAL",
] as const;
export type Intent = (typeof INTENTS)[number];

const RULES: [Intent, RegExp][] = [
  ["INTERVIEW_PRACTICE", /\b(?:mock\s+interview|interview\s+(?:practice|prep|me|questions?)|practi[cs]e\s+(?:an?\s+)?interview|quiz\s+me|ask\s+me\s+(?:an?\s+)?(?:interview\s+)?questions?)\b/i],
  ["SKILL_GAP", /\b(?:skills?\s+gaps?|gaps?\s+(?:for|against|in)|missing\s+(?:skills?|for)|what\s+(?:am\s+i|i'?m)\s+missing|do\s+i\s+(?:qualify|match|fit)|(?:qualified|a\s+(?:good\s+)?fit)\s+for|lack(?:ing)?\b)/i],
  ["CAREER_PATH", /\b(?:career\s+(?:paths?|moves?|options?|change|growth|progression)|next\s+(?:step|role|move)s?|where\s+(?:can|should|could)\s+i\s+go|transition\s+(?:to|into)|switch\s+(?:to|into|careers?)|become\s+an?|promot(?:ed|ion))\b/i],
];
const TIMELINE = /\b(?:when\s+did\s+i|timeline|what\s+did\s+i\s+do|what\s+was\s+i\s+doing|where\s+did\s+i\s+work|chronolog)/i;
const PROJECT = /\bprojects?\b/i;
const ROLE = /\b(?:role|position|job\s+(?:at|as)|worked\s+(?:at|for|as)|work\s+at|responsibilit|title\s+at|(?:my\s+)?time\s+at)\b/i;
const SKILLS = /\b(?:skills?|technolog(?:y|ies)|tools?|languages?|frameworks?|stack|experience\s+with|used|use)\b/i;

export function detectIntent(text: string, filters: QuestionFilters, context: { inInterview: boolean }): Intent {
  if (context.inInterview && !/\b(?:stop|end|quit|enough)\b/i.test(text)) return "INTERVIEW_PRACTICE";
  for (const [intent, re] of RULES) if (re.test(text)) return intent;
  if (filters.from || filters.to || TIMELINE.test(text)) return "TIMELINE";
  if (filters.technologies.length > 0 && PROJECT.test(text)) return "SKILL_LOOKUP";
  if (PROJECT.test(text)) return "PROJECT_DETAILS";
  if (filters.technologies.length > 0 || SKILLS.test(text)) return "SKILL_LOOKUP";
  if (ROLE.test(text)) return "ROLE_DETAILS";
  return "GENERAL";
}
