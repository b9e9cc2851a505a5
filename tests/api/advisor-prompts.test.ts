/** The advisor's prompt library: premade prompts with usage counts, custom prompts, running them in conversations. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ok, startServer, success, type TestServer } from "../support/server.ts";
import { newUser } from "../support/accounts.ts";
import { BACKEND_JOB, CreateJobDoc } from "../support/job-ops.ts";
import {
  AdvisorPromptsDoc,
  ConversationsDoc,
  CreateCustomPromptDoc,
  DeleteCustomPromptDoc,
  followReply,
  SendMessageDoc,
  seedAdvisorProfile,
  StartConversationDoc,
  UpdateCustomPromptDoc,
} from "../support/advisor-ops.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.stop();
});

describe("prompt library", () => {
  it("lists at least ten premade prompts, filters by category and tag", async () => {
    const u = await newUser(server);
    const all = (await ok(server, AdvisorPromptsDoc, {}, { token: u.token })).advisorPrompts;
    expect(all.filter((p) => p.premade).length).toBeGreaterThanOrEqual(10);
    expect(all.map((p) => p.id)).toContain("premade:salary_negotiation");
    const interview = (await ok(server, AdvisorPromptsDoc, { category: "INTERVIEW" }, { token: u.token })).advisorPrompts;
    expect(interview.length).toBeGreaterThan(0);
    expect(interview.every((p) => p.category === "INTERVIEW")).toBe(true);
    const tagged = (await ok(server, AdvisorPromptsDoc, { tag: "GAP" }, { token: u.token })).advisorPrompts;
    expect(tagged.map((p) => p.id)).toContain("premade:skill_gaps_for_job");
  });

  it("runs a premade prompt about a saved job, filled from the job, and counts the use", async () => {
    const u = await newUser(server);
    await seedAdvisorProfile(server, u.token);
    const job = success((await ok(server, CreateJobDoc, { input: { text: BACKEND_JOB } }, { token: u.token })).createJob);
    const ex = success((await ok(server, StartConversationDoc, { input: { jobId: job.id, promptId: "premade:skill_gaps_for_job" } }, { token: u.token })).startConversation);
    expect(ex.conversation).toMatchObject({ jobId: job.id, title: "Skill gaps for a saved job" });
    expect(ex.question!.content).toContain("Senior Backend Engineer role at Acme Robotics");
    expect(ex.question!.intent).toBe("SKILL_GAP");
    const reply = (await followReply(server, u.token, ex.reply!.id)).at(-1)!.data!.advisorReply.message!;
    expect(reply.content).toContain("Required and not found in your profile: ");
    expect(reply.content).toContain("Kubernetes");
    expect(reply.sources[0]).toMatchObject({ kind: "JOB", id: job.id });
    const listed = (await ok(server, AdvisorPromptsDoc, { category: "SKILL_GAP" }, { token: u.token })).advisorPrompts;
    expect(listed.find((p) => p.id === "premade:skill_gaps_for_job")!.usageCount).toBe(1);
    const other = await newUser(server);
    const theirs = (await ok(server, AdvisorPromptsDoc, { category: "SKILL_GAP" }, { token: other.token })).advisorPrompts;
    expect(theirs.find((p) => p.id === "premade:skill_gaps_for_job")!.usageCount).toBe(0);
  });

  it("a job prompt without a job is a typed error and leaves no conversation behind", async () => {
    const u = await newUser(server);
    await seedAdvisorProfile(server, u.token);
    const r = (await ok(server, StartConversationDoc, { input: { promptId: "premade:skill_gaps_for_job" } }, { token: u.token })).startConversation;
    expect(r).toMatchObject({ __typename: "PreconditionError", message: expect.stringContaining("jobId") });
    expect((await ok(server, ConversationsDoc, { first: 5 }, { token: u.token })).conversations.edges).toEqual([]);
    const unknown = (await ok(server, StartConversationDoc, { input: { promptId: "premade:nope" } }, { token: u.token })).startConversation;
    expect(unknown).toMatchObject({ __typename: "NotFoundError" });
  });

  it("custom prompts: create with placeholders, update, run in a conversation (usageCount), delete; others cannot touch them", async () => {
    const u = await newUser(server);
    await seedAdvisorProfile(server, u.token);
    const bad = (await ok(server, CreateCustomPromptDoc, { input: { title: "X", content: "Hi {{salary}}", category: "MINE" } }, { token: u.token })).createCustomPrompt;
    expect(bad).toMatchObject({ __typename: "ValidationError", fieldErrors: [{ path: ["input", "content"] }] });
    const lower = (await ok(server, CreateCustomPromptDoc, { input: { title: "X", content: "Hi", category: "mine" } }, { token: u.token })).createCustomPrompt;
    expect(lower).toMatchObject({ __typename: "ValidationError" });
    const p = success(
      (await ok(server, CreateCustomPromptDoc, { input: { title: "My stack", content: "Which roles used Kafka, given my skills {{top_skills}}?", category: "SKILLS", tags: ["weekly"] } }, { token: u.token })).createCustomPrompt,
    );
    expect(p).toMatchObject({ premade: false, usageCount: 0, tags: ["weekly"] });
    const renamed = success((await ok(server, UpdateCustomPromptDoc, { input: { id: p.id, title: "My Kafka work" } }, { token: u.token })).updateCustomPrompt);
    expect(renamed.title).toBe("My Kafka work");
    const c = success((await ok(server, StartConversationDoc, { input: {} }, { token: u.token })).startConversation).conversation;
    const ex = success((await ok(server, SendMessageDoc, { input: { conversationId: c.id, promptId: p.id } }, { token: u.token })).sendMessage);
    expect(ex.question!.content).toBe("Which roles used Kafka, given my skills Python, Kafka, PostgreSQL?");
    const reply = (await followReply(server, u.token, ex.reply!.id)).at(-1)!.data!.advisorReply.message!;
    expect(reply.content).toContain("Kafka appears in");
    const mine = (await ok(server, AdvisorPromptsDoc, { tag: "weekly" }, { token: u.token })).advisorPrompts;
    expect(mine).toEqual([expect.objectContaining({ id: p.id, usageCount: 1 })]);

    const other = await newUser(server);
    expect((await ok(server, AdvisorPromptsDoc, { tag: "weekly" }, { token: other.token })).advisorPrompts).toEqual([]);
    expect((await ok(server, UpdateCustomPromptDoc, { input: { id: p.id, title: "Stolen" } }, { token: other.token })).updateCustomPrompt).toMatchObject({ __typename: "NotFoundError" });
    expect((await ok(server, DeleteCustomPromptDoc, { input: { id: p.id } }, { token: other.token })).deleteCustomPrompt).toMatchObject({ __typename: "NotFoundError" });
    expect((await ok(server, StartConversationDoc, { input: { promptId: p.id } }, { token: other.token })).startConversation).toMatchObject({ __typename: "NotFoundError" });
    expect(success((await ok(server, DeleteCustomPromptDoc, { input: { id: p.id } }, { token: u.token })).deleteCustomPrompt).deletedId).toBe(p.id);
  });
});
