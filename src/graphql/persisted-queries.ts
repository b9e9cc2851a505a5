import { createHash } from "node:crypto";
import { GraphQLError } from "graphql";
import type { Plugin } from "graphql-yoga";

/**
 * Automatic persisted queries, Apollo's protocol (`extensions.persistedQuery { version: 1,
 * sha256Hash }`), as Apollo's persisted-query link and urql's exchange speak it:
 * - hash only, unknown → `PERSISTED_QUERY_NOT_FOUND`; the client resends with the query;
 * - hash + query → the hash is checked against the query, the pair stored, the query run;
 * - hash only, known → the stored query runs.
 *
 * `@graphql-yoga/plugin-apq` does this but declares a peer `@graphql-tools/utils@^10` that clashes
 * with codegen's v11, so npm refuses to install it; this is the same protocol in a few lines, with
 * a bounded store (a client cannot grow memory without limit by registering queries).
 */
export interface PersistedQueryOptions {
  /** Most queries kept; the least recently used goes first. */
  maxEntries: number;
  /** Longest query stored; longer ones still run, they are just not remembered. */
  maxQueryLength: number;
}

export function usePersistedQueries(opts: PersistedQueryOptions = { maxEntries: 1000, maxQueryLength: 100_000 }): Plugin {
  const store = new Map<string, string>();
  const remember = (hash: string, query: string) => {
    if (query.length > opts.maxQueryLength) return;
    store.delete(hash);
    store.set(hash, query);
    if (store.size > opts.maxEntries) store.delete(store.keys().next().value!);
  };
  return {
    onParams({ params, setParams }) {
      const persisted = (params.extensions as { persistedQuery?: { version?: unknown; sha256Hash?: unknown } } | undefined)?.persistedQuery;
      if (!persisted) return;
      // Thrown, not set as the result: yoga's own check ("Must provide query string.") runs after
      // every user plugin's onParams and would otherwise answer a hash-only request first.
      const fail = (message: string, code: string): never => {
        throw new GraphQLError(message, { extensions: { code, http: { status: 200 } } });
      };
      if (persisted.version !== 1) return fail("Persisted query version must be 1", "PERSISTED_QUERY_VERSION_NOT_SUPPORTED");
      const hash = typeof persisted.sha256Hash === "string" ? persisted.sha256Hash.toLowerCase() : "";
      if (!/^[0-9a-f]{64}$/.test(hash)) return fail("persistedQuery.sha256Hash must be 64 hex digits", "PERSISTED_QUERY_HASH_INVALID");
      if (typeof params.query === "string" && params.query.length > 0) {
        if (createHash("sha256").update(params.query).digest("hex") !== hash) {
          return fail("persistedQuery.sha256Hash is not the SHA-256 of the query", "PERSISTED_QUERY_HASH_MISMATCH");
        }
        return remember(hash, params.query);
      }
      const query = store.get(hash);
      // Apollo's link and urql's exchange look for this message or this code, then resend with the query.
      if (query === undefined) return fail("PersistedQueryNotFound", "PERSISTED_QUERY_NOT_FOUND");
      remember(hash, query);
      setParams({ ...params, query });
    },
  };
}
