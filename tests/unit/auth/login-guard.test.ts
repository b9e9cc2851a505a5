import { describe, expect, it } from "vitest";
import { LoginGuard } from "../../../src/modules/auth/login-guard.ts";

describe("LoginGuard", () => {
  it("locks an email after the allowed failures and opens again when the oldest leaves the window", () => {
    let now = 0;
    const guard = new LoginGuard(3, 1000, () => now);
    for (const t of [0, 100, 200]) {
      now = t;
      expect(guard.retryAfterMs("a@x")).toBe(0);
      guard.fail("a@x");
    }
    now = 300;
    expect(guard.retryAfterMs("a@x")).toBe(700);
    expect(guard.retryAfterMs("b@x")).toBe(0);
    now = 1001;
    expect(guard.retryAfterMs("a@x")).toBe(0); // the failure at 0 has left the window
  });

  it("a success clears the failures", () => {
    const guard = new LoginGuard(2, 1000, () => 0);
    guard.fail("a@x");
    guard.succeed("a@x");
    guard.fail("a@x");
    expect(guard.retryAfterMs("a@x")).toBe(0);
  });
});
