import { lexicographicSortSchema, printSchema } from "graphql";
import { builder } from "./builder.ts";
import { describeGeneratedTypes } from "./generated-docs.ts";
import "./scalars.ts";
import "./error-types.ts";
import "../modules/auth/auth.schema.ts";
import "../modules/profile/profile.schema.ts";
import "../modules/profile/profile-items.schema.ts";
import "../modules/profile/profile-events.schema.ts";
import "../modules/sample/sample.schema.ts";
import "../modules/enhancement/enhancement.schema.ts";
import "../modules/job/job.schema.ts";
import "../modules/job/interview.schema.ts";
import "../modules/ranking/ranking.schema.ts";
import "../modules/generation/generation.schema.ts";
import "../modules/document/document.schema.ts";
import "../modules/import/import.schema.ts";
import "../modules/notification/notification.schema.ts";
import "../modules/advisor/advisor.schema.ts";
import "../modules/advisor/advisor-stream.schema.ts";
import "../modules/advisor/prompts.schema.ts";
import "../modules/advisor/advisor-voice.schema.ts";
import "../modules/advisor/suggestions.schema.ts";
import "../modules/notification/settings.schema.ts";

export const schema = describeGeneratedTypes(builder.toSchema());

/** The committed schema.graphql is exactly this text; CI compares them. */
export function printedSchema(): string {
  return printSchema(lexicographicSortSchema(schema)) + "\n";
}
