import type { Config } from "../config.ts";
import type { Logger } from "../logger.ts";
import type { AiProvider } from "./provider.ts";
import { createBuiltinProvider } from "./builtin.ts";
import { createGroqProvider } from "./groq-provider.ts";

/** Groq when a key is configured, else the builtin engine; decided once, at start. */
export function createAiProvider(config: Config, logger: Logger): AiProvider {
  if (!config.groq) return createBuiltinProvider();
  return createGroqProvider(config, logger);
}
