import type { Config } from "../config.ts";
import type { Logger } from "../logger.ts";
import type { AiProvider } from "./provider.ts";
import { createLlmClient, type LlmClient } from "./llm.ts";
import { loadCheckedPrompts, renderPrompt, type PromptSet } from "./prompts.ts";
import { EnhancedItemSchema, ParsedJobSchema, ResumeDraftSchema, ToneSchema } from "./schemas.ts";
import { parseResumeInPool } from "./resume-rules.ts";
import { groundDraft } from "../core/draft-grounding.ts";
import { AiError } from "./errors.ts";
import { groundJob } from "../core/job-grounding.ts";
import { runCpu } from "../workers/cpu-pool.ts";
import { checkGrounding, profileTexts } from "../core/grounding.ts";
import { describeToneFromStats } from "./builtin.ts";

export interface GroqProvider extends AiProvider {
  readonly llm: LlmClient;
  readonly prompts: PromptSet;
}

export function createGroqProvider(config: Config, logger: Logger): GroqProvider {
  const groq = config.groq!;
  // Prompts are loaded and checked here so a broken prompt stops the start, not a request.
  const prompts = loadCheckedPrompts(new URL("../../prompts", import.meta.url).pathname);
  const llm = createLlmClient({
    apiKey: groq.apiKey,
    baseURL: groq.baseURL,
    modelFast: groq.modelFast,
    modelQuality: groq.modelQuality,
    timeoutMs: config.llmTimeoutMs,
    concurrency: config.llmConcurrency,
    retryAfterCapMs: config.llmRetryAfterCapMs,
    logger: (entry) => logger.debug("llm call", entry as unknown as Record<string, unknown>),
  });
  return {
    name: "groq",
    llm,
    prompts,
    async describeTone(sample, style) {
      try {
        const answer = await llm.completeJson({
          ...renderPrompt(prompts, "style_tone", { sample_text: sample.slice(0, 6000), stats: style }),
          schema: ToneSchema,
        });
        // The description is shown with the style: it may name nothing the sample or its statistics lack.
        const check = checkGrounding(answer.description, [sample, describeToneFromStats(style)]);
        if (check.ok) return answer.description;
        logger.warn("tone description not grounded; builtin used", { violations: check.violations });
        return describeToneFromStats(style);
      } catch (e) {
        // The tone line is a nicety: the deterministic statistics stand on their own.
        logger.warn("tone description fell back to builtin", { error: e });
        return describeToneFromStats(style);
      }
    },
    async enhanceItem({ kind, lines, style, allowedFacts, violations, signal }) {
      const itemText = kind === "SUMMARY" ? lines.join(" ") : lines.map((l) => `- ${l}`).join("\n");
      const feedback = violations?.length
        ? `Your previous answer mentioned facts that are not in the item or the allowed facts: ${violations.map((v) => `${v.kind} "${v.value}"`).join(", ")}. Remove them.`
        : "";
      const answer = await llm.completeJson({
        ...renderPrompt(prompts, "enhance_item", { style, item_kind: kind, item_text: itemText, facts: allowedFacts, feedback }),
        schema: EnhancedItemSchema,
        signal,
      });
      const out = "bullets" in answer ? answer.bullets : [answer.text];
      // The answer may merge bullets but never grow the item.
      return kind === "SUMMARY" ? [out.join(" ")] : out.slice(0, lines.length);
    },
    async parseJob(raw) {
      const answer = await llm.completeJson({ ...renderPrompt(prompts, "parse_job", { job_text: raw.slice(0, 20_000) }), schema: ParsedJobSchema });
      // The model's reading is kept only where the text supports it; the rules fill the gaps.
      return groundJob(answer, await runCpu("parseJobText", [raw]), raw);
    },
    async extractResume(text, lines) {
      const rules = await parseResumeInPool(text, lines);
      try {
        const answer = await llm.completeJson({ ...renderPrompt(prompts, "import_resume", { resume_text: text.slice(0, 30_000) }), schema: ResumeDraftSchema });
        return groundDraft(answer, rules, text);
      } catch (e) {
        // Import still works without the model: the rule-based reading is a complete draft.
        if (!(e instanceof AiError)) throw e;
        logger.warn("resume extraction fell back to builtin", { error: e });
        return { ...rules, warnings: [...rules.warnings, "The AI provider was unavailable; the builtin parser read this file."] };
      }
    },
    async *writeCoverLetter({ profile, job, ranking, style, tone, length, violations, signal }) {
      const top = ranking.filter((r) => r.score > 0).slice(0, 12).map((r) => ({ kind: r.kind, text: r.text, matched: r.matchedKeywords }));
      const facts = { name: profile.fullName, summary: profile.summary, strongestMatches: top, profile: profileTexts(profile) };
      const jobView = { title: job.title, company: job.company, requirements: job.requirements.map((r) => r.text), keywords: job.keywords };
      const prompt = renderPrompt(prompts, "cover_letter", { style, tone, length, job: jobView, facts });
      const feedback = violations?.length
        ? `\n\nYour previous letter mentioned facts that are in neither the profile nor the job: ${violations.map((v) => v.value).join(", ")}. Leave them out.`
        : "";
      yield* llm.stream({ ...prompt, user: prompt.user + feedback, signal });
    },
    async *streamAdvice({ intent, question, passages, summary, history, signal, onUsage }) {
      const numbered = passages.map((p, i) => `[${i + 1}] ${p.label}\n${p.text}`).join("\n\n") || "(nothing matched the question)";
      const recent = history.map((m) => `${m.role === "USER" ? "User" : "Advisor"}: ${m.content}`).join("\n") || "(none)";
      const prompt = renderPrompt(prompts, "advisor_answer", { intent, question, passages: numbered, summary: summary ?? "(none)", history: recent });
      yield* llm.stream({ ...prompt, signal, onUsage });
    },
  };
}
