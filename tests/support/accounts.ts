import { graphql } from "../gql/index.ts";
import { ok, success, type TestServer } from "./server.ts";

export const RegisterDoc = graphql(`
  mutation Register($input: RegisterInput!) {
    register(input: $input) {
      __typename
      ... on MutationRegisterSuccess { data { email message } }
      ... on Error { message code }
      ... on ValidationError { fieldErrors { path message } }
    }
  }
`);

let counter = 0;

export const LoginDoc = graphql(`
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      __typename
      ... on MutationLoginSuccess { data { token expiresAt user { id email } } }
      ... on Error { message code }
      ... on LimitExceededError { retryAfterSeconds limit }
    }
  }
`);

/** Registers a fresh user, signs in (register answers the same for every email) and returns its token and id. */
export async function newUser(server: Pick<TestServer, "url">, email = `user${++counter}-${Date.now()}@example.com`, password = "correct horse battery") {
  success((await ok(server, RegisterDoc, { input: { email, password } })).register);
  const { token, user } = success((await ok(server, LoginDoc, { input: { email, password } })).login);
  return { token, id: user.id, email: user.email, password };
}
