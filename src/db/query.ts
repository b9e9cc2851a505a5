/**
 * Pothos hands resolvers the Prisma selection the client asked for. When a client selects no
 * field of the success type (only `__typename`, or only the error branch), that selection is
 * `{ select: {} }`, which Prisma refuses; without it Prisma returns the row's scalars, which is
 * all such a client needs.
 */
export function selection<T extends object>(query: T): T | Record<string, never> {
  const select = (query as { select?: object }).select;
  return select && Object.keys(select).length === 0 ? {} : query;
}
