import { createSecretKey, type KeyObject } from "node:crypto";
import jwt from "jsonwebtoken";
import type { AuthFailure } from "../../errors.ts";
import { db } from "../../db/client.ts";
import { viewerCache } from "./viewer-cache.ts";

export interface Viewer {
  id: string;
  email: string;
}

const ISSUER = "jobwise";
const ALGORITHM = "HS256" as const;

export function signToken(user: { id: string; tokenVersion: number }, secret: string, expiryHours: number): string {
  return jwt.sign({ tv: user.tokenVersion }, keyOf(secret), {
    algorithm: ALGORITHM,
    subject: user.id,
    issuer: ISSUER,
    expiresIn: expiryHours * 3600,
  });
}

/**
 * The secret as a KeyObject, made once per secret. Given a string, jsonwebtoken tries
 * `createPublicKey` on it first and catches the failure, on every call: 9 % of the CPU of a
 * signed-in request in the profile.
 */
const keys = new Map<string, KeyObject>();
function keyOf(secret: string): KeyObject {
  let key = keys.get(secret);
  if (!key) keys.set(secret, (key = createSecretKey(Buffer.from(secret, "utf8"))));
  return key;
}

const loadUser = (id: string) => db().user.findUnique({ where: { id }, select: { id: true, email: true, tokenVersion: true } });

export type TokenCheck = { viewer: Viewer } | { failure: AuthFailure };

/**
 * Verifies signature (HS256 only: `alg: none` and RS/HS confusion are refused), expiry (required) and issuer,
 * then that the user still exists and the token predates no password change (read through the
 * viewer cache, which revocations empty at once).
 */
export async function verifyToken(raw: string | null | undefined, secret: string): Promise<TokenCheck> {
  const token = raw?.replace(/^Bearer\s+/i, "").trim();
  if (!token) return { failure: "MISSING_TOKEN" };
  let payload: jwt.JwtPayload;
  try {
    const decoded = jwt.verify(token, keyOf(secret), { algorithms: [ALGORITHM], issuer: ISSUER });
    // A token without an expiry would be valid forever: we never issue one, so we never accept one.
    if (typeof decoded === "string" || !decoded.sub || typeof decoded.tv !== "number" || typeof decoded.exp !== "number") return { failure: "INVALID_TOKEN" };
    payload = decoded;
  } catch (e) {
    return { failure: e instanceof jwt.TokenExpiredError ? "EXPIRED_TOKEN" : "INVALID_TOKEN" };
  }
  const user = await viewerCache.get(payload.sub!, loadUser);
  if (!user || user.tokenVersion !== payload.tv) return { failure: "REVOKED_TOKEN" };
  return { viewer: { id: user.id, email: user.email } };
}
