import { builder } from "../../graphql/builder.ts";
import { InvalidCredentialsError, LimitExceededError, NotFoundError, ValidationError } from "../../graphql/errors.ts";
import * as auth from "./auth.service.ts";
import { db } from "../../db/client.ts";
import { selection } from "../../db/query.ts";

builder.prismaObject("User", {
  fields: (t) => ({
    id: t.exposeID("id"),
    email: t.exposeString("email"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    profile: t.relation("profile", { nullable: true }),
  }),
});

const AuthPayload = builder.objectRef<auth.AuthResult>("AuthPayload").implement({
  fields: (t) => ({
    token: t.exposeString("token", { description: "Send as `Authorization: Bearer <token>`" }),
    expiresAt: t.expose("expiresAt", { type: "DateTime" }),
    user: t.prismaField({
      type: "User",
      resolve: (query, p) => db().user.findUniqueOrThrow({ ...selection(query), where: { id: p.userId } }),
    }),
  }),
});

const RegisterInput = builder.inputType("RegisterInput", {
  fields: (t) => ({ email: t.string({ required: true }), password: t.string({ required: true }) }),
});
const LoginInput = builder.inputType("LoginInput", {
  fields: (t) => ({ email: t.string({ required: true }), password: t.string({ required: true }) }),
});
const ChangePasswordInput = builder.inputType("ChangePasswordInput", {
  fields: (t) => ({ currentPassword: t.string({ required: true }), newPassword: t.string({ required: true }) }),
});
const DeleteAccountInput = builder.inputType("DeleteAccountInput", {
  fields: (t) => ({ password: t.string({ required: true }) }),
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
    args: { input: t.arg({ type: LoginInput, required: true }) },
    errors: { types: [InvalidCredentialsError, LimitExceededError] },
    resolve: (_r, { input }, ctx) => auth.login(ctx.services, input, ctx.clientIp),
  }),
);

builder.mutationField("changePassword", (t) =>
  t.field({
    type: AuthPayload,
    authScopes: { viewer: true },
    description: "Changes the password and signs out every other session; returns a fresh token",
    args: { input: t.arg({ type: ChangePasswordInput, required: true }) },
    errors: { types: [ValidationError, InvalidCredentialsError, LimitExceededError] },
    resolve: (_r, { input }, ctx) => auth.changePassword(ctx.services, ctx.viewer!, input),
  }),
);

const DeleteAccountPayload = builder.objectRef<{ deletedUserId: string }>("DeleteAccountPayload").implement({
  fields: (t) => ({ deletedUserId: t.exposeID("deletedUserId") }),
});

builder.mutationField("deleteAccount", (t) =>
  t.field({
    type: DeleteAccountPayload,
    authScopes: { viewer: true },
    description: "Deletes the account, every row it owns and every file it uploaded",
    args: { input: t.arg({ type: DeleteAccountInput, required: true }) },
    errors: { types: [InvalidCredentialsError, NotFoundError, LimitExceededError] },
    resolve: async (_r, { input }, ctx) => ({ deletedUserId: await auth.deleteAccount(ctx.services, ctx.viewer!, input) }),
  }),
);
