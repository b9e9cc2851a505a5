/**
 * GraphQL hands omitted optional input fields over as null (or leaves them out); zod defaults
 * apply to undefined only. Dropping nulls makes "not given" mean "use the default".
 */
export function withoutNulls(input: unknown): Record<string, unknown> {
  return Object.fromEntries(Object.entries((input ?? {}) as Record<string, unknown>).filter(([, v]) => v !== null && v !== undefined));
}
