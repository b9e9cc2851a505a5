// The logger (pino): the line shape operators and the API tests read, and secrets removed before
// a line is written, wherever in the fields they sit.
import { describe, expect, it } from "vitest";
import { createLogger, REDACTED } from "../../src/logger.ts";

function capture(level: "debug" | "info" = "debug") {
  const lines: string[] = [];
  const logger = createLogger(level, { service: "test" }, (l) => lines.push(l));
  return { logger, lines, parsed: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe("logger", () => {
  it("writes one JSON object per line with ISO time, level label, msg, base and fields", () => {
    const { logger, lines, parsed } = capture("info");
    logger.debug("hidden below info");
    logger.info("request", { requestId: "r-1", status: 200 });
    logger.child({ requestId: "r-2" }).warn("slow");
    expect(lines).toHaveLength(2);
    expect(lines.every((l) => !l.includes("\n"))).toBe(true);
    const [first, second] = parsed();
    expect(first).toMatchObject({ level: "info", msg: "request", service: "test", requestId: "r-1", status: 200 });
    expect(new Date(first.time as string).toISOString()).toBe(first.time);
    expect(first).not.toHaveProperty("pid");
    expect(second).toMatchObject({ level: "warn", msg: "slow", requestId: "r-2" });
  });

  it("redacts authorization headers, passwords, tokens and keys at any depth the code logs them", () => {
    const { logger, lines } = capture();
    logger.info("everything secret", {
      authorization: "Bearer top-level-jwt",
      headers: { authorization: "Bearer header-jwt", cookie: "session=cookie-value" },
      request: { headers: { authorization: "Bearer nested-jwt" } },
      variables: { input: { email: "ada@example.com", password: "pw-in-variables", newPassword: "new-pw", currentPassword: "old-pw" } },
      token: "bare-token",
      data: { login: { token: "token-in-result" } },
      groq: { apiKey: "gsk_secret_key" },
    });
    const line = lines[0];
    for (const secret of ["top-level-jwt", "header-jwt", "cookie-value", "nested-jwt", "pw-in-variables", "new-pw", "old-pw", "bare-token", "token-in-result", "gsk_secret_key"]) {
      expect(line).not.toContain(secret);
    }
    expect(line).toContain("ada@example.com"); // only secrets go
    expect(JSON.parse(line).headers.authorization).toBe(REDACTED);
  });

  it("redacts inside lists, thrown errors and child bindings, and leaves the caller's objects as they were", () => {
    const { logger, lines } = capture();
    const fields = { batch: [{ token: "token-in-list" }], error: Object.assign(new Error("login failed"), { password: "pw-on-error" }) };
    logger.child({ session: { secret: "bound-secret" } }).warn("mixed", fields);
    for (const secret of ["token-in-list", "pw-on-error", "bound-secret"]) expect(lines[0]).not.toContain(secret);
    expect(JSON.parse(lines[0]).error).toMatchObject({ message: "login failed", password: REDACTED });
    expect(fields.batch[0].token).toBe("token-in-list");
    expect(fields.error.password).toBe("pw-on-error");
  });

  it("logs an Error with its name, message and stack, also inside args", () => {
    const { logger, parsed } = capture();
    logger.error("unexpected error", { error: new TypeError("boom"), args: [new Error("inner"), 3] });
    const [line] = parsed() as [{ error: Record<string, string>; args: [Record<string, string>, number] }];
    expect(line.error).toMatchObject({ type: "TypeError", message: "boom" });
    expect(line.error.stack).toMatch(/TypeError: boom/);
    expect(line.args[0]).toMatchObject({ message: "inner" });
    expect(line.args[1]).toBe(3);
  });
});
