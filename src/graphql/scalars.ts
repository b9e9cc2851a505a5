import { GraphQLError, Kind } from "graphql";
import { builder } from "./builder.ts";
import { PARTIAL_DATE } from "../core/partial-date.ts";

builder.scalarType("DateTime", {
  description: "An ISO-8601 instant, e.g. 2026-01-31T12:00:00.000Z",
  serialize: (d) => (d instanceof Date ? d.toISOString() : new Date(String(d)).toISOString()),
  parseValue: (v) => {
    const d = new Date(String(v));
    if (Number.isNaN(d.getTime())) throw new GraphQLError(`"${String(v)}" is not an ISO-8601 date-time`);
    return d;
  },
});

/** The partial dates resumes use, same pattern as JSON Resume: 2021, 2021-03 or 2021-03-15. */

function parsePartialDate(v: unknown): string {
  if (typeof v !== "string" || !PARTIAL_DATE.test(v)) {
    throw new GraphQLError(`"${String(v)}" is not a date: use YYYY, YYYY-MM or YYYY-MM-DD`, { extensions: { code: "BAD_USER_INPUT" } });
  }
  return v;
}

builder.scalarType("PartialDate", {
  description: "A calendar date of year, month or day precision: 2021, 2021-03 or 2021-03-15",
  serialize: (v) => String(v),
  parseValue: parsePartialDate,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError("PartialDate must be a string such as 2021-03");
    return parsePartialDate(ast.value);
  },
});

builder.scalarType("File", {
  description: "A file sent with the GraphQL multipart request specification",
  serialize: () => {
    throw new GraphQLError("File is an input-only scalar");
  },
});
