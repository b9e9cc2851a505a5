// Turning a model's text answer into validated data, and describing why it failed in terms the
// model can act on in a repair call.

import type { z } from "zod";

export type StructuredResult<T> = { ok: true; value: T } | { ok: false; problems: string[] };

const MAX_PROBLEMS = 10;

export function parseStructured<T>(text: string, schema: z.ZodType<T>): StructuredResult<T> {
  let data: unknown;
  try {
    data = JSON.parse(stripCodeFence(text));
  } catch (error) {
    return { ok: false, problems: [`the answer is not valid JSON (${(error as Error).message})`] };
  }
  const result = schema.safeParse(data);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, problems: summariseIssues(result.error.issues) };
}

/** Models sometimes wrap JSON in a markdown fence even in JSON mode; the content is still usable. */
function stripCodeFence(text: string): string {
  const fenced = /^\s*```(?:json)?\s*\n([\s\S]*?)\n?```\s*$/i.exec(text);
  return fenced ? fenced[1]! : text.trim();
}

export function summariseIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  const lines = issues.slice(0, MAX_PROBLEMS).map((issue) => {
    const path = issue.path.length > 0 ? issue.path.map(String).join(".") : "(root)";
    return `${path}: ${issue.message}`;
  });
  if (issues.length > MAX_PROBLEMS) lines.push(`…and ${issues.length - MAX_PROBLEMS} more problems`);
  return lines;
}

/** The follow-up user message of the single repair attempt. */
export function repairInstruction(problems: string[], hint?: string): string {
  return [
    "Your previous answer could not be used. Problems found:",
    ...problems.map((p) => `- ${p}`),
    hint ? `\n${hint}` : "",
    "\nReply again with the corrected JSON object only: no explanation, no markdown.",
  ]
    .filter(Boolean)
    .join("\n");
}
