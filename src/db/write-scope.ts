import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Who a database write is made for, so caches can drop exactly what it may have changed.
 * A GraphQL mutation runs as its viewer (`asWriter`); work that may write any user's rows (the
 * job runner, which claims the oldest queued job whoever owns it) runs `unattributed`. A write with
 * no writer — background work, start-up, anything not inside a mutation — counts as changing
 * every user's data. Listeners hear each write after it completed (COMMIT included).
 */
/** Writes of data derived from other tables (the advisor's index), which no cached answer reads. */
const DERIVED = Symbol("derived");
const writer = new AsyncLocalStorage<string | null | typeof DERIVED>();
const listeners = new Set<(userId: string | null) => void>();

export function asWriter<T>(userId: string, fn: () => T): T {
  return writer.run(userId, fn);
}

export function unattributed<T>(fn: () => T): T {
  return writer.run(null, fn);
}

/**
 * Runs `fn` as a writer of derived data: its writes change no answer a cache holds, so they are
 * not reported (no cache drop, no cross-instance invalidation, no index sync set off by the
 * index's own rows).
 */
export function derivedWriter<T>(fn: () => T): T {
  return writer.run(DERIVED, fn);
}

/** Whether the current statement is the upkeep of derived data. */
export function isDerivedWork(): boolean {
  return writer.getStore() === DERIVED;
}

/** Called by the database adapter after every statement that is not a plain read. */
export function dataWritten(): void {
  if (isDerivedWork()) return;
  const userId = (writer.getStore() as string | null | undefined) ?? null;
  for (const listener of listeners) listener(userId);
}

/** Registers a listener; returns its removal. */
export function onDataWritten(listener: (userId: string | null) => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}
