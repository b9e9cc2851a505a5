import { createHash, randomUUID } from "node:crypto";
import { Kind, print, type DocumentNode, type ExecutionArgs } from "graphql";
import type { Plugin } from "graphql-yoga";
import { createInMemoryCache, useResponseCache } from "@envelop/response-cache";
import type { Context } from "../context.ts";
import { asWriter, onDataWritten } from "../db/write-scope.ts";
import { pubsub } from "../pubsub.ts";

export interface ResponseCacheOptions {
  /** Longest an answer is kept; a backstop only, writes drop answers at once. */
  ttlMs: number;
  /** Most answers kept, across users (least recently used go first). */
  maxEntries: number;
}

/**
 * Caches the answers to signed-in queries, per viewer, and drops them at the first write that may
 * have changed them. Correctness does not rest on knowing which entities a write touched (a new
 * experience is in no cached answer, yet changes `myProfile`); it rests on generations:
 * - every answer is stored under its viewer's id and two counters read before execution starts:
 *   the viewer's generation and the global one. A key holds the viewer id, so one user's answer
 *   can never be another's;
 * - every database write bumps a counter once it has completed (COMMIT included, see
 *   db/write-scope.ts): the writer's (a mutation runs as its viewer) or, for a write made outside
 *   a mutation (the job runner, start-up), the global one;
 * - so an answer is served only if no write completed after its execution started: it is what
 *   the database says now. A query that raced a write is stored under a counter that already
 *   moved on, and never read.
 * Other instances sharing the pubsub hear each bump (`cache:invalidated`).
 *
 * Anonymous operations are not cached (there is nothing costly among them); mutations and
 * subscriptions never are. @envelop/response-cache does the caching; yoga's wrapper of it is not
 * used because it answers from the cache in onParams, before the token is checked and before the
 * request guards and limits run.
 */
export function useViewerResponseCache(opts: ResponseCacheOptions): Plugin[] {
  const instance = randomUUID();
  const generations = new Map<string, number>();
  let globalGeneration = 0;
  const bump = (userId: string | null, local = true) => {
    if (userId === null) globalGeneration++;
    else generations.set(userId, (generations.get(userId) ?? 0) + 1);
    // A user's counter may not go back to an old value: past the bound, forget all and start over.
    if (generations.size > 100_000) {
      generations.clear();
      globalGeneration++;
    }
    if (local) pubsub.publish("cache:invalidated", { instance, userId });
  };
  onDataWritten((userId) => bump(userId));
  void (async () => {
    for await (const event of pubsub.subscribe("cache:invalidated")) if (event.instance !== instance) bump(event.userId, false);
  })();

  const printed = new WeakMap<DocumentNode, string>();
  const documentString = (args: ExecutionArgs): string => {
    const query = (args.contextValue as { params?: { query?: unknown } }).params?.query;
    if (typeof query === "string") return query;
    let text = printed.get(args.document);
    if (text === undefined) printed.set(args.document, (text = print(args.document)));
    return text;
  };

  /** Mutations run as their viewer, so their writes bump that viewer's generation (and it is bumped once more at the end). */
  const attribution: Plugin = {
    onExecute({ args, executeFn, setExecuteFn }) {
      const viewer = (args.contextValue as unknown as Context).viewer;
      if (!viewer || !isMutation(args.document, args.operationName)) return;
      setExecuteFn((a) => asWriter(viewer.id, () => executeFn(a)));
      return { onExecuteDone: () => bump(viewer.id) };
    },
  };

  const cache = useResponseCache<Context>({
    cache: createInMemoryCache({ max: opts.maxEntries }),
    ttl: opts.ttlMs,
    session: (ctx) => ctx.viewer?.id ?? null,
    enabled: (ctx) => ctx.viewer !== null,
    getDocumentString: documentString,
    includeExtensionMetadata: false,
    buildResponseCacheKey: ({ documentString: text, variableValues, operationName, sessionId }) => {
      const hash = createHash("sha256").update(text).update("\0").update(operationName ?? "").update("\0").update(JSON.stringify(variableValues ?? {})).digest("base64url");
      return `${sessionId}:${globalGeneration}.${generations.get(sessionId!) ?? 0}:${hash}`;
    },
  }) as Plugin;

  return [attribution, cache];
}

function isMutation(document: DocumentNode, operationName: string | null | undefined): boolean {
  for (const d of document.definitions) {
    if (d.kind !== Kind.OPERATION_DEFINITION) continue;
    if (!operationName || d.name?.value === operationName) return d.operation === "mutation";
  }
  return false;
}
