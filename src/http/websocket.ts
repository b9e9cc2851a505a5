import type { IncomingMessage, Server } from "node:http";
import { GraphQLError } from "graphql";
import type { YogaServerInstance } from "graphql-yoga";
import { WebSocketServer } from "ws";
import { useServer } from "graphql-ws/use/ws";
import type { Context } from "../context.ts";
import type { Logger } from "../logger.ts";
import type { AppServices } from "../services.ts";
import { verifyToken } from "../modules/auth/tokens.ts";
import { checkVariables, variablesError } from "../graphql/request-guards.ts";

/**
 * graphql-ws on the HTTP server's GraphQL path. Every operation is built through yoga's envelop,
 * so HTTP and WebSocket share plugins (limits, guards) and the context factory. A frame larger
 * than the JSON body limit closes the socket (1009) before it is parsed, and no error in a
 * handler can escape to the process.
 */
export function attachWebSocket(server: Server, yoga: YogaServerInstance<Record<string, unknown>, Context>, services: AppServices, logger: Logger) {
  const { config } = services;
  const wss = new WebSocketServer({
    server,
    path: yoga.graphqlEndpoint,
    maxPayload: config.limits.maxBodyBytes,
    // Browsers send Origin; the server's own pages (GraphiQL) and ALLOWED_ORIGINS may connect.
    verifyClient: ({ origin, req }: { origin?: string; req: IncomingMessage }) => !origin || sameHost(origin, req.headers.host) || config.allowedOrigins.includes(origin),
  });
  wss.on("error", (error) => logger.error("websocket server error", { error }));
  wss.on("connection", (socket) => socket.on("error", (error) => logger.warn("websocket client error", { error: error.message })));

  const dispose = useServer<Record<string, unknown>, { request: IncomingMessage; socket: import("ws").WebSocket }>(
    {
      execute: (args: any) => args.rootValue.execute(args),
      subscribe: (args: any) => args.rootValue.subscribe(args),
      // A missing or bad token closes the socket with 4401 (Unauthorized, which graphql-ws
      // clients treat as fatal instead of retrying) and the reason, before any operation runs.
      // The one exception is the server's own GraphiQL page: it cannot put the token in
      // connectionParams and sends it with each operation instead (extensions.headers).
      onConnect: async (ctx) => {
        const token = tokenFromParams(ctx.connectionParams);
        if (!token) {
          if (sameHost(ctx.extra.request.headers.origin ?? "", ctx.extra.request.headers.host)) return true;
          return unauthorized(ctx.extra.socket, "MISSING_TOKEN");
        }
        const check = await verifyToken(token, config.jwtSecret);
        if (!("viewer" in check)) return unauthorized(ctx.extra.socket, check.failure);
        services.sessions.register(check.viewer.id, ctx.extra.socket);
        return true;
      },
      onSubscribe: async (ctx, _id, payload) => {
        if (typeof payload.query !== "string") return [new GraphQLError("Send the operation as a string in `query`")];
        const tooLarge = checkVariables(payload.variables, config.limits);
        if (tooLarge) return [variablesError(tooLarge)];
        const { schema, execute, subscribe, contextFactory: makeContext, parse, validate } = yoga.getEnveloped({
          ...ctx,
          req: ctx.extra.request,
          socket: ctx.extra.socket,
          params: payload,
          connectionParams: ctx.connectionParams,
        });
        let document;
        try {
          document = parse(payload.query);
        } catch (e) {
          return [e instanceof GraphQLError ? e : new GraphQLError("Syntax error")];
        }
        const args = {
          schema,
          operationName: payload.operationName,
          document,
          variableValues: payload.variables,
          contextValue: await makeContext(),
          rootValue: { execute, subscribe },
        };
        // Armor's limits throw from validate() instead of returning errors.
        try {
          const errors = validate(args.schema, args.document);
          if (errors.length) return errors;
        } catch (e) {
          return [e instanceof GraphQLError ? e : new GraphQLError("Invalid operation")];
        }
        return args;
      },
      onError: (_ctx, _id, _payload, errors) => {
        for (const error of errors) if (error.originalError) logger.error("websocket operation failed", { error: error.originalError });
      },
    },
    wss,
  );

  return {
    /** Open sockets, for the websocket_connections gauge. */
    connections: () => wss.clients.size,
    /** Tells subscribers we are going away (1001) so clients reconnect, then closes the server. */
    async close() {
      for (const client of wss.clients) client.close(1001, "Server shutting down");
      await dispose.dispose();
      await new Promise<void>((r) => wss.close(() => r()));
    },
  };
}

/** Closes with 4401 and the reason (e.g. EXPIRED_TOKEN); graphql-ws's own 4403 then finds the socket closing. */
function unauthorized(socket: import("ws").WebSocket, reason: string): false {
  socket.close(4401, reason);
  return false;
}

export function tokenFromParams(params: Record<string, unknown> | undefined | null): string | null {
  const v = params?.authorization ?? params?.Authorization ?? params?.token;
  return typeof v === "string" ? v : null;
}

export function sameHost(origin: string, host: string | undefined): boolean {
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
