import type { YogaInitialContext } from "graphql-yoga";
import type { Viewer } from "./modules/auth/tokens.ts";
import type { AuthFailure } from "./graphql/errors.ts";
import type { AppServices } from "./services.ts";

export interface Context {
  requestId: string;
  viewer: Viewer | null;
  /** Why `viewer` is null when a token was sent: reported when an operation needs a viewer. */
  authFailure: AuthFailure;
  services: AppServices;
}

export type InitialContext = YogaInitialContext & {
  requestId?: string;
  connectionParams?: Record<string, unknown>;
};
