/**
 * Issue 9, finding 4: rate limits that hold under concurrency. Points are taken before the hash
 * (or the model) runs, so parallel bursts cannot get past them.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql } from "../gql/index.ts";
import { exec, ok, startServer, success, type TestServer } from "../support/server.ts";
import { LoginDoc, newUser } from "../support/accounts.ts";
import { upload } from "../support/upload.ts";

const ChangePasswordLimitDoc = graphql(`
  mutation ChangePasswordLimit($input: ChangePasswordInput!) {
    changePassword(input: $input) { __typename ... on Error { message code } ... on LimitExceededError { retryAfterSeconds } }
  }
`);
const DeleteAccountLimitDoc = graphql(`
  mutation DeleteAccountLimit($input: DeleteAccountInput!) {
    deleteAccount(input: $input) { __typename ... on Error { message code } }
  }
`);
const ImportForLimitsDoc = graphql(`
  mutation ImportForLimits($input: ImportResumeInput!) {
    importResume(input: $input) { __typename ... on Error { message code } ... on LimitExceededError { retryAfterSeconds } }
  }
`);

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ RATE_LOGIN_PER_IP: "1000", RATE_AI_PER_HOUR: "3", RATE_REGISTER_PER_IP: "1000" });
});
afterAll(() => server.stop());

const login = (email: string, password: string, headers: Record<string, string> = {}) =>
  exec(server, LoginDoc, { input: { email, password } }, { headers }).then((r) => r.data!.login);

describe("sign-in per email", () => {
  it("30 parallel wrong passwords: only 5 reach the password check, the rest are refused with a retry time", async () => {
    const u = await newUser(server);
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => login(u.email, `wrong ${i}`)));
    const checked = answers.filter((a) => a.__typename === "InvalidCredentialsError").length;
    const limited = answers.filter((a) => a.__typename === "LimitExceededError");
    expect(checked).toBe(5);
    expect(limited).toHaveLength(25);
    expect(limited[0]).toMatchObject({ code: "LIMIT_EXCEEDED", limit: 5 });
    expect((limited[0] as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(800);
  });

  it("a 60-request burst whose last guess is right does not sign in", async () => {
    const u = await newUser(server);
    const guesses = Array.from({ length: 60 }, (_, i) => (i === 59 ? u.password : `guess ${i}`));
    const answers = await Promise.all(guesses.map((p) => login(u.email, p)));
    expect(answers.some((a) => a.__typename === "MutationLoginSuccess")).toBe(false);
    expect(answers[59].__typename).toBe("LimitExceededError");
  });

  it("a correct password clears the count", async () => {
    const u = await newUser(server);
    for (let i = 0; i < 4; i++) expect((await login(u.email, `nope ${i}`)).__typename).toBe("InvalidCredentialsError");
    expect((await login(u.email, u.password)).__typename).toBe("MutationLoginSuccess");
    for (let i = 0; i < 4; i++) expect((await login(u.email, `nope again ${i}`)).__typename).toBe("InvalidCredentialsError");
    expect((await login(u.email, u.password)).__typename).toBe("MutationLoginSuccess");
  });
});

describe("password-confirming mutations", () => {
  it("changePassword: after 5 wrong current passwords the right one is refused too, for a while", async () => {
    const u = await newUser(server);
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) => ok(server, ChangePasswordLimitDoc, { input: { currentPassword: `wrong ${i}`, newPassword: "a brand new password" } }, { token: u.token })),
    );
    expect(answers.filter((a) => a.changePassword.__typename === "InvalidCredentialsError")).toHaveLength(5);
    const right = await ok(server, ChangePasswordLimitDoc, { input: { currentPassword: u.password, newPassword: "a brand new password" } }, { token: u.token });
    expect(right.changePassword.__typename).toBe("LimitExceededError");
  });

  it("deleteAccount shares that limit", async () => {
    const u = await newUser(server);
    for (let i = 0; i < 5; i++) {
      expect((await ok(server, DeleteAccountLimitDoc, { input: { password: `wrong ${i}` } }, { token: u.token })).deleteAccount.__typename).toBe("InvalidCredentialsError");
    }
    const right = await ok(server, DeleteAccountLimitDoc, { input: { password: u.password } }, { token: u.token });
    expect(right.deleteAccount).toMatchObject({ __typename: "LimitExceededError", code: "LIMIT_EXCEEDED" });
  });
});

describe("AI-backed operations per user", () => {
  it("refuses the fourth import within the hour (RATE_AI_PER_HOUR=3); another user is unaffected", async () => {
    const [a, b] = [await newUser(server), await newUser(server)];
    const text = new TextEncoder().encode("Ada Lovelace\nEngineer\n\nExperience\nBackend Engineer, Acme Corp\n2019 - 2021\n- Built the billing API\n");
    const send = (token: string) => upload(server, ImportForLimitsDoc, { input: { file: null as never, mode: "PREVIEW" } }, { name: "cv.txt", bytes: text }, { token });
    for (let i = 0; i < 3; i++) expect((await send(a.token)).data!.importResume.__typename).toBe("MutationImportResumeSuccess");
    const fourth = (await send(a.token)).data!.importResume;
    expect(fourth).toMatchObject({ __typename: "LimitExceededError", message: expect.stringMatching(/AI requests/) });
    expect((fourth as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(3000);
    expect((await send(b.token)).data!.importResume.__typename).toBe("MutationImportResumeSuccess");
    success((await ok(server, LoginDoc, { input: { email: a.email, password: a.password } })).login);
  });
});
