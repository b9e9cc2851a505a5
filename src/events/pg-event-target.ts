import { randomUUID } from "node:crypto";
import { setMaxListeners } from "node:events";
import pg from "pg";
import type { Logger } from "../logger.ts";
import { decodeDetail, encodeDetail, Reassembler, toPayloads } from "./wire.ts";

/** One channel for every topic: the topic travels in the payload, so subscribing needs no LISTEN. */
export const CHANNEL = "jobwise_events";

/**
 * An EventTarget for graphql-yoga's createPubSub that goes through PostgreSQL LISTEN/NOTIFY, so a
 * subscriber on any instance hears what any instance publishes. Every event, local ones included,
 * makes the round trip through PostgreSQL: all instances see one order, the commit order of the
 * NOTIFYs. Publishing uses one connection, whose queries run one after another, so one instance's
 * events keep the order it published them in; a large event's pieces go out in one statement
 * (one transaction), so they arrive together and in order.
 */
export class PgEventTarget {
  private readonly local = new EventTarget();
  private readonly listening = new Map<string, number>();
  private readonly reassembler = new Reassembler();
  private client: pg.Client | null = null;
  private closed = false;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private publishing: Promise<unknown> = Promise.resolve();

  constructor(private readonly url: string, private readonly logger: Logger) {
    // Hundreds of progress subscribers on one job are normal: lift Node's leak warning.
    setMaxListeners(0, this.local);
  }

  async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url, application_name: "jobwise-events" });
    client.on("notification", (m) => m.channel === CHANNEL && m.payload !== undefined && this.receive(m.payload));
    client.on("error", (error) => this.lost(client, error));
    client.on("end", () => this.lost(client, new Error("connection ended")));
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    this.client = client;
  }

  addEventListener(topic: string, listener: EventListenerOrEventListenerObject | null): void {
    this.local.addEventListener(topic, listener);
    this.listening.set(topic, (this.listening.get(topic) ?? 0) + 1);
  }

  removeEventListener(topic: string, listener: EventListenerOrEventListenerObject | null): void {
    this.local.removeEventListener(topic, listener);
    const n = (this.listening.get(topic) ?? 1) - 1;
    if (n > 0) this.listening.set(topic, n);
    else this.listening.delete(topic);
  }

  dispatchEvent(event: Event): boolean {
    const payloads = toPayloads(event.type, encodeDetail((event as CustomEvent).detail), randomUUID());
    const client = this.client;
    if (!client) {
      this.logger.error("event not published: no connection to PostgreSQL", { topic: event.type });
      return false;
    }
    const sql = `SELECT ${payloads.map((_, i) => `pg_notify('${CHANNEL}', $${i + 1})`).join(", ")}`;
    // Chained, not just queued in pg: one query at a time on the connection, in publish order.
    this.publishing = this.publishing.then(() => client.query(sql, payloads)).catch((error) => this.logger.error("event not published", { topic: event.type, error }));
    return true;
  }

  /** Waits for what was published so far to reach PostgreSQL (graceful stop). */
  async flush(): Promise<void> {
    await this.publishing;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    await this.flush();
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => {});
  }

  private receive(payload: string) {
    const event = this.reassembler.accept(payload);
    // Every instance hears every event: parse only those someone here listens to.
    if (!event || !this.listening.has(event.topic)) return;
    let detail: unknown;
    try {
      detail = decodeDetail(event.json);
    } catch (error) {
      return this.logger.error("unreadable event", { topic: event.topic, error });
    }
    this.local.dispatchEvent(new CustomEvent(event.topic, { detail }));
  }

  /** A dropped connection is reopened; events published while it was down are not received. */
  private lost(client: pg.Client, error: Error) {
    if (this.closed || this.client !== client) return;
    this.client = null;
    this.logger.error("event connection to PostgreSQL lost; reconnecting", { error: error.message });
    client.end().catch(() => {});
    const retry = (delay: number) => {
      this.reconnectTimer = setTimeout(() => {
        if (this.closed) return;
        this.connect().then(
          () => this.logger.info("event connection to PostgreSQL restored"),
          () => retry(Math.min(delay * 2, 5000)),
        );
      }, delay);
      this.reconnectTimer.unref();
    };
    retry(100);
  }
}
