import { describe, expect, it } from "vitest";
import { sniffAudio, wavDurationSeconds } from "../../../src/ingest/audio.ts";
import { wav } from "../../support/advisor-ops.ts";

const bytes = (...parts: (number[] | string)[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? [...Buffer.from(p, "latin1")] : p)).concat(Array(16).fill(0)));

describe("audio sniffing", () => {
  it("reads the format from the bytes, not the name", () => {
    expect(sniffAudio(bytes([0x1a, 0x45, 0xdf, 0xa3]))).toBe("webm");
    expect(sniffAudio(bytes("OggS"))).toBe("ogg");
    expect(sniffAudio(bytes("ID3"))).toBe("mp3");
    expect(sniffAudio(bytes([0xff, 0xfb, 0x90]))).toBe("mp3");
    expect(sniffAudio(bytes([0, 0, 0, 0x20], "ftypM4A "))).toBe("m4a");
    expect(sniffAudio(wav(1))).toBe("wav");
    expect(sniffAudio(bytes("%PDF-1.7"))).toBeNull();
    expect(sniffAudio(bytes("RIFF\0\0\0\0AVI "))).toBeNull();
    expect(sniffAudio(new Uint8Array(4))).toBeNull();
  });

  it("reads a WAV's duration from its header", () => {
    expect(wavDurationSeconds(wav(2))).toBeCloseTo(2, 3);
    expect(wavDurationSeconds(wav(1, 600))).toBeCloseTo(600, 3);
    expect(wavDurationSeconds(wav(1).subarray(0, 30))).toBeNull();
  });
});
