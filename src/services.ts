import type { Config } from "./config.ts";
import type { Logger } from "./logger.ts";
import type { FileStorage } from "./ingest/storage.ts";
import type { AiProvider } from "./ai/provider.ts";
import type { JobRunner } from "./jobs/runner.ts";
import type { RateLimits } from "./modules/auth/rate-limits.ts";
import type { SocketSessions } from "./modules/auth/sessions.ts";
import type { Transcriber } from "./ai/transcribe.ts";

/**
 * Long-lived collaborators built once by buildApp and handed to resolvers through the context.
 * Everything that talks to the outside world sits behind one of these interfaces.
 */
export interface AppServices {
  config: Config;
  logger: Logger;
  storage: FileStorage;
  ai: AiProvider;
  runner: JobRunner;
  rateLimits: RateLimits;
  sessions: SocketSessions;
  /** Speech to text for voice questions; null without a provider key. */
  transcriber: Transcriber | null;
}
