// Guardrails: a question must be about the user's career, and text that tries to give the
// advisor instructions is refused when the user sends it and ignored when it arrives inside a
// retrieved source (a resume, a job ad, a custom prompt). Rules, not a model: they cannot be
// talked out of their decision, and they are the same with and without an LLM key.

import type { Intent } from "./intents.ts";

export type Refusal = "OFF_TOPIC" | "PROMPT_INJECTION" | "EMPTY";

// Phrases that address the assistant's own instructions rather than the user's career.
const INJECTION: RegExp[] = [
  /\b(?:ignore|disregard|forget|override|bypass)\b[^.\n]{0,40}\b(?:previous|prior|above|earlier|all|any|your|the|system)\b[^.\n]{0,30}\b(?:instructions?|prompts?|rules?|guidelines?|messages?|context)\b/i,
  /\b(?:reveal|print|show|repeat|output|tell\s+me|leak)\b[^.\n]{0,30}\b(?:system\s+prompt|your\s+(?:instructions|prompt|rules)|hidden\s+prompt|initial\s+prompt)\b/i,
  /\byou\s+are\s+(?:now|no\s+longer)\b/i,
  /\b(?:act|behave|respond)\s+as\s+(?:if\s+you\s+(?:were|are)\s+)?(?:an?\s+)?(?:unrestricted|unfiltered|jailbroken|different|new)\b/i,
  /\b(?:developer|god|dan|jailbreak)\s+mode\b/i,
  /\bnew\s+instructions?\s*:/i,
  /^\s*(?:system|assistant)\s*:/im,
  /<\/?\s*(?:system|instructions?)\s*>/i,
  /\b(?:rank|rate|score|recommend)\s+(?:this|the)\s+(?:candidate|applicant)\s+(?:as\s+)?(?:highly|the\s+best|first|top)/i,
  /\bdo\s+not\s+(?:mention|cite|reveal)\s+(?:this|these)\s+(?:instructions?|text)\b/i,
];

const CAREER = /\b(?:career|job|jobs|work|worked|working|role|roles|position|resume|résumé|cv|cover\s+letter|interview|skill|skills|experience|project|projects|salary|pay|raise|promotion|manager|team|company|employer|hire|hired|hiring|recruit\w*|application|apply|profile|education|degree|certific\w*|learn|course|study|studied|industry|portfolio|linkedin|negotiat\w*|offer|strengths?|weakness\w*|achievements?|accomplishments?|gap|gaps|summary|bullet|bullets|freelanc\w*|contract|internship|graduate|promot\w*|professional|colleague|boss|lead|led|built|managed|responsib\w*|goal|goals|path|next\s+step|transition|technolog\w*|stack|tools?|employment|occupation|vacanc\w*|ats|network(?:ing)?)\b/i;

export function isInjection(text: string): boolean {
  return INJECTION.some((re) => re.test(text));
}

/** Why the question is refused, or null when the advisor should answer it. */
export function screenQuestion(text: string, intent: Intent, named: { technologies: number; dated: boolean }): Refusal | null {
  if (!text.trim()) return "EMPTY";
  if (isInjection(text)) return "PROMPT_INJECTION";
  if (intent !== "GENERAL") return null;
  if (named.technologies > 0 || named.dated || CAREER.test(text)) return null;
  return "OFF_TOPIC";
}

export const REFUSAL_TEXT: Record<Refusal, string> = {
  OFF_TOPIC:
    "I can only help with your career: your experience, skills, projects, saved jobs, applications, interviews and next steps. Ask me something about those.",
  PROMPT_INJECTION:
    "I can't follow instructions that try to change how I work. Ask me about your experience, skills, jobs or career and I'll answer from your own data.",
  EMPTY: "Send a question about your career.",
};

/**
 * A retrieved passage with every sentence that reads as an instruction to the assistant removed
 * (the prompt renderer breaks up lookalike delimiters later), plus whether anything was removed.
 */
export function defuse(text: string): { text: string; removed: boolean } {
  let removed = false;
  const kept = text
    .split(/(?<=[.!?])\s+|\n+/)
    .filter((sentence) => {
      const bad = isInjection(sentence);
      removed ||= bad;
      return !bad;
    })
    .join(" ");
  return { text: removed ? kept : text, removed };
}
