import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collect, ok, startServer, success, wsClient, type TestServer } from "../support/server.ts";
import { newUser } from "../support/accounts.ts";
import { fixture, upload } from "../support/upload.ts";
import { MyProfileDoc, UpsertProfileDoc } from "../support/profile-ops.ts";
import {
  CancelEnhancementDoc, EnhanceProfileDoc, EnhancementJobDoc, EnhancementJobsDoc, ProgressDoc, RevertEnhancementDoc,
  SetUseEnhancedDoc, seedProfile, waitForJob,
} from "../support/enhancement-ops.ts";
import { graphql } from "../gql/index.ts";

const UploadDoc = graphql(`mutation UploadForEnhance($input: UploadSampleInput!) { uploadSample(input: $input) { __typename } }`);

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.stop());

async function start(token: string, input: Record<string, unknown> = { useDefaultStyle: true }) {
  return (await ok(server, EnhanceProfileDoc, { input }, { token })).enhanceProfile;
}

describe("enhanceProfile prerequisites", () => {
  it("needs a profile, then a resume sample unless the default style is asked for", async () => {
    const u = await newUser(server);
    expect(await start(u.token, {})).toMatchObject({ __typename: "PreconditionError", message: expect.stringMatching(/profile/) });
    await seedProfile(server, u.token);
    expect(await start(u.token, {})).toMatchObject({ __typename: "PreconditionError", message: expect.stringMatching(/resume sample.*useDefaultStyle/) });
    const job = success(await start(u.token, { useDefaultStyle: true }));
    expect(job).toMatchObject({ status: "QUEUED", progress: 0, provider: "BUILTIN" });
    await waitForJob(server, u.token, job.id);
  });

  it("refuses another user's item ids as not found, and empty sections", async () => {
    const owner = await newUser(server);
    const other = await newUser(server);
    const { currentId } = await seedProfile(server, owner.token);
    await seedProfile(server, other.token);
    expect(await start(other.token, { itemIds: [currentId], useDefaultStyle: true })).toMatchObject({ __typename: "NotFoundError" });
    expect(await start(other.token, { sections: [], useDefaultStyle: true })).toMatchObject({ __typename: "ValidationError" });
  });
});

describe("a builtin enhancement", () => {
  it("rewrites by rules in the sample's style and stores the new versions beside the originals", async () => {
    const u = await newUser(server);
    const ids = await seedProfile(server, u.token);
    const up = await upload(server, UploadDoc, { input: { type: "RESUME", file: null as never } }, { name: "resume.pdf", bytes: fixture("resume-chromium.pdf") }, { token: u.token });
    expect(up.data?.uploadSample.__typename).toBe("MutationUploadSampleSuccess");

    const job = success(await start(u.token, {}));
    expect(await waitForJob(server, u.token, job.id)).toMatchObject({ status: "COMPLETED", progress: 100, provider: "BUILTIN" });

    const profile = (await ok(server, MyProfileDoc, {}, { token: u.token })).myProfile!;
    expect(profile.enhancementVersion).toBe(1);
    const current = profile.experiences.find((e) => e.id === ids.currentId)!;
    expect(current.bullets[0]).toBe("Responsible for managing a team of 5 engineers"); // original kept
    expect(current.enhancedBullets?.[0]).toMatch(/^Manage/); // weak opener → action verb, present tense for the current role
    expect(current.enhancedBullets?.[0]).toContain("5");
    const past = profile.experiences.find((e) => e.id === ids.pastId)!;
    expect(past.enhancedBullets?.join(" ")).not.toMatch(/Successfully/);
    expect(past.enhancedBullets?.join(" ")).toContain("30%");
    expect(profile.enhancedSummary).not.toMatch(/really|basically/);

    const final = success((await ok(server, EnhancementJobDoc, { id: job.id }, { token: u.token })).enhancementJob);
    expect(final.result!.changed.length).toBeGreaterThanOrEqual(3);
    expect(final.result!.rejected).toEqual([]);
  });

  it("a subscriber arriving after the end gets the final state and completion", async () => {
    const u = await newUser(server);
    await seedProfile(server, u.token);
    const job = success(await start(u.token));
    await waitForJob(server, u.token, job.id);
    const client = wsClient(server, { authorization: `Bearer ${u.token}` });
    const events = await collect(client, ProgressDoc, { jobId: job.id }).done;
    await client.dispose();
    expect(events.map((e) => e.data!.enhancementProgress.status)).toEqual(["COMPLETED"]);
  });

  it("another user cannot subscribe to the job or read it", async () => {
    const owner = await newUser(server);
    const other = await newUser(server);
    await seedProfile(server, owner.token);
    const job = success(await start(owner.token));
    const client = wsClient(server, { authorization: `Bearer ${other.token}` });
    const refused = await collect(client, ProgressDoc, { jobId: job.id }).done.then(
      (events) => ({ events }),
      (errors: unknown) => ({ errors }),
    );
    await client.dispose();
    expect(refused).toEqual({ errors: [expect.objectContaining({ message: expect.stringMatching(/not found/), extensions: { code: "NOT_FOUND" } })] });
    expect((await ok(server, EnhancementJobDoc, { id: job.id }, { token: other.token })).enhancementJob.__typename).toBe("NotFoundError");
    expect((await ok(server, EnhancementJobsDoc, {}, { token: other.token })).enhancementJobs.edges).toEqual([]);
    const cancel = (await ok(server, CancelEnhancementDoc, { input: { id: job.id } }, { token: other.token })).cancelEnhancement;
    expect(cancel.__typename).toBe("NotFoundError");
    await waitForJob(server, owner.token, job.id);
  });

  it("progress is also readable over SSE", async () => {
    const u = await newUser(server);
    await seedProfile(server, u.token);
    const job = success(await start(u.token));
    await waitForJob(server, u.token, job.id);
    const res = await fetch(server.url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "text/event-stream", authorization: `Bearer ${u.token}` },
      body: JSON.stringify({ query: `subscription { enhancementProgress(jobId: "${job.id}") { status progress } }` }),
    });
    const text = await res.text();
    expect(text).toContain('"status":"COMPLETED"');
    expect(text).toContain('"progress":100');
  });
});

describe("versions", () => {
  it("rotates enhanced → previousEnhanced, switches useEnhanced, and reverts", async () => {
    const u = await newUser(server);
    const { currentId } = await seedProfile(server, u.token);
    await waitForJob(server, u.token, success(await start(u.token)).id);
    const first = (await ok(server, MyProfileDoc, {}, { token: u.token })).myProfile!.experiences.find((e) => e.id === currentId)!;
    await waitForJob(server, u.token, success(await start(u.token)).id);
    const rev = (await ok(server, RevertEnhancementDoc, { input: { itemId: currentId } }, { token: u.token })).revertEnhancement;
    const reverted = success(rev).experiences.find((e) => e.id === currentId)!;
    expect(reverted.enhancedBullets).toEqual(first.enhancedBullets);
    expect(reverted.previousEnhancedBullets).toBeNull();

    const use = success((await ok(server, SetUseEnhancedDoc, { input: { itemId: currentId, use: true } }, { token: u.token })).setUseEnhanced);
    expect(use.experiences.find((e) => e.id === currentId)!.useEnhanced).toBe(true);
    const sum = success((await ok(server, SetUseEnhancedDoc, { input: { use: true } }, { token: u.token })).setUseEnhanced);
    expect(sum.useEnhancedSummary).toBe(true);

    // Reverting with no older version drops the enhanced text and switches back to the original.
    const back = success((await ok(server, RevertEnhancementDoc, { input: { itemId: currentId } }, { token: u.token })).revertEnhancement);
    expect(back.experiences.find((e) => e.id === currentId)).toMatchObject({ enhancedBullets: null, useEnhanced: false });
    const none = (await ok(server, RevertEnhancementDoc, { input: { itemId: currentId } }, { token: u.token })).revertEnhancement;
    expect(none.__typename).toBe("PreconditionError");
  });

  it("setUseEnhanced on an item never enhanced is refused; another user's item is not found", async () => {
    const u = await newUser(server);
    const other = await newUser(server);
    const { currentId } = await seedProfile(server, u.token);
    await ok(server, UpsertProfileDoc, { input: { fullName: "Other" } }, { token: other.token });
    expect((await ok(server, SetUseEnhancedDoc, { input: { itemId: currentId, use: true } }, { token: u.token })).setUseEnhanced.__typename).toBe("PreconditionError");
    expect((await ok(server, SetUseEnhancedDoc, { input: { itemId: currentId, use: false } }, { token: other.token })).setUseEnhanced.__typename).toBe("NotFoundError");
    expect((await ok(server, RevertEnhancementDoc, { input: { itemId: currentId } }, { token: other.token })).revertEnhancement.__typename).toBe("NotFoundError");
  });
});

describe("cancel", () => {
  it("a queued job cancels at once and leaves the profile untouched; an ended job cannot be cancelled", async () => {
    const u = await newUser(server);
    await seedProfile(server, u.token);
    const before = (await ok(server, MyProfileDoc, {}, { token: u.token })).myProfile;
    // Stop the runner so the job stays queued (this is the file's last test).
    await server.app.services.runner.stop();
    {
      const job = success(await start(u.token));
      const c = success((await ok(server, CancelEnhancementDoc, { input: { id: job.id } }, { token: u.token })).cancelEnhancement);
      expect(c.status).toBe("CANCELLED");
      expect((await ok(server, MyProfileDoc, {}, { token: u.token })).myProfile).toEqual(before);
      const again = (await ok(server, CancelEnhancementDoc, { input: { id: job.id } }, { token: u.token })).cancelEnhancement;
      expect(again.__typename).toBe("ConflictError");
    }
  });
});
