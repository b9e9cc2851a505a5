import { graphql } from "../gql/index.ts";

export const BACKEND_JOB = `Senior Backend Engineer
Acme Robotics — Berlin, Germany (Hybrid, 3 days in office)

About us
Acme Robotics builds warehouse robots.

What you'll do
- Design and build Python services for fleet telemetry
- Run our services on Kubernetes and AWS

Requirements
- 5+ years of backend experience with Python
- Experience with PostgreSQL and Kubernetes
- Strong communication skills

Nice to have
- Experience with Go
- Knowledge of Terraform

Benefits
- 30 days of paid vacation
- Salary: €70,000 – €90,000 per year
`;

export const CreateJobDoc = graphql(`
  mutation CreateJob($input: CreateJobInput!) {
    createJob(input: $input) {
      __typename
      ... on MutationCreateJobSuccess {
        data {
          id title company location description keywords provider source remoteMode seniority yearsExperience applicationStatus status
          requirements { text required keywords }
          responsibilities benefits
          salary { min max currency period }
        }
      }
      ... on Error { message code }
      ... on ValidationError { fieldErrors { path message } }
    }
  }
`);
export const JobDoc = graphql(`
  query Job($id: ID!) {
    job(id: $id) {
      __typename
      ... on QueryJobSuccess { data { id title applicationStatus statusHistory { from to note at } } }
      ... on Error { message code }
    }
  }
`);
export const JobsDoc = graphql(`
  query Jobs($status: JobStatus, $applicationStatus: ApplicationStatus, $search: String, $first: Int, $after: String) {
    jobs(status: $status, applicationStatus: $applicationStatus, search: $search, first: $first, after: $after) {
      edges { cursor node { id title company applicationStatus status } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);
export const UpdateJobDoc = graphql(`
  mutation UpdateJob($input: UpdateJobInput!) {
    updateJob(input: $input) {
      __typename
      ... on MutationUpdateJobSuccess { data { id title status keywords } }
      ... on Error { message code }
    }
  }
`);
export const DeleteJobDoc = graphql(`
  mutation DeleteJob($input: DeleteJobInput!) {
    deleteJob(input: $input) { __typename ... on MutationDeleteJobSuccess { data { deletedId } } ... on Error { message code } }
  }
`);
export const SetStatusDoc = graphql(`
  mutation SetStatus($input: SetApplicationStatusInput!) {
    setApplicationStatus(input: $input) {
      __typename
      ... on MutationSetApplicationStatusSuccess { data { id applicationStatus statusHistory { from to note } } }
      ... on Error { message code }
    }
  }
`);
export const RankDoc = graphql(`
  mutation Rank($input: RankProfileForJobInput!) {
    rankProfileForJob(input: $input) {
      __typename
      ... on MutationRankProfileForJobSuccess { data { id provider items { kind itemId bulletIndex text score matchedKeywords reason } } }
      ... on Error { message code }
    }
  }
`);
export const RankingDoc = graphql(`
  query RankingOf($jobId: ID!) {
    ranking(jobId: $jobId) { __typename ... on QueryRankingSuccess { data { id items(kind: SKILL) { itemId score } } } ... on Error { code } }
  }
`);
export const GenerateResumeDoc = graphql(`
  mutation GenerateResume($input: GenerateResumeInput!) {
    generateResume(input: $input) {
      __typename
      ... on MutationGenerateResumeSuccess {
        data {
          id type format content provider
          included { kind itemId bulletIndex score reason }
          ats { score missingKeywords wordCount breakdown { name weight earned } required { matched missing coverage } }
        }
      }
      ... on Error { message code }
      ... on ValidationError { fieldErrors { path message } }
    }
  }
`);
export const GenerateCoverLetterDoc = graphql(`
  mutation GenerateCoverLetter($input: GenerateCoverLetterInput!) {
    generateCoverLetter(input: $input) {
      __typename
      ... on MutationGenerateCoverLetterSuccess { data { id type content provider } }
      ... on Error { message code }
      ... on GroundingError { violations { kind value } }
    }
  }
`);
export const CoverLetterStreamDoc = graphql(`
  subscription CoverLetterStream($input: GenerateCoverLetterInput!) {
    coverLetterStream(input: $input) { delta reset generation { id content provider } }
  }
`);
export const AtsDoc = graphql(`
  query Ats($input: AtsReportInput!) {
    atsReport(input: $input) {
      __typename
      ... on QueryAtsReportSuccess { data { score missingKeywords required { matched missing } preferred { matched } sections { name present } length { status } breakdown { name earned weight } } }
      ... on Error { message code }
    }
  }
`);
export const SaveDocumentDoc = graphql(`
  mutation SaveDocument($input: SaveDocumentInput!) {
    saveDocument(input: $input) {
      __typename
      ... on MutationSaveDocumentSuccess { data { id title notes version type content downloadPath } }
      ... on Error { message code }
    }
  }
`);
export const UpdateDocumentDoc = graphql(`
  mutation UpdateDocument($input: UpdateDocumentInput!) {
    updateDocument(input: $input) {
      __typename
      ... on MutationUpdateDocumentSuccess { data { id title version content versions { version content } } }
      ... on Error { message code }
    }
  }
`);
export const DeleteDocumentDoc = graphql(`
  mutation DeleteDocument($input: DeleteDocumentInput!) {
    deleteDocument(input: $input) { __typename ... on MutationDeleteDocumentSuccess { data { deletedId } } ... on Error { message code } }
  }
`);
export const DocumentDoc = graphql(`
  query DocumentById($id: ID!) {
    document(id: $id) { __typename ... on QueryDocumentSuccess { data { id title version } } ... on Error { code } }
  }
`);
export const DocumentsDoc = graphql(`
  query Documents($jobId: ID, $type: GenerationType) {
    documents(jobId: $jobId, type: $type, first: 20) { edges { node { id title type } } }
  }
`);
