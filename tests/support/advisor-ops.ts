import { graphql } from "../gql/index.ts";
import { collect, ok, success, wsClient, type TestServer } from "./server.ts";
import { AddExperienceDoc, AddProjectDoc, UpsertProfileDoc } from "./profile-ops.ts";

export const MessageFieldsFragment = graphql(`
  fragment MessageFields on Message {
    id seq role content status intent refusal provider model error withheld
    sources { kind id label excerpt }
    guardNotes { reason sourceKind sourceId }
    usage { promptTokens completionTokens totalTokens }
  }
`);

export const StartConversationDoc = graphql(`
  mutation StartConversation($input: StartConversationInput!) {
    startConversation(input: $input) {
      __typename
      ... on MutationStartConversationSuccess { data { conversation { id title jobId messageCount } question { ...MessageFields } reply { ...MessageFields } } }
      ... on Error { message code }
      ... on LimitExceededError { retryAfterSeconds }
    }
  }
`);

export const SendMessageDoc = graphql(`
  mutation SendMessage($input: SendMessageInput!) {
    sendMessage(input: $input) {
      __typename
      ... on MutationSendMessageSuccess { data { conversation { id messageCount } question { ...MessageFields } reply { ...MessageFields } } }
      ... on Error { message code }
      ... on ValidationError { fieldErrors { path message } }
      ... on LimitExceededError { retryAfterSeconds limit }
    }
  }
`);

export const ConversationDoc = graphql(`
  query Conversation($id: ID!) {
    conversation(id: $id) {
      __typename
      ... on QueryConversationSuccess { data { id title summary messageCount messages(first: 10) { edges { node { ...MessageFields } } } } }
      ... on Error { message code }
    }
  }
`);

export const ConversationsDoc = graphql(`
  query Conversations($first: Int) { conversations(first: $first) { edges { node { id title messageCount } } pageInfo { hasNextPage } } }
`);

export const RenameConversationDoc = graphql(`
  mutation RenameConversation($input: RenameConversationInput!) {
    renameConversation(input: $input) {
      __typename
      ... on MutationRenameConversationSuccess { data { id title } }
      ... on Error { message code }
    }
  }
`);

export const DeleteConversationDoc = graphql(`
  mutation DeleteConversation($input: ConversationIdInput!) {
    deleteConversation(input: $input) {
      __typename
      ... on MutationDeleteConversationSuccess { data { deletedId } }
      ... on Error { message code }
    }
  }
`);

export const CancelReplyDoc = graphql(`
  mutation CancelReply($input: CancelReplyInput!) {
    cancelReply(input: $input) {
      __typename
      ... on MutationCancelReplySuccess { data { ...MessageFields } }
      ... on Error { message code }
    }
  }
`);

export const AdvisorReplyDoc = graphql(`
  subscription AdvisorReply($messageId: ID!) {
    advisorReply(messageId: $messageId) { messageId offset delta status done message { ...MessageFields } }
  }
`);

/** A profile with Kafka in one role and one project, and a 2019 role without it. */
export async function seedAdvisorProfile(server: Pick<TestServer, "url">, token: string, company = "Zalando") {
  success((await ok(server, UpsertProfileDoc, { input: { fullName: "Lin Park", summary: "Backend engineer.", skills: { technical: ["Python", "Kafka", "PostgreSQL"] } } }, { token })).upsertProfile);
  const current = success(
    (await ok(server, AddExperienceDoc, {
      input: { fields: { title: "Backend Engineer", company, startDate: "2021-03", current: true, bullets: ["Built Kafka pipelines handling 2M events a day", "Cut p95 latency by 40% with PostgreSQL tuning"] } },
    }, { token })).addExperience,
  );
  const earlier = success(
    (await ok(server, AddExperienceDoc, {
      input: { fields: { title: "Software Developer", company: "Initech", startDate: "2018-01", endDate: "2020-12", bullets: ["Maintained Python billing services", "Mentored two junior developers"] } },
    }, { token })).addExperience,
  );
  const project = success(
    (await ok(server, AddProjectDoc, { input: { fields: { name: "Streamline", bullets: ["Open-source Kafka consumer library in Python"], technologies: ["Kafka", "Python"] } } }, { token })).addProject,
  );
  return { currentId: current.id, earlierId: earlier.id, projectId: project.id };
}

/** Follows a reply over graphql-ws until it ends; returns the events. */
export async function followReply(server: Pick<TestServer, "wsUrl">, token: string, messageId: string) {
  const client = wsClient(server, { authorization: `Bearer ${token}` });
  try {
    return await collect(client, AdvisorReplyDoc, { messageId }).done;
  } finally {
    await client.dispose();
  }
}

/** Starts a conversation with a question and waits for the whole reply. */
export async function ask(server: TestServer, token: string, content: string, conversationId?: string) {
  const exchange = conversationId
    ? success((await ok(server, SendMessageDoc, { input: { conversationId, content } }, { token })).sendMessage)
    : success((await ok(server, StartConversationDoc, { input: { content } }, { token })).startConversation);
  const events = await followReply(server, token, exchange.reply!.id);
  const last = events.at(-1)!.data!.advisorReply;
  return { exchange, events, reply: last.message!, text: events.map((e) => e.data!.advisorReply.delta).join("") };
}

export const AdvisorPromptsDoc = graphql(`
  query AdvisorPrompts($category: String, $tag: String) { advisorPrompts(category: $category, tag: $tag) { id title content category tags usageCount premade } }
`);
export const CreateCustomPromptDoc = graphql(`
  mutation CreateCustomPrompt($input: CreateCustomPromptInput!) {
    createCustomPrompt(input: $input) {
      __typename
      ... on MutationCreateCustomPromptSuccess { data { id title content category tags usageCount premade } }
      ... on Error { message code }
      ... on ValidationError { fieldErrors { path message } }
    }
  }
`);
export const UpdateCustomPromptDoc = graphql(`
  mutation UpdateCustomPrompt($input: UpdateCustomPromptInput!) {
    updateCustomPrompt(input: $input) {
      __typename
      ... on MutationUpdateCustomPromptSuccess { data { id title tags } }
      ... on Error { message code }
    }
  }
`);
export const DeleteCustomPromptDoc = graphql(`
  mutation DeleteCustomPrompt($input: DeleteCustomPromptInput!) {
    deleteCustomPrompt(input: $input) {
      __typename
      ... on MutationDeleteCustomPromptSuccess { data { deletedId } }
      ... on Error { message code }
    }
  }
`);

export const SendVoiceMessageDoc = graphql(`
  mutation SendVoiceMessage($input: SendVoiceMessageInput!) {
    sendVoiceMessage(input: $input) {
      __typename
      ... on MutationSendVoiceMessageSuccess { data { question { ...MessageFields voice { durationSeconds mimeType } } reply { id status } } }
      ... on Error { message code }
      ... on LimitExceededError { limit }
    }
  }
`);

/** A mono 16-bit PCM WAV of silence; `claimSeconds` overrides the length its header states. */
export function wav(seconds: number, claimSeconds = seconds): Uint8Array {
  const rate = 8000;
  const dataBytes = Math.round(seconds * rate * 2);
  const b = Buffer.alloc(44 + dataBytes);
  b.write("RIFF", 0, "ascii");
  b.writeUInt32LE(36 + dataBytes, 4);
  b.write("WAVE", 8, "ascii");
  b.write("fmt ", 12, "ascii");
  b.writeUInt32LE(16, 16);
  b.writeUInt16LE(1, 20);
  b.writeUInt16LE(1, 22);
  b.writeUInt32LE(rate, 24);
  b.writeUInt32LE(rate * 2, 28);
  b.writeUInt16LE(2, 32);
  b.writeUInt16LE(16, 34);
  b.write("data", 36, "ascii");
  b.writeUInt32LE(Math.round(claimSeconds * rate * 2), 40);
  return new Uint8Array(b);
}

export const ProfileSuggestionsDoc = graphql(`
  query ProfileSuggestions($status: SuggestionStatus) { profileSuggestions(first: 20, status: $status) { edges { node { id kind targetId text status conversationId messageId decidedAt } } } }
`);
export const AcceptSuggestionDoc = graphql(`
  mutation AcceptSuggestion($input: DecideProfileSuggestionInput!) {
    acceptProfileSuggestion(input: $input) { __typename ... on MutationAcceptProfileSuggestionSuccess { data { id status decidedAt } } ... on Error { message code } }
  }
`);
export const RejectSuggestionDoc = graphql(`
  mutation RejectSuggestion($input: DecideProfileSuggestionInput!) {
    rejectProfileSuggestion(input: $input) { __typename ... on MutationRejectProfileSuggestionSuccess { data { id status } } ... on Error { message code } }
  }
`);
