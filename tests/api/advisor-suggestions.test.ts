/** What the user tells the advisor becomes suggested profile changes (never written unasked); conversations keep a summary. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ok, startServer, success, type TestServer } from "../support/server.ts";
import { newUser } from "../support/accounts.ts";
import { MyProfileDoc } from "../support/profile-ops.ts";
import { AcceptSuggestionDoc, ask, ConversationDoc, ProfileSuggestionsDoc, RejectSuggestionDoc, seedAdvisorProfile } from "../support/advisor-ops.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.stop();
});

const pending = async (token: string) => (await ok(server, ProfileSuggestionsDoc, { status: "PENDING" }, { token })).profileSuggestions.edges.map((e) => e.node);
const profile = async (token: string) => (await ok(server, MyProfileDoc, {}, { token })).myProfile!;

describe("profile suggestions", () => {
  it("a stated achievement becomes a pending bullet for the named role; accepting writes it to the profile, once", async () => {
    const u = await newUser(server);
    const { currentId } = await seedAdvisorProfile(server, u.token);
    const { exchange } = await ask(server, u.token, "I also led the on-call rotation at Zalando.");
    const [s] = await pending(u.token);
    expect(s).toMatchObject({ kind: "ADD_BULLET", targetId: currentId, text: "Led the on-call rotation", conversationId: exchange.conversation.id, messageId: exchange.question!.id });
    expect((await profile(u.token)).experiences.find((e) => e.id === currentId)!.bullets).not.toContain("Led the on-call rotation");
    const accepted = success((await ok(server, AcceptSuggestionDoc, { input: { id: s!.id } }, { token: u.token })).acceptProfileSuggestion);
    expect(accepted.status).toBe("ACCEPTED");
    expect((await profile(u.token)).experiences.find((e) => e.id === currentId)!.bullets.at(-1)).toBe("Led the on-call rotation");
    expect((await ok(server, AcceptSuggestionDoc, { input: { id: s!.id } }, { token: u.token })).acceptProfileSuggestion).toMatchObject({ __typename: "ConflictError" });
    expect(await pending(u.token)).toEqual([]);
  });

  it("a stated skill becomes a pending skill; rejecting leaves the profile as it was; others cannot decide", async () => {
    const u = await newUser(server);
    await seedAdvisorProfile(server, u.token);
    await ask(server, u.token, "I also use Terraform and Kafka.");
    const list = await pending(u.token);
    expect(list.map((s) => [s.kind, s.text])).toEqual([["ADD_SKILL", "Terraform"]]);
    const other = await newUser(server);
    expect((await ok(server, AcceptSuggestionDoc, { input: { id: list[0]!.id } }, { token: other.token })).acceptProfileSuggestion).toMatchObject({ __typename: "NotFoundError" });
    expect(await pending(other.token)).toEqual([]);
    success((await ok(server, RejectSuggestionDoc, { input: { id: list[0]!.id } }, { token: u.token })).rejectProfileSuggestion);
    expect((await profile(u.token)).skills.technical).toEqual(["Python", "Kafka", "PostgreSQL"]);
  });

  it("questions suggest nothing", async () => {
    const u = await newUser(server);
    await seedAdvisorProfile(server, u.token);
    await ask(server, u.token, "Did I use Terraform at Zalando?");
    expect(await pending(u.token)).toEqual([]);
  });
});

describe("summaries", () => {
  it("every five messages the conversation gets a summary built from what was said", async () => {
    const u = await newUser(server);
    await seedAdvisorProfile(server, u.token);
    const first = await ask(server, u.token, "Which roles used Kafka?");
    const id = first.exchange.conversation.id;
    await ask(server, u.token, "I also led the on-call rotation at Zalando.", id);
    const before = success((await ok(server, ConversationDoc, { id }, { token: u.token })).conversation);
    expect(before.summary).toBeNull();
    await ask(server, u.token, "What did I do in 2019?", id);
    const after = success((await ok(server, ConversationDoc, { id }, { token: u.token })).conversation);
    expect(after.messageCount).toBe(6);
    expect(after.summary).toContain("Discussed: skills");
    expect(after.summary).toContain("timeline");
    expect(after.summary).toContain('"I also led the on-call rotation at Zalando."');
  });
});
