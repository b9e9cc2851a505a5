/**
 * Ownership matrix: for every operation that takes an id, another user's id answers NOT_FOUND
 * (never "forbidden": that would confirm the id exists) and changes nothing.
 * Later modules add their operations to OPERATIONS.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ok, startServer, success, type TestServer } from "../support/server.ts";
import { newUser } from "../support/accounts.ts";
import {
  AddEducationDoc, AddExperienceDoc, AddProjectDoc, DeleteEducationDoc, DeleteExperienceDoc, DeleteProjectDoc, MyProfileDoc,
  ReorderEducationDoc, ReorderExperiencesDoc, ReorderProjectsDoc, UpdateEducationDoc, UpdateExperienceDoc, UpdateProjectDoc,
} from "../support/profile-ops.ts";

let server: TestServer;
let owner: { token: string };
let intruder: { token: string };
let ids: { experience: string; project: string; education: string };

beforeAll(async () => {
  server = await startServer();
  owner = await newUser(server);
  intruder = await newUser(server);
  const t = { token: owner.token };
  ids = {
    experience: success((await ok(server, AddExperienceDoc, { input: { fields: { title: "Engineer", company: "Acme" } } }, t)).addExperience).id,
    project: success((await ok(server, AddProjectDoc, { input: { fields: { name: "Engine" } } }, t)).addProject).id,
    education: success((await ok(server, AddEducationDoc, { input: { fields: { institution: "MIT" } } }, t)).addEducation).id,
  };
  // The intruder has items of their own, so "reorder" with a foreign id is a real attempt.
  const i = { token: intruder.token };
  await ok(server, AddExperienceDoc, { input: { fields: { title: "Mine", company: "Mine" } } }, i);
  await ok(server, AddProjectDoc, { input: { fields: { name: "Mine" } } }, i);
  await ok(server, AddEducationDoc, { input: { fields: { institution: "Mine" } } }, i);
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
];

describe("another user's id", () => {
  it.each(OPERATIONS)("%s answers NOT_FOUND and changes nothing", async (_name, run) => {
    const before = await ok(server, MyProfileDoc, {}, { token: owner.token });
    const result = await run(intruder.token);
    expect(result).toMatchObject({ __typename: "NotFoundError", code: "NOT_FOUND" });
    const after = await ok(server, MyProfileDoc, {}, { token: owner.token });
    expect(after).toEqual(before);
  });

  it("an unknown id answers the same NOT_FOUND as a foreign one", async () => {
    const foreign = (await ok(server, UpdateExperienceDoc, { input: { id: ids.experience, fields: { title: "x" } } }, { token: intruder.token })).updateExperience;
    const unknown = (await ok(server, UpdateExperienceDoc, { input: { id: "c00000000000000000000000", fields: { title: "x" } } }, { token: intruder.token })).updateExperience;
    expect(Object.keys(foreign)).toEqual(Object.keys(unknown));
    expect(foreign.__typename).toBe(unknown.__typename);
  });

  it("the owner can still do all of it", async () => {
    const r = await OPERATIONS[0][1](owner.token);
    expect(r.__typename).toBe("MutationUpdateExperienceSuccess");
  });
});
