import { describe, expect, it } from "vitest";
import { isEnumType, isInputObjectType, isInterfaceType, isObjectType, isScalarType, isSpecifiedScalarType, isUnionType } from "graphql";
import { schema } from "../../../src/graphql/schema.ts";

/** Every place a client developer reads documentation in GraphiQL or codegen output. */
function undescribed(): string[] {
  const missing: string[] = [];
  const blank = (d: string | null | undefined) => !d || !d.trim();
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith("__") || (isScalarType(type) && isSpecifiedScalarType(type))) continue;
    if (blank(type.description)) missing.push(type.name);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (blank(field.description)) missing.push(`${type.name}.${field.name}`);
        for (const arg of field.args) if (blank(arg.description)) missing.push(`${type.name}.${field.name}(${arg.name})`);
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) if (blank(field.description)) missing.push(`${type.name}.${field.name}`);
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) if (blank(value.description)) missing.push(`${type.name}.${value.name}`);
    } else if (!isUnionType(type) && !isScalarType(type)) {
      missing.push(`${(type as { name: string }).name} (unexpected kind)`);
    }
  }
  return missing.sort();
}

describe("schema documentation", () => {
  it("describes every type, field, argument, input field and enum value", () => {
    expect(undescribed()).toEqual([]);
  });

  it("lists the error types in the description of every root field that returns a result union", () => {
    for (const root of [schema.getQueryType()!, schema.getMutationType()!]) {
      for (const field of Object.values(root.getFields())) {
        if (!field.type.toString().endsWith("Result!") && !field.type.toString().endsWith("Result")) continue;
        expect(field.description, `${root.name}.${field.name}`).toMatch(/Errors: \w+Error/);
      }
    }
  });
});
