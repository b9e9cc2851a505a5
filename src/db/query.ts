import { dialect } from "./client.ts";

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

/**
 * A substring filter that ignores case on both databases: SQLite's LIKE already does (for ASCII);
 * PostgreSQL needs `mode: "insensitive"` (ILIKE), which the SQLite client's types do not know.
 */
export function containsText(contains: string): { contains: string } {
  return dialect() === "postgres" ? ({ contains, mode: "insensitive" } as { contains: string }) : { contains };
}
