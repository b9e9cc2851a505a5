import { builder } from "../../graphql/builder.ts";
import { InvalidCredentialsError, LimitExceededError, NotFoundError, ValidationError } from "../../graphql/errors.ts";
import * as auth from "./auth.service.ts";
import { db } from "../../db/client.ts";
import { selection } from "../../db/query.ts";

builder.prismaObject("User", {
  description: "An account. Only the signed-in user's own account is ever visible",
  fields: (t) => ({
    id: t.exposeID("id", { description: "Stable account id" }),
    email: t.exposeString("email", { description: "The sign-in email, trimmed and lower-cased" }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When the account was registered" }),
    profile: t.relation("profile", { nullable: true, description: "The master profile; null until upsertProfile or importResume creates it" }),
  }),
});

const AuthPayload = builder.objectRef<auth.AuthResult>("AuthPayload").implement({
  description: "A signed-in session: the bearer token and who it belongs to",
  fields: (t) => ({
    token: t.exposeString("token", { description: "Send as `Authorization: Bearer <token>`" }),
    expiresAt: t.expose("expiresAt", { type: "DateTime", description: "When the token stops working; sign in again before then" }),
    user: t.prismaField({
      description: "The signed-in user",
      type: "User",
      resolve: (query, p) => db().user.findUniqueOrThrow({ ...selection(query), where: { id: p.userId } }),
    }),
  }),
});

const RegisterInput = builder.inputType("RegisterInput", {
  description: "A new account's email and password",
  fields: (t) => ({
    email: t.string({ required: true, description: "A valid email address, at most 254 characters; stored trimmed and lower-cased" }),
    password: t.string({ required: true, description: "8 to 200 characters" }),
  }),
});
const LoginInput = builder.inputType("LoginInput", {
  description: "The credentials given at registration",
  fields: (t) => ({
    email: t.string({ required: true, description: "The account's email (case and surrounding spaces do not matter)" }),
    password: t.string({ required: true, description: "The account's password, at most 200 characters" }),
  }),
});
const ChangePasswordInput = builder.inputType("ChangePasswordInput", {
  description: "The current password, to prove it is the owner, and the new one",
  fields: (t) => ({
    currentPassword: t.string({ required: true, description: "The password in use now" }),
    newPassword: t.string({ required: true, description: "8 to 200 characters" }),
  }),
});
const DeleteAccountInput = builder.inputType("DeleteAccountInput", {
  description: "The password again, so a stolen token alone cannot delete the account",
  fields: (t) => ({ password: t.string({ required: true, description: "The account's current password" }) }),
});

builder.queryField("me", (t) =>
  t.prismaField({
    type: "User",
    authScopes: { viewer: true },
    description: "The signed-in user",
    resolve: (query, _r, _a, ctx) => db().user.findUniqueOrThrow({ ...selection(query), where: { id: ctx.viewer!.id } }),
  }),
);

const RegisterPayload = builder.objectRef<auth.RegisterResult>("RegisterPayload").implement({
  description: "The same answer whether or not the email already had an account; sign in next",
  fields: (t) => ({
    email: t.exposeString("email", { description: "The email, normalised (trimmed, lower case)" }),
    message: t.exposeString("message", { description: "What to do next, for a person to read" }),
  }),
});

builder.mutationField("register", (t) =>
  t.field({
    type: RegisterPayload,
    description:
      "Creates an account when the email is new, then answers the same whether or not it was: call `login` with the " +
      "same email and password for a token. So nobody can use it to learn who has an account. " +
      "Errors: ValidationError (email format, password 8–200 characters), LimitExceededError (registrations per address)",
    args: { input: t.arg({ type: RegisterInput, required: true }) },
    errors: { types: [ValidationError, LimitExceededError] },
    resolve: (_r, { input }, ctx) => auth.register(ctx.services, input, ctx.clientIp),
  }),
);

builder.mutationField("login", (t) =>
  t.field({
    type: AuthPayload,
    description:
      "Signs in and returns a bearer token. Errors: InvalidCredentialsError (wrong email or password), " +
      "LimitExceededError (too many failed attempts for this email or address; wait retryAfterSeconds)",
    args: { input: t.arg({ type: LoginInput, required: true }) },
    errors: { types: [InvalidCredentialsError, LimitExceededError] },
    resolve: (_r, { input }, ctx) => auth.login(ctx.services, input, ctx.clientIp),
  }),
);

builder.mutationField("changePassword", (t) =>
  t.field({
    type: AuthPayload,
    authScopes: { viewer: true },
    description:
      "Changes the password and signs out every other session; returns a fresh token. Errors: ValidationError (new password 8–200 characters), " +
      "InvalidCredentialsError (current password wrong), LimitExceededError (too many wrong passwords; wait retryAfterSeconds)",
    args: { input: t.arg({ type: ChangePasswordInput, required: true }) },
    errors: { types: [ValidationError, InvalidCredentialsError, LimitExceededError] },
    resolve: (_r, { input }, ctx) => auth.changePassword(ctx.services, ctx.viewer!, input),
  }),
);

const DeleteAccountPayload = builder.objectRef<{ deletedUserId: string }>("DeleteAccountPayload").implement({
  description: "The account is gone; its tokens no longer work",
  fields: (t) => ({ deletedUserId: t.exposeID("deletedUserId", { description: "The id of the deleted account" }) }),
});

builder.mutationField("deleteAccount", (t) =>
  t.field({
    type: DeleteAccountPayload,
    authScopes: { viewer: true },
    description:
      "Deletes the account, every row it owns and every file it uploaded; cannot be undone. Errors: InvalidCredentialsError (password wrong), " +
      "NotFoundError (already deleted), LimitExceededError (too many wrong passwords; wait retryAfterSeconds)",
    args: { input: t.arg({ type: DeleteAccountInput, required: true }) },
    errors: { types: [InvalidCredentialsError, NotFoundError, LimitExceededError] },
    resolve: async (_r, { input }, ctx) => ({ deletedUserId: await auth.deleteAccount(ctx.services, ctx.viewer!, input) }),
  }),
);
