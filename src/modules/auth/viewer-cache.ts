import { pubsub } from "../../pubsub.ts";

/** What a token check needs to know about its user: who, and which token version is current. */
export interface CachedViewer {
  id: string;
  email: string;
  tokenVersion: number;
}

const MAX_ENTRIES = 10_000;
/** A backstop only: revocations remove an entry at once (see revokeViewer). */
const TTL_MS = 60_000;

/**
 * The users signed-in requests belong to, so that a request with a valid token costs no database
 * read (one Prisma findUnique was ≈ 0.5 ms, more than the rest of `{ me { id } }`). An entry goes
 * the moment its user's tokens are revoked (password change, account deletion): `revokeViewer`
 * drops it here, and every instance drops it on the `auth:revoked` event that the same revocation
 * publishes (SocketSessions.revoke; LISTEN/NOTIFY carries it across instances in PostgreSQL mode); a read that raced the revocation is not
 * stored (`revocations` moved while it ran).
 */
class ViewerCache {
  private readonly entries = new Map<string, { viewer: CachedViewer; expires: number }>();
  private revocations = 0;
  private listening = false;

  /** The cached user, or what `load` reads (stored unless a revocation happened meanwhile). */
  async get(id: string, load: (id: string) => Promise<CachedViewer | null>): Promise<CachedViewer | null> {
    this.listen();
    const hit = this.entries.get(id);
    if (hit && hit.expires > Date.now()) return hit.viewer;
    const before = this.revocations;
    const viewer = await load(id);
    if (viewer && before === this.revocations) {
      this.entries.delete(id);
      this.entries.set(id, { viewer, expires: Date.now() + TTL_MS });
      if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    }
    return viewer;
  }

  /** Forgets one user here (other instances hear it through `auth:revoked`). */
  forget(id: string): void {
    this.revocations++;
    this.entries.delete(id);
  }

  clear(): void {
    this.revocations++;
    this.entries.clear();
  }

  private listen(): void {
    if (this.listening) return;
    this.listening = true;
    void (async () => {
      for await (const { userId } of pubsub.subscribe("auth:revoked")) this.forget(userId);
    })();
  }
}

export const viewerCache = new ViewerCache();

/**
 * Call after a user's tokens stop being valid (the write has committed): the next request with an
 * old token reads the user again and is refused, on this instance at once; the other instances
 * drop it when the `auth:revoked` event of the same revocation arrives (SocketSessions.revoke).
 */
export function revokeViewer(userId: string): void {
  viewerCache.forget(userId);
}
