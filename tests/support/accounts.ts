import { graphql } from "../gql/index.ts";
import { ok, success, type TestServer } from "./server.ts";

export const RegisterDoc = graphql(`
  mutation Register($input: RegisterInput!) {
    register(input: $input) {
      __typename
      ... on MutationRegisterSuccess { data { token expiresAt user { id email } } }
      ... on Error { message code }
      ... on ValidationError { fieldErrors { path message } }
    }
  }
`);

let counter = 0;

/** Registers a fresh user and returns its token and id. */
export async function newUser(server: Pick<TestServer, "url">, email = `user${++counter}-${Date.now()}@example.com`, password = "correct horse battery") {
  const data = await ok(server, RegisterDoc, { input: { email, password } });
  const { token, user } = success(data.register);
  return { token, id: user.id, email: user.email, password };
}
