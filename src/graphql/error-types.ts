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
    message: t.exposeString("message"),
    code: t.exposeString("code"),
  }),
});

const FieldIssueRef = builder.objectRef<FieldIssue>("FieldError").implement({
  fields: (t) => ({
    path: t.exposeStringList("path", { description: "Path of the offending argument, e.g. [input, experiences, 0, title]" }),
    message: t.exposeString("message"),
  }),
});

builder.objectType(ValidationError, {
  name: "ValidationError",
  interfaces: [ErrorInterface],
  isTypeOf: (e) => e instanceof ValidationError,
  fields: (t) => ({ fieldErrors: t.field({ type: [FieldIssueRef], resolve: (e) => e.fieldErrors }) }),
});
builder.objectType(NotFoundError, {
  name: "NotFoundError",
  interfaces: [ErrorInterface],
  isTypeOf: (e) => e instanceof NotFoundError,
  fields: (t) => ({ resource: t.exposeString("resource") }),
});
builder.objectType(NotAllowedError, { name: "NotAllowedError", interfaces: [ErrorInterface], isTypeOf: (e) => e instanceof NotAllowedError, fields: () => ({}) });
builder.objectType(PreconditionError, {
  name: "PreconditionError",
  interfaces: [ErrorInterface],
  isTypeOf: (e) => e instanceof PreconditionError,
  fields: () => ({}),
});
builder.objectType(ConflictError, { name: "ConflictError", interfaces: [ErrorInterface], isTypeOf: (e) => e instanceof ConflictError, fields: () => ({}) });
builder.objectType(InvalidCredentialsError, {
  name: "InvalidCredentialsError",
  interfaces: [ErrorInterface],
  isTypeOf: (e) => e instanceof InvalidCredentialsError,
  fields: () => ({}),
});
builder.objectType(UnsupportedFileError, {
  name: "UnsupportedFileError",
  interfaces: [ErrorInterface],
  isTypeOf: (e) => e instanceof UnsupportedFileError,
  fields: (t) => ({ found: t.exposeString("found", { nullable: true, description: "What the file turned out to be" }) }),
});
builder.objectType(LimitExceededError, {
  name: "LimitExceededError",
  interfaces: [ErrorInterface],
  isTypeOf: (e) => e instanceof LimitExceededError,
  fields: (t) => ({
    limit: t.exposeInt("limit", { nullable: true, description: "The limit that was reached (bytes, characters, attempts …), when it is a number" }),
    retryAfterSeconds: t.exposeInt("retryAfterSeconds", { nullable: true, description: "For rate limits: seconds until the next attempt can succeed" }),
  }),
});
export const GroundingViolationRef = builder.objectRef<{ kind: string; value: string }>("GroundingViolation").implement({
  description: "A fact a generated text contained that is in neither the profile nor the job",
  fields: (t) => ({ kind: t.exposeString("kind", { description: "number, organisation or technology" }), value: t.exposeString("value") }),
});

builder.objectType(GroundingError, {
  name: "GroundingError",
  interfaces: [ErrorInterface],
  isTypeOf: (e) => e instanceof GroundingError,
  fields: (t) => ({
    violations: t.field({
      type: [GroundingViolationRef],
      resolve: (e) => e.violations,
    }),
  }),
});
builder.objectType(AiUnavailableGqlError, {
  name: "AiUnavailableError",
  interfaces: [ErrorInterface],
  isTypeOf: (e) => e instanceof AiUnavailableGqlError,
  fields: () => ({}),
});

/** The failures every mutation that takes input can return. */
export const INPUT_ERRORS = [ValidationError, NotFoundError] as const;
