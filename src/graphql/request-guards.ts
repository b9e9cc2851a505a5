import {
  GraphQLError,
  Kind,
  NoSchemaIntrospectionCustomRule,
  getOperationAST,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
  type SelectionSetNode,
} from "graphql";
import type { Plugin } from "graphql-yoga";
import { unauthenticated } from "./errors.ts";
import type { Context } from "../context.ts";
import type { Config } from "../config.ts";
import { wellFormed } from "../core/safe-text.ts";

/** MAX_VARIABLE_VALUES (every value counts: object keys, array items, scalars) and MAX_VARIABLE_DEPTH. */
export type VariableLimits = Pick<Config["limits"], "maxVariableValues" | "maxVariableDepth">;

/**
 * Checks request variables before anything else reads them: how many values and how deep, in one
 * iterative pass (no recursion to overflow). Strings holding a lone UTF-16 surrogate (which JSON
 * allows as `\ud800` but no UTF-8 store can hold) get U+FFFD, as invalid UTF-8 bytes in the body
 * already do. Returns a short message naming the limit, or null when the variables are fine.
 */
export function checkVariables(variables: unknown, limits: VariableLimits): string | null {
  if (variables === null || variables === undefined) return null;
  if (typeof variables !== "object" || Array.isArray(variables)) return "Variables must be a JSON object";
  let values = 0;
  const stack: { value: Record<string, unknown> | unknown[]; depth: number }[] = [{ value: variables as Record<string, unknown>, depth: 1 }];
  while (stack.length) {
    const { value, depth } = stack.pop()!;
    if (depth > limits.maxVariableDepth) return `Variables are nested deeper than ${limits.maxVariableDepth} levels`;
    const keys = Array.isArray(value) ? null : Object.keys(value);
    const count = keys ? keys.length : (value as unknown[]).length;
    values += count;
    if (values > limits.maxVariableValues) return `Variables hold more than ${limits.maxVariableValues} values`;
    for (let i = 0; i < count; i++) {
      const key = keys ? keys[i] : i;
      const child = (value as Record<string | number, unknown>)[key];
      if (typeof child === "string") {
        const fixed = wellFormed(child);
        if (fixed !== child) (value as Record<string | number, unknown>)[key] = fixed;
      } else if (isPlainData(child)) {
        stack.push({ value: child as Record<string, unknown>, depth: depth + 1 });
      }
    }
  }
  return null;
}

/** JSON arrays and objects; uploaded files (Blobs with byte buffers) are not variables' data. */
function isPlainData(value: unknown): value is Record<string, unknown> | unknown[] {
  if (value === null || typeof value !== "object") return false;
  if (Array.isArray(value)) return true;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

export function variablesError(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "VARIABLES_TOO_LARGE", http: { status: 400 } } });
}

/** Root fields anyone may call: those with no auth scope in the schema (login, register). */
export function publicRootFields(schema: GraphQLSchema): Set<string> {
  const open = new Set(["__typename", "__schema", "__type"]);
  for (const type of [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]) {
    for (const field of Object.values(type?.getFields() ?? {})) {
      const options = (field.extensions as { pothosOptions?: { authScopes?: unknown } } | undefined)?.pothosOptions;
      if (!options?.authScopes) open.add(field.name);
    }
  }
  return open;
}

/** The root field names an operation selects, through fragments, or null if it names none it can run. */
function rootFields(document: DocumentNode, operationName: string | null | undefined): string[] {
  const operation = getOperationAST(document, operationName);
  if (!operation) return [];
  const fragments = new Map(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d.selectionSet] as const] : [])));
  const names: string[] = [];
  const seen = new Set<string>();
  const pending: SelectionSetNode[] = [operation.selectionSet];
  while (pending.length) {
    for (const selection of pending.pop()!.selections) {
      if (selection.kind === Kind.FIELD) names.push(selection.name.value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) pending.push(selection.selectionSet);
      else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment) pending.push(fragment);
      }
    }
  }
  return names;
}

const MAX_ERRORS = 20;
const MAX_MESSAGE = 300;

/** Caps how many errors a result carries and how long each message is: no error echoes a large input back. */
export function boundErrors<T extends ExecutionResult>(result: T): T {
  const errors = result.errors;
  if (!errors?.length) return result;
  if (errors.length <= MAX_ERRORS && errors.every((e) => e.message.length <= MAX_MESSAGE)) return result;
  const bounded = errors.slice(0, MAX_ERRORS).map((e) =>
    e.message.length <= MAX_MESSAGE
      ? e
      : new GraphQLError(`${e.message.slice(0, MAX_MESSAGE)}…`, { nodes: e.nodes, path: e.path, extensions: e.extensions, originalError: e.originalError ?? undefined }),
  );
  if (errors.length > MAX_ERRORS) bounded.push(new GraphQLError(`…and ${errors.length - MAX_ERRORS} more errors`));
  return { ...result, errors: bounded };
}

/**
 * Guards every operation over HTTP and WebSocket alike (both run envelop's hooks):
 * - an operation that selects anything but public root fields needs a valid token, checked before
 *   variables are coerced, so an anonymous client cannot make the server walk a costly input;
 * - introspection can be switched off (production default);
 * - errors are bounded in number and size.
 */
export function useRequestGuards(schema: GraphQLSchema, opts: { introspection: boolean }): Plugin<Context> {
  const open = publicRootFields(schema);
  const gate = (document: DocumentNode, operationName: string | null | undefined, ctx: Context): GraphQLError | null =>
    ctx.viewer || rootFields(document, operationName).every((f) => open.has(f)) ? null : unauthenticated(ctx.authFailure);
  return {
    onValidate({ addValidationRule }) {
      if (!opts.introspection) addValidationRule(NoSchemaIntrospectionCustomRule);
    },
    onExecute({ args, setResultAndStopExecution }) {
      const denied = gate(args.document, args.operationName, args.contextValue as Context);
      if (denied) return setResultAndStopExecution({ data: null, errors: [denied] });
      return { onExecuteDone: ({ result, setResult }) => void (!isAsyncIterable(result) && setResult(boundErrors(result))) };
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      const denied = gate(args.document, args.operationName, args.contextValue as Context);
      if (denied) setResultAndStopExecution({ errors: [denied] });
    },
  };
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === "object" && value !== null && Symbol.asyncIterator in value;
}
