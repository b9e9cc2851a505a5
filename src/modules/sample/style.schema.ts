import { builder } from "../../graphql/builder.ts";
import type { WritingStyle } from "../../core/types.ts";

export const TenseEnum = builder.enumType("Tense", {
  description: "The verb tense bullets are written in",
  values: {
    PAST: { description: "Led, built, shipped" },
    PRESENT: { description: "Lead, build, ship" },
    MIXED: { description: "Neither dominates (or too few bullets to tell)" },
  } as const,
});
export const PersonEnum = builder.enumType("Person", {
  description: "The grammatical person the text speaks in",
  values: { FIRST: { description: "I / my" }, THIRD: { description: "he / she / they" }, IMPLIED: { description: "no pronoun: 'Led the team'" } },
});
export const ToneEnum = builder.enumType("Tone", {
  description: "The register of the writing",
  values: {
    FORMAL: { description: "Reserved, no contractions: 'I am writing to apply'" },
    NEUTRAL: { description: "Plain and businesslike" },
    CONVERSATIONAL: { description: "Relaxed, contractions, direct address" },
    ENTHUSIASTIC: { description: "Energetic, exclamations, strong positive words" },
  } as const,
});

export const WritingStyleRef = builder.objectRef<WritingStyle>("WritingStyle").implement({
  description: "How the user writes, measured from their sample (deterministic statistics)",
  fields: (t) => ({
    tense: t.field({ type: TenseEnum, description: "The dominant tense of the bullets", resolve: (s) => s.tense }),
    person: t.field({ type: PersonEnum, description: "The dominant grammatical person", resolve: (s) => s.person }),
    bulletMarker: t.exposeString("bulletMarker", { nullable: true, description: "The marker bullets start with, or null when the sample has none" }),
    avgBulletWords: t.exposeFloat("avgBulletWords", { description: "Mean words per bullet (0 when there are no bullets)" }),
    avgSentenceWords: t.exposeFloat("avgSentenceWords", { description: "Mean words per sentence" }),
    numericBulletShare: t.exposeFloat("numericBulletShare", { description: "Share of bullets that carry a number, 0..1" }),
    bulletsEndWithPeriod: t.exposeBoolean("bulletsEndWithPeriod", { description: "True when most bullets end with a full stop" }),
    topActionVerbs: t.exposeStringList("topActionVerbs", { description: "The verbs bullets most often start with, most frequent first" }),
    sectionHeadings: t.exposeStringList("sectionHeadings", { description: "Section headings in the order they appear" }),
    tone: t.field({ type: ToneEnum, description: "The dominant register", resolve: (s) => s.tone }),
    toneScore: t.exposeFloat("toneScore", { description: "How strongly the text shows its tone, 0..1" }),
    toneDescription: t.string({ nullable: true, description: "A sentence describing the tone for a person to read (from statistics, or from the language model when Sample.provider is groq)", resolve: (s) => s.toneDescription ?? null }),
    greeting: t.exposeString("greeting", { nullable: true, description: "Cover letters: the greeting line" }),
    closing: t.exposeString("closing", { nullable: true, description: "Cover letters: the closing line" }),
    paragraphCount: t.exposeInt("paragraphCount", { nullable: true, description: "Cover letters: body paragraphs" }),
  }),
});
