import type { YogaInitialContext } from "graphql-yoga";
import type { Viewer } from "./modules/auth/tokens.ts";
import { unauthenticated, type AuthFailure } from "./graphql/errors.ts";
import type { AppServices } from "./services.ts";

export interface Context {
  requestId: string;
  viewer: Viewer | null;
  /** Why `viewer` is null when a token was sent: reported when an operation needs a viewer. */
  authFailure: AuthFailure;
  /** The client's address (X-Forwarded-For when TRUST_PROXY is set), the key of per-address limits. */
  clientIp: string;
  services: AppServices;
}

export type InitialContext = YogaInitialContext & {
  requestId?: string;
  connectionParams?: Record<string, unknown>;
};

/**
 * The viewer, or the UNAUTHENTICATED error. Pothos's scope-auth guards resolvers but not a
 * subscription's `subscribe`, so every subscribe function starts with this.
 */
export function requireViewer(ctx: Context): Viewer {
  if (!ctx.viewer) throw unauthenticated(ctx.authFailure);
  return ctx.viewer;
}
