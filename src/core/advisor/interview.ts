// Interview practice: one question at a time, each about an item of the user's own profile, and
// feedback on each answer that checks it against the profile (what it backs up, what it does not).

import { checkGrounding, extractFacts, profileTexts } from "../grounding.ts";
import { wordCount } from "../text.ts";
import type { ProfileData } from "../types.ts";
import type { Answer, BuiltinInput } from "./builtin.ts";
import type { SourceRef } from "./passages.ts";

export interface InterviewState {
  /** Questions the advisor already asked in this conversation. */
  asked: number;
  /** The last assistant message was a practice question, so this message is the answer. */
  awaitingAnswer: boolean;
}

interface Topic {
  source: SourceRef;
  question: string;
  /** A bullet of the item with a number, to point at when an answer has no result in it. */
  measured: string | null;
}

function topics(profile: ProfileData | null, jobTitle: string | null): Topic[] {
  if (!profile) return [];
  const out: Topic[] = [];
  for (const e of profile.experiences) {
    const bullet = e.bullets[0];
    out.push({
      source: { kind: "EXPERIENCE", id: e.id, label: `${e.title} at ${e.company}`, excerpt: bullet ?? e.title },
      question: bullet
        ? `In your role as ${e.title} at ${e.company}, you wrote: "${bullet}". Walk me through it: what was the situation, what did you do, and what was the result?`
        : `What was the hardest problem you solved as ${e.title} at ${e.company}, and how did you solve it?`,
      measured: e.bullets.find((b) => /\d/.test(b)) ?? null,
    });
  }
  for (const p of profile.projects) {
    out.push({
      source: { kind: "PROJECT", id: p.id, label: `Project ${p.name}`, excerpt: p.bullets[0] ?? p.name },
      question: `Tell me about ${p.name}${p.technologies.length ? ` and why you chose ${p.technologies.slice(0, 2).join(" and ")}` : ""}. What would you do differently today?`,
      measured: p.bullets.find((b) => /\d/.test(b)) ?? null,
    });
  }
  if (jobTitle && out.length) out.unshift({ ...out[0]!, question: `Why do you want to be a ${jobTitle}, and which part of your experience prepares you best for it?` });
  return out;
}

export function interviewTurn({ question, profile, job, interview }: BuiltinInput): Answer {
  const list = topics(profile, job?.job.title ?? null);
  if (list.length === 0) return { text: "Add an experience or project to your profile first: practice questions are about your own work.", sources: [] };
  const parts: string[] = [];
  const sources: SourceRef[] = [];
  if (interview.awaitingAnswer && interview.asked > 0) {
    const previous = list[(interview.asked - 1) % list.length]!;
    parts.push(feedback(question, profile!, previous));
    sources.push(previous.source);
  }
  const next = list[interview.asked % list.length]!;
  parts.push(`Question ${interview.asked + 1}: ${next.question}`);
  if (!sources.some((s) => s.id === next.source.id)) sources.push(next.source);
  return { text: parts.join("\n\n"), sources };
}

function feedback(answer: string, profile: ProfileData, topic: Topic): string {
  const notes: string[] = [];
  const facts = extractFacts(answer);
  const unsupported = checkGrounding(answer, profileTexts(profile)).violations;
  const backed = facts.technologies.filter((t) => !unsupported.some((v) => v.value === t));
  if (backed.length) notes.push(`Good: you named ${backed.join(", ")}, which your profile backs up.`);
  if (unsupported.length) notes.push(`Your profile does not show ${unsupported.map((v) => v.value).join(", ")}: be ready to back it up, or add it to your profile.`);
  if (facts.numbers.length === 0) {
    notes.push(topic.measured ? `Add a measurable result, as your profile does: "${topic.measured}".` : "Add a measurable result (how much, how many, how fast).");
  }
  const words = wordCount(answer);
  if (words < 25) notes.push(`At ${words} words the answer is short: cover the situation, what you did, and the result.`);
  else if (words > 250) notes.push(`At ${words} words it is long for a spoken answer: aim for about two minutes.`);
  if (!/\b(?:I|my)\b/.test(answer)) notes.push(`Say what you did yourself ("I …"), not only what the team did.`);
  return `Feedback: ${notes.length ? notes.join(" ") : "a clear, specific answer backed by your profile."}`;
}
