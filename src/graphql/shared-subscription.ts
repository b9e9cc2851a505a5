// Subscription events executed once per distinct (document, operation, variables, viewer), not once
// per subscriber. A job's progress event reaches every subscriber as the same payload object (the
// pubsub dispatches one event to all its listeners); graphql's subscribe would execute the
// selection set against it for each of them (1,000 subscribers: 1,000 identical executions per
// event, the largest share of the fan-out's CPU after the socket writes). Here the first subscriber
// to map an event executes it; the others with the same key get that result.
//
// The key holds the viewer's id, so one viewer's result is never another's, whatever a resolver
// reads from the context; every other part of the context (request id, client address, services)
// is the same for all subscribers or does not reach a result. A payload that is not an object
// (no identity to key on) is executed per subscriber, as before. Results are kept only as long as
// the payload object lives (a WeakMap on it), i.e. until every subscriber has been sent it.
import { createSourceEventStream, execute, getOperationAST, GraphQLError, type DocumentNode, type ExecutionArgs, type ExecutionResult } from "graphql";
import type { Plugin } from "graphql-yoga";

type Outcome = ExecutionResult | Promise<ExecutionResult>;

/** Executions actually run for subscription events, over every server in the process (tests, diagnostics). */
const counters = { executed: 0, shared: 0 };
export const sharedSubscriptionStats = () => ({ ...counters });

const documentIds = new WeakMap<DocumentNode, number>();
let nextDocumentId = 1;

export function useSharedSubscriptionExecution(viewerKey: (context: unknown) => string): Plugin {
  const results = new WeakMap<object, Map<string, Outcome>>();

  const executeEvent = (args: ExecutionArgs, key: string, payload: unknown): Outcome => {
    if (typeof payload !== "object" || payload === null) {
      counters.executed++;
      return execute({ ...args, rootValue: payload });
    }
    let byKey = results.get(payload);
    if (!byKey) results.set(payload, (byKey = new Map()));
    const known = byKey.get(key);
    if (known) {
      counters.shared++;
      return known;
    }
    counters.executed++;
    const outcome = execute({ ...args, rootValue: payload });
    byKey.set(key, outcome);
    return outcome;
  };

  return {
    onSubscribe({ setSubscribeFn }) {
      setSubscribeFn(async (args: ExecutionArgs) => {
        const source = await createSourceEventStream(args);
        if (!(Symbol.asyncIterator in source)) return source as ExecutionResult;
        const key = subscriberKey(args, viewerKey(args.contextValue));
        const operation = getOperationAST(args.document, args.operationName);
        return mapEvents(source as AsyncIterable<unknown>, (payload) => executeEvent(args, key, payload), operation);
      });
    },
  };
}

function subscriberKey(args: ExecutionArgs, viewer: string): string {
  let id = documentIds.get(args.document);
  if (id === undefined) documentIds.set(args.document, (id = nextDocumentId++));
  return `${id}\u0000${args.operationName ?? ""}\u0000${JSON.stringify(args.variableValues ?? {})}\u0000${viewer}`;
}

/**
 * The source stream's events mapped to results; closing the results closes the source (graphql-ws
 * does on complete). Written with then() rather than async functions: one promise per event, not
 * three (with AsyncLocalStorage's promise hooks on, each promise costs a few µs per subscriber).
 */
function mapEvents(source: AsyncIterable<unknown>, map: (payload: unknown) => Outcome, operation: ReturnType<typeof getOperationAST>): AsyncIterableIterator<ExecutionResult> {
  const it = source[Symbol.asyncIterator]();
  const onStep = (step: IteratorResult<unknown>): IteratorResult<ExecutionResult> | Promise<IteratorResult<ExecutionResult>> => {
    if (step.done) return DONE;
    const outcome = map(step.value);
    return outcome instanceof Promise ? outcome.then((value) => ({ done: false, value })) : { done: false, value: outcome };
  };
  const onError = (error: unknown): never => {
    // As graphql's (and yoga's executor's) subscribe do: the error located at the operation.
    const e = error instanceof Error ? error : new Error(String(error));
    throw new GraphQLError(e.message, { originalError: e, nodes: operation ? [operation] : undefined });
  };
  return {
    next: () => it.next().then(onStep, onError),
    async return() {
      await it.return?.();
      return DONE;
    },
    async throw(error: unknown) {
      await it.return?.();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

const DONE: IteratorReturnResult<undefined> = Object.freeze({ done: true, value: undefined });
