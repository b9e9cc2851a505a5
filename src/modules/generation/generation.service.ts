import { z } from "zod";
import { db } from "../../db/client.ts";
import { NotFoundError, ValidationError, fromZod, AiUnavailableGqlError, GroundingError, PreconditionError } from "../../errors.ts";
import type { AppServices } from "../../services.ts";
import type { Viewer } from "../auth/tokens.ts";
import type { Generation, Prisma } from "../../generated/prisma/client.ts";
import { atsReport, type AtsReport } from "../../core/ats.ts";
import { groundingCheck, jobTexts, profileTexts, type GroundingViolation } from "../../core/grounding.ts";
import { sentenceSplitter } from "../../core/sentences.ts";
import { DEFAULT_STYLE } from "../../core/style.ts";
import type { Tone, WritingStyle } from "../../core/types.ts";
import { AiError } from "../../ai/errors.ts";
import { currentRanking } from "../ranking/ranking.service.ts";
import { withoutNulls } from "../../input.ts";
import { CpuLimitError, runCpu } from "../../workers/cpu-pool.ts";
import { findOwnedJob, toParsedJob } from "../job/job.service.ts";

const ResumeInput = z.object({
  jobId: z.string().min(1),
  maxExperiences: z.number().int().min(1, "At least 1").max(20, "At most 20").default(5),
  maxBulletsPerExperience: z.number().int().min(1, "At least 1").max(10, "At most 10").default(4),
  includeProjects: z.boolean().default(true),
  includeEducation: z.boolean().default(true),
  format: z.enum(["TEXT", "MARKDOWN"]).default("MARKDOWN"),
});

export interface ResumeMetadata {
  options: z.infer<typeof ResumeInput>;
  included: { kind: string; itemId: string; bulletIndex: number | null; score: number; reason: string }[];
  ats: AtsReport;
}

/** Compiles a resume from the ranking by plain logic (no LLM): same inputs, same output. */
export async function generateResume(services: AppServices, viewer: Viewer, input: unknown): Promise<Generation> {
  const parsed = ResumeInput.safeParse(withoutNulls(input));
  if (!parsed.success) throw fromZod(parsed.error.issues);
  const options = parsed.data;
  const { job, profile, items } = await currentRanking(viewer, options.jobId);
  const parsedJob = toParsedJob(job);
  const compiled = await runCpu("compileResume", [{ profile, ranking: { items }, job: parsedJob, options }]).catch((e: unknown) => {
    throw e instanceof CpuLimitError ? new PreconditionError("Compiling this resume took too much time or memory; shorten the profile's longest lists and try again") : e;
  });
  const metadata: ResumeMetadata = { options, included: compiled.included, ats: atsReport(compiled.content, parsedJob) };
  return db().generation.create({
    data: {
      userId: viewer.id,
      jobId: job.id,
      type: "RESUME",
      format: options.format,
      content: compiled.content,
      metadata: metadata as unknown as Prisma.InputJsonValue,
      provider: "builtin",
    },
  });
}

const CoverLetterInput = z.object({
  jobId: z.string().min(1),
  tone: z.enum(["FORMAL", "NEUTRAL", "CONVERSATIONAL", "ENTHUSIASTIC"]).nullish(),
  length: z.enum(["SHORT", "MEDIUM", "LONG"]).default("MEDIUM"),
});

export type CoverLetterEvent = { delta: string; reset: boolean; generation: Generation | null };

/**
 * Writes a cover letter and yields its text sentence by sentence, each one only after it passed
 * the grounding check, then the saved generation: a claim the check refuses is never sent. The
 * whole letter is checked again at the end. A letter with a refused sentence is retried once (the
 * client is told to reset the text it has so far), then refused with the violations, never saved.
 */
export async function* writeCoverLetter(services: AppServices, viewer: Viewer, input: unknown, signal?: AbortSignal): AsyncGenerator<CoverLetterEvent> {
  const parsed = CoverLetterInput.safeParse(withoutNulls(input));
  if (!parsed.success) throw fromZod(parsed.error.issues);
  const { jobId, length } = parsed.data;
  await services.rateLimits.take("ai", viewer.id);
  const { job, profile, items } = await currentRanking(viewer, jobId);
  const parsedJob = toParsedJob(job);
  const style = await coverLetterStyle(viewer);
  const tone: Tone = parsed.data.tone ?? style.tone;
  const check = groundingCheck([...profileTexts(profile), ...jobTexts(parsedJob)]);
  let violations: GroundingViolation[] | undefined;
  for (let attempt = 0; attempt < 2; attempt++) {
    let text = "";
    let refused: GroundingViolation[] | null = null;
    const sentences = sentenceSplitter();
    try {
      for await (const delta of services.ai.writeCoverLetter({ profile, job: parsedJob, ranking: items, style, tone, length, violations, signal })) {
        text += delta;
        // After a refusal the rest is still read (not shown), so the retry can name every violation.
        if (refused) continue;
        for (const sentence of sentences.push(delta)) {
          const result = check(sentence);
          if (!result.ok) {
            refused = result.violations;
            break;
          }
          yield { delta: sentence, reset: false, generation: null };
        }
      }
    } catch (e) {
      if (e instanceof AiError) throw new AiUnavailableGqlError(`${e.message} No cover letter was saved.`);
      throw e;
    }
    const tail = refused ? "" : sentences.rest();
    const whole = check(text);
    const tailCheck = tail.trim() ? check(tail) : whole;
    if (!refused && whole.ok && tailCheck.ok) {
      const generation = await db().generation.create({
        data: {
          userId: viewer.id,
          jobId: job.id,
          type: "COVER_LETTER",
          format: "TEXT",
          content: text.trim(),
          metadata: { tone, length, style: { greeting: style.greeting ?? null, closing: style.closing ?? null }, attempts: attempt + 1 },
          provider: services.ai.name,
        },
      });
      if (tail) yield { delta: tail, reset: false, generation: null };
      yield { delta: "", reset: false, generation };
      return;
    }
    violations = mergeViolations(whole.violations, refused ?? [], tailCheck.violations);
    services.logger.warn("cover letter not grounded", { violations, provider: services.ai.name });
    if (services.ai.name === "builtin") break;
    yield { delta: "", reset: true, generation: null };
  }
  throw new GroundingError("The cover letter mentioned facts that are not in your profile or the job, so it was not saved", violations ?? []);
}

function mergeViolations(...lists: GroundingViolation[][]): GroundingViolation[] {
  const seen = new Map<string, GroundingViolation>();
  for (const v of lists.flat()) if (!seen.has(`${v.kind}|${v.value}`)) seen.set(`${v.kind}|${v.value}`, v);
  return [...seen.values()];
}

export async function generateCoverLetter(services: AppServices, viewer: Viewer, input: unknown): Promise<Generation> {
  for await (const event of writeCoverLetter(services, viewer, input)) {
    if (event.generation) return event.generation;
  }
  throw new Error("cover letter stream ended without a generation");
}

async function coverLetterStyle(viewer: Viewer): Promise<WritingStyle> {
  const sample = await db().sampleDocument.findUnique({ where: { userId_type: { userId: viewer.id, type: "COVER_LETTER" } } });
  return (sample?.style as unknown as WritingStyle) ?? DEFAULT_STYLE;
}

export async function findOwnedGeneration(viewer: Viewer, id: string) {
  const g = await db().generation.findFirst({ where: { id, userId: viewer.id } });
  if (!g) throw new NotFoundError("Generation", id);
  return g;
}

/** ATS report for a saved generation or a pasted text, against a job. */
export async function report(viewer: Viewer, input: { jobId: string; generationId?: string | null; text?: string | null }): Promise<AtsReport> {
  if ((input.generationId ? 1 : 0) + (input.text != null ? 1 : 0) !== 1) {
    throw ValidationError.field(["input"], "Give exactly one of generationId or text");
  }
  if (input.text != null && (input.text.trim().length === 0 || input.text.length > 100_000)) {
    throw ValidationError.field(["input", "text"], "The text must have 1 to 100,000 characters");
  }
  const job = await findOwnedJob(viewer, input.jobId);
  const text = input.generationId ? (await findOwnedGeneration(viewer, input.generationId)).content : input.text!;
  // The pasted text can be 100,000 characters: scored off the main thread.
  return runCpu("atsReport", [text, toParsedJob(job)]).catch((e: unknown) => {
    throw e instanceof CpuLimitError ? ValidationError.field(["input", "text"], "Scoring this text took too much time or memory; paste the resume itself.") : e;
  });
}
