/**
 * Issue 12, item 2: `profileUpdated` emits after every change to the profile, whichever path made
 * it (each was silent before, except upsertProfile). One subscriber follows one user through all
 * of them; each step waits for its own event.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { print } from "graphql";
import { graphql } from "../gql/index.ts";
import { collect, ok, startServer, success, wsClient, type TestServer } from "../support/server.ts";
import { newUser } from "../support/accounts.ts";
import {
  AddEducationDoc, AddExperienceDoc, AddProjectDoc, DeleteExperienceDoc, DeleteProjectDoc, ReorderExperiencesDoc,
  UpdateExperienceDoc, UpsertProfileDoc,
} from "../support/profile-ops.ts";
import { EnhanceProfileDoc, RevertEnhancementDoc, SetUseEnhancedDoc, seedProfile, waitForJob } from "../support/enhancement-ops.ts";
import { upload } from "../support/upload.ts";

const ProfileEventsDoc = graphql(`subscription ProfileEvents { profileUpdated { id fullName enhancementVersion experiences { id title useEnhanced } projects { id } education { id } } }`);
const ImportMergeEventsDoc = graphql(`
  mutation ImportMergeEvents($input: ImportResumeInput!) { importResume(input: $input) { __typename ... on Error { message } } }
`);

type Event = { profileUpdated: { experiences: { id: string; title: string; useEnhanced: boolean }[]; projects: { id: string }[]; education: { id: string }[]; enhancementVersion: number } };

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.stop());

describe("profileUpdated", () => {
  it("emits after every change path: CRUD, order, import MERGE, a finished enhancement, version choices", async () => {
    const u = await newUser(server);
    const client = wsClient(server, { authorization: `Bearer ${u.token}` });
    const events: Event[] = [];
    const waiters: (() => void)[] = [];
    const unsubscribe = client.subscribe<Event>({ query: print(ProfileEventsDoc) }, {
      next: (e) => {
        events.push(e.data as Event);
        waiters.splice(0).forEach((w) => w());
      },
      error: () => undefined,
      complete: () => undefined,
    });
    await new Promise((r) => setTimeout(r, 300));
    /** Runs a change and returns the event it caused (fails the test after 5 s of silence). */
    const step = async (name: string, change: () => Promise<unknown>): Promise<Event["profileUpdated"]> => {
      const before = events.length;
      await change();
      const deadline = Date.now() + 5000;
      while (events.length === before) {
        if (Date.now() > deadline) throw new Error(`no profileUpdated event after ${name}`);
        await new Promise<void>((r) => {
          waiters.push(r);
          setTimeout(r, 100);
        });
      }
      return events[events.length - 1].profileUpdated;
    };
    const t = { token: u.token };

    await step("upsertProfile", () => ok(server, UpsertProfileDoc, { input: { fullName: "Grace Hopper", summary: "I build compilers and tools for people." } }, t));
    let a = "";
    let b = "";
    let after = await step("addExperience", async () => {
      a = success((await ok(server, AddExperienceDoc, { input: { fields: { title: "Engineer", company: "Acme", startDate: "2019", bullets: ["Worked on the billing API in Python"] } } }, t)).addExperience).id;
    });
    expect(after.experiences.map((e) => e.id)).toEqual([a]);
    await step("second addExperience", async () => {
      b = success((await ok(server, AddExperienceDoc, { input: { fields: { title: "Lead", company: "Initech", startDate: "2021", bullets: ["Responsible for managing a team of 5"] } } }, t)).addExperience).id;
    });
    after = await step("updateExperience", () => ok(server, UpdateExperienceDoc, { input: { id: a, fields: { title: "Senior Engineer" } } }, t));
    expect(after.experiences.find((e) => e.id === a)?.title).toBe("Senior Engineer");
    after = await step("reorderExperiences", () => ok(server, ReorderExperiencesDoc, { input: { ids: [b, a] } }, t));
    expect(after.experiences.map((e) => e.id)).toEqual([b, a]);
    let p = "";
    after = await step("addProject", async () => {
      p = success((await ok(server, AddProjectDoc, { input: { fields: { name: "Compiler", bullets: ["Wrote a parser"] } } }, t)).addProject).id;
    });
    expect(after.projects).toHaveLength(1);
    after = await step("deleteProject", () => ok(server, DeleteProjectDoc, { input: { id: p } }, t));
    expect(after.projects).toHaveLength(0);
    after = await step("addEducation", () => ok(server, AddEducationDoc, { input: { fields: { institution: "Yale University", degree: "PhD" } } }, t));
    expect(after.education).toHaveLength(1);

    const resume = new TextEncoder().encode("Grace Hopper\n\nExperience\nData Engineer, Globex Corporation\n2015 - 2018\n- Built reporting pipelines in SQL\n");
    after = await step("importResume MERGE", () => upload(server, ImportMergeEventsDoc, { input: { file: null as never, mode: "MERGE", force: true } }, { name: "cv.txt", bytes: resume }, t));
    expect(after.experiences.length).toBeGreaterThanOrEqual(3);

    let version = after.enhancementVersion;
    after = await step("a finished enhancement", async () => {
      const job = success((await ok(server, EnhanceProfileDoc, { input: { useDefaultStyle: true } }, t)).enhanceProfile);
      await waitForJob(server, u.token, job.id);
    });
    expect(after.enhancementVersion).toBe(version + 1);
    version = after.enhancementVersion;

    after = await step("setUseEnhanced", () => ok(server, SetUseEnhancedDoc, { input: { itemId: b, use: true } }, t));
    expect(after.experiences.find((e) => e.id === b)?.useEnhanced).toBe(true);
    await step("revertEnhancement", () => ok(server, RevertEnhancementDoc, { input: { itemId: b } }, t));
    after = await step("deleteExperience", () => ok(server, DeleteExperienceDoc, { input: { id: a } }, t));
    expect(after.experiences.map((e) => e.id)).not.toContain(a);

    unsubscribe();
    await client.dispose();
  }, 60_000);

  it("tells no other user", async () => {
    const [alice, bob] = [await newUser(server), await newUser(server)];
    const client = wsClient(server, { authorization: `Bearer ${bob.token}` });
    const seen: unknown[] = [];
    const unsubscribe = client.subscribe({ query: print(ProfileEventsDoc) }, { next: (e) => seen.push(e), error: () => undefined, complete: () => undefined });
    await new Promise((r) => setTimeout(r, 300));
    await ok(server, AddExperienceDoc, { input: { fields: { title: "Engineer", company: "Acme", startDate: "2019" } } }, { token: alice.token });
    await new Promise((r) => setTimeout(r, 500));
    expect(seen).toEqual([]);
    unsubscribe();
    await client.dispose();
  });
});

const MyJobsDoc = graphql(`subscription MyJobs { myEnhancementJobs { id status progress revision } }`);

describe("myEnhancementJobs", () => {
  it("a client that subscribes before starting a job sees it queued, its progress and its end, in order; no other user does", async () => {
    const [u, other] = [await newUser(server), await newUser(server)];
    await seedProfile(server, u.token);
    const mine = collect(wsClient(server, { authorization: `Bearer ${u.token}` }), MyJobsDoc, {}, (events) => events.some((e) => e.data?.myEnhancementJobs.status === "COMPLETED"));
    const theirs = collect(wsClient(server, { authorization: `Bearer ${other.token}` }), MyJobsDoc, {});
    await new Promise((r) => setTimeout(r, 300));
    const job = success((await ok(server, EnhanceProfileDoc, { input: { useDefaultStyle: true } }, { token: u.token })).enhanceProfile);
    const events = (await mine.done).map((e) => e.data!.myEnhancementJobs);
    expect(events.every((e) => e.id === job.id)).toBe(true);
    expect(events[0].status).toBe("QUEUED");
    expect(events.at(-1)!.status).toBe("COMPLETED");
    const revisions = events.map((e) => e.revision);
    expect(revisions).toEqual([...revisions].sort((x, y) => x - y));
    const progress = events.map((e) => e.progress);
    expect(progress).toEqual([...progress].sort((x, y) => x - y));
    await new Promise((r) => setTimeout(r, 200));
    expect(theirs.events).toEqual([]);
    theirs.cancel();
  }, 30_000);
});
