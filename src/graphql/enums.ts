import { builder } from "./builder.ts";
import type { ProviderName } from "../ai/provider.ts";

/** Who produced a result; stored lower case ("groq") in the database, exposed as an enum. */
export const AiProviderEnum = builder.enumType("AiProvider", {
  description: "Who produced a result: the offline engine or the language-model API (set by AI_PROVIDER)",
  values: {
    BUILTIN: { description: "Deterministic logic and the offline engine; no data leaves the server" },
    GROQ: { description: "The Groq chat-completions API, with every output checked against the profile" },
  } as const,
});

export function providerOf(name: string): "BUILTIN" | "GROQ" {
  return (name satisfies ProviderName | string).toUpperCase() as "BUILTIN" | "GROQ";
}
