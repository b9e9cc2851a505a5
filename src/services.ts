import type { Config } from "./config.ts";
import type { Logger } from "./logger.ts";

/**
 * Long-lived collaborators built once by buildApp and handed to resolvers through the context.
 * Later modules (AI provider, storage, job runner, pubsub) add themselves here.
 */
export interface AppServices {
  config: Config;
  logger: Logger;
}
