import { createHash, randomUUID, timingSafeEqual } from "node:crypto";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { mkdirSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { GraphQLError, type ValidationContext } from "graphql";
import { createYoga, useErrorHandler, type Plugin } from "graphql-yoga";
import { renderGraphiQL } from "@graphql-yoga/render-graphiql";
import { EnvelopArmorPlugin } from "@escape.tech/graphql-armor";
import type { Config } from "./config.ts";
import { createLogger, type Logger } from "./logger.ts";
import { connectDb, db, dialectOf, disconnectDb } from "./db/client.ts";
import { applyMigrations, pendingMigrations } from "./db/migrate.ts";
import { schema } from "./graphql/schema.ts";
import { verifyToken } from "./modules/auth/tokens.ts";
import { viewerCache } from "./modules/auth/viewer-cache.ts";
import { checkVariables, useRequestGuards, variablesError } from "./graphql/request-guards.ts";
import { clientIp, createRouter, sendJson } from "./http/router.ts";
import { attachWebSocket, tokenFromParams } from "./http/websocket.ts";
import { createGraphiQLHandler, wantsGraphiQL } from "./http/graphiql.ts";
import { createStaticHandler } from "./http/static.ts";
import { createMultipartParser } from "./http/multipart.ts";
import { createMetrics, useRequestLog } from "./observability.ts";
import type { Context, InitialContext } from "./context.ts";
import type { AppServices } from "./services.ts";
import { createFileStorage } from "./ingest/storage.ts";
import { createDbFileStorage } from "./ingest/db-storage.ts";
import { downloadSample, SAMPLE_FILE_PATH } from "./modules/sample/sample-file.route.ts";
import { createAiProvider } from "./ai/create-provider.ts";
import { useCSRFPrevention } from "@graphql-yoga/plugin-csrf-prevention";
import { usePersistedQueries } from "./graphql/persisted-queries.ts";
import { useViewerResponseCache } from "./graphql/response-cache.ts";
import { useSharedSubscriptionExecution } from "./graphql/shared-subscription.ts";
import { createFetch } from "@whatwg-node/fetch";
import { JobRunner } from "./jobs/runner.ts";
import { createTranscriber } from "./ai/transcribe.ts";
import { indexOnWrite } from "./modules/advisor/index.store.ts";
import { interruptStale as interruptStaleReplies, stopAll as stopAdvisorReplies } from "./modules/advisor/replies.ts";
import { RateLimits } from "./modules/auth/rate-limits.ts";
import { SocketSessions } from "./modules/auth/sessions.ts";
import { startEventTransport } from "./events/transport.ts";
import { closeExtractPool, configureExtraction } from "./ingest/extract.ts";
import { closeCpuPool, warmCpuPool } from "./workers/cpu-pool.ts";
import { EXPORT_PATH, exportDocument } from "./modules/document/export.route.ts";
import { runEnhancement } from "./modules/enhancement/enhancement.service.ts";
import { enhancementKind } from "./modules/enhancement/enhancement-job.store.ts";
import { systemClock, type Clock } from "./jobs/runner.ts";
import { clock as appClock, setClock } from "./clock.ts";
import { configureDelivery } from "./modules/notification/notification.store.ts";
import { createSmtpMailer, emailKind, smtpProbe, type Mailer } from "./modules/notification/email.ts";
import { ensureRecurring, reminderKinds } from "./modules/notification/reminders.ts";
import { UNSUBSCRIBE_PATH, unsubscribeRoute } from "./modules/notification/unsubscribe.ts";

export interface App {
  services: AppServices;
  /** Listens on `port` (0 = any free port) and resolves to the bound port. */
  start(port?: number, host?: string): Promise<number>;
  stop(): Promise<void>;
}

/** Compares secrets in constant time (their hashes have equal length whatever was sent). */
function sameSecret(given: string, expected: string): boolean {
  const digest = (s: string) => createHash("sha256").update(s).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** The web app (web/, plain ES modules) and the browser build of graphql-ws it imports, as installed. */
const WEB_APP = {
  root: fileURLToPath(new URL("../web", import.meta.url)),
  mounts: { "vendor/graphql-ws": dirname(createRequire(import.meta.url).resolve("graphql-ws/client")) },
};

/** Limits applied to every operation over HTTP and WebSocket alike. */
export const LIMITS = { maxDepth: 10, maxCost: 10_000, maxAliases: 15, maxTokens: 3000, maxDirectives: 20 } as const;

/**
 * Armor's rejections read "Syntax Error: Query Cost limit of 10000 exceeded, found 14020." with no
 * code, so a client cannot tell a limit from a typo. Each rule reports its own error instead: the
 * message names the limit and what was found, `extensions.code` says which limit. Validation rules
 * get the validation context (the error joins the other validation errors); the token counter
 * runs in the parser and has none, so it throws, as a parse error would.
 */
function rejectWith(code: string): { propagateOnRejection: false; onReject: ((ctx: ValidationContext | null, error: GraphQLError) => void)[] } {
  return {
    propagateOnRejection: false,
    onReject: [
      (ctx, error) => {
        const coded = new GraphQLError(error.message.replace(/^Syntax Error: /, ""), { extensions: { code } });
        if (ctx) ctx.reportError(coded);
        else throw coded;
      },
    ],
  };
}

export async function buildApp(config: Config, opts: { logger?: Logger; leaseMs?: number; clock?: Clock; mailer?: Mailer } = {}): Promise<App> {
  const logger = opts.logger ?? createLogger(config.logLevel, {}, undefined, { format: config.logFormat });
  // The data folder exists only once something was written there (the dev secret): make sure.
  mkdirSync(config.dataDir, { recursive: true });
  configureExtraction({ maxInflateBytes: config.limits.maxInflateBytes });
  await connectDb(config.databaseUrl);
  viewerCache.clear(); // users of a previous database (a test restarting the app) are not this one's
  const applied = await applyMigrations(db());
  if (applied.length) logger.info("migrations applied", { migrations: applied });
  const events = await startEventTransport(config.databaseUrl, logger);
  const interrupted = await interruptStaleReplies();
  if (interrupted) logger.warn("advisor replies interrupted by a restart", { count: interrupted });

  const services = {
    config,
    logger,
    storage: config.fileStore === "database" ? createDbFileStorage(config.maxUploadBytes) : createFileStorage(config.uploadDir),
    ai: createAiProvider(config, logger),
    transcriber: createTranscriber(config),
    rateLimits: new RateLimits(config.rateLimits, dialectOf(config.databaseUrl) === "postgres" ? config.databaseUrl : null),
    sessions: new SocketSessions(),
  } as AppServices;
  const revocations = services.sessions.listen();
  setClock(opts.clock ?? systemClock);
  const clock = appClock();
  const mailer = opts.mailer ?? (config.smtp ? createSmtpMailer(config.smtp.url, config.smtp.from) : null);
  configureDelivery({ email: Boolean(mailer) });
  const probeSmtp = mailer ? smtpProbe(mailer) : null;
  services.runner = new JobRunner({
    leaseMs: opts.leaseMs ?? config.jobLeaseMs,
    logger,
    kinds: [
      enhancementKind(config.enhancementConcurrency, (job, signal) => runEnhancement(services, job, signal)),
      ...reminderKinds({ clock, scanEveryMs: config.reminderScanMs }),
      ...(mailer
        ? [emailKind({ mailer, clock, logger, publicUrl: config.publicUrl, secret: config.jwtSecret, retryBaseMs: config.smtp?.retryBaseMs ?? 30_000 })]
        : []),
    ],
  });
  await ensureRecurring(clock.now());
  const stopIndexing = indexOnWrite((e) => logger.warn("advisor index sync failed", { error: e instanceof Error ? e.message : String(e) }));
  const requestIds = new WeakMap<Request, string>();
  const metrics = createMetrics();

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
      clientIp: clientIp((init as { req?: IncomingMessage }).req, config.trustProxy),
      services,
    };
  };

  const variableLimits: Plugin = {
    onParams({ params, setResult }) {
      const tooLarge = checkVariables(params.variables, config.limits);
      if (tooLarge) setResult({ errors: [variablesError(tooLarge)] });
    },
  };

  // The same limits for the worker's parser and yoga's own (which still takes the rest, e.g. a form without the CSRF header, to refuse it).
  const FORM_LIMITS = { fileSize: config.maxUploadBytes, files: 1, fieldSize: 1_000_000, fields: 4, parts: 5 };
  const multipart = createMultipartParser(FORM_LIMITS, { endpoint: "/graphql", csrfHeader: "x-graphql-yoga-csrf" });
  const maxMultipartBytes = config.maxUploadBytes + 2 * 1024 * 1024;
  const yoga = createYoga<Record<string, unknown>, Context>({
    schema,
    context: contextFactory as never,
    graphqlEndpoint: "/graphql",
    landingPage: false,
    renderGraphiQL,
    graphiql: config.graphiql ? GRAPHIQL_OPTIONS : false,
    // No stack traces or internal messages reach a client, in any environment.
    maskedErrors: { isDev: false },
    cors: config.allowedOrigins.length ? { origin: config.allowedOrigins, credentials: true, maxAge: 600 } : false,
    logging: {
      debug: (...a: unknown[]) => logger.debug(String(a[0]), { args: a.slice(1) }),
      info: (...a: unknown[]) => logger.info(String(a[0])),
      warn: (...a: unknown[]) => logger.warn(String(a[0])),
      error: (...a: unknown[]) => logger.error(String(a[0]), { args: a.slice(1) }),
    },
    // The router refuses an oversized body from its Content-Length before a byte is read, and a JSON
    // body without one (411); yoga's own byte counter would pipe every body through a
    // TransformStream again (a CPU profile put it at a third of an anonymous request's cost).
    // A multipart body sent without Content-Length is bounded by the form limits below instead:
    // one file of at most MAX_UPLOAD_MB, and the `operations` and `map` fields of at most 1 MB each.
    maxRequestBodySize: false,
    fetchAPI: createFetch({ formDataLimits: FORM_LIMITS }),
    plugins: [
      // Multipart bodies the router parsed in the worker: their params, file variables in shared memory.
      multipart.plugin(),
      useRequestLog(logger, metrics, requestIds),
      variableLimits,
      useRequestGuards(schema, { introspection: config.introspection }),
      usePersistedQueries(),
      useCsrfExceptGet(),
      EnvelopArmorPlugin({
        maxDepth: { n: LIMITS.maxDepth, ...rejectWith("QUERY_TOO_DEEP") },
        costLimit: { maxCost: LIMITS.maxCost, ...rejectWith("QUERY_TOO_COMPLEX") },
        maxAliases: { n: LIMITS.maxAliases, ...rejectWith("TOO_MANY_ALIASES") },
        maxTokens: { n: LIMITS.maxTokens, ...rejectWith("TOO_MANY_TOKENS") },
        maxDirectives: { n: LIMITS.maxDirectives, ...rejectWith("TOO_MANY_DIRECTIVES") },
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
      // A subscription event is executed once per (document, variables, viewer), not per subscriber.
      useSharedSubscriptionExecution((ctx) => (ctx as Partial<Context>).viewer?.id ?? "anonymous"),
      // Last, so every guard above has run (and may refuse) before an answer comes from the cache.
      ...useViewerResponseCache({ ttlMs: 5 * 60_000, maxEntries: 2000 }),
    ],
  });

  const webApp = createStaticHandler(WEB_APP, "/app");
  const graphiqlPage = config.graphiql ? createGraphiQLHandler(() => renderGraphiQL(GRAPHIQL_OPTIONS)) : null;
  const route = createRouter({
    logger,
    maxBodyBytes: config.limits.maxBodyBytes,
    maxMultipartBytes,
    health: (_req, res) => sendJson(res, 200, { status: "ok" }),
    ready: (_req, res) => ready(res),
    routes: [
      { pattern: EXPORT_PATH, handle: (req, res, id) => exportDocument(services, req, res, id) },
      { pattern: UNSUBSCRIBE_PATH, handle: unsubscribeRoute(config.jwtSecret) },
      { pattern: SAMPLE_FILE_PATH, handle: (req, res, which) => downloadSample(services, req, res, which) },
      { pattern: /^\/app(|\/.*)$/, handle: webApp },
      {
        pattern: /^\/metrics()$/,
        handle: async (req, res) => {
          if (config.metricsToken && !sameSecret(req.headers.authorization ?? "", `Bearer ${config.metricsToken}`)) {
            return sendJson(res, 401, { error: { code: "UNAUTHENTICATED", message: "Send Authorization: Bearer <METRICS_TOKEN>" } });
          }
          res.writeHead(200, { "content-type": metrics.registry.contentType, "cache-control": "no-store" });
          res.end(await metrics.registry.metrics());
        },
      },
    ],
    graphql: async (req, res) => {
      if (graphiqlPage && wantsGraphiQL(req, "/graphql")) return graphiqlPage(req, res);
      // An upload's body is parsed in a worker before yoga runs; yoga gets its params (multipart.plugin()).
      if (multipart.takes(req)) await multipart.parse(req, maxMultipartBytes);
      return yoga.handle(req, res);
    },
  });
  const server = createServer(route);
  // Malformed HTTP (bad request line, oversized headers) is answered 400, never thrown.
  server.on("clientError", (error, socket) => {
    logger.debug("malformed HTTP request", { error: error.message });
    if (socket.writable) socket.end("HTTP/1.1 400 Bad Request\r\nconnection: close\r\ncontent-length: 0\r\n\r\n");
    else socket.destroy();
  });

  const ready = async (res: ServerResponse) => {
    try {
      await db().$queryRawUnsafe("SELECT 1");
      const pending = await pendingMigrations(db());
      if (pending.length) return sendJson(res, 503, { status: "not ready", database: "ok", pendingMigrations: pending });
      // An unreachable mail server does not stop the API (emails wait and are retried), so the
      // instance stays ready and says so: smtp.status "unreachable" with the reason and the backlog.
      const smtp = probeSmtp
        ? { ...(await probeSmtp()), pendingEmails: await db().task.count({ where: { kind: "email", status: { in: ["QUEUED", "RUNNING"] } } }) }
        : { status: "not configured" };
      sendJson(res, 200, { status: "ready", database: "ok", migrations: "applied", events: events.kind, provider: services.ai.name, smtp });
    } catch (e) {
      logger.error("readiness check failed", { error: e });
      sendJson(res, 503, { status: "not ready", database: "unreachable" });
    }
  };

  const websocket = attachWebSocket(server, yoga, services, logger);
  metrics.watchConnections(websocket.connections);
  const unwatchDomain = metrics.watchDomain(async () =>
    (await db().enhancementJob.groupBy({ by: ["status"], _count: { _all: true } })).map((r) => ({ status: r.status, count: r._count._all })),
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
      // The first CPU task would otherwise boot its worker (~1.5 s) while a user waits.
      warmCpuPool();
      await warmUp();
      return (server.address() as AddressInfo).port;
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      unwatchDomain();
      stopIndexing();
      // Running jobs are requeued (they resume after the restart); then subscribers are told we
      // are going away (1001) so clients reconnect, and HTTP drains.
      await services.runner.stop();
      await stopAdvisorReplies();
      await websocket.close();
      const closed = new Promise<void>((r) => server.close(() => r()));
      server.closeIdleConnections();
      const timer = setTimeout(() => server.closeAllConnections(), 10_000);
      if (server.listening) await closed;
      clearTimeout(timer);
      await closeExtractPool();
      await multipart.close();
      await closeCpuPool();
      await revocations.stop();
      await events.stop();
      await services.rateLimits.close();
      await disconnectDb();
    },
  };
}

/**
 * CSRF: a request a cross-site page can send without a CORS preflight (a form post: multipart,
 * url-encoded or text/plain) must carry `x-graphql-yoga-csrf`, which such a page cannot set. GET
 * needs no header, so urql's and Apollo's GET queries work: yoga runs only queries over GET (a
 * mutation gets 405), a cross-site GET cannot attach the bearer token (it is a header, not a
 * cookie) and so reads nothing private, and CORS keeps the answer from the page anyway.
 */
function useCsrfExceptGet(): Plugin {
  const { onRequestParse } = useCSRFPrevention({ requestHeaders: ["x-graphql-yoga-csrf"] });
  return {
    onRequestParse(payload) {
      if (payload.request.method === "GET") return;
      return onRequestParse?.(payload as never);
    },
  };
}

const GRAPHIQL_DEFAULT_QUERY = `# Welcome to JobWise. Register, sign in, copy the token, then add the header
#   { "Authorization": "Bearer <token>" }
# in the Headers tab below.
mutation Register {
  register(input: { email: "ada@example.com", password: "correct horse battery" }) {
    __typename
    ... on MutationRegisterSuccess { data { email message } }
    ... on Error { message }
  }
}

mutation Login {
  login(input: { email: "ada@example.com", password: "correct horse battery" }) {
    __typename
    ... on MutationLoginSuccess { data { token user { id email } } }
    ... on Error { message }
  }
}
`;

const GRAPHIQL_OPTIONS = { subscriptionsProtocol: "WS" as const, title: "JobWise GraphQL", defaultQuery: GRAPHIQL_DEFAULT_QUERY };
