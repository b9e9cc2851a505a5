import { loadConfig, ConfigError } from "./config.ts";
import { createLogger } from "./logger.ts";
import { buildApp } from "./app.ts";

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(78); // EX_CONFIG
    }
    throw e;
  }
  const logger = createLogger(config.logLevel, {}, undefined, { format: config.logFormat });
  // Every request path catches its own errors; these are the last line, so that a bug no test
  // found is logged with its stack instead of taking every user's session down with it.
  process.on("uncaughtException", (error) => logger.error("uncaught exception", { error }));
  process.on("unhandledRejection", (error) => logger.error("unhandled rejection", { error }));
  const app = await buildApp(config, { logger });
  const port = await app.start();
  logger.info("JobWise listening", { url: `http://localhost:${port}/graphql`, env: config.env, provider: config.groq ? "groq" : "builtin" });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info("shutting down", { signal });
    await app.stop();
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

main().catch((e) => {
  console.error(JSON.stringify({ level: "error", msg: "failed to start", error: { message: e?.message, stack: e?.stack } }));
  process.exit(1);
});
