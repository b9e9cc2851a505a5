import { dialectOf } from "../db/client.ts";
import type { Logger } from "../logger.ts";
import { setEventTarget } from "../pubsub.ts";
import { PgEventTarget } from "./pg-event-target.ts";

export interface EventTransport {
  readonly kind: "in-process" | "postgres";
  stop(): Promise<void>;
}

/**
 * Picks how pubsub events travel: in-process for SQLite (one process), PostgreSQL LISTEN/NOTIFY
 * when DATABASE_URL is PostgreSQL, so every instance's subscribers hear every instance's events.
 */
export async function startEventTransport(databaseUrl: string, logger: Logger): Promise<EventTransport> {
  if (dialectOf(databaseUrl) !== "postgres") return { kind: "in-process", stop: async () => {} };
  const target = new PgEventTarget(databaseUrl, logger);
  await target.connect();
  setEventTarget(target);
  return {
    kind: "postgres",
    async stop() {
      await target.close();
      setEventTarget(null);
    },
  };
}
