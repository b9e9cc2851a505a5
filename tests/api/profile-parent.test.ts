/**
 * Issue 12, item 6: add, update, delete and reorder of experiences, projects and education return
 * the parent profile as it is after the change, so a normalised client cache (Apollo, urql
 * graphcache) updates the profile's lists from the mutation result alone, without a refetch.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql } from "../gql/index.ts";
import { ok, startServer, success, type TestServer } from "../support/server.ts";
import { newUser } from "../support/accounts.ts";

const AddExp = graphql(`mutation ParentAddExperience($input: AddExperienceInput!) { addExperience(input: $input) { __typename
  ... on MutationAddExperienceSuccess { data { id profile { id experiences { id title } } } } ... on Error { code } } }`);
const UpdateExp = graphql(`mutation ParentUpdateExperience($input: UpdateExperienceInput!) { updateExperience(input: $input) { __typename
  ... on MutationUpdateExperienceSuccess { data { id profile { id experiences { id title } } } } ... on Error { code } } }`);
const DeleteExp = graphql(`mutation ParentDeleteExperience($input: DeleteItemInput!) { deleteExperience(input: $input) { __typename
  __typename ... on MutationDeleteExperienceSuccess { data { deletedId profile { id experiences { id } } } } ... on Error { code } } }`);
const ReorderExp = graphql(`mutation ParentReorderExperiences($input: ReorderInput!) { reorderExperiences(input: $input) { __typename
  ... on MutationReorderExperiencesSuccess { data { id profile { id experiences { id } } } } ... on Error { code } } }`);
const AddProj = graphql(`mutation ParentAddProject($input: AddProjectInput!) { addProject(input: $input) { __typename
  ... on MutationAddProjectSuccess { data { id profile { id projects { id name } } } } ... on Error { code } } }`);
const DeleteProj = graphql(`mutation ParentDeleteProject($input: DeleteItemInput!) { deleteProject(input: $input) { __typename
  ... on MutationDeleteProjectSuccess { data { deletedId profile { id projects { id } } } } ... on Error { code } } }`);
const ReorderProj = graphql(`mutation ParentReorderProjects($input: ReorderInput!) { reorderProjects(input: $input) { __typename
  ... on MutationReorderProjectsSuccess { data { id profile { projects { id } } } } ... on Error { code } } }`);
const AddEdu = graphql(`mutation ParentAddEducation($input: AddEducationInput!) { addEducation(input: $input) { __typename
  ... on MutationAddEducationSuccess { data { id profile { id education { id institution } } } } ... on Error { code } } }`);
const DeleteEdu = graphql(`mutation ParentDeleteEducation($input: DeleteItemInput!) { deleteEducation(input: $input) { __typename
  ... on MutationDeleteEducationSuccess { data { deletedId profile { id education { id } } } } ... on Error { code } } }`);
const ReorderEdu = graphql(`mutation ParentReorderEducation($input: ReorderInput!) { reorderEducation(input: $input) { __typename
  ... on MutationReorderEducationSuccess { data { id profile { education { id } } } } ... on Error { code } } }`);

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.stop());

describe("list mutations return the parent profile", () => {
  it("experiences: the profile in each result holds the list after the change", async () => {
    const { token } = await newUser(server);
    const t = { token };
    const a = success((await ok(server, AddExp, { input: { fields: { title: "Engineer", company: "Acme" } } }, t)).addExperience);
    expect(a.profile.experiences.map((e) => e.id)).toEqual([a.id]);
    const b = success((await ok(server, AddExp, { input: { fields: { title: "Lead", company: "Initech" }, position: 0 } }, t)).addExperience);
    expect(b.profile.id).toBe(a.profile.id);
    expect(b.profile.experiences.map((e) => e.id)).toEqual([b.id, a.id]);

    const u = success((await ok(server, UpdateExp, { input: { id: a.id, fields: { title: "Senior Engineer" } } }, t)).updateExperience);
    expect(u.profile.experiences.find((e) => e.id === a.id)?.title).toBe("Senior Engineer");

    const r = success((await ok(server, ReorderExp, { input: { ids: [a.id, b.id] } }, t)).reorderExperiences);
    expect(r.map((e) => e.profile.experiences.map((x) => x.id))).toEqual([[a.id, b.id], [a.id, b.id]]);

    const d = success((await ok(server, DeleteExp, { input: { id: b.id } }, t)).deleteExperience);
    expect(d.deletedId).toBe(b.id);
    expect(d.profile).toEqual({ id: a.profile.id, experiences: [{ id: a.id }] });
  });

  it("projects and education likewise", async () => {
    const { token } = await newUser(server);
    const t = { token };
    const p1 = success((await ok(server, AddProj, { input: { fields: { name: "Compiler" } } }, t)).addProject);
    const p2 = success((await ok(server, AddProj, { input: { fields: { name: "Game" } } }, t)).addProject);
    expect(p2.profile.projects.map((p) => p.name)).toEqual(["Compiler", "Game"]);
    const pr = success((await ok(server, ReorderProj, { input: { ids: [p2.id, p1.id] } }, t)).reorderProjects);
    expect(pr[0].profile.projects.map((p) => p.id)).toEqual([p2.id, p1.id]);
    const pd = success((await ok(server, DeleteProj, { input: { id: p1.id } }, t)).deleteProject);
    expect(pd.profile.projects).toEqual([{ id: p2.id }]);

    const e1 = success((await ok(server, AddEdu, { input: { fields: { institution: "MIT" } } }, t)).addEducation);
    const e2 = success((await ok(server, AddEdu, { input: { fields: { institution: "ETH" } } }, t)).addEducation);
    expect(e2.profile.education.map((e) => e.institution)).toEqual(["MIT", "ETH"]);
    const er = success((await ok(server, ReorderEdu, { input: { ids: [e2.id, e1.id] } }, t)).reorderEducation);
    expect(er[1].profile.education.map((e) => e.id)).toEqual([e2.id, e1.id]);
    const ed = success((await ok(server, DeleteEdu, { input: { id: e2.id } }, t)).deleteEducation);
    expect(ed.profile.education).toEqual([{ id: e1.id }]);
  });

  it("another user's entry is not found and their profile is never returned", async () => {
    const owner = await newUser(server);
    const other = await newUser(server);
    const a = success((await ok(server, AddExp, { input: { fields: { title: "Engineer", company: "Acme" } } }, { token: owner.token })).addExperience);
    const d = (await ok(server, DeleteExp, { input: { id: a.id } }, { token: other.token })).deleteExperience;
    expect(d).toEqual({ __typename: "NotFoundError", code: "NOT_FOUND" });
  });
});
