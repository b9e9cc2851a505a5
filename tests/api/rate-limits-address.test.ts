/** Issue 9, finding 4: sign-in and registration limits per client address (behind a trusted proxy). */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exec, startServer, type TestServer } from "../support/server.ts";
import { LoginDoc, RegisterDoc } from "../support/accounts.ts";

let limited: TestServer;
beforeAll(async () => {
  limited = await startServer({ RATE_LOGIN_PER_IP: "6", RATE_REGISTER_PER_IP: "4", TRUST_PROXY: "true" });
});
afterAll(() => limited.stop());

describe("per client address", () => {
  const loginAt = (ip: string, email: string, password = "wrong password") =>
    exec(limited, LoginDoc, { input: { email, password } }, { headers: { "x-forwarded-for": ip } }).then((r) => r.data!.login);

  it("refuses sign-ins for many emails from one address, counted before the hash; another address is unaffected", async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => loginAt("203.0.113.7", `spray${i}@example.com`)));
    expect(answers.filter((a) => a.__typename === "InvalidCredentialsError")).toHaveLength(6);
    const refused = answers.find((a) => a.__typename === "LimitExceededError") as { message: string };
    expect(refused.message).toMatch(/from this address/);
    expect((await loginAt("198.51.100.1", "spray0@example.com")).__typename).toBe("InvalidCredentialsError");
  });

  it("limits registrations per address", async () => {
    const register = (i: number) =>
      exec(limited, RegisterDoc, { input: { email: `many${i}@example.com`, password: "long enough pw" } }, { headers: { "x-forwarded-for": "192.0.2.44" } }).then((r) => r.data!.register);
    const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => register(i)));
    expect(answers.filter((a) => a.__typename === "MutationRegisterSuccess")).toHaveLength(4);
    expect(answers.filter((a) => a.__typename === "LimitExceededError")).toHaveLength(2);
  });

});
