// Voice questions: the audio format read from the bytes (never from the name or the declared
// type), and the duration where the header states it (WAV). Other formats are bounded by size
// here and by the duration the transcription reports.

export type AudioKind = "webm" | "ogg" | "mp3" | "wav" | "m4a";

export const AUDIO_MIME: Record<AudioKind, string> = { webm: "audio/webm", ogg: "audio/ogg", mp3: "audio/mpeg", wav: "audio/wav", m4a: "audio/mp4" };

const ascii = (b: Uint8Array, at: number, len: number) => String.fromCharCode(...b.subarray(at, at + len));

export function sniffAudio(b: Uint8Array): AudioKind | null {
  if (b.length < 12) return null;
  if (b[0] === 0x1a && b[1] === 0x45 && b[2] === 0xdf && b[3] === 0xa3) return "webm";
  if (ascii(b, 0, 4) === "OggS") return "ogg";
  if (ascii(b, 0, 4) === "RIFF" && ascii(b, 8, 4) === "WAVE") return "wav";
  if (ascii(b, 4, 4) === "ftyp") return "m4a";
  if (ascii(b, 0, 3) === "ID3" || (b[0] === 0xff && (b[1]! & 0xe0) === 0xe0)) return "mp3";
  return null;
}

/** A WAV file's duration from its fmt and data chunks; null when the header does not say. */
export function wavDurationSeconds(b: Uint8Array): number | null {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let byteRate = 0;
  for (let at = 12; at + 8 <= b.length; ) {
    const id = ascii(b, at, 4);
    const size = view.getUint32(at + 4, true);
    if (id === "fmt " && at + 20 <= b.length) byteRate = view.getUint32(at + 16, true);
    if (id === "data") return byteRate > 0 ? size / byteRate : null;
    at += 8 + size + (size % 2);
  }
  return null;
}
