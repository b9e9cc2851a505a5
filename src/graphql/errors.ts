import { GraphQLError } from "graphql";
import type { AuthFailure } from "../errors.ts";

// The schema files import the domain errors from here, beside the GraphQL-only ones.
export * from "../errors.ts";

const AUTH_MESSAGES: Record<AuthFailure, string> = {
  MISSING_TOKEN: "Sign in first: send `Authorization: Bearer <token>` (get a token from login or register)",
  INVALID_TOKEN: "The token is not valid; sign in again",
  EXPIRED_TOKEN: "The token has expired; sign in again",
  REVOKED_TOKEN: "The token is no longer valid (password changed or account deleted); sign in again",
};

/** Authentication is a transport concern, so it is a GraphQL error with a code, not a union member. */
export function unauthenticated(reason: AuthFailure): GraphQLError {
  return new GraphQLError(AUTH_MESSAGES[reason], { extensions: { code: "UNAUTHENTICATED", reason, http: { status: 401 } } });
}

