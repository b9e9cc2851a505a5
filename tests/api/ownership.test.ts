/**
 * Ownership matrix: for every operation that takes an id, another user's id answers NOT_FOUND
 * (never "forbidden": that would confirm the id exists) and changes nothing.
 * Later modules add their operations to OPERATIONS.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ok, startServer, success, type TestServer } from "../support/server.ts";
import { waitForJob } from "../support/enhancement-ops.ts";
import { newUser } from "../support/accounts.ts";
import {
  AddEducationDoc, AddExperienceDoc, AddProjectDoc, DeleteEducationDoc, DeleteExperienceDoc, DeleteProjectDoc,
  ReorderEducationDoc, ReorderExperiencesDoc, ReorderProjectsDoc, UpdateEducationDoc, UpdateExperienceDoc, UpdateProjectDoc,
} from "../support/profile-ops.ts";
import {
  AtsDoc, BACKEND_JOB, CreateJobDoc, DeleteDocumentDoc, DeleteJobDoc, DocumentDoc, DocumentsDoc, GenerateCoverLetterDoc, GenerateResumeDoc,
  JobDoc, RankDoc, RankingDoc, SaveDocumentDoc, SetStatusDoc, UpdateDocumentDoc, UpdateJobDoc,
} from "../support/job-ops.ts";
import { CancelEnhancementDoc, EnhanceProfileDoc, EnhancementJobDoc } from "../support/enhancement-ops.ts";
import { graphql } from "../gql/index.ts";
import { CancelInterviewDoc, RescheduleInterviewDoc, ScheduleInterviewDoc } from "../support/notify-ops.ts";

const GenerationDoc = graphql(`query GenerationById($id: ID!) { generation(id: $id) { __typename ... on Error { code } } }`);
const SnapshotDoc = graphql(`
  query OwnerSnapshot {
    myProfile { ...ProfileFields }
    jobs(first: 50) { edges { node { id title status applicationStatus statusHistory { to } followUpDays interviews { id at note } } } }
    documents(first: 50) { edges { node { id title version content } } }
    enhancementJobs(first: 10) { edges { node { id status } } }
  }
`);

let server: TestServer;
let owner: { token: string };
let intruder: { token: string };
let ids: { experience: string; project: string; education: string; job: string; generation: string; document: string; enhancement: string; interview: string };

beforeAll(async () => {
  server = await startServer();
  owner = await newUser(server);
  intruder = await newUser(server);
  const t = { token: owner.token };
  ids = {
    experience: success((await ok(server, AddExperienceDoc, { input: { fields: { title: "Engineer", company: "Acme" } } }, t)).addExperience).id,
    project: success((await ok(server, AddProjectDoc, { input: { fields: { name: "Engine" } } }, t)).addProject).id,
    education: success((await ok(server, AddEducationDoc, { input: { fields: { institution: "MIT" } } }, t)).addEducation).id,
    job: "",
    generation: "",
    document: "",
    enhancement: "",
    interview: "",
  };
  await ok(server, UpdateExperienceDoc, { input: { id: ids.experience, fields: { bullets: ["Built Python services on Kubernetes"] } } }, t);
  ids.job = success((await ok(server, CreateJobDoc, { input: { text: BACKEND_JOB } }, t)).createJob).id;
  ids.interview = success((await ok(server, ScheduleInterviewDoc, { input: { jobId: ids.job, at: new Date(Date.now() + 5 * 86_400_000).toISOString() } }, t)).scheduleInterview).id;
  ids.generation = success((await ok(server, GenerateResumeDoc, { input: { jobId: ids.job } }, t)).generateResume).id;
  ids.document = success((await ok(server, SaveDocumentDoc, { input: { generationId: ids.generation, title: "Mine" } }, t)).saveDocument).id;
  ids.enhancement = success((await ok(server, EnhanceProfileDoc, { input: { useDefaultStyle: true } }, t)).enhanceProfile).id;
  // The intruder has items of their own, so "reorder" with a foreign id is a real attempt.
  const i = { token: intruder.token };
  await ok(server, AddExperienceDoc, { input: { fields: { title: "Mine", company: "Mine" } } }, i);
  await ok(server, AddProjectDoc, { input: { fields: { name: "Mine" } } }, i);
  await ok(server, AddEducationDoc, { input: { fields: { institution: "Mine" } } }, i);
  await waitForJob(server, owner.token, ids.enhancement);
});
afterAll(() => server.stop());

type Result = { __typename?: string } & Record<string, unknown>;
const OPERATIONS: [string, (token: string) => Promise<Result>][] = [
  ["updateExperience", async (token) => (await ok(server, UpdateExperienceDoc, { input: { id: ids.experience, fields: { title: "Hacked" } } }, { token })).updateExperience],
  ["deleteExperience", async (token) => (await ok(server, DeleteExperienceDoc, { input: { id: ids.experience } }, { token })).deleteExperience],
  ["reorderExperiences", async (token) => (await ok(server, ReorderExperiencesDoc, { input: { ids: [ids.experience] } }, { token })).reorderExperiences],
  ["updateProject", async (token) => (await ok(server, UpdateProjectDoc, { input: { id: ids.project, fields: { name: "Hacked" } } }, { token })).updateProject],
  ["deleteProject", async (token) => (await ok(server, DeleteProjectDoc, { input: { id: ids.project } }, { token })).deleteProject],
  ["reorderProjects", async (token) => (await ok(server, ReorderProjectsDoc, { input: { ids: [ids.project] } }, { token })).reorderProjects],
  ["updateEducation", async (token) => (await ok(server, UpdateEducationDoc, { input: { id: ids.education, fields: { degree: "Hacked" } } }, { token })).updateEducation],
  ["deleteEducation", async (token) => (await ok(server, DeleteEducationDoc, { input: { id: ids.education } }, { token })).deleteEducation],
  ["reorderEducation", async (token) => (await ok(server, ReorderEducationDoc, { input: { ids: [ids.education] } }, { token })).reorderEducation],
  ["job", async (token) => (await ok(server, JobDoc, { id: ids.job }, { token })).job],
  ["updateJob", async (token) => (await ok(server, UpdateJobDoc, { input: { id: ids.job, title: "Hacked" } }, { token })).updateJob],
  ["deleteJob", async (token) => (await ok(server, DeleteJobDoc, { input: { id: ids.job } }, { token })).deleteJob],
  ["setApplicationStatus", async (token) => (await ok(server, SetStatusDoc, { input: { jobId: ids.job, status: "REJECTED" } }, { token })).setApplicationStatus],
  ["scheduleInterview", async (token) => (await ok(server, ScheduleInterviewDoc, { input: { jobId: ids.job, at: new Date(Date.now() + 86_400_000).toISOString() } }, { token })).scheduleInterview],
  ["rescheduleInterview", async (token) => (await ok(server, RescheduleInterviewDoc, { input: { id: ids.interview, at: new Date(Date.now() + 86_400_000).toISOString() } }, { token })).rescheduleInterview],
  ["cancelInterview", async (token) => (await ok(server, CancelInterviewDoc, { input: { id: ids.interview } }, { token })).cancelInterview],
  ["rankProfileForJob", async (token) => (await ok(server, RankDoc, { input: { jobId: ids.job } }, { token })).rankProfileForJob],
  ["ranking", async (token) => (await ok(server, RankingDoc, { jobId: ids.job }, { token })).ranking],
  ["generateResume", async (token) => (await ok(server, GenerateResumeDoc, { input: { jobId: ids.job } }, { token })).generateResume],
  ["generateCoverLetter", async (token) => (await ok(server, GenerateCoverLetterDoc, { input: { jobId: ids.job } }, { token })).generateCoverLetter],
  ["atsReport by job", async (token) => (await ok(server, AtsDoc, { input: { jobId: ids.job, text: "Python" } }, { token })).atsReport],
  ["generation", async (token) => (await ok(server, GenerationDoc, { id: ids.generation }, { token })).generation],
  ["saveDocument", async (token) => (await ok(server, SaveDocumentDoc, { input: { generationId: ids.generation, title: "Stolen" } }, { token })).saveDocument],
  ["document", async (token) => (await ok(server, DocumentDoc, { id: ids.document }, { token })).document],
  ["updateDocument", async (token) => (await ok(server, UpdateDocumentDoc, { input: { id: ids.document, content: "hacked" } }, { token })).updateDocument],
  ["deleteDocument", async (token) => (await ok(server, DeleteDocumentDoc, { input: { id: ids.document } }, { token })).deleteDocument],
  ["enhancementJob", async (token) => (await ok(server, EnhancementJobDoc, { id: ids.enhancement }, { token })).enhancementJob],
  ["cancelEnhancement", async (token) => (await ok(server, CancelEnhancementDoc, { input: { id: ids.enhancement } }, { token })).cancelEnhancement],
];

describe("another user's id", () => {
  it.each(OPERATIONS)("%s answers NOT_FOUND and changes nothing", async (_name, run) => {
    const before = await ok(server, SnapshotDoc, {}, { token: owner.token });
    const result = await run(intruder.token);
    expect(result).toMatchObject({ __typename: "NotFoundError", code: "NOT_FOUND" });
    const after = await ok(server, SnapshotDoc, {}, { token: owner.token });
    expect(after).toEqual(before);
  });

  it("filtering documents by another user's job lists nothing and says nothing about that job", async () => {
    const foreign = (await ok(server, DocumentsDoc, { jobId: ids.job }, { token: intruder.token })).documents;
    const unknown = (await ok(server, DocumentsDoc, { jobId: "c00000000000000000000000" }, { token: intruder.token })).documents;
    expect(foreign).toEqual({ edges: [] });
    expect(unknown).toEqual(foreign);
    expect((await ok(server, DocumentsDoc, { jobId: ids.job }, { token: owner.token })).documents.edges).toHaveLength(1);
  });

  it("an unknown id answers the same NOT_FOUND as a foreign one", async () => {
    const foreign = (await ok(server, UpdateExperienceDoc, { input: { id: ids.experience, fields: { title: "x" } } }, { token: intruder.token })).updateExperience;
    const unknown = (await ok(server, UpdateExperienceDoc, { input: { id: "c00000000000000000000000", fields: { title: "x" } } }, { token: intruder.token })).updateExperience;
    expect(Object.keys(foreign)).toEqual(Object.keys(unknown));
    expect(foreign.__typename).toBe(unknown.__typename);
  });

  it("the download route answers 404 for another user's document", async () => {
    const base = server.url.replace("/graphql", "");
    const res = await fetch(`${base}/documents/${ids.document}/export?format=txt`, { headers: { authorization: `Bearer ${intruder.token}` } });
    expect(res.status).toBe(404);
    const mine = await fetch(`${base}/documents/${ids.document}/export?format=txt`, { headers: { authorization: `Bearer ${owner.token}` } });
    expect(mine.status).toBe(200);
  });

  it("the owner can still do all of it", async () => {
    const r = await OPERATIONS[0][1](owner.token);
    expect(r.__typename).toBe("MutationUpdateExperienceSuccess");
  });
});
