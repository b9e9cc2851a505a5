/*
 * Domain errors: every expected failure a service can report. GraphQL-free, so services, stores
 * and jobs import them without depending on the API layer; src/graphql/error-types.ts maps each to
 * a union member.
 */
/**
 * Every `Error.code`, with what a client should do about it. The GraphQL enum ErrorCode is built
 * from this table, so a new error class cannot reach the schema without a documented code.
 */
export const ERROR_CODES = {
  VALIDATION: "ValidationError: an input value broke a rule; fix the values in fieldErrors",
  NOT_FOUND: "NotFoundError: the id names nothing the user owns",
  PRECONDITION_FAILED: "PreconditionError: do the step the message names first (create a profile, upload a sample …)",
  CONFLICT: "ConflictError: the current state forbids it (an enhancement is running or has ended)",
  INVALID_CREDENTIALS: "InvalidCredentialsError: wrong email or password",
  UNSUPPORTED_FILE: "UnsupportedFileError: send a PDF, DOCX or UTF-8 text file (or JSON Resume for imports)",
  LIMIT_EXCEEDED: "LimitExceededError: a size or rate limit; for rate limits retry after retryAfterSeconds",
  NOT_GROUNDED: "GroundingError: generated text stated facts the profile and job do not hold; nothing was saved",
  AI_UNAVAILABLE: "AiUnavailableError: the language-model provider failed; retry later",
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;

/** The ways a bearer token can fail to identify a user. */
export type AuthFailure = "MISSING_TOKEN" | "INVALID_TOKEN" | "EXPIRED_TOKEN" | "REVOKED_TOKEN";

/**
 * Base of every expected failure: returned as a typed member of a mutation's result union.
 * It records no stack: it is an answer, not a bug, and nobody reads where it was thrown. Pothos's
 * errors plugin copies each error's properties, `stack` included, and with source maps on (tsx)
 * formatting a stack parses the source maps of every frame: a CPU profile under upload load
 * showed 35 ms of the main thread for one LimitExceededError.
 */
export abstract class AppError extends Error {
  abstract readonly code: ErrorCode;
  constructor(message: string) {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      super(message);
    } finally {
      Error.stackTraceLimit = limit;
    }
  }
}

export interface FieldIssue {
  path: string[];
  message: string;
}

export class ValidationError extends AppError {
  override readonly code = "VALIDATION";
  constructor(
    message: string,
    readonly fieldErrors: FieldIssue[] = [],
  ) {
    super(message);
  }
  static field(path: string | string[], message: string): ValidationError {
    const p = Array.isArray(path) ? path : path.split(".");
    return new ValidationError(message, [{ path: p, message }]);
  }
}

export class NotFoundError extends AppError {
  override readonly code = "NOT_FOUND";
  constructor(
    readonly resource: string,
    id?: string,
  ) {
    super(id ? `${resource} ${id} was not found` : `${resource} was not found`);
  }
}

/** The operation needs something the user has not done yet (a profile, a sample, …). */
export class PreconditionError extends AppError {
  override readonly code = "PRECONDITION_FAILED";
}

export class ConflictError extends AppError {
  override readonly code = "CONFLICT";
}

export class InvalidCredentialsError extends AppError {
  override readonly code = "INVALID_CREDENTIALS";
  constructor(message = "The email or password is incorrect") {
    super(message);
  }
}

export class UnsupportedFileError extends AppError {
  override readonly code = "UNSUPPORTED_FILE";
  constructor(
    message: string,
    readonly found: string | null = null,
  ) {
    super(message);
  }
}

export class LimitExceededError extends AppError {
  override readonly code = "LIMIT_EXCEEDED";
  constructor(
    message: string,
    readonly limit: number | null = null,
    /** For rate limits: when the next attempt can succeed. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
  }
}

/** Generated text carried a number, organisation or technology found in neither profile nor job. */
export class GroundingError extends AppError {
  override readonly code = "NOT_GROUNDED";
  constructor(
    message: string,
    readonly violations: { kind: string; value: string }[],
  ) {
    super(message);
  }
}

export class AiUnavailableGqlError extends AppError {
  override readonly code = "AI_UNAVAILABLE";
}

/** Turns zod issues into field-level errors under `input`. */
export function fromZod(issues: readonly { path: PropertyKey[]; message: string }[], root = "input"): ValidationError {
  const fieldErrors = issues.map((i) => ({ path: [root, ...i.path.map(String)], message: i.message }));
  const first = fieldErrors[0];
  const summary = first ? `${first.path.join(".")}: ${first.message}` : "Invalid input";
  return new ValidationError(fieldErrors.length > 1 ? `${summary} (and ${fieldErrors.length - 1} more)` : summary, fieldErrors);
}

/** JSON Schema errors ("work[0].startDate") as field errors under `root`, e.g. input.file.work.0.startDate. */
export function fromSchemaErrors(errors: readonly { path: string; message: string }[], root: string[], what: string): ValidationError {
  const fieldErrors = errors.slice(0, 20).map((e) => ({ path: [...root, ...e.path.split(/[.[\]]+/).filter(Boolean)], message: e.message }));
  return new ValidationError(`${what}: ${errors[0]?.path || "document"} ${errors[0]?.message ?? "is invalid"}`, fieldErrors);
}
