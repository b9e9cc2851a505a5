import type { ParsedJob, ProfileData, RankedItem, Tone, WritingStyle } from "../core/types.ts";
import type { GroundingViolation } from "../core/grounding.ts";
import type { ParseOptions, ResumeDraft } from "../core/resume-parser.ts";

export type ProviderName = "builtin" | "groq";

export type EnhanceItemKind = "SUMMARY" | "EXPERIENCE" | "PROJECT";

export interface EnhanceItemInput {
  kind: EnhanceItemKind;
  /** Bullets of an experience or project; for a summary, one element: the summary text. */
  lines: string[];
  style: WritingStyle;
  /** The item is the user's current role (present tense where the style allows). */
  current: boolean;
  /** Facts the rewrite may mention beyond the item itself (from the whole profile). */
  allowedFacts: { numbers: string[]; organisations: string[]; technologies: string[] };
  /** Set on the single retry after a grounding failure: what the previous answer invented. */
  violations?: GroundingViolation[];
  signal?: AbortSignal;
}

/**
 * One interface, two implementations (builtin: deterministic and offline; groq: an LLM), chosen
 * at start. Every result that an AI produced records `provider`.
 */
export interface AiProvider {
  readonly name: ProviderName;
  /** A one-line description of the sample's tone; the statistics themselves stay deterministic. */
  describeTone(sample: string, style: WritingStyle): Promise<string>;
  /** Rewritten lines of one item, same count or fewer; never new facts (checked by the caller). */
  enhanceItem(input: EnhanceItemInput): Promise<string[]>;
  /** Structured fields of a pasted job description, grounded in that text. */
  parseJob(raw: string): Promise<ParsedJob>;
  /** A structured profile draft from a resume's text; every value must appear in that text. */
  extractResume(text: string, lines?: ParseOptions["lines"]): Promise<ResumeDraft>;
  /** The cover letter's text as it is written (chunks join into the letter). */
  writeCoverLetter(input: CoverLetterRequest): AsyncIterable<string>;
  /**
   * A career advisor's answer as it is written, grounded in the given passages (checked by the
   * caller). Only language-model providers have it: without one the advisor's builtin engine
   * answers from retrieval (src/core/advisor/builtin.ts).
   */
  streamAdvice?(input: AdviceRequest): AsyncIterable<string>;
}

export interface AdviceRequest {
  intent: string;
  question: string;
  /** The user's own data, retrieved and defused: the only facts the answer may state. */
  passages: { label: string; text: string }[];
  summary: string | null;
  history: { role: "USER" | "ASSISTANT"; content: string }[];
  signal?: AbortSignal;
  onUsage?: (usage: { promptTokens: number; completionTokens: number; totalTokens: number }, model: string) => void;
}

export interface CoverLetterRequest {
  profile: ProfileData;
  job: ParsedJob;
  ranking: RankedItem[];
  style: WritingStyle;
  tone: Tone;
  length: "SHORT" | "MEDIUM" | "LONG";
  /** Set on the single retry after a grounding failure. */
  violations?: GroundingViolation[];
  signal?: AbortSignal;
}
