import type { WebSocket } from "ws";
import { pubsub } from "../../pubsub.ts";

/**
 * Open WebSocket connections by the user their token belongs to, so revoking a user's tokens
 * (password change, account deletion) also ends the subscriptions those tokens opened — on every
 * instance: `revoke` publishes on the pubsub, and each instance's `listen` closes its own sockets.
 */
export class SocketSessions {
  private readonly byUser = new Map<string, Set<WebSocket>>();

  register(userId: string, socket: WebSocket): void {
    const set = this.byUser.get(userId) ?? new Set<WebSocket>();
    set.add(socket);
    this.byUser.set(userId, set);
    socket.once("close", () => {
      set.delete(socket);
      if (set.size === 0 && this.byUser.get(userId) === set) this.byUser.delete(userId);
    });
  }

  /** Closes every socket of the user, on every instance, as a connection with a revoked token would be refused. */
  revoke(userId: string): void {
    this.closeLocal(userId);
    pubsub.publish("auth:revoked", { userId });
  }

  /** Follows revocations published by any instance until the returned stop() is called. */
  listen(): { stop(): Promise<void> } {
    const events = pubsub.subscribe("auth:revoked");
    const loop = (async () => {
      for await (const { userId } of events) this.closeLocal(userId);
    })();
    return {
      async stop() {
        await events.return?.();
        await loop;
      },
    };
  }

  /** Closes with 4401 and REVOKED_TOKEN. */
  private closeLocal(userId: string): void {
    for (const socket of this.byUser.get(userId) ?? []) socket.close(4401, "REVOKED_TOKEN");
  }
}
