import { graphql } from "../gql/index.ts";
import { ok, success, type TestServer } from "./server.ts";
import { AddExperienceDoc, AddProjectDoc, UpsertProfileDoc } from "./profile-ops.ts";

export const EnhanceProfileDoc = graphql(`
  mutation EnhanceProfile($input: EnhanceProfileInput!) {
    enhanceProfile(input: $input) {
      __typename
      ... on MutationEnhanceProfileSuccess { data { id status progress provider } }
      ... on Error { message code }
    }
  }
`);
export const EnhancementJobDoc = graphql(`
  query EnhancementJob($id: ID!) {
    enhancementJob(id: $id) {
      __typename
      ... on QueryEnhancementJobSuccess {
        data {
          id status progress step message revision provider attempts error
          result { changed { kind itemId } unchanged { kind itemId } rejected { kind itemId violations { kind value } } }
        }
      }
      ... on Error { message code }
    }
  }
`);
export const EnhancementJobsDoc = graphql(`query EnhancementJobs { enhancementJobs(first: 10) { edges { node { id status } } } }`);
export const CancelEnhancementDoc = graphql(`
  mutation CancelEnhancement($input: CancelEnhancementInput!) {
    cancelEnhancement(input: $input) {
      __typename
      ... on MutationCancelEnhancementSuccess { data { id status } }
      ... on Error { message code }
    }
  }
`);
export const ProgressDoc = graphql(`
  subscription Progress($jobId: ID!) {
    enhancementProgress(jobId: $jobId) { id status progress step message revision }
  }
`);
export const SetUseEnhancedDoc = graphql(`
  mutation SetUseEnhanced($input: SetUseEnhancedInput!) {
    setUseEnhanced(input: $input) {
      __typename
      ... on MutationSetUseEnhancedSuccess { data { useEnhancedSummary experiences { id useEnhanced } } }
      ... on Error { message code }
    }
  }
`);
export const RevertEnhancementDoc = graphql(`
  mutation RevertEnhancement($input: RevertEnhancementInput!) {
    revertEnhancement(input: $input) {
      __typename
      ... on MutationRevertEnhancementSuccess { data { experiences { id enhancedBullets previousEnhancedBullets useEnhanced } } }
      ... on Error { message code }
    }
  }
`);

/** A profile with a summary, two experiences (one current) and a project: the enhancer's input. */
export async function seedProfile(server: Pick<TestServer, "url">, token: string, extraBullet?: string) {
  await ok(server, UpsertProfileDoc, {
    input: {
      fullName: "Grace Hopper",
      summary: "I am a software engineer who really basically likes building compilers and various tools.",
      skills: { technical: ["COBOL", "Python"] },
    },
  }, { token });
  const current = success((await ok(server, AddExperienceDoc, {
    input: {
      fields: {
        title: "Senior Engineer", company: "Acme Corp", startDate: "2021-01", current: true,
        bullets: ["Responsible for managing a team of 5 engineers", "Worked on the billing API in Python", ...(extraBullet ? [extraBullet] : [])],
        technologies: ["Python"],
      },
    },
  }, { token })).addExperience);
  const past = success((await ok(server, AddExperienceDoc, {
    input: {
      fields: {
        title: "Engineer", company: "Remington Rand", startDate: "2015-01", endDate: "2020-12",
        bullets: ["Helped with the migration of 40 services to Kubernetes", "Successfully reduced build time by 30%"],
      },
    },
  }, { token })).addExperience);
  const project = success((await ok(server, AddProjectDoc, { input: { fields: { name: "Compiler", bullets: ["Was involved in writing a COBOL parser"] } } }, { token })).addProject);
  return { currentId: current.id, pastId: past.id, projectId: project.id };
}

/** Polls the job until it ends (for tests that do not subscribe). */
export async function waitForJob(server: Pick<TestServer, "url">, token: string, id: string, timeoutMs = 20_000) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const r = (await ok(server, EnhancementJobDoc, { id }, { token })).enhancementJob;
    const job = success(r);
    if (["COMPLETED", "FAILED", "CANCELLED"].includes(job.status)) return job;
    if (Date.now() > end) throw new Error(`job ${id} still ${job.status} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
