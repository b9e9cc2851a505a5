import { GraphQLError } from "graphql";

/** Connection page sizes: stated in the `first`/`last` descriptions, and a larger request fails rather than being clamped. */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/**
 * The `maxSize` of every connection. Pothos would silently cut `first: 500` to 100 and the client
 * would take the short page for the end of the list; a typed error says what happened instead.
 */
export function pageSize(args: { first?: number | null; last?: number | null }): number {
  const asked = Math.max(args.first ?? 0, args.last ?? 0);
  if (asked > MAX_PAGE_SIZE) {
    throw new GraphQLError(`A page holds at most ${MAX_PAGE_SIZE} items; ${asked} were asked for. Page on with \`after: pageInfo.endCursor\``, {
      extensions: { code: "PAGE_SIZE_TOO_LARGE", maxPageSize: MAX_PAGE_SIZE },
    });
  }
  return MAX_PAGE_SIZE;
}
