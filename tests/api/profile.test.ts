import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exec, ok, startServer, success, type TestServer } from "../support/server.ts";
import { newUser } from "../support/accounts.ts";
import {
  AddEducationDoc, AddExperienceDoc, AddProjectDoc, DeleteExperienceDoc, MyProfileDoc, ReorderExperiencesDoc,
  UpdateExperienceDoc, UpsertProfileDoc,
} from "../support/profile-ops.ts";
import { db } from "../../src/db/client.ts";
import { sqlStats } from "../../src/db/instrument.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.stop());

const exp = (title: string, extra: Record<string, unknown> = {}) => ({
  fields: { title, company: "Acme Corp", startDate: "2019-01", endDate: "2020-06", bullets: ["Built things"], technologies: ["TypeScript"], ...extra },
});

describe("upsertProfile", () => {
  it("creates the profile, then updates only the given fields and clears nulls", async () => {
    const u = await newUser(server);
    expect((await ok(server, MyProfileDoc, {}, { token: u.token })).myProfile).toBeNull();
    const created = success(
      (
        await ok(server, UpsertProfileDoc, {
          input: {
            fullName: "Ada Lovelace",
            email: "ada@example.com",
            phone: "+44 20 7946 0958",
            location: "London",
            links: [{ label: "GitHub", url: "https://github.com/ada" }],
            summary: "Mathematician.",
            skills: { technical: ["Analytical Engine"], languages: ["English", "French"] },
            customFields: [{ key: "Pronouns", value: "she/her" }],
          },
        }, { token: u.token })
      ).upsertProfile,
    );
    expect(created).toMatchObject({ fullName: "Ada Lovelace", skills: { technical: ["Analytical Engine"], soft: [], languages: ["English", "French"] } });

    const updated = success((await ok(server, UpsertProfileDoc, { input: { location: "Paris", phone: null } }, { token: u.token })).upsertProfile);
    expect(updated).toMatchObject({ fullName: "Ada Lovelace", location: "Paris", phone: null, links: [{ label: "GitHub" }] });
    expect(updated.id).toBe(created.id);
  });

  it.each([
    ["a malformed email", { email: "ada@" }, ["input", "email"]],
    ["a non-http link", { links: [{ label: "Site", url: "javascript:alert(1)" }] }, ["input", "links", "0", "url"]],
    ["a too-long summary", { summary: "x".repeat(5001) }, ["input", "summary"]],
    ["duplicate skills", { skills: { technical: ["Go", "go"] } }, ["input", "skills", "technical"]],
    ["an empty skill", { skills: { soft: [" "] } }, ["input", "skills", "soft", "0"]],
    ["a phone with letters", { phone: "call me maybe" }, ["input", "phone"]],
    ["duplicate custom keys", { customFields: [{ key: "A", value: "1" }, { key: "a", value: "2" }] }, ["input", "customFields"]],
  ])("rejects %s with its field path and changes nothing", async (_n, input, path) => {
    const u = await newUser(server);
    await ok(server, UpsertProfileDoc, { input: { fullName: "Before" } }, { token: u.token });
    const r = (await ok(server, UpsertProfileDoc, { input }, { token: u.token })).upsertProfile;
    expect(r.__typename).toBe("ValidationError");
    expect((r as { fieldErrors: { path: string[] }[] }).fieldErrors[0].path).toEqual(path);
    const after = (await ok(server, MyProfileDoc, {}, { token: u.token })).myProfile!;
    expect(after.fullName).toBe("Before");
  });
});

describe("experiences", () => {
  it("adds at the end or at a position, updates partially, deletes and closes the gap, reorders", async () => {
    const u = await newUser(server);
    const add = async (input: Parameters<typeof exp>[0], position?: number) =>
      success((await ok(server, AddExperienceDoc, { input: { ...exp(input), position } }, { token: u.token })).addExperience);
    const a = await add("A");
    const b = await add("B");
    const c = await add("C", 0);
    let list = (await ok(server, MyProfileDoc, {}, { token: u.token })).myProfile!.experiences;
    expect(list.map((e) => [e.title, e.order])).toEqual([["C", 0], ["A", 1], ["B", 2]]);

    const upd = success((await ok(server, UpdateExperienceDoc, { input: { id: a.id, fields: { title: "A2", current: true, endDate: null } } }, { token: u.token })).updateExperience);
    expect(upd).toMatchObject({ title: "A2", company: "Acme Corp", current: true, endDate: null, bullets: ["Built things"] });

    await ok(server, DeleteExperienceDoc, { input: { id: c.id } }, { token: u.token });
    list = (await ok(server, MyProfileDoc, {}, { token: u.token })).myProfile!.experiences;
    expect(list.map((e) => [e.title, e.order])).toEqual([["A2", 0], ["B", 1]]);

    const re = success((await ok(server, ReorderExperiencesDoc, { input: { ids: [b.id, a.id] } }, { token: u.token })).reorderExperiences);
    expect(re.map((e) => [e.title, e.order])).toEqual([["B", 0], ["A2", 1]]);
  });

  it.each([
    ["an end before the start", { startDate: "2021-05", endDate: "2020-01" }, ["input", "endDate"], /before start/],
    ["a current role with an end date", { current: true, endDate: "2022-01" }, ["input", "endDate"], /current role/],
    ["an empty title", { title: "  " }, ["input", "title"], /empty/],
    ["a 201-character company", { company: "x".repeat(201) }, ["input", "company"], /at most 200/],
    ["duplicate technologies", { technologies: ["Go", "GO"] }, ["input", "technologies"], /duplicates/],
    ["51 bullets", { bullets: Array.from({ length: 51 }, (_, i) => `b${i}`) }, ["input", "bullets"], /50/],
  ])("rejects %s", async (_n, extra, path, message) => {
    const u = await newUser(server);
    const r = (await ok(server, AddExperienceDoc, { input: exp("T", extra) }, { token: u.token })).addExperience;
    expect(r.__typename).toBe("ValidationError");
    const fe = (r as { fieldErrors: { path: string[]; message: string }[] }).fieldErrors[0];
    expect(fe.path).toEqual(path);
    expect(fe.message).toMatch(message);
    expect(await db().experience.count({ where: { profile: { userId: u.id } } })).toBe(0);
  });

  it("rejects a malformed date at the GraphQL layer with a clear message", async () => {
    const u = await newUser(server);
    const res = await exec(server, AddExperienceDoc, { input: exp("T", { startDate: "March 2020" }) }, { token: u.token });
    expect(res.errors?.[0].message).toMatch(/use YYYY, YYYY-MM or YYYY-MM-DD/);
  });

  it("validates the merged item on update (end before the existing start)", async () => {
    const u = await newUser(server);
    const a = success((await ok(server, AddExperienceDoc, { input: exp("A") }, { token: u.token })).addExperience);
    const r = (await ok(server, UpdateExperienceDoc, { input: { id: a.id, fields: { endDate: "2018-01" } } }, { token: u.token })).updateExperience;
    expect(r.__typename).toBe("ValidationError");
  });

  it("reorder needs every id exactly once", async () => {
    const u = await newUser(server);
    const a = success((await ok(server, AddExperienceDoc, { input: exp("A") }, { token: u.token })).addExperience);
    const b = success((await ok(server, AddExperienceDoc, { input: exp("B") }, { token: u.token })).addExperience);
    for (const ids of [[a.id], [a.id, a.id], [a.id, b.id, a.id]]) {
      const r = (await ok(server, ReorderExperiencesDoc, { input: { ids } }, { token: u.token })).reorderExperiences;
      expect(r.__typename).toBe("ValidationError");
    }
    const list = (await ok(server, MyProfileDoc, {}, { token: u.token })).myProfile!.experiences;
    expect(list.map((e) => e.title)).toEqual(["A", "B"]);
  });
});

describe("projects and education", () => {
  it("adds both kinds with their own validation", async () => {
    const u = await newUser(server);
    const p = (await ok(server, AddProjectDoc, { input: { fields: { name: "Engine", url: "https://example.com/engine", bullets: ["Designed it"] } } }, { token: u.token })).addProject;
    expect(success(p)).toMatchObject({ name: "Engine", order: 0 });
    const badUrl = (await ok(server, AddProjectDoc, { input: { fields: { name: "X", url: "ftp://x" } } }, { token: u.token })).addProject;
    expect(badUrl.__typename).toBe("ValidationError");
    const e = (await ok(server, AddEducationDoc, { input: { fields: { institution: "University of London", degree: "BSc", startDate: "2010", endDate: "2013" } } }, { token: u.token })).addEducation;
    expect(success(e)).toMatchObject({ institution: "University of London", order: 0 });
    const noInst = (await ok(server, AddEducationDoc, { input: { fields: { degree: "BSc" } } }, { token: u.token })).addEducation;
    expect(noInst.__typename).toBe("ValidationError");
  });
});

describe("no N+1", () => {
  it("reads a profile with its lists in the same number of SQL statements whatever their size", async () => {
    const count = async (n: number) => {
      const u = await newUser(server);
      await ok(server, UpsertProfileDoc, { input: { fullName: "N" } }, { token: u.token });
      for (let i = 0; i < n; i++) {
        await ok(server, AddExperienceDoc, { input: exp(`E${i}`) }, { token: u.token });
        await ok(server, AddProjectDoc, { input: { fields: { name: `P${i}` } } }, { token: u.token });
        await ok(server, AddEducationDoc, { input: { fields: { institution: `U${i}` } } }, { token: u.token });
      }
      const before = sqlStats.statements;
      const data = await ok(server, MyProfileDoc, {}, { token: u.token });
      expect(data.myProfile!.experiences).toHaveLength(n);
      return sqlStats.statements - before;
    };
    const small = await count(1);
    const large = await count(12);
    expect(large).toBe(small);
    expect(large).toBeLessThanOrEqual(6);
  });
});
