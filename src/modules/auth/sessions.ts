import type { WebSocket } from "ws";

/**
 * Open WebSocket connections by the user their token belongs to, so revoking a user's tokens
 * (password change, account deletion) also ends the subscriptions those tokens opened.
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

  /** Closes every socket of the user with 4401, as a connection with a revoked token would be refused. */
  revoke(userId: string): void {
    for (const socket of this.byUser.get(userId) ?? []) socket.close(4401, "REVOKED_TOKEN");
  }
}
