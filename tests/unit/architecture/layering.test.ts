/**
 * The import graph flows one way: schema → service/store → core/ai/ingest → db. These checks read
 * the source files' import lines, so a new file that reaches upwards fails here with its name.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve, dirname } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = resolve("src");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === "generated" ? [] : files(p);
    return /\.(ts|mjs)$/.test(name) ? [p] : [];
  });
}

/** Every module a file imports or re-exports: own files as src-relative paths ("ai/schemas.ts"), packages as named. */
function imports(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const specs = [...text.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+"([^"]+)"/gms)].map((m) => m[1]);
  return specs.map((s) => (s.startsWith(".") ? `src/${relative(SRC, resolve(dirname(file), s))}` : s));
}

const all = files(SRC).map((f) => ({ file: relative(SRC, f), imports: imports(f) }));

describe("layering", () => {
  it("core/ imports only core/ and packages", () => {
    const bad = all
      .filter((f) => f.file.startsWith("core/"))
      .flatMap((f) => f.imports.filter((i) => i.startsWith("src/") && !i.startsWith("src/core/")).map((i) => `${f.file} → ${i}`));
    expect(bad).toEqual([]);
  });

  it("services, stores, jobs, notifications, ai, ingest and db never import the GraphQL layer", () => {
    const lower = (file: string) =>
      /^modules\/.+\.(service|store|validation|mapper)\.ts$/.test(file) || /^(jobs|ai|ingest|db|notifications)\//.test(file) || file === "errors.ts" || file === "input.ts";
    const bad = all
      .filter((f) => lower(f.file))
      .flatMap((f) => f.imports.filter((i) => i.startsWith("src/graphql/") || i === "graphql" || i.startsWith("@pothos/") || /\.schema\.ts$/.test(i)).map((i) => `${f.file} → ${i}`));
    expect(bad).toEqual([]);
  });

  it("domain errors are defined once, outside the GraphQL layer", () => {
    const definers = all.filter((f) => /class NotFoundError\b/.test(readFileSync(join(SRC, f.file), "utf8"))).map((f) => f.file);
    expect(definers).toEqual(["errors.ts"]);
  });
});

