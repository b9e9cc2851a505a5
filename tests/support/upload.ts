import { readFileSync } from "node:fs";
import { join } from "node:path";
import { print, type ExecutionResult } from "graphql";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import type { TestServer } from "./server.ts";

export const FIXTURES = join(import.meta.dirname, "../fixtures");
export const fixture = (name: string) => readFileSync(join(FIXTURES, name));

/**
 * Sends an operation with one file through the GraphQL multipart request spec, as browsers and
 * Apollo/urql upload clients do. The file goes to `variables.input.file`.
 */
export async function upload<R, V>(
  server: Pick<TestServer, "url">,
  doc: TypedDocumentNode<R, V>,
  variables: V,
  file: { name: string; bytes: Uint8Array; type?: string },
  opts: { token?: string; csrf?: boolean; extraFiles?: number } = {},
): Promise<ExecutionResult<R> & { status: number }> {
  const form = new FormData();
  form.set("operations", JSON.stringify({ query: print(doc), variables }));
  const map: Record<string, string[]> = { 0: ["variables.input.file"] };
  for (let i = 1; i <= (opts.extraFiles ?? 0); i++) map[i] = ["variables.input.file"];
  form.set("map", JSON.stringify(map));
  form.set("0", new Blob([file.bytes as BlobPart], { type: file.type ?? "application/octet-stream" }), file.name);
  for (let i = 1; i <= (opts.extraFiles ?? 0); i++) form.set(String(i), new Blob([file.bytes as BlobPart]), `extra${i}`);
  const res = await fetch(server.url, {
    method: "POST",
    headers: {
      ...(opts.csrf === false ? {} : { "x-graphql-yoga-csrf": "1" }),
      ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
    },
    body: form,
  });
  const text = await res.text();
  let body: ExecutionResult<R>;
  try {
    body = JSON.parse(text);
  } catch {
    body = { errors: [{ message: text }] } as unknown as ExecutionResult<R>;
  }
  return { ...body, status: res.status };
}
