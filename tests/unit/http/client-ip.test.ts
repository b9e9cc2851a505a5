import { describe, expect, it } from "vitest";
import type { IncomingMessage } from "node:http";
import { clientIp } from "../../../src/http/router.ts";

const req = (remote: string, forwarded?: string) => ({ socket: { remoteAddress: remote }, headers: forwarded ? { "x-forwarded-for": forwarded } : {} }) as unknown as IncomingMessage;

describe("clientIp", () => {
  it("uses the socket's peer and ignores X-Forwarded-For unless the proxy is trusted", () => {
    expect(clientIp(req("127.0.0.1", "203.0.113.9"), false)).toBe("127.0.0.1");
  });
  it("takes the first X-Forwarded-For hop behind a trusted proxy", () => {
    expect(clientIp(req("10.0.0.2", " 203.0.113.9 , 10.0.0.1"), true)).toBe("203.0.113.9");
    expect(clientIp(req("10.0.0.2"), true)).toBe("10.0.0.2");
  });
  it("bounds what a client can make the key", () => {
    expect(clientIp(req("10.0.0.2", "x".repeat(10_000)), true)).toHaveLength(64);
  });
});
