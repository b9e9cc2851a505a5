// A server for bench/read-path.ts, in its own process so the load generator does not share its
// event loop. `jobwise`: the real app (buildApp, temp SQLite) with one seeded user whose profile
// has 30 experiences × 5 bullets; `bare`: graphql-yoga with a one-field schema and no plugins.
// Prints one line `READY {"url":…,"token":…}` and runs until killed.
//   node --import tsx bench/read-path-server.ts jobwise|bare
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";
import { createSchema, createYoga } from "graphql-yoga";
import { gql, register, unwrap } from "./lib.ts";
import { startServer } from "../tests/support/server.ts";

export const EXPERIENCES = 30;
export const BULLETS = 5;

async function jobwise(): Promise<{ url: string; token: string }> {
  // LOG_LEVEL info, as deployed: every request writes its access line to stdout (which goes to /dev/null),
  // not into the test harness's in-memory array (which grows and adds garbage collection of its own).
  const server = await startServer({ LOG_LEVEL: process.env.LOG_LEVEL ?? "info", NODE_ENV: "production" }, undefined, { logs: "stdout" });
  process.once("SIGTERM", () => void server.stop().finally(() => process.exit(0)));
  const url = server.url;
  const token = await register(url);
  await gql(url, `mutation($input: UpsertProfileInput!) { upsertProfile(input: $input) { __typename ... on Error { message } } }`, {
    input: { fullName: "Bench Marker", summary: "Backend engineer who builds payment and data platforms.", skills: { technical: ["Go", "PostgreSQL", "Kafka"] } },
  }, token);
  for (let i = 0; i < EXPERIENCES; i++) {
    const bullets = Array.from({ length: BULLETS }, (_, b) => `Delivered outcome ${b + 1} of role ${i + 1}: cut latency by ${10 + b}% for ${i + 2} teams using Go`);
    const data = await gql(url, `mutation($input: AddExperienceInput!) { addExperience(input: $input) { __typename ... on MutationAddExperienceSuccess { data { id } } ... on Error { message } } }`, {
      input: { fields: { title: "Software Engineer", company: `Company ${i + 1}`, startDate: `${2000 + i}-01`, endDate: `${2000 + i}-12`, bullets, technologies: ["Go", "PostgreSQL"] } },
    }, token);
    unwrap(data.addExperience);
  }
  for (let i = 0; i < 3; i++) {
    unwrap((await gql(url, `mutation($input: AddProjectInput!) { addProject(input: $input) { __typename ... on MutationAddProjectSuccess { data { id } } ... on Error { message } } }`, { input: { fields: { name: `Project ${i}`, bullets: ["Wrote it in Go", "Used by 3 teams"] } } }, token)).addProject);
  }
  unwrap((await gql(url, `mutation($input: AddEducationInput!) { addEducation(input: $input) { __typename ... on MutationAddEducationSuccess { data { id } } ... on Error { message } } }`, { input: { fields: { institution: "University of Waterloo", degree: "BSc" } } }, token)).addEducation);
  return { url, token };
}

async function bare(): Promise<{ url: string; token: string }> {
  const yoga = createYoga({ schema: createSchema({ typeDefs: "type Query { hello: String }", resolvers: {} }), logging: false, landingPage: false, graphiql: false });
  const server = createServer(yoga);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  process.once("SIGTERM", () => server.close(() => process.exit(0)));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, token: "" };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const ready = await (process.argv[2] === "bare" ? bare() : jobwise());
  process.stderr.write(`READY ${JSON.stringify(ready)}\n`);
}
