import { hash, verify, Algorithm } from "@node-rs/argon2";
import { z } from "zod";
import { db } from "../../db/client.ts";
import { InvalidCredentialsError, NotFoundError, fromZod } from "../../errors.ts";
import type { AppServices } from "../../services.ts";
import { signToken, type Viewer } from "./tokens.ts";
import { revokeViewer } from "./viewer-cache.ts";

const ARGON = { algorithm: Algorithm.Argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "Email must be at most 254 characters")
  .pipe(z.email("Enter a valid email address, e.g. ada@example.com"));
const password = z
  .string()
  .min(8, "Password must be at least 8 characters")
  .max(200, "Password must be at most 200 characters");

const RegisterInput = z.object({ email, password });
const LoginInput = z.object({ email: z.string().trim().toLowerCase().max(254), password: z.string().max(200) });
const ChangePasswordInput = z.object({ currentPassword: z.string().max(200), newPassword: password });

export interface AuthResult {
  token: string;
  userId: string;
  expiresAt: Date;
}

// A real hash to verify against when the email is unknown, so both failures take the same time.
const DUMMY_HASH = hash("not-a-real-password", ARGON);

function issue(services: AppServices, user: { id: string; tokenVersion: number }): AuthResult {
  const { jwtSecret, jwtExpiryHours } = services.config;
  return {
    token: signToken(user, jwtSecret, jwtExpiryHours),
    userId: user.id,
    expiresAt: new Date(Date.now() + jwtExpiryHours * 3600_000),
  };
}

export interface RegisterResult {
  email: string;
  message: string;
}

/** The one answer register gives, whether or not the email already had an account. */
export const REGISTER_MESSAGE = "Registration received: sign in with this email and password to continue";

/**
 * Creates the account when the email is new. The answer and its timing are the same when the
 * email already has an account (the password is hashed either way and nothing is written), so
 * register cannot be used to find out who has an account; the owner simply signs in.
 */
export async function register(services: AppServices, input: unknown, clientIp: string): Promise<RegisterResult> {
  const parsed = RegisterInput.safeParse(input);
  if (!parsed.success) throw fromZod(parsed.error.issues);
  const { email, password } = parsed.data;
  await services.rateLimits.take("registerIp", clientIp);
  const passwordHash = await hash(password, ARGON);
  try {
    await db().user.create({ data: { email, passwordHash }, select: { id: true } });
  } catch (e) {
    // The unique index decides, also between concurrent registrations: the owner keeps the account.
    if ((e as { code?: string }).code !== "P2002") throw e;
  }
  return { email, message: REGISTER_MESSAGE };
}

export async function login(services: AppServices, input: unknown, clientIp: string): Promise<AuthResult> {
  const parsed = LoginInput.safeParse(input);
  if (!parsed.success) throw new InvalidCredentialsError();
  const { email, password } = parsed.data;
  // Both points are taken before the hash runs, so parallel guesses cannot outrun the count.
  await services.rateLimits.take("loginIp", clientIp);
  await services.rateLimits.take("loginEmail", email);
  const user = await db().user.findUnique({ where: { email } });
  const ok = await verify(user?.passwordHash ?? (await DUMMY_HASH), password);
  if (!user || !ok) throw new InvalidCredentialsError();
  await services.rateLimits.clear("loginEmail", email);
  await services.rateLimits.refund("loginIp", clientIp);
  return issue(services, user);
}

/**
 * After a write that invalidated the user's tokens has committed: this instance's viewer cache
 * forgets the user at once (the next request is refused), and SocketSessions.revoke closes the
 * user's sockets and publishes the one `auth:revoked` event every other instance acts on.
 */
function revokeTokens(services: AppServices, userId: string): void {
  revokeViewer(userId);
  services.sessions.revoke(userId);
}

export async function changePassword(services: AppServices, viewer: Viewer, input: unknown): Promise<AuthResult> {
  const parsed = ChangePasswordInput.safeParse(input);
  if (!parsed.success) throw fromZod(parsed.error.issues);
  const user = await confirmPassword(services, viewer, parsed.data.currentPassword, "The current password is incorrect");
  // Bumping tokenVersion signs out every other session holding an older token.
  const updated = await db().user.update({
    where: { id: user.id },
    data: { passwordHash: await hash(parsed.data.newPassword, ARGON), tokenVersion: { increment: 1 } },
  });
  revokeTokens(services, user.id);
  return issue(services, updated);
}

export async function deleteAccount(services: AppServices, viewer: Viewer, input: { password: string }): Promise<string> {
  const user = await confirmPassword(services, viewer, input.password ?? "", "The password is incorrect");
  await db().user.delete({ where: { id: user.id } }); // cascades to every owned row
  revokeTokens(services, user.id);
  // Files go after the rows: a crash in between leaves orphan files, never rows pointing nowhere.
  await services.storage.removeUser(user.id);
  services.logger.info("account deleted", { userId: user.id });
  return user.id;
}

/** Checks the signed-in user's password, counting each attempt before the hash runs. */
async function confirmPassword(services: AppServices, viewer: Viewer, password: string, wrong: string) {
  await services.rateLimits.take("passwordConfirm", viewer.id);
  const user = await requireUser(viewer);
  if (!(await verify(user.passwordHash, password.slice(0, 200)))) throw new InvalidCredentialsError(wrong);
  await services.rateLimits.clear("passwordConfirm", viewer.id);
  return user;
}

async function requireUser(viewer: Viewer) {
  const user = await db().user.findUnique({ where: { id: viewer.id } });
  if (!user) throw new NotFoundError("User", viewer.id);
  return user;
}
