import { builder } from "../../graphql/builder.ts";
import type { WritingStyle } from "../../core/types.ts";

export const TenseEnum = builder.enumType("Tense", { values: ["PAST", "PRESENT", "MIXED"] as const });
export const PersonEnum = builder.enumType("Person", {
  values: { FIRST: { description: "I / my" }, THIRD: { description: "he / she / they" }, IMPLIED: { description: "no pronoun: 'Led the team'" } },
});
export const ToneEnum = builder.enumType("Tone", { values: ["FORMAL", "NEUTRAL", "CONVERSATIONAL", "ENTHUSIASTIC"] as const });

export const WritingStyleRef = builder.objectRef<WritingStyle>("WritingStyle").implement({
  description: "How the user writes, measured from their sample (deterministic statistics)",
  fields: (t) => ({
    tense: t.field({ type: TenseEnum, resolve: (s) => s.tense }),
    person: t.field({ type: PersonEnum, resolve: (s) => s.person }),
    bulletMarker: t.exposeString("bulletMarker", { nullable: true, description: "The marker bullets start with, or null when the sample has none" }),
    avgBulletWords: t.exposeFloat("avgBulletWords"),
    avgSentenceWords: t.exposeFloat("avgSentenceWords"),
    numericBulletShare: t.exposeFloat("numericBulletShare", { description: "Share of bullets that carry a number, 0..1" }),
    bulletsEndWithPeriod: t.exposeBoolean("bulletsEndWithPeriod"),
    topActionVerbs: t.exposeStringList("topActionVerbs"),
    sectionHeadings: t.exposeStringList("sectionHeadings", { description: "Section headings in the order they appear" }),
    tone: t.field({ type: ToneEnum, resolve: (s) => s.tone }),
    toneScore: t.exposeFloat("toneScore", { description: "How strongly the text shows its tone, 0..1" }),
    toneDescription: t.string({ nullable: true, resolve: (s) => s.toneDescription ?? null }),
    greeting: t.exposeString("greeting", { nullable: true, description: "Cover letters: the greeting line" }),
    closing: t.exposeString("closing", { nullable: true, description: "Cover letters: the closing line" }),
    paragraphCount: t.exposeInt("paragraphCount", { nullable: true, description: "Cover letters: body paragraphs" }),
  }),
});
