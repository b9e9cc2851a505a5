import { graphql } from "../gql/index.ts";

export const ProfileFieldsFragment = graphql(`
  fragment ProfileFields on Profile {
    id fullName email phone location summary
    links { label url }
    skills { technical soft languages certifications }
    customFields { key value }
    enhancementVersion useEnhancedSummary enhancedSummary
    experiences { id order title company location startDate endDate current bullets technologies useEnhanced enhancedBullets }
    projects { id order name bullets technologies url repoUrl startDate endDate }
    education { id order institution degree field startDate endDate gpa honors coursework }
  }
`);

export const MyProfileDoc = graphql(`query MyProfile { myProfile { ...ProfileFields } }`);

export const UpsertProfileDoc = graphql(`
  mutation UpsertProfile($input: UpsertProfileInput!) {
    upsertProfile(input: $input) {
      __typename
      ... on MutationUpsertProfileSuccess { data { ...ProfileFields } }
      ... on ValidationError { message fieldErrors { path message } }
    }
  }
`);

export const AddExperienceDoc = graphql(`
  mutation AddExperience($input: AddExperienceInput!) {
    addExperience(input: $input) {
      __typename
      ... on MutationAddExperienceSuccess { data { id order title company startDate endDate current bullets technologies } }
      ... on Error { message code }
      ... on ValidationError { fieldErrors { path message } }
    }
  }
`);
export const UpdateExperienceDoc = graphql(`
  mutation UpdateExperience($input: UpdateExperienceInput!) {
    updateExperience(input: $input) {
      __typename
      ... on MutationUpdateExperienceSuccess { data { id title company startDate endDate current bullets } }
      ... on Error { message code }
      ... on ValidationError { fieldErrors { path message } }
    }
  }
`);
export const DeleteExperienceDoc = graphql(`
  mutation DeleteExperience($input: DeleteItemInput!) {
    deleteExperience(input: $input) {
      __typename
      ... on MutationDeleteExperienceSuccess { data { deletedId } }
      ... on Error { message code }
    }
  }
`);
export const ReorderExperiencesDoc = graphql(`
  mutation ReorderExperiences($input: ReorderInput!) {
    reorderExperiences(input: $input) {
      __typename
      ... on MutationReorderExperiencesSuccess { data { id order title } }
      ... on Error { message code }
      ... on ValidationError { fieldErrors { path message } }
    }
  }
`);
export const AddProjectDoc = graphql(`
  mutation AddProject($input: AddProjectInput!) {
    addProject(input: $input) {
      __typename
      ... on MutationAddProjectSuccess { data { id order name url bullets } }
      ... on Error { message code }
      ... on ValidationError { fieldErrors { path message } }
    }
  }
`);
export const UpdateProjectDoc = graphql(`
  mutation UpdateProject($input: UpdateProjectInput!) {
    updateProject(input: $input) {
      __typename
      ... on MutationUpdateProjectSuccess { data { id name url } }
      ... on Error { message code }
    }
  }
`);
export const DeleteProjectDoc = graphql(`
  mutation DeleteProject($input: DeleteItemInput!) {
    deleteProject(input: $input) { __typename ... on Error { message code } }
  }
`);
export const ReorderProjectsDoc = graphql(`
  mutation ReorderProjects($input: ReorderInput!) {
    reorderProjects(input: $input) { __typename ... on MutationReorderProjectsSuccess { data { id order } } ... on Error { message code } }
  }
`);
export const AddEducationDoc = graphql(`
  mutation AddEducation($input: AddEducationInput!) {
    addEducation(input: $input) {
      __typename
      ... on MutationAddEducationSuccess { data { id order institution degree startDate endDate } }
      ... on Error { message code }
      ... on ValidationError { fieldErrors { path message } }
    }
  }
`);
export const UpdateEducationDoc = graphql(`
  mutation UpdateEducation($input: UpdateEducationInput!) {
    updateEducation(input: $input) { __typename ... on MutationUpdateEducationSuccess { data { id degree } } ... on Error { message code } }
  }
`);
export const DeleteEducationDoc = graphql(`
  mutation DeleteEducation($input: DeleteItemInput!) {
    deleteEducation(input: $input) { __typename ... on Error { message code } }
  }
`);
export const ReorderEducationDoc = graphql(`
  mutation ReorderEducation($input: ReorderInput!) {
    reorderEducation(input: $input) { __typename ... on MutationReorderEducationSuccess { data { id order } } ... on Error { message code } }
  }
`);
