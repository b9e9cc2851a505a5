import { describe, expect, it } from "vitest";
import { getNamedType, isEnumType, isInputObjectType, isInterfaceType, isObjectType } from "graphql";
import { schema } from "../../../src/graphql/schema.ts";
import * as errors from "../../../src/graphql/errors.ts";

describe("schema shape", () => {
  it("types Error.code as the ErrorCode enum, one value per error type, and every error type is reachable from a result union", () => {
    const errorInterface = schema.getType("Error");
    if (!isInterfaceType(errorInterface)) throw new Error("Error is not an interface");
    expect(String(errorInterface.getFields().code.type)).toBe("ErrorCode!");
    const codes = schema.getType("ErrorCode");
    if (!isEnumType(codes)) throw new Error("ErrorCode is not an enum");
    const implementations = schema.getPossibleTypes(errorInterface).map((t) => t.name);
    expect(codes.getValues()).toHaveLength(implementations.length);
    const unionMembers = new Set(
      Object.values(schema.getTypeMap()).flatMap((t) => ("getTypes" in t && typeof t.getTypes === "function" ? t.getTypes().map((m: { name: string }) => m.name) : [])),
    );
    expect(implementations.filter((name) => !unionMembers.has(name))).toEqual([]);
    expect(schema.getType("NotAllowedError")).toBeUndefined();
    // Each error class's code is a value of the enum.
    const classes = [errors.ValidationError, errors.NotFoundError, errors.PreconditionError, errors.ConflictError, errors.InvalidCredentialsError, errors.UnsupportedFileError, errors.LimitExceededError, errors.GroundingError, errors.AiUnavailableGqlError];
    const values = new Set(codes.getValues().map((v) => v.name));
    for (const C of classes) expect(values.has(new (C as unknown as new (...a: unknown[]) => errors.AppError)("x", []).code)).toBe(true);
  });

  it.each([
    ["AtsLength", "status", "AtsLengthStatus"],
    ["EnhancementJob", "step", "EnhancementStep"],
    ["EnhancementJob", "provider", "AiProvider"],
    ["Sample", "provider", "AiProvider"],
    ["Job", "provider", "AiProvider"],
    ["Ranking", "provider", "AiProvider"],
    ["Generation", "provider", "AiProvider"],
    ["GroundingViolation", "kind", "GroundingViolationKind"],
    ["ImportResult", "format", "ImportFormat"],
    ["JobFieldsInput", "remote", "RemoteMode"],
  ])("%s.%s is the enum %s", (typeName, field, enumName) => {
    const type = schema.getType(typeName);
    if (!isObjectType(type) && !isInputObjectType(type)) throw new Error(`${typeName} is not an object or input type`);
    expect(getNamedType(type.getFields()[field].type).name).toBe(enumName);
  });
});
