import { randomUUID } from "node:crypto";
import { getOperationAST, GraphQLError, Kind, type DocumentNode, type ExecutionResult, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionNode } from "graphql";
import type { Plugin } from "graphql-yoga";
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import type { Logger } from "./logger.ts";
import { channels, type EnhancementFinishedEvent, type ExtractionEvent, type LlmCallEvent } from "./telemetry.ts";

const ENHANCEMENT_STATES = ["QUEUED", "RUNNING", "COMPLETED", "FAILED", "CANCELLED"] as const;
/** Job ids whose final state was already counted (a final state can be published twice). */
const COUNTED_JOBS_KEPT = 10_000;

/**
 * Prometheus metrics for one app: operations by root field, type and transport, their durations,
 * and errors by code, both transport errors (`extensions.code`) and typed results (`Error.code`).
 * Series are labelled by what the schema bounds (rootFieldLabel), never by the operation name a
 * client chose: one label value per client-made name would grow the series without limit.
 */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const labelNames = ["field", "type", "transport"] as const;
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
    errors: new Counter({ name: "graphql_errors_total", help: "Errors by code: extensions.code of errors[], and Error.code of typed results", labelNames: ["code", "field"], registers: [registry] }),
    /**
     * Enhancement jobs, LLM calls and extractions, as the domain code reports them (telemetry.ts).
     * `countJobs` reads the jobs by state at scrape time, so the gauge survives restarts.
     * Returns the unsubscribe to call when the app stops.
     */
    watchDomain(countJobs: () => Promise<{ status: string; count: number }[]>): () => void {
      new Gauge({
        name: "enhancement_jobs",
        help: "Enhancement jobs by state, read from the database at scrape time",
        labelNames: ["state"],
        registers: [registry],
        async collect() {
          const counts = new Map((await countJobs()).map((r) => [r.status, r.count]));
          for (const state of ENHANCEMENT_STATES) this.set({ state }, counts.get(state) ?? 0);
        },
      });
      const jobDuration = new Histogram({
        name: "enhancement_job_duration_seconds",
        help: "Enhancement jobs from creation (queued) to their final state, by that state",
        labelNames: ["state"],
        buckets: [0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600],
        registers: [registry],
      });
      const llmCalls = new Counter({ name: "llm_calls_total", help: "Requests to the LLM provider (each retry counts), by outcome: ok, timeout, connection, aborted, http_<status>", labelNames: ["provider", "tier", "outcome"], registers: [registry] });
      const llmDuration = new Histogram({
        name: "llm_call_duration_seconds",
        help: "Latency of one LLM request (a stream: to its last token)",
        labelNames: ["provider", "tier", "outcome"],
        buckets: [0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 30, 60],
        registers: [registry],
      });
      const extraction = new Histogram({
        name: "extraction_duration_seconds",
        help: "Text extraction of one uploaded PDF or DOCX in the worker pool, queueing included, by kind and outcome (ok or the failure reason)",
        labelNames: ["kind", "outcome"],
        buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
        registers: [registry],
      });
      const counted = new Set<string>();
      const onJob = (message: unknown) => {
        const e = message as EnhancementFinishedEvent;
        if (counted.has(e.jobId)) return;
        counted.add(e.jobId);
        if (counted.size > COUNTED_JOBS_KEPT) counted.delete(counted.values().next().value!);
        jobDuration.observe({ state: e.status }, e.seconds);
      };
      const onLlm = (message: unknown) => {
        const { provider, tier, outcome, seconds } = message as LlmCallEvent;
        llmCalls.inc({ provider, tier, outcome });
        llmDuration.observe({ provider, tier, outcome }, seconds);
      };
      const onExtraction = (message: unknown) => {
        const { kind, outcome, seconds } = message as ExtractionEvent;
        extraction.observe({ kind, outcome }, seconds);
      };
      channels.enhancementFinished.subscribe(onJob);
      channels.llmCall.subscribe(onLlm);
      channels.extraction.subscribe(onExtraction);
      return () => {
        channels.enhancementFinished.unsubscribe(onJob);
        channels.llmCall.unsubscribe(onLlm);
        channels.extraction.unsubscribe(onExtraction);
      };
    },
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
 * The metric label of an operation: its one root field's name (`me`, `uploadSample`, `__typename`),
 * or "multiple" when it selects several. Operations are labelled once validated, so every name is a
 * field of the schema: at most one series per root field, plus "multiple" and "none".
 */
export function rootFieldLabel(document: DocumentNode, op: OperationDefinitionNode | null | undefined): string {
  if (!op) return "none";
  const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  const names = new Set<string>();
  const seen = new Set<string>();
  const visit = (selections: readonly SelectionNode[]) => {
    for (const s of selections) {
      if (names.size > 1) return;
      if (s.kind === Kind.FIELD) names.add(s.name.value);
      else if (s.kind === Kind.INLINE_FRAGMENT) visit(s.selectionSet.selections);
      else if (!seen.has(s.name.value)) {
        seen.add(s.name.value);
        const fragment = fragments.get(s.name.value);
        if (fragment) visit(fragment.selectionSet.selections);
      }
    }
  };
  visit(op.selectionSet.selections);
  return names.size === 1 ? [...names][0] : names.size ? "multiple" : "none";
}

type OperationFields = { operation: string; type: string; transport: "http" | "ws"; viewerId: string | null; errorCodes: string[]; operationMs: number };

/**
 * One log line per HTTP request and one per WebSocket operation, and one set of metrics per
 * operation, over HTTP and WebSocket alike (both run envelop's hooks).
 * - HTTP: the access line (`msg: "request"`: request id, method, status, total ms) carries the
 *   operation it ran (name, type, viewer id, error codes, execution ms). One line, not two: the
 *   CPU profile of the anonymous `{ __typename }` path had logging as its largest cost after
 *   yoga itself.
 * - WebSocket: `msg: "operation"` with the same operation fields.
 * `requestIds` is where the request id chosen here (a valid `x-request-id` or a new UUID) is
 * kept for the context factory.
 */
export function useRequestLog(logger: Logger, metrics: Metrics, requestIds: WeakMap<Request, string>): Plugin {
  const requests = new WeakMap<Request, { started: number; operation?: OperationFields }>();
  const describe = (document: DocumentNode, operationName: string | null | undefined, context: unknown) => {
    const op = getOperationAST(document, operationName);
    const ctx = (context ?? {}) as Ctx & { request?: Request };
    return {
      request: ctx.request,
      operation: op?.name?.value ?? operationName ?? "anonymous",
      field: rootFieldLabel(document, op),
      type: op?.operation ?? "unknown",
      transport: (ctx.connectionParams !== undefined || ctx.socket !== undefined ? "ws" : "http") as "http" | "ws",
      requestId: ctx.requestId,
      viewerId: ctx.viewer?.id ?? null,
    };
  };
  const record = (info: ReturnType<typeof describe>, started: number, result: ExecutionResult | null) => {
    const seconds = (performance.now() - started) / 1000;
    const codes = result ? errorCodes(result) : [];
    const labels = { field: info.field, type: info.type, transport: info.transport };
    metrics.operations.inc(labels);
    metrics.duration.observe(labels, seconds);
    for (const code of codes) metrics.errors.inc({ code, field: info.field });
    const fields: OperationFields = { operation: info.operation, type: info.type, transport: info.transport, viewerId: info.viewerId, errorCodes: codes, operationMs: Math.round(seconds * 10_000) / 10 };
    const pending = info.transport === "http" && info.request ? requests.get(info.request) : undefined;
    // A second operation in one request (a batch) gets a line of its own.
    if (pending && !pending.operation) pending.operation = fields;
    else logger.info("operation", { requestId: info.requestId, ...fields });
  };
  const done = (info: ReturnType<typeof describe>, started: number) => (result: unknown) =>
    // Incremental (deferred) results are not used here; a stream is logged when it starts.
    record(info, started, Symbol.asyncIterator in (result as object) ? null : (result as ExecutionResult));
  return {
    onRequest({ request }) {
      const given = request.headers.get("x-request-id");
      requestIds.set(request, given && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID());
      requests.set(request, { started: performance.now() });
    },
    onResponse({ request, response }) {
      const requestId = requestIds.get(request);
      if (requestId) response.headers.set("x-request-id", requestId);
      const pending = requests.get(request);
      const ms = pending ? Math.round((performance.now() - pending.started) * 10) / 10 : undefined;
      logger.info("request", { requestId, method: request.method, status: response.status, ms, ...pending?.operation });
    },
    onExecute({ args }) {
      const record = done(describe(args.document, args.operationName, args.contextValue), performance.now());
      return { onExecuteDone: ({ result }) => record(result) };
    },
    onSubscribe({ args }) {
      const record = done(describe(args.document, args.operationName, args.contextValue), performance.now());
      return { onSubscribeResult: ({ result }) => record(result) };
    },
  };
}
