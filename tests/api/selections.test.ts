/** Clients that select only the error branch (or only __typename) must still get a typed answer. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "graphql";
import { exec, startServer, type TestServer } from "../support/server.ts";
import { newUser } from "../support/accounts.ts";

let server: TestServer;
let token: string;
beforeAll(async () => {
  server = await startServer();
  token = (await newUser(server)).token;
});
afterAll(() => server.stop());

const run = (query: string) => exec(server, parse(query) as never, undefined, { token });

describe("selecting no field of the success type", () => {
  it.each([
    ["addExperience", `mutation { addExperience(input: { fields: { title: "T", company: "C" } }) { __typename ... on Error { message } } }`, "MutationAddExperienceSuccess"],
    ["addProject", `mutation { addProject(input: { fields: { name: "P" } }) { __typename ... on Error { message } } }`, "MutationAddProjectSuccess"],
    ["addEducation", `mutation { addEducation(input: { fields: { institution: "U" } }) { __typename ... on Error { message } } }`, "MutationAddEducationSuccess"],
    ["upsertProfile", `mutation { upsertProfile(input: { fullName: "N" }) { __typename } }`, "MutationUpsertProfileSuccess"],
    ["createJob", `mutation { createJob(input: { fields: { title: "T", description: "A job description long enough." } }) { __typename } }`, "MutationCreateJobSuccess"],
    ["job (not found)", `{ job(id: "nope") { __typename } }`, "NotFoundError"],
  ])("%s answers with its type", async (_n, query, typename) => {
    const res = await run(query);
    expect(res.errors).toBeUndefined();
    expect(Object.values(res.data as Record<string, { __typename: string }>)[0].__typename).toBe(typename);
  });
});
