import { builder } from "../../graphql/builder.ts";
import { NotFoundError, ValidationError } from "../../graphql/errors.ts";
import { DeletedPayload } from "../../graphql/payloads.ts";
import { withoutNulls } from "../../input.ts";
import * as prompts from "./prompts.store.ts";

const PromptRef = builder.objectRef<prompts.PromptView>("AdvisorPrompt").implement({
  description: "A prompt to start or continue an advisor conversation with: premade (shipped in prompts/library) or the user's own",
  fields: (t) => ({
    id: t.exposeID("id", { description: "premade:<key> for premade prompts; pass it as promptId to startConversation or sendMessage" }),
    title: t.exposeString("title", { description: "What it does" }),
    content: t.exposeString("content", { description: `The text, with {{placeholders}} filled when it runs: ${prompts.PLACEHOLDERS.map((p) => `{{${p}}}`).join(", ")}` }),
    category: t.exposeString("category", { description: "Upper case, e.g. CAREER_PATH, INTERVIEW, JOB_SEARCH" }),
    tags: t.exposeStringList("tags", { description: "Free tags" }),
    usageCount: t.exposeInt("usageCount", { description: "How often this user ran it" }),
    premade: t.exposeBoolean("premade", { description: "True for the shipped prompts (read-only)" }),
  }),
});

builder.queryField("advisorPrompts", (t) =>
  t.field({
    type: [PromptRef],
    authScopes: { viewer: true },
    description: "The premade prompts, then the user's own (oldest first), optionally filtered by category and tag (case-insensitive)",
    args: {
      category: t.arg.string({ description: "Only this category" }),
      tag: t.arg.string({ description: "Only prompts with this tag" }),
    },
    resolve: (_r, args, ctx) => prompts.listPrompts(ctx.viewer!, args),
  }),
);

const CreateInput = builder.inputType("CreateCustomPromptInput", {
  description: "A prompt of the user's own",
  fields: (t) => ({
    title: t.string({ required: true, description: "1..120 characters" }),
    content: t.string({ required: true, description: "1..4000 characters; {{placeholders}} from the list on AdvisorPrompt.content" }),
    category: t.string({ required: true, description: "Upper case, e.g. INTERVIEW" }),
    tags: t.stringList({ description: "At most 10, each 1..40 characters" }),
  }),
});
const UpdateInput = builder.inputType("UpdateCustomPromptInput", {
  description: "The fields to change",
  fields: (t) => ({
    id: t.id({ required: true, description: "The custom prompt" }),
    title: t.string({ description: "1..120 characters" }),
    content: t.string({ description: "1..4000 characters" }),
    category: t.string({ description: "Upper case" }),
    tags: t.stringList({ description: "Replaces the tags" }),
  }),
});
const DeleteInput = builder.inputType("DeleteCustomPromptInput", {
  description: "Which custom prompt",
  fields: (t) => ({ id: t.id({ required: true, description: "The custom prompt's id" }) }),
});

builder.mutationField("createCustomPrompt", (t) =>
  t.field({
    type: PromptRef,
    authScopes: { viewer: true },
    description: "Saves a prompt of the user's own (at most 200). Errors: ValidationError (also an unknown {{placeholder}})",
    args: { input: t.arg({ type: CreateInput, required: true }) },
    errors: { types: [ValidationError] },
    resolve: (_r, { input }, ctx) => prompts.createPrompt(ctx.viewer!, withoutNulls(input)),
  }),
);

builder.mutationField("updateCustomPrompt", (t) =>
  t.field({
    type: PromptRef,
    authScopes: { viewer: true },
    description: "Changes a custom prompt (premade prompts are read-only: NotFoundError). Errors: ValidationError, NotFoundError",
    args: { input: t.arg({ type: UpdateInput, required: true }) },
    errors: { types: [ValidationError, NotFoundError] },
    resolve: (_r, { input }, ctx) => prompts.updatePrompt(ctx.viewer!, withoutNulls(input)),
  }),
);

builder.mutationField("deleteCustomPrompt", (t) =>
  t.field({
    type: DeletedPayload,
    authScopes: { viewer: true },
    description: "Deletes a custom prompt. Errors: NotFoundError",
    args: { input: t.arg({ type: DeleteInput, required: true }) },
    errors: { types: [NotFoundError] },
    resolve: async (_r, { input }, ctx) => ({ deletedId: await prompts.deletePrompt(ctx.viewer!, String(input.id)) }),
  }),
);
