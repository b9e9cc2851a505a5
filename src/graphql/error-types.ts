import { builder } from "./builder.ts";
import {
  AiUnavailableGqlError,
  AppError,
  ConflictError,
  InvalidCredentialsError,
  LimitExceededError,
  NotAllowedError,
  NotFoundError,
  PreconditionError,
  GroundingError,
  UnsupportedFileError,
  ValidationError,
  type FieldIssue,
} from "./errors.ts";

export const ErrorInterface = builder.interfaceRef<AppError>("Error").implement({
  description: "An expected failure: the operation did not happen and nothing was changed",
  fields: (t) => ({
    message: t.exposeString("message", { description: "What went wrong and what to do about it, in English, for a person to read; may change between releases" }),
    code: t.exposeString("code", { description: "Stable machine-readable code: switch on this, never on the message" }),
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
builder.objectType(NotAllowedError, { name: "NotAllowedError", description: "Not used", interfaces: [ErrorInterface], isTypeOf: (e) => e instanceof NotAllowedError, fields: () => ({}) });
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
export const GroundingViolationRef = builder.objectRef<{ kind: string; value: string }>("GroundingViolation").implement({
  description: "A fact a generated text contained that is in neither the profile nor the job",
  fields: (t) => ({
    kind: t.exposeString("kind", { description: "number, organisation or technology" }),
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

/** The failures every mutation that takes input can return. */
export const INPUT_ERRORS = [ValidationError, NotFoundError] as const;
