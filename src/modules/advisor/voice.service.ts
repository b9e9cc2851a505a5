// Voice questions: the recording is checked (format by content, size, duration), transcribed by
// the speech-to-text provider, and the transcript is sent as the user's message.

import { AiUnavailableGqlError, LimitExceededError, UnsupportedFileError, ValidationError } from "../../errors.ts";
import { AiError } from "../../ai/errors.ts";
import { AUDIO_MIME, sniffAudio, wavDurationSeconds } from "../../ingest/audio.ts";
import { readUploadBytes } from "../../ingest/upload-bytes.ts";
import type { AppServices } from "../../services.ts";
import type { Viewer } from "../auth/tokens.ts";
import { checkNotBusy, findOwnedConversation, sendTranscript, type Exchange } from "./conversation.service.ts";

export const MAX_VOICE_SECONDS = 120;
/** Whisper's own limit is 25 MB; two minutes of any of the accepted formats is far below. */
export const MAX_VOICE_BYTES = 10 * 1024 * 1024;

export const NO_TRANSCRIBER =
  "Voice questions need a speech-to-text provider: set GROQ_API_KEY (Whisper through Groq) and restart the server, or type the question instead";

export async function sendVoiceMessage(services: AppServices, viewer: Viewer, input: { conversationId: string; file: File | null | undefined }): Promise<Exchange> {
  const conversation = await findOwnedConversation(viewer, input.conversationId);
  if (!services.transcriber) throw new AiUnavailableGqlError(NO_TRANSCRIBER);
  const file = input.file;
  if (!file || file.size === 0) throw ValidationError.field(["input", "file"], "Attach a recording");
  const max = Math.min(MAX_VOICE_BYTES, services.config.maxUploadBytes);
  if (file.size > max) throw new LimitExceededError(`A recording may be at most ${Math.round(max / 1024 / 1024)} MB`, max);
  const bytes = await readUploadBytes(file, max);
  const kind = sniffAudio(bytes);
  if (!kind) throw new UnsupportedFileError("Send a voice recording: WebM, Ogg, MP3, WAV or M4A audio", file.type || null);
  const stated = kind === "wav" ? wavDurationSeconds(bytes) : null;
  if (stated !== null && stated > MAX_VOICE_SECONDS) throw tooLong(stated);
  await checkNotBusy(conversation.id);
  await services.rateLimits.take("ai", viewer.id);
  let transcript;
  try {
    transcript = await services.transcriber.transcribe(bytes, `question.${kind}`, AUDIO_MIME[kind]);
  } catch (e) {
    await services.rateLimits.refund("ai", viewer.id);
    if (e instanceof AiError) throw new AiUnavailableGqlError(`${e.message}. Nothing was sent; try again or type the question.`);
    throw e;
  }
  const duration = transcript.durationSeconds ?? stated;
  if (duration !== null && duration > MAX_VOICE_SECONDS) throw tooLong(duration);
  return sendTranscript(services, viewer, conversation, transcript.text, { durationSeconds: duration, mimeType: AUDIO_MIME[kind] });
}

function tooLong(seconds: number): LimitExceededError {
  return new LimitExceededError(`A voice question may be at most ${MAX_VOICE_SECONDS} seconds; this one is ${Math.round(seconds)} seconds`, MAX_VOICE_SECONDS);
}
