import { describe, expect, it } from "vitest";
import { decodeDetail, encodeDetail, MAX_PAYLOAD_BYTES, Reassembler, toPayloads } from "../../../src/events/wire.ts";

describe("events over NOTIFY", () => {
  it("keeps Dates and nested values through encode/decode", () => {
    const job = { id: "j1", createdAt: new Date("2026-01-02T03:04:05.678Z"), leaseUntil: null, partial: { a: [1, "x"] } };
    expect(decodeDetail(encodeDetail(job))).toEqual(job);
  });

  it("cuts an event larger than a NOTIFY payload into pieces that each fit, and joins them back", () => {
    // Multi-byte text and emoji (surrogate pairs) at every offset, 60 KB in all.
    const text = "résumé 🚀 ".repeat(6000);
    const json = encodeDetail({ text });
    const payloads = toPayloads("enhancement:j1", json, "m1");
    expect(payloads.length).toBeGreaterThan(5);
    for (const p of payloads) expect(Buffer.byteLength(p)).toBeLessThanOrEqual(MAX_PAYLOAD_BYTES);
    for (const p of payloads) expect(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(p)).toBe(false); // no half of a pair
    const r = new Reassembler();
    const out = payloads.map((p) => r.accept(p));
    expect(out.slice(0, -1).every((x) => x === null)).toBe(true);
    expect(out.at(-1)!.topic).toBe("enhancement:j1");
    expect(decodeDetail(out.at(-1)!.json)).toEqual({ text });
  });

  it("sends a small event as one payload", () => {
    const payloads = toPayloads("auth:revoked", encodeDetail({ userId: "u1" }), "m2");
    expect(payloads).toHaveLength(1);
    expect(new Reassembler().accept(payloads[0])).toEqual({ topic: "auth:revoked", json: '{"userId":"u1"}' });
  });
});
