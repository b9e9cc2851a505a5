// Speech to text through groq-sdk's Whisper endpoint (audio.transcriptions). One attempt with our
// timeout: a voice question is interactive, the user can simply send it again.

import Groq, { toFile } from "groq-sdk";
import type { Config } from "../config.ts";
import { classifyError, toUnavailableError } from "./retry.ts";
import { DEFAULT_GROQ_BASE_URL } from "./llm.ts";
import { AiUnavailableError } from "./errors.ts";

export interface Transcript {
  text: string;
  /** As the provider measured it; null when it did not say. */
  durationSeconds: number | null;
}

export interface Transcriber {
  transcribe(audio: Uint8Array, fileName: string, mimeType: string): Promise<Transcript>;
}

/** Null without a key: voice questions then fail with AiUnavailableError saying what to set. */
export function createTranscriber(config: Config): Transcriber | null {
  const groq = config.groq;
  if (!groq) return null;
  const client = new Groq({ apiKey: groq.apiKey, baseURL: groq.baseURL ?? DEFAULT_GROQ_BASE_URL, maxRetries: 0, timeout: config.llmTimeoutMs });
  return {
    async transcribe(audio, fileName, mimeType) {
      try {
        const file = await toFile(Buffer.from(audio.buffer, audio.byteOffset, audio.byteLength), fileName, { type: mimeType });
        const result = (await client.audio.transcriptions.create({ model: groq.modelTranscribe, file, response_format: "verbose_json", temperature: 0 })) as { text: string; duration?: number };
        return { text: String(result.text ?? "").trim(), durationSeconds: typeof result.duration === "number" ? result.duration : null };
      } catch (e) {
        const failure = classifyError(e, { timedOut: false });
        if (failure.kind === "aborted") throw e;
        const error = toUnavailableError(failure, { timeoutMs: config.llmTimeoutMs, model: groq.modelTranscribe, waitTooLong: false });
        throw new AiUnavailableError(`Transcription failed: ${error.message}`, { reason: error.reason, status: error.status });
      }
    },
  };
}
