import SchemaBuilder from "@pothos/core";
import ErrorsPlugin from "@pothos/plugin-errors";
import ScopeAuthPlugin from "@pothos/plugin-scope-auth";
import PrismaPlugin from "@pothos/plugin-prisma";
import RelayPlugin from "@pothos/plugin-relay";
import type PrismaTypes from "../generated/pothos-types.ts";
import { getDatamodel } from "../generated/pothos-types.ts";
import type { Context } from "../context.ts";
import { db } from "../db/client.ts";
import { unauthenticated } from "./errors.ts";

import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "./pagination.ts";

export const builder = new SchemaBuilder<{
  Context: Context;
  PrismaTypes: PrismaTypes;
  AuthScopes: { viewer: boolean };
  DefaultFieldNullability: false;
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    PartialDate: { Input: string; Output: string };
    File: { Input: File; Output: never };
    ID: { Input: string; Output: string };
  };
}>({
  // Order matters: errors must wrap scope-auth and prisma.
  plugins: [ErrorsPlugin, ScopeAuthPlugin, PrismaPlugin, RelayPlugin],
  defaultFieldNullability: false,
  scopeAuth: {
    authScopes: (ctx) => ({ viewer: ctx.viewer !== null }),
    unauthorizedError: (_parent, ctx) => unauthenticated(ctx.authFailure),
  },
  errors: { defaultTypes: [] },
  relay: {
    clientMutationId: "omit",
    cursorType: "String",
    pageInfoTypeOptions: { description: "Where a page sits in its list (Relay cursor connections specification)" },
    hasNextPageFieldOptions: { description: "True when a next page exists: ask for it with `first` and `after: endCursor`" },
    hasPreviousPageFieldOptions: { description: "True when an earlier page exists: ask for it with `last` and `before: startCursor`" },
    startCursorFieldOptions: { description: "Cursor of the first edge of this page; null when the page is empty" },
    endCursorFieldOptions: { description: "Cursor of the last edge of this page; null when the page is empty" },
    edgesFieldOptions: { description: "The page's items, in the list's order" },
    pageInfoFieldOptions: { description: "Cursors and whether more pages exist" },
    nodeFieldOptions: { description: "The item" },
    cursorFieldOptions: { description: "Opaque position of this item: pass it as `after` or `before`" },
    firstArgOptions: { description: `Page size counted from the start (or from \`after\`): 1..${MAX_PAGE_SIZE}, default ${DEFAULT_PAGE_SIZE}. More than ${MAX_PAGE_SIZE} fails with code PAGE_SIZE_TOO_LARGE` },
    lastArgOptions: { description: `Page size counted from the end (or from \`before\`): 1..${MAX_PAGE_SIZE}. More than ${MAX_PAGE_SIZE} fails with code PAGE_SIZE_TOO_LARGE` },
    afterArgOptions: { description: "Items after this cursor (an edge's `cursor` or `pageInfo.endCursor`)" },
    beforeArgOptions: { description: "Items before this cursor (an edge's `cursor` or `pageInfo.startCursor`)" },
  },
  prisma: {
    client: () => db(),
    dmmf: getDatamodel(),
    exposeDescriptions: false,
    filterConnectionTotalCount: true,
    onUnusedQuery: null,
    defaultConnectionSize: DEFAULT_PAGE_SIZE,
    maxConnectionSize: MAX_PAGE_SIZE,
  },
});

builder.queryType({
  description: "Reads. Every query needs `Authorization: Bearer <token>` (from login); without it the result is an UNAUTHENTICATED error",
});
builder.mutationType({
  description:
    "Writes. Each takes one `input` and returns a union of a Success type (the value in `data`) and the Error types it lists; " +
    "only register and login work without a token",
});
builder.subscriptionType({
  description: "Live updates over graphql-ws (WebSocket, same /graphql path); send the token as connectionParams.Authorization",
});
