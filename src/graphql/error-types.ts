import { builder } from "./builder.ts";
import {
  AiUnavailableGqlError,
  AppError,
  ConflictError,
  InvalidCredentialsError,
  LimitExceededError,
  NotFoundError,
  PreconditionError,
  GroundingError,
  UnsupportedFileError,
  ValidationError,
  ERROR_CODES,
  type FieldIssue,
} from "./errors.ts";

export const ErrorCodeEnum = builder.enumType("ErrorCode", {
  description:
    "The code of every Error type, one per type, so a client can switch exhaustively. Transport-level failures " +
    "(UNAUTHENTICATED, QUERY_TOO_DEEP, BODY_TOO_LARGE …) are not results but entries in `errors` with `extensions.code`; the README lists them",
  values: Object.fromEntries(Object.entries(ERROR_CODES).map(([code, description]) => [code, { description }])) as {
    [K in keyof typeof ERROR_CODES]: { description: string };
  },
});

export const ErrorInterface = builder.interfaceRef<AppError>("Error").implement({
  description: "An expected failure: the operation did not happen and nothing was changed",
  fields: (t) => ({
    message: t.exposeString("message", { description: "What went wrong and what to do about it, in English, for a person to read; may change between releases" }),
    code: t.field({ type: ErrorCodeEnum, description: "Stable machine-readable code: switch on this, never on the message", resolve: (e) => e.code }),
  }),
});

const FieldIssueRef = builder.objectRef<FieldIssue>("FieldError").implement({
  description: "One invalid input value, located by its path from the argument",
  fields: (t) => ({
    path: t.exposeStringList("path", { description: "Path of the offending argument, e.g. [input, experiences, 0, title]" }),
    message: t.exposeString("message", { description: "Why the value is refused, e.g. \"Title must be at most 200 characters\"" }),
  }),
});

builder.objectType(ValidationError, {
  name: "ValidationError",
  description: "An input value broke a rule (length, format, range, duplicates …); code VALIDATION. Nothing was changed; fix the values in fieldErrors and retry",
  interfaces: [ErrorInterface],
  isTypeOf: (e) => e instanceof ValidationError,
  fields: (t) => ({ fieldErrors: t.field({ type: [FieldIssueRef], description: "Every offending value with its path; empty when the problem is not tied to one field", resolve: (e) => e.fieldErrors }) }),
});
builder.objectType(NotFoundError, {
  name: "NotFoundError",
  description: "The id names nothing the signed-in user owns (someone else's ids look the same as missing ones); code NOT_FOUND",
  interfaces: [ErrorInterface],
  isTypeOf: (e) => e instanceof NotFoundError,
  fields: (t) => ({ resource: t.exposeString("resource", { description: "What was looked for, e.g. \"Job\" or \"Profile\"" }) }),
});
builder.objectType(PreconditionError, {
  name: "PreconditionError",
  description: "The operation needs something that does not exist yet (a profile, a sample, an enhanced version …); code PRECONDITION_FAILED. The message names the step to take first",
  interfaces: [ErrorInterface],
  isTypeOf: (e) => e instanceof PreconditionError,
  fields: () => ({}),
});
builder.objectType(ConflictError, {
  name: "ConflictError",
  description: "The operation clashes with the current state (an enhancement already running or already ended); code CONFLICT. Retrying unchanged fails the same way",
  interfaces: [ErrorInterface], isTypeOf: (e) => e instanceof ConflictError, fields: () => ({}) });
builder.objectType(InvalidCredentialsError, {
  name: "InvalidCredentialsError",
  description: "The email or password is wrong (which one is never said); code INVALID_CREDENTIALS. Repeated failures lead to LimitExceededError",
  interfaces: [ErrorInterface],
  isTypeOf: (e) => e instanceof InvalidCredentialsError,
  fields: () => ({}),
});
builder.objectType(UnsupportedFileError, {
  name: "UnsupportedFileError",
  description: "The file's content is not a kind this operation reads (PDF, DOCX, UTF-8 text; JSON Resume for imports), or it cannot be read (encrypted, damaged, no text); code UNSUPPORTED_FILE",
  interfaces: [ErrorInterface],
  isTypeOf: (e) => e instanceof UnsupportedFileError,
  fields: (t) => ({ found: t.exposeString("found", { nullable: true, description: "What the file turned out to be" }) }),
});
builder.objectType(LimitExceededError, {
  name: "LimitExceededError",
  description: "A size or rate limit was reached (text too long, too many attempts …); code LIMIT_EXCEEDED. For rate limits wait retryAfterSeconds before retrying",
  interfaces: [ErrorInterface],
  isTypeOf: (e) => e instanceof LimitExceededError,
  fields: (t) => ({
    limit: t.exposeInt("limit", { nullable: true, description: "The limit that was reached (bytes, characters, attempts …), when it is a number" }),
    retryAfterSeconds: t.exposeInt("retryAfterSeconds", { nullable: true, description: "For rate limits: seconds until the next attempt can succeed" }),
  }),
});
const GroundingViolationKindEnum = builder.enumType("GroundingViolationKind", {
  description: "What kind of unsupported fact a generated text stated",
  values: {
    NUMBER: { description: "A figure (percentage, amount, count) in neither the profile nor the job" },
    ORGANISATION: { description: "A company or organisation name in neither" },
    TECHNOLOGY: { description: "A technology or tool in neither" },
  } as const,
});

export const GroundingViolationRef = builder.objectRef<GroundingViolation>("GroundingViolation").implement({
  description: "A fact a generated text contained that is in neither the profile nor the job",
  fields: (t) => ({
    kind: t.field({ type: GroundingViolationKindEnum, description: "Number, organisation or technology", resolve: (v) => violationKind(v.kind) }),
    value: t.exposeString("value", { description: "The offending text as it appeared, e.g. \"40%\" or \"Kubernetes\"" }),
  }),
});

builder.objectType(GroundingError, {
  name: "GroundingError",
  description: "Generated text stated facts found in neither the profile nor the job, twice in a row, so nothing was saved; code NOT_GROUNDED. Add the facts to the profile if they are true, or retry",
  interfaces: [ErrorInterface],
  isTypeOf: (e) => e instanceof GroundingError,
  fields: (t) => ({
    violations: t.field({
      type: [GroundingViolationRef],
      description: "Each unsupported fact",
      resolve: (e) => e.violations,
    }),
  }),
});
builder.objectType(AiUnavailableGqlError, {
  name: "AiUnavailableError",
  description: "The language-model provider failed or timed out and no fallback applies; code AI_UNAVAILABLE. Nothing was saved; retry later",
  interfaces: [ErrorInterface],
  isTypeOf: (e) => e instanceof AiUnavailableGqlError,
  fields: () => ({}),
});

type GroundingViolation = { kind: string; value: string };

/** The grounding checker's lower-case kinds ("organisation") as enum values. */
export function violationKind(kind: string): "NUMBER" | "ORGANISATION" | "TECHNOLOGY" {
  return kind.toUpperCase() as "NUMBER" | "ORGANISATION" | "TECHNOLOGY";
}

/** The failures every mutation that takes input can return. */
export const INPUT_ERRORS = [ValidationError, NotFoundError] as const;
