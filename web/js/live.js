// @ts-check
/**
 * The app's WebSocket side: one graphql-ws client for every subscription. A server restart
 * closes the socket with 1001; graphql-ws then reconnects (backoff capped at 2 s) and
 * re-subscribes every running subscription, and "live" listeners are told so they can refetch
 * what happened while the socket was down. A missing, expired or revoked token closes it with
 * 4401, which graphql-ws treats as fatal: the user goes back to sign-in at once.
 */
import { createClient } from "../vendor/graphql-ws/client.js";
import { events, session } from "./api.js";

/** Fires "status" (detail: "connecting" | "live" | "reconnecting" | "offline") and "reconnected". */
export const live = new EventTarget();

/** @type {ReturnType<typeof createClient> | null} */
let client = null;
let everConnected = false;
let status = "offline";

/** @param {string} next */
function setStatus(next) {
  if (status === next) return;
  status = next;
  live.dispatchEvent(new CustomEvent("status", { detail: next }));
}

export function liveStatus() {
  return status;
}

function ensureClient() {
  if (client) return client;
  const url = `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/graphql`;
  everConnected = false;
  const c = createClient({
    url,
    lazy: true,
    // Read at each (re)connection, so a new sign-in uses its new token.
    connectionParams: () => ({ authorization: `Bearer ${session.get()?.token ?? ""}` }),
    retryAttempts: Infinity,
    retryWait: (retries) => new Promise((r) => setTimeout(r, Math.min(2000, 250 * 2 ** retries))),
    shouldRetry: () => true,
    keepAlive: 10_000,
    on: {
      connecting: () => setStatus(everConnected ? "reconnecting" : "connecting"),
      connected: () => {
        const again = everConnected;
        everConnected = true;
        setStatus("live");
        if (again) live.dispatchEvent(new Event("reconnected"));
      },
      closed: (event) => {
        const code = /** @type {CloseEvent} */ (event)?.code;
        if (code === 4401 || code === 4403) {
          const reason = /** @type {CloseEvent} */ (event).reason || "INVALID_TOKEN";
          session.clear();
          events.dispatchEvent(new CustomEvent("signedout", { detail: reason }));
          return;
        }
        if (c !== client) return;
        // 1000: graphql-ws closed an idle socket itself (lazy: no subscription left); not an outage.
        if (code === 1000) {
          everConnected = false;
          return setStatus("offline");
        }
        setStatus(everConnected ? "reconnecting" : "connecting");
      },
    },
  });
  client = c;
  return c;
}

/**
 * Subscribes; returns the function that stops it. `next` gets `data`; `error` a message.
 * @param {string} query
 * @param {Record<string, unknown>} variables
 * @param {{ next: (data: any) => void, error?: (message: string) => void, complete?: () => void }} sink
 */
export function subscribe(query, variables, sink) {
  return ensureClient().subscribe(
    { query, variables },
    {
      next: (result) => {
        if (result.errors?.length) {
          const auth = result.errors.find((e) => e.extensions?.code === "UNAUTHENTICATED");
          if (auth) {
            session.clear();
            events.dispatchEvent(new CustomEvent("signedout", { detail: auth.extensions?.reason ?? "INVALID_TOKEN" }));
            return;
          }
          sink.error?.(result.errors[0].message);
          return;
        }
        sink.next(result.data);
      },
      error: (e) => {
        // A 4401 close reaches here too; the signed-out handler already ran.
        const message = Array.isArray(e) ? e[0]?.message : e instanceof Error ? e.message : "The live connection closed";
        sink.error?.(message ?? "The live connection closed");
      },
      complete: () => sink.complete?.(),
    },
  );
}

/** Closes the socket (sign-out): the next subscription opens a new one with the new token. */
export function disconnect() {
  const c = client;
  client = null;
  setStatus("offline");
  void c?.dispose();
}
