import { z } from "zod";
import { db } from "../../db/client.ts";
import { ConflictError, NotFoundError, PreconditionError, ValidationError, fromZod } from "../../errors.ts";
import type { Viewer } from "../auth/tokens.ts";
import type { AppServices } from "../../services.ts";
import type { EnhancementJob } from "../../generated/prisma/client.ts";
import { DEFAULT_STYLE } from "../../core/style.ts";
import { extractFacts, groundingCheck, profileTexts, type GroundingResult, type GroundingViolation } from "../../core/grounding.ts";
import type { WritingStyle } from "../../core/types.ts";
import type { EnhanceItemKind } from "../../ai/provider.ts";
import { AiError } from "../../ai/errors.ts";
import { LeaseLostError, ShutdownError } from "../../jobs/runner.ts";
import { loadProfile, type LoadedProfile } from "../profile/profile.mapper.ts";
import { writeEnhancedOutputs } from "../profile/versions.store.ts";
import * as jobs from "./enhancement-job.store.ts";

export const SECTIONS = ["SUMMARY", "EXPERIENCES", "PROJECTS"] as const;
export type Section = (typeof SECTIONS)[number];
export const TERMINAL = jobs.TERMINAL;

const StartInput = z.object({
  sections: z.array(z.enum(SECTIONS)).min(1, "Choose at least one section").nullish(),
  itemIds: z.array(z.string().min(1)).max(200).nullish(),
  useDefaultStyle: z.boolean().nullish(),
});

export interface EnhancementResult {
  changed: { kind: EnhanceItemKind; itemId: string | null }[];
  unchanged: { kind: EnhanceItemKind; itemId: string | null }[];
  rejected: { kind: EnhanceItemKind; itemId: string | null; violations: GroundingViolation[] }[];
}

export async function startEnhancement(services: AppServices, viewer: Viewer, input: unknown) {
  const parsed = StartInput.safeParse(input);
  if (!parsed.success) throw fromZod(parsed.error.issues);
  const sections = parsed.data.sections ?? [...SECTIONS];
  const itemIds = [...new Set(parsed.data.itemIds ?? [])];
  const profile = await loadProfile(viewer.id);
  if (!profile) throw new PreconditionError("Create your profile first (upsertProfile), then enhance it");
  const known = new Set([...profile.experiences, ...profile.projects].map((i) => i.id));
  const unknown = itemIds.find((id) => !known.has(id));
  if (unknown) throw new NotFoundError("Experience or project", unknown);
  if (planTasks(profile, sections, itemIds).length === 0) {
    throw ValidationError.field(["input"], "Nothing to enhance: the chosen sections have no text yet");
  }
  const sample = await db().sampleDocument.findUnique({ where: { userId_type: { userId: viewer.id, type: "RESUME" } }, select: { id: true } });
  if (!sample && !parsed.data.useDefaultStyle) {
    throw new PreconditionError("Upload a resume sample first (uploadSample) so the rewrite follows your style, or pass useDefaultStyle: true");
  }
  await services.rateLimits.take("ai", viewer.id);
  const job = await jobs.create({ userId: viewer.id, provider: services.ai.name, sections, itemIds, useDefaultStyle: Boolean(parsed.data.useDefaultStyle) });
  services.runner.wake();
  return job;
}

interface Task {
  kind: EnhanceItemKind;
  itemId: string | null;
  label: string;
  lines: string[];
  current: boolean;
}

/** The items a job rewrites, in the order a person reads the profile. */
function planTasks(profile: LoadedProfile, sections: readonly Section[], itemIds: string[]): Task[] {
  const wanted = (id: string) => itemIds.length === 0 || itemIds.includes(id);
  const tasks: Task[] = [];
  if (sections.includes("SUMMARY") && itemIds.length === 0 && profile.summary?.trim()) {
    tasks.push({ kind: "SUMMARY", itemId: null, label: "summary", lines: [profile.summary], current: true });
  }
  if (sections.includes("EXPERIENCES")) {
    for (const e of profile.experiences) {
      if (wanted(e.id) && e.bullets.length) tasks.push({ kind: "EXPERIENCE", itemId: e.id, label: `${e.title} at ${e.company}`, lines: e.bullets, current: e.current });
    }
  }
  if (sections.includes("PROJECTS")) {
    for (const p of profile.projects) {
      if (wanted(p.id) && p.bullets.length) tasks.push({ kind: "PROJECT", itemId: p.id, label: p.name, lines: p.bullets, current: false });
    }
  }
  return tasks;
}

export async function cancelEnhancement(services: AppServices, viewer: Viewer, id: string) {
  const job = await findOwnedJob(viewer, id);
  if (TERMINAL.has(job.status)) throw new ConflictError(`This enhancement has already ended (${job.status.toLowerCase()})`);
  const r = await jobs.cancel(job);
  if (r.running) services.runner.abort("enhancement", id);
  return r.job;
}

export async function findOwnedJob(viewer: Viewer, id: string) {
  const job = await jobs.findOwned(viewer.id, id);
  if (!job) throw new NotFoundError("Enhancement job", id);
  return job;
}

class CancelledError extends Error {}

/** How the per-item progress message names each outcome; it agrees with the finish message's count of changed items. */
const ITEM_VERB = {
  changed: "Rewrote",
  unchanged: "Kept as it was (already reads well)",
  rejected: "Kept unchanged (would add facts)",
} as const;

/** One finished item, kept on the job row (`partial`) so a requeued job does not redo it. */
interface FinishedItem {
  lines: string[];
  outcome: keyof typeof ITEM_VERB;
  violations?: GroundingViolation[];
}

const itemKey = (task: Task) => task.itemId ?? "summary";

/**
 * The job itself. Rewrites run concurrently, bounded only by the provider's process-wide limiter
 * (LLM_CONCURRENCY; the runner's ENHANCEMENT_CONCURRENCY bounds jobs). Each finished item is
 * written to the job row with its progress through the job store, so a job requeued after a
 * restart or crash continues from the items not yet done, and progress never goes backwards. The
 * profile is written once, at the end, in one transaction: a failed or cancelled job leaves it
 * exactly as it was.
 */
export async function runEnhancement(services: AppServices, job: EnhancementJob, signal: AbortSignal): Promise<void> {
  const log = services.logger.child({ jobId: job.id });
  const progress = (p: jobs.Progress) => jobs.progress(job, p);
  const checkCancelled = async () => {
    if (signal.reason instanceof ShutdownError || signal.reason instanceof LeaseLostError) throw signal.reason;
    if (signal.aborted || (await jobs.cancelRequested(job.id))) throw new CancelledError();
  };

  try {
    await progress({ step: "loading", progress: 2, message: "Loading your profile" });
    const profile = await loadProfile(job.userId);
    if (!profile) throw new Error("The profile was deleted while the job waited");

    await progress({ step: "style", progress: 5, message: "Reading your writing style" });
    const style = await loadStyle(job);

    const tasks = planTasks(profile, job.sections as Section[], job.itemIds as string[]);
    const facts = mergeFacts(profileTexts(profile));
    // Read once: every item's own lines are profile text too, so one index serves every check.
    const check = groundingCheck(profileTexts(profile));
    const result: EnhancementResult = { changed: [], unchanged: [], rejected: [] };
    const outputs = new Map<string | null, string[]>();
    const finished: Record<string, FinishedItem> = { ...((job.partial as Record<string, FinishedItem> | null) ?? {}) };
    const record = (task: Task, item: FinishedItem) => {
      const ref = { kind: task.kind, itemId: task.itemId };
      if (item.outcome === "rejected") result.rejected.push({ ...ref, violations: item.violations ?? [] });
      else if (item.outcome === "unchanged") result.unchanged.push(ref);
      else {
        outputs.set(task.itemId, item.lines);
        result.changed.push(ref);
      }
    };
    // Items a previous attempt finished are taken as they were, not rewritten again.
    const todo = tasks.filter((task) => {
      const before = finished[itemKey(task)];
      if (before) record(task, before);
      return !before;
    });
    let done = tasks.length - todo.length;

    await Promise.all(
      todo.map((task) =>
        (async () => {
          await checkCancelled();
          const out = await enhanceGrounded(services, task, style, facts, check, signal);
          const item: FinishedItem = out.violations
            ? { lines: task.lines, outcome: "rejected", violations: out.violations }
            : { lines: out.lines, outcome: same(out.lines, task.lines) ? "unchanged" : "changed" };
          record(task, item);
          finished[itemKey(task)] = item;
          done++;
          await progress({
            step: task.kind.toLowerCase(),
            progress: 5 + Math.floor((90 * done) / tasks.length),
            message: `${ITEM_VERB[item.outcome]} ${task.label} (${done}/${tasks.length})`,
            partial: { ...finished },
          });
          // The builtin engine never waits on I/O: yield so events flush and /health answers between items.
          await new Promise((r) => setImmediate(r));
        })(),
      ),
    );

    await checkCancelled();
    await progress({ step: "saving", progress: 96, message: "Saving the new versions" });
    // The profile is written in the finish's transaction: only while this claim still holds the job.
    let saved: (() => void) | undefined;
    const message = `Enhanced ${result.changed.length} of ${tasks.length} items${result.rejected.length ? `; ${result.rejected.length} kept unchanged because the rewrite added facts` : ""}`;
    await jobs.finish(job, { status: "COMPLETED", message, result }, async (tx) => {
      saved = await writeEnhancedOutputs(tx, job.userId, profile.id, tasks, outputs);
    });
    saved?.();
    log.info("enhancement completed", { changed: result.changed.length, rejected: result.rejected.length });
  } catch (e) {
    // Shutdown wins over whatever the interrupted call threw: the runner requeues the job. A lost
    // claim writes nothing more: the instance that took the job over finishes it.
    if (signal.reason instanceof ShutdownError || signal.reason instanceof LeaseLostError) throw signal.reason;
    if (e instanceof LeaseLostError) throw e;
    if (e instanceof CancelledError || signal.aborted) {
      await jobs.finish(job, { status: "CANCELLED", message: "Cancelled; your profile is unchanged" });
      return;
    }
    const message = e instanceof AiError ? e.message : "The enhancement failed unexpectedly; your profile is unchanged";
    if (!(e instanceof AiError)) log.error("enhancement failed", { error: e });
    await jobs.finish(job, { status: "FAILED", error: message, message: "Failed; your profile is unchanged" });
  }
}

async function loadStyle(job: EnhancementJob): Promise<WritingStyle> {
  if (job.useDefaultStyle) return DEFAULT_STYLE;
  const sample = await db().sampleDocument.findUnique({ where: { userId_type: { userId: job.userId, type: "RESUME" } } });
  return (sample?.style as unknown as WritingStyle) ?? DEFAULT_STYLE;
}

function mergeFacts(texts: string[]) {
  const facts = extractFacts(texts.join("\n"));
  return { numbers: facts.numbers, organisations: facts.organisations, technologies: facts.technologies };
}

/** One try, one retry with the violations named, then the item stays as it was. */
async function enhanceGrounded(
  services: AppServices,
  task: Task,
  style: WritingStyle,
  allowedFacts: ReturnType<typeof mergeFacts>,
  check: (text: string) => GroundingResult,
  signal: AbortSignal,
): Promise<{ lines: string[]; violations?: undefined } | { lines: null; violations: GroundingViolation[] }> {
  let violations: GroundingViolation[] | undefined;
  for (let attempt = 0; attempt < 2; attempt++) {
    const lines = await services.ai.enhanceItem({ kind: task.kind, lines: task.lines, style, current: task.current, allowedFacts, violations, signal });
    const result = check(lines.join("\n"));
    if (result.ok && lines.length > 0) return { lines };
    violations = result.violations;
    if (services.ai.name === "builtin") break; // deterministic: a second try would say the same
  }
  return { lines: null, violations: violations ?? [] };
}

function same(a: string[], b: string[]) {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

