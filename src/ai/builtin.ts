import type { WritingStyle } from "../core/types.ts";
import { enhanceBullets, enhanceSummary } from "../core/enhance.ts";
import { runCpu } from "../workers/cpu-pool.ts";
import { parseResumeInPool } from "./resume-rules.ts";
import { composeCoverLetterChunks } from "../core/cover-letter.ts";
import type { AiProvider } from "./provider.ts";

/** The offline engine: deterministic rules over the pure core, no network, no key. */
export function createBuiltinProvider(): AiProvider {
  return {
    name: "builtin",
    describeTone: async (_sample, style) => describeToneFromStats(style),
    async enhanceItem({ kind, lines, style, current }) {
      if (kind === "SUMMARY") return [enhanceSummary(lines.join(" "), style)];
      return enhanceBullets(lines, { style, current });
    },
    // A pasted job can be 100,000 characters: parsed off the main thread, so nobody else waits.
    parseJob: (raw) => runCpu("parseJobText", [raw]),
    // The resume parser is linear but not free on a long file: off the main thread too.
    extractResume: (text, lines) => parseResumeInPool(text, lines),
    async *writeCoverLetter({ profile, job, ranking, style, tone, length }) {
      yield* composeCoverLetterChunks({ profile, job, ranking, style, tone, length });
    },
  };
}

export function describeToneFromStats(style: WritingStyle): string {
  const strength = style.toneScore >= 0.66 ? "clearly" : style.toneScore >= 0.33 ? "mostly" : "slightly";
  const tense = style.tense === "MIXED" ? "mixed tenses" : `${style.tense.toLowerCase()} tense`;
  return `${strength} ${style.tone.toLowerCase()}, ${tense}, sentences of about ${Math.round(style.avgSentenceWords)} words`;
}
