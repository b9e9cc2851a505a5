/** Voice questions: sniffed, limited, transcribed by Whisper through groq-sdk (the fake Groq server), then answered. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ok, startServer, success, type TestServer } from "../support/server.ts";
import { newUser } from "../support/accounts.ts";
import { upload } from "../support/upload.ts";
import { startFakeGroq, TRANSCRIPTIONS_PATH, type FakeGroq } from "../support/fake-groq.ts";
import { ConversationDoc, followReply, SendVoiceMessageDoc, seedAdvisorProfile, StartConversationDoc, wav } from "../support/advisor-ops.ts";

let fake: FakeGroq;
let server: TestServer;
let keyless: TestServer;
beforeAll(async () => {
  fake = await startFakeGroq({ apiKey: "test-key" });
  [server, keyless] = await Promise.all([startServer({ GROQ_API_KEY: "test-key", GROQ_BASE_URL: fake.url, LLM_TIMEOUT_S: "2" }), startServer()]);
});
afterEach(() => fake.reset());
afterAll(async () => {
  await Promise.all([server.stop(), keyless.stop()]);
  await fake.close();
});

async function conversation(s: TestServer, token: string) {
  return success((await ok(s, StartConversationDoc, { input: {} }, { token })).startConversation).conversation.id;
}
const send = (s: TestServer, token: string, conversationId: string, bytes: Uint8Array, name = "q.wav") =>
  upload(s, SendVoiceMessageDoc, { input: { conversationId, file: null as unknown as File } }, { name, bytes }, { token });
const transcriptionCalls = () => fake.requests.filter((r) => r.path === TRANSCRIPTIONS_PATH);

describe("sendVoiceMessage", () => {
  it("transcribes the recording with Whisper, stores the transcript as the question and answers it", async () => {
    const u = await newUser(server);
    await seedAdvisorProfile(server, u.token);
    const id = await conversation(server, u.token);
    const audio = wav(2);
    fake.enqueueTranscription({ text: " Which of my projects used Kafka? ", duration: 2.1 });
    fake.enqueue({ content: "Streamline, your open-source Kafka consumer library in Python." });
    const r = (await send(server, u.token, id, audio, "recording.bin")).data!.sendVoiceMessage;
    const ex = success(r);
    expect(ex.question).toMatchObject({ role: "USER", content: "Which of my projects used Kafka?", intent: "SKILL_LOOKUP", voice: { durationSeconds: 2.1, mimeType: "audio/wav" } });
    const [call] = transcriptionCalls();
    expect(call).toMatchObject({ model: "whisper-large-v3-turbo", audioBytes: audio.length, audioType: "audio/wav" });
    const reply = (await followReply(server, u.token, ex.reply!.id)).at(-1)!.data!.advisorReply.message!;
    expect(reply).toMatchObject({ status: "COMPLETE", provider: "GROQ" });
    expect(reply.content).toContain("Streamline");
  });

  it("refuses what is not audio, and recordings over the duration limit, before calling the provider", async () => {
    const u = await newUser(server);
    const id = await conversation(server, u.token);
    const text = (await send(server, u.token, id, new TextEncoder().encode("Which of my projects used Kafka? ".repeat(5)), "q.webm")).data!.sendVoiceMessage;
    expect(text).toMatchObject({ __typename: "UnsupportedFileError", message: expect.stringContaining("WebM, Ogg, MP3, WAV or M4A") });
    const long = (await send(server, u.token, id, wav(1, 600))).data!.sendVoiceMessage;
    expect(long).toMatchObject({ __typename: "LimitExceededError", limit: 120 });
    fake.enqueueTranscription({ text: "Tell me about my roles", duration: 400 });
    const reported = (await send(server, u.token, id, wav(1))).data!.sendVoiceMessage;
    expect(reported).toMatchObject({ __typename: "LimitExceededError", message: expect.stringContaining("400 seconds") });
    expect(transcriptionCalls()).toHaveLength(1);
    const c = success((await ok(server, ConversationDoc, { id }, { token: u.token })).conversation);
    expect(c.messageCount).toBe(0);
  });

  it("a provider failure or a silent recording is a typed error and stores nothing", async () => {
    const u = await newUser(server);
    const id = await conversation(server, u.token);
    fake.enqueueTranscription({ status: 500, content: "whisper down" });
    const down = (await send(server, u.token, id, wav(1))).data!.sendVoiceMessage;
    expect(down).toMatchObject({ __typename: "AiUnavailableError", message: expect.stringContaining("Transcription failed") });
    fake.enqueueTranscription({ text: "   ", duration: 1 });
    const silent = (await send(server, u.token, id, wav(1))).data!.sendVoiceMessage;
    expect(silent).toMatchObject({ __typename: "ValidationError" });
    expect(success((await ok(server, ConversationDoc, { id }, { token: u.token })).conversation).messageCount).toBe(0);
  });

  it("another user's conversation is not found", async () => {
    const owner = await newUser(server);
    const other = await newUser(server);
    const id = await conversation(server, owner.token);
    const r = (await send(server, other.token, id, wav(1))).data!.sendVoiceMessage;
    expect(r).toMatchObject({ __typename: "NotFoundError" });
    expect(transcriptionCalls()).toHaveLength(0);
  });

  it("without a key, says that transcription needs a provider and what to set", async () => {
    const u = await newUser(keyless);
    const id = await conversation(keyless, u.token);
    const r = (await send(keyless, u.token, id, wav(1))).data!.sendVoiceMessage;
    expect(r).toMatchObject({ __typename: "AiUnavailableError", code: "AI_UNAVAILABLE", message: expect.stringContaining("GROQ_API_KEY") });
  });
});
