import { builder } from "../../graphql/builder.ts";
import { AiUnavailableGqlError, ConflictError, LimitExceededError, NotFoundError, UnsupportedFileError, ValidationError } from "../../graphql/errors.ts";
import { ExchangeType } from "./advisor.schema.ts";
import { MAX_VOICE_SECONDS, sendVoiceMessage } from "./voice.service.ts";

const VoiceInput = builder.inputType("SendVoiceMessageInput", {
  description: "A spoken question (multipart upload)",
  fields: (t) => ({
    conversationId: t.id({ required: true, description: "The conversation" }),
    file: t.field({ type: "File", required: true, description: `WebM, Ogg, MP3, WAV or M4A audio, recognised by content; at most 10 MB and ${MAX_VOICE_SECONDS} seconds` }),
  }),
});

builder.mutationField("sendVoiceMessage", (t) =>
  t.field({
    type: ExchangeType,
    authScopes: { viewer: true },
    description:
      "Transcribes a recording with Whisper (through Groq), stores the transcript as the user's message (with voice set) and answers it like sendMessage. " +
      "Errors: NotFoundError (conversation), AiUnavailableError (no GROQ_API_KEY set, or the provider failed), UnsupportedFileError (not audio), " +
      "LimitExceededError (size, duration, or the per-user AI rate), ValidationError (no speech), ConflictError (a reply is still being written)",
    args: { input: t.arg({ type: VoiceInput, required: true }) },
    errors: { types: [ValidationError, NotFoundError, UnsupportedFileError, LimitExceededError, AiUnavailableGqlError, ConflictError] },
    resolve: (_r, { input }, ctx) => sendVoiceMessage(ctx.services, ctx.viewer!, { conversationId: String(input.conversationId), file: input.file }),
  }),
);
