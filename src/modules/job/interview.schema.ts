import { builder } from "../../graphql/builder.ts";
import { NotFoundError, ValidationError } from "../../graphql/errors.ts";
import { DeletedPayload } from "../../graphql/payloads.ts";
import * as interviews from "./interview.service.ts";

builder.prismaObject("Interview", {
  description: "An interview scheduled for an application; a reminder notification goes out 24 hours before",
  fields: (t) => ({
    id: t.exposeID("id", { description: "Stable interview id" }),
    at: t.expose("at", { type: "DateTime", description: "When it starts" }),
    note: t.exposeString("note", { nullable: true, description: "The user's note (who, where, how), shown in the reminder" }),
    job: t.relation("job", { description: "The application it belongs to" }),
  }),
});

const ScheduleInterviewInput = builder.inputType("ScheduleInterviewInput", {
  description: "An interview for one of the user's applications",
  fields: (t) => ({
    jobId: t.id({ required: true, description: "The job's id" }),
    at: t.field({ type: "DateTime", required: true, description: "When it starts, within two years of today" }),
    note: t.string({ description: "Who, where, how; at most 1000 characters" }),
  }),
});
const RescheduleInterviewInput = builder.inputType("RescheduleInterviewInput", {
  description: "New values for an interview; omitted values stay",
  fields: (t) => ({
    id: t.id({ required: true, description: "The interview's id" }),
    at: t.field({ type: "DateTime", description: "The new time; the reminder moves with it" }),
    note: t.string({ description: "At most 1000 characters; null clears it" }),
  }),
});
const CancelInterviewInput = builder.inputType("CancelInterviewInput", {
  description: "Which interview to remove",
  fields: (t) => ({ id: t.id({ required: true, description: "The interview's id" }) }),
});

builder.mutationField("scheduleInterview", (t) =>
  t.prismaField({
    type: "Interview",
    authScopes: { viewer: true },
    description: "Adds an interview to an application and schedules its reminder. Errors: ValidationError (time out of range, note too long, 20 interviews already), NotFoundError",
    args: { input: t.arg({ type: ScheduleInterviewInput, required: true }) },
    errors: { types: [ValidationError, NotFoundError] },
    resolve: (query, _r, { input }, ctx) => interviews.scheduleInterview(ctx.viewer!, { ...input, jobId: String(input.jobId) }, query),
  }),
);
builder.mutationField("rescheduleInterview", (t) =>
  t.prismaField({
    type: "Interview",
    authScopes: { viewer: true },
    description: "Moves an interview (its reminder moves too) or changes its note. Errors: ValidationError, NotFoundError",
    args: { input: t.arg({ type: RescheduleInterviewInput, required: true }) },
    errors: { types: [ValidationError, NotFoundError] },
    resolve: (query, _r, { input }, ctx) => interviews.rescheduleInterview(ctx.viewer!, { ...input, id: String(input.id) }, query),
  }),
);
builder.mutationField("cancelInterview", (t) =>
  t.field({
    type: DeletedPayload,
    authScopes: { viewer: true },
    description: "Removes an interview and its pending reminder. Errors: NotFoundError",
    args: { input: t.arg({ type: CancelInterviewInput, required: true }) },
    errors: { types: [NotFoundError] },
    resolve: async (_r, { input }, ctx) => ({ deletedId: await interviews.cancelInterview(ctx.viewer!, String(input.id)) }),
  }),
);
