import { getNamedType, isObjectType, isUnionType, type GraphQLField, type GraphQLObjectType, type GraphQLSchema } from "graphql";

/**
 * The errors and relay plugins generate result unions, success wrappers and connection types whose
 * description can only be derived from the field that made them. This fills them in from that
 * field (its name, its success type, its error types), so a client reads what a union can hold
 * without opening the code, and appends the list of error types to every root field's description.
 */
export function describeGeneratedTypes(schema: GraphQLSchema): GraphQLSchema {
  for (const root of [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]) {
    for (const field of Object.values(root?.getFields() ?? {})) describeResult(root!, field);
  }
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    const fields = type.getFields();
    if (type.name.endsWith("ConnectionEdge") && fields.node) {
      type.description ??= `One ${getNamedType(fields.node.type).name} in a page, with the cursor that points at it`;
    } else if (type.name.endsWith("Connection") && fields.edges && fields.pageInfo) {
      const node = getNamedType((getNamedType(fields.edges.type) as GraphQLObjectType).getFields().node.type).name;
      type.description ??= `A page of ${node} items (Relay cursor connection): page forward with \`first\` and \`after: pageInfo.endCursor\``;
    }
  }
  return schema;
}

function describeResult(root: GraphQLObjectType, field: GraphQLField<unknown, unknown>) {
  // Every mutation takes one `input` argument: its documentation is the input type's.
  for (const arg of field.args) if (arg.name === "input") arg.description ??= getNamedType(arg.type).description;
  const union = getNamedType(field.type);
  if (!isUnionType(union)) return;
  const members = union.getTypes();
  const success = members.find((m) => m.name.endsWith("Success"));
  const errors = members.filter((m) => m !== success).map((m) => m.name);
  if (!success || !errors.length) return;
  const call = `${root.name.toLowerCase()} \`${field.name}\``;
  union.description ??=
    `What ${call} returns: ${success.name} (the value in \`data\`) or one of ${errors.join(", ")}. ` +
    "Every error implements the Error interface: select `... on Error { code message }` and switch on `code`.";
  success.description ??= `${call} succeeded; the value is in \`data\``;
  const data = success.getFields().data;
  if (data) data.description ??= `What ${call} returns on success`;
  const list = `Errors: ${errors.join(", ")}.`;
  if (!field.description?.includes("Errors:")) field.description = field.description ? `${field.description.replace(/\.?$/, ".")} ${list}` : list;
}
