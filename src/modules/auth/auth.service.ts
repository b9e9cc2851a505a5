import { hash, verify, Algorithm } from "@node-rs/argon2";
import { z } from "zod";
import { db } from "../../db/client.ts";
import { ConflictError, InvalidCredentialsError, LimitExceededError, NotFoundError, fromZod } from "../../graphql/errors.ts";
import type { AppServices } from "../../services.ts";
import { signToken, type Viewer } from "./tokens.ts";

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

export async function register(services: AppServices, input: unknown): Promise<AuthResult> {
  const parsed = RegisterInput.safeParse(input);
  if (!parsed.success) throw fromZod(parsed.error.issues);
  const { email, password } = parsed.data;
  if (await db().user.findUnique({ where: { email }, select: { id: true } })) {
    throw new ConflictError("An account with this email already exists");
  }
  const passwordHash = await hash(password, ARGON);
  try {
    const user = await db().user.create({ data: { email, passwordHash } });
    return issue(services, user);
  } catch (e) {
    // Two concurrent registrations: the unique index decides.
    if ((e as { code?: string }).code === "P2002") throw new ConflictError("An account with this email already exists");
    throw e;
  }
}

export async function login(services: AppServices, input: unknown): Promise<AuthResult> {
  const parsed = LoginInput.safeParse(input);
  if (!parsed.success) throw new InvalidCredentialsError();
  const { email, password } = parsed.data;
  const wait = services.loginGuard.retryAfterMs(email);
  if (wait > 0) {
    throw new LimitExceededError(`Too many failed sign-ins for this email; try again in ${Math.ceil(wait / 60_000)} minute(s)`);
  }
  const user = await db().user.findUnique({ where: { email } });
  const ok = await verify(user?.passwordHash ?? (await DUMMY_HASH), password);
  if (!user || !ok) {
    services.loginGuard.fail(email);
    throw new InvalidCredentialsError();
  }
  services.loginGuard.succeed(email);
  return issue(services, user);
}

export async function changePassword(services: AppServices, viewer: Viewer, input: unknown): Promise<AuthResult> {
  const parsed = ChangePasswordInput.safeParse(input);
  if (!parsed.success) throw fromZod(parsed.error.issues);
  const user = await requireUser(viewer);
  if (!(await verify(user.passwordHash, parsed.data.currentPassword))) {
    throw new InvalidCredentialsError("The current password is incorrect");
  }
  // Bumping tokenVersion signs out every other session holding an older token.
  const updated = await db().user.update({
    where: { id: user.id },
    data: { passwordHash: await hash(parsed.data.newPassword, ARGON), tokenVersion: { increment: 1 } },
  });
  services.sessions.revoke(user.id);
  return issue(services, updated);
}

export async function deleteAccount(services: AppServices, viewer: Viewer, input: { password: string }): Promise<string> {
  const user = await requireUser(viewer);
  if (!(await verify(user.passwordHash, input.password ?? ""))) {
    throw new InvalidCredentialsError("The password is incorrect");
  }
  await db().user.delete({ where: { id: user.id } }); // cascades to every owned row
  services.sessions.revoke(user.id);
  // Files go after the rows: a crash in between leaves orphan files, never rows pointing nowhere.
  await services.storage.removeUser(user.id);
  services.logger.info("account deleted", { userId: user.id });
  return user.id;
}

async function requireUser(viewer: Viewer) {
  const user = await db().user.findUnique({ where: { id: viewer.id } });
  if (!user) throw new NotFoundError("User", viewer.id);
  return user;
}
