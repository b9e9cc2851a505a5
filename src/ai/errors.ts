// Typed failures of the AI layer. The GraphQL layer maps AiError subclasses to typed error
// results, so messages are written for the end user: no stack traces, no provider payloads,
// never an API key.

export abstract class AiError extends Error {
  abstract readonly code: string;
}

/** Why the provider could not give an answer; lets callers and logs tell the cases apart. */
export type AiUnavailableReason =
  | "auth" // 401/403: the key is wrong or lacks access
  | "rate_limited" // 429 after our retries, or a Retry-After far beyond our cap
  | "timeout" // no answer (or a stalled stream) within the configured time
  | "server" // 5xx after our retries
  | "connection" // the host could not be reached
  | "rejected"; // 4xx other than the above: our request or our configuration is wrong

export class AiUnavailableError extends AiError {
  readonly code = "AI_UNAVAILABLE";
  readonly reason: AiUnavailableReason;
  readonly status: number | null;
  /** How long the provider asked us to wait, when it said so. */
  readonly retryAfterMs: number | null;

  constructor(
    message: string,
    details: { reason: AiUnavailableReason; status?: number | null; retryAfterMs?: number | null },
  ) {
    super(message);
    this.name = "AiUnavailableError";
    this.reason = details.reason;
    this.status = details.status ?? null;
    this.retryAfterMs = details.retryAfterMs ?? null;
  }
}

/** The model answered, but not with the structure we asked for, even after one repair call. */
export class AiOutputError extends AiError {
  readonly code = "AI_OUTPUT_INVALID";
  /** Short "path: problem" lines, safe to log and to show. */
  readonly issues: string[];

  constructor(message: string, issues: string[]) {
    super(issues.length > 0 ? `${message}: ${issues.slice(0, 5).join("; ")}` : message);
    this.name = "AiOutputError";
    this.issues = issues;
  }
}

/**
 * A prompt file does not fit the code (unknown placeholder, unused declared variable, missing
 * prompt, invalid file). Thrown at start so that a broken prompt stops the server, not a request.
 */
export class PromptConfigError extends Error {
  readonly code = "PROMPT_CONFIG";
  readonly problems: string[];

  constructor(problems: string[]) {
    super(`Invalid prompt configuration:\n- ${problems.join("\n- ")}`);
    this.name = "PromptConfigError";
    this.problems = problems;
  }
}
