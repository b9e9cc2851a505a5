import { getOperationAST, GraphQLError, type DocumentNode, type ExecutionResult } from "graphql";
import type { Plugin } from "graphql-yoga";
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import type { Logger } from "./logger.ts";

/**
 * Prometheus metrics for one app: operations by name, type and transport, their durations, and
 * errors by code, both transport errors (`extensions.code`) and typed results (`Error.code`).
 */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const labelNames = ["operation", "type", "transport"] as const;
  return {
    registry,
    operations: new Counter({ name: "graphql_operations_total", help: "GraphQL operations executed", labelNames, registers: [registry] }),
    duration: new Histogram({
      name: "graphql_operation_duration_seconds",
      help: "Time from execution start to result (subscriptions: to the first event)",
      labelNames,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [registry],
    }),
    /** Reads the number of open sockets at scrape time. */
    watchConnections(count: () => number) {
      new Gauge({ name: "websocket_connections", help: "Open graphql-ws connections", registers: [registry], collect() { this.set(count()); } });
    },
    errors: new Counter({ name: "graphql_errors_total", help: "Errors by code: extensions.code of errors[], and Error.code of typed results", labelNames: ["code", "operation"], registers: [registry] }),
  };
}
export type Metrics = ReturnType<typeof createMetrics>;

type Ctx = { requestId?: string; viewer?: { id: string } | null; connectionParams?: unknown; socket?: unknown };

/** Error codes of a result: each entry of `errors`, and every typed error (`__typename` …Error with a code) in `data`. */
export function errorCodes(result: ExecutionResult): string[] {
  const codes = (result.errors ?? []).map((e) => String((e as GraphQLError).extensions?.code ?? "INTERNAL"));
  const stack: unknown[] = [result.data];
  while (stack.length) {
    const value = stack.pop();
    if (!value || typeof value !== "object") continue;
    if (Array.isArray(value)) stack.push(...value);
    else {
      const record = value as Record<string, unknown>;
      if (typeof record.__typename === "string" && record.__typename.endsWith("Error") && typeof record.code === "string") codes.push(record.code);
      for (const v of Object.values(record)) if (v && typeof v === "object") stack.push(v);
    }
  }
  return codes;
}

/**
 * One log line and one set of metrics per operation, over HTTP and WebSocket alike (both run
 * envelop's hooks): operation name, type, viewer id, error codes and duration.
 */
export function useOperationLog(logger: Logger, metrics: Metrics): Plugin {
  const describe = (document: DocumentNode, operationName: string | null | undefined, context: unknown) => {
    const op = getOperationAST(document, operationName);
    const ctx = (context ?? {}) as Ctx;
    return {
      operation: op?.name?.value ?? operationName ?? "anonymous",
      type: op?.operation ?? "unknown",
      transport: ctx.connectionParams !== undefined || ctx.socket !== undefined ? "ws" : "http",
      requestId: ctx.requestId,
      viewerId: ctx.viewer?.id ?? null,
    };
  };
  const record = (info: ReturnType<typeof describe>, started: number, result: ExecutionResult | null) => {
    const seconds = (performance.now() - started) / 1000;
    const codes = result ? errorCodes(result) : [];
    const labels = { operation: info.operation, type: info.type, transport: info.transport };
    metrics.operations.inc(labels);
    metrics.duration.observe(labels, seconds);
    for (const code of codes) metrics.errors.inc({ code, operation: info.operation });
    logger.info("operation", { ...info, errorCodes: codes, ms: Math.round(seconds * 10_000) / 10 });
  };
  return {
    onExecute({ args }) {
      const started = performance.now();
      const info = describe(args.document, args.operationName, args.contextValue);
      return {
        onExecuteDone({ result }) {
          // Incremental (deferred) results are not used here; a stream is logged when it starts.
          record(info, started, Symbol.asyncIterator in (result as object) ? null : (result as ExecutionResult));
        },
      };
    },
    onSubscribe({ args }) {
      const started = performance.now();
      const info = describe(args.document, args.operationName, args.contextValue);
      return {
        onSubscribeResult({ result }) {
          record(info, started, Symbol.asyncIterator in (result as object) ? null : (result as ExecutionResult));
        },
      };
    },
  };
}
