import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { GraphQLError } from "graphql";
import { createYoga, useErrorHandler, type Plugin } from "graphql-yoga";
import { renderGraphiQL } from "@graphql-yoga/render-graphiql";
import { EnvelopArmorPlugin } from "@escape.tech/graphql-armor";
import { WebSocketServer } from "ws";
import { useServer } from "graphql-ws/use/ws";
import type { Config } from "./config.ts";
import { createLogger, type Logger } from "./logger.ts";
import { connectDb, db, disconnectDb } from "./db/client.ts";
import { applyMigrations, pendingMigrations } from "./db/migrate.ts";
import { schema } from "./graphql/schema.ts";
import { verifyToken } from "./modules/auth/tokens.ts";
import type { Context, InitialContext } from "./context.ts";
import type { AppServices } from "./services.ts";
import { createFileStorage } from "./ingest/storage.ts";
import { createAiProvider } from "./ai/create-provider.ts";
import { useCSRFPrevention } from "@graphql-yoga/plugin-csrf-prevention";
import { createFetch } from "@whatwg-node/fetch";
import { JobRunner } from "./jobs/runner.ts";
import { LoginGuard } from "./modules/auth/login-guard.ts";
import { SocketSessions } from "./modules/auth/sessions.ts";
import { closeExtractPool } from "./ingest/extract.ts";
import { EXPORT_PATH, exportDocument } from "./modules/document/export.route.ts";
import { publishJob, runEnhancement } from "./modules/enhancement/enhancement.service.ts";

export interface App {
  services: AppServices;
  /** Listens on `port` (0 = any free port) and resolves to the bound port. */
  start(port?: number, host?: string): Promise<number>;
  stop(): Promise<void>;
}

/** Limits applied to every operation over HTTP and WebSocket alike. */
export const LIMITS = { maxDepth: 10, maxCost: 10_000, maxAliases: 15, maxTokens: 3000 } as const;

export async function buildApp(config: Config, opts: { logger?: Logger; leaseMs?: number } = {}): Promise<App> {
  const logger = opts.logger ?? createLogger(config.logLevel);
  // The data folder exists only once something was written there (the dev secret): make sure.
  mkdirSync(config.dataDir, { recursive: true });
  await connectDb(config.databaseUrl);
  const applied = await applyMigrations(db());
  if (applied.length) logger.info("migrations applied", { migrations: applied });

  const services = {
    config,
    logger,
    storage: createFileStorage(config.uploadDir),
    ai: createAiProvider(config, logger),
    loginGuard: new LoginGuard(),
    sessions: new SocketSessions(),
  } as AppServices;
  services.runner = new JobRunner({
    concurrency: config.enhancementConcurrency,
    leaseMs: opts.leaseMs,
    logger,
    handle: (job, signal) => runEnhancement(services, job, signal),
    onStateChange: publishJob,
  });
  const requestIds = new WeakMap<Request, string>();

  const contextFactory = async (init: InitialContext): Promise<Context> => {
    const header =
      init.request?.headers.get("authorization") ??
      tokenFromParams(init.connectionParams) ??
      tokenFromParams((init.params?.extensions as { headers?: Record<string, unknown> } | undefined)?.headers);
    const check = header ? await verifyToken(header, config.jwtSecret) : ({ failure: "MISSING_TOKEN" } as const);
    return {
      requestId: (init.request && requestIds.get(init.request)) ?? randomUUID(),
      viewer: "viewer" in check ? check.viewer : null,
      authFailure: "failure" in check ? check.failure : "MISSING_TOKEN",
      services,
    };
  };

  const started = new WeakMap<Request, number>();
  const requestIdPlugin: Plugin = {
    onRequest({ request }) {
      const given = request.headers.get("x-request-id");
      requestIds.set(request, given && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID());
      started.set(request, performance.now());
    },
    onResponse({ request, response }) {
      const id = requestIds.get(request);
      if (id) response.headers.set("x-request-id", id);
      const ms = Math.round((performance.now() - (started.get(request) ?? performance.now())) * 10) / 10;
      logger.info("request", { requestId: id, method: request.method, status: response.status, ms });
    },
  };

  const yoga = createYoga<Record<string, unknown>, Context>({
    schema,
    context: contextFactory as never,
    graphqlEndpoint: "/graphql",
    landingPage: false,
    renderGraphiQL,
    graphiql: { subscriptionsProtocol: "WS", title: "JobWise GraphQL", defaultQuery: GRAPHIQL_DEFAULT_QUERY },
    // No stack traces or internal messages reach a client, in any environment.
    maskedErrors: { isDev: false },
    cors: config.allowedOrigins.length ? { origin: config.allowedOrigins, credentials: true, maxAge: 600 } : false,
    logging: {
      debug: (...a: unknown[]) => logger.debug(String(a[0]), { args: a.slice(1) }),
      info: (...a: unknown[]) => logger.info(String(a[0])),
      warn: (...a: unknown[]) => logger.warn(String(a[0])),
      error: (...a: unknown[]) => logger.error(String(a[0]), { args: a.slice(1) }),
    },
    // Uploads stop streaming at MAX_UPLOAD_MB (413) and carry one file per request.
    fetchAPI: createFetch({ formDataLimits: { fileSize: config.maxUploadBytes, files: 1, fieldSize: 1_000_000 } }),
    plugins: [
      requestIdPlugin,
      // Multipart and GET requests must carry this header, which a cross-site form cannot set.
      useCSRFPrevention({ requestHeaders: ["x-graphql-yoga-csrf"] }),
      EnvelopArmorPlugin({
        maxDepth: { n: LIMITS.maxDepth },
        costLimit: { maxCost: LIMITS.maxCost },
        maxAliases: { n: LIMITS.maxAliases },
        maxTokens: { n: LIMITS.maxTokens },
        maxDirectives: { n: 20 },
        blockFieldSuggestion: { enabled: config.env !== "development" },
      }) as Plugin,
      useErrorHandler(({ errors, context, phase }) => {
        for (const error of errors) {
          const original = error instanceof GraphQLError ? error.originalError : error;
          if (!original || original instanceof GraphQLError) continue;
          // In the execution phase envelop hands over the execution args, not the context itself.
          const ctx = ((context as { contextValue?: Partial<Context> }).contextValue ?? context) as Partial<Context>;
          logger.error("unexpected error", { requestId: ctx.requestId, phase, error: original });
        }
      }) as Plugin,
    ],
  });

  const server = createServer((req, res) => route(req, res));
  const route = (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? "/").split("?")[0];
    if (path === "/health") return json(res, 200, { status: "ok" });
    if (path === "/ready") return void ready(res);
    const exportMatch = path.match(EXPORT_PATH);
    if (exportMatch) {
      return void exportDocument(services, req, res, decodeURIComponent(exportMatch[1])).catch((e) => {
        logger.error("export failed", { error: e });
        if (!res.headersSent) json(res, 500, { error: { code: "INTERNAL", message: "Unexpected error." } });
      });
    }
    if (path === "/" && req.method === "GET") {
      res.writeHead(302, { location: "/graphql" });
      return res.end();
    }
    return yoga.handle(req, res);
  };

  const ready = async (res: ServerResponse) => {
    try {
      await db().$queryRawUnsafe("SELECT 1");
      const pending = await pendingMigrations(db());
      if (pending.length) return json(res, 503, { status: "not ready", database: "ok", pendingMigrations: pending });
      json(res, 200, { status: "ready", database: "ok", migrations: "applied", provider: services.ai.name });
    } catch (e) {
      logger.error("readiness check failed", { error: e });
      json(res, 503, { status: "not ready", database: "unreachable" });
    }
  };

  const wss = new WebSocketServer({
    server,
    path: yoga.graphqlEndpoint,
    // Browsers send Origin; the server's own pages (GraphiQL) and ALLOWED_ORIGINS may connect.
    verifyClient: ({ origin, req }: { origin?: string; req: IncomingMessage }) => !origin || sameHost(origin, req.headers.host) || config.allowedOrigins.includes(origin),
  });
  const wsServer = useServer(
    {
      execute: (args: any) => args.rootValue.execute(args),
      subscribe: (args: any) => args.rootValue.subscribe(args),
      // A missing or bad token closes the socket with 4403 before any operation runs. The one
      // exception is the server's own GraphiQL page: it cannot put the token in connectionParams
      // and sends it with each operation instead (extensions.headers), checked per operation.
      onConnect: async (ctx) => {
        const token = tokenFromParams(ctx.connectionParams);
        if (!token) return sameHost(ctx.extra.request.headers.origin ?? "", ctx.extra.request.headers.host);
        const check = await verifyToken(token, config.jwtSecret);
        if (!("viewer" in check)) return false;
        services.sessions.register(check.viewer.id, ctx.extra.socket);
        return true;
      },
      onSubscribe: async (ctx, _id, payload) => {
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
    },
    wss,
  );

  /**
   * Loads what the first requests would otherwise load on the event loop while users wait
   * (a CPU profile showed 0.5–0.7 s): Prisma's query compiler and yoga's multipart parser.
   */
  const warmUp = async () => {
    await db().user.count();
    const form = new FormData();
    form.set("operations", JSON.stringify({ query: "{ __typename }", variables: { file: null } }));
    form.set("map", JSON.stringify({ 0: ["variables.file"] }));
    form.set("0", new Blob(["warm-up"]), "warm-up.txt");
    await yoga.fetch("http://localhost/graphql", { method: "POST", headers: { "x-graphql-yoga-csrf": "1" }, body: form });
  };

  let stopped = false;
  return {
    services,
    async start(port = config.port, host = config.host) {
      await new Promise<void>((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => resolve());
      });
      services.runner.start();
      await warmUp();
      return (server.address() as AddressInfo).port;
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      // Running jobs are requeued (they resume after the restart); then subscribers are told we
      // are going away (1001) so clients reconnect, and HTTP drains.
      await services.runner.stop();
      for (const client of wss.clients) client.close(1001, "Server shutting down");
      await wsServer.dispose();
      await new Promise<void>((r) => wss.close(() => r()));
      const closed = new Promise<void>((r) => server.close(() => r()));
      server.closeIdleConnections();
      const timer = setTimeout(() => server.closeAllConnections(), 10_000);
      if (server.listening) await closed;
      clearTimeout(timer);
      await closeExtractPool();
      await disconnectDb();
    },
  };
}

function tokenFromParams(params: Record<string, unknown> | undefined | null): string | null {
  const v = params?.authorization ?? params?.Authorization ?? params?.token;
  return typeof v === "string" ? v : null;
}

function sameHost(origin: string, host: string | undefined): boolean {
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

function json(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  res.end(JSON.stringify(body));
}

const GRAPHIQL_DEFAULT_QUERY = `# Welcome to JobWise. Register, copy the token, then add the header
#   { "Authorization": "Bearer <token>" }
# in the Headers tab below.
mutation Register {
  register(input: { email: "ada@example.com", password: "correct horse battery" }) {
    __typename
    ... on MutationRegisterSuccess { data { token user { id email } } }
    ... on Error { message }
  }
}
`;
