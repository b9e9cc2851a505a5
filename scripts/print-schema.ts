// Writes schema.graphql and possible-types.json from the code; `--check` fails instead when a
// committed file differs (CI runs it, so neither can drift from the schema the server builds).
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { isAbstractType } from "graphql";
import { printedSchema, schema } from "../src/graphql/schema.ts";

/**
 * Apollo Client's `possibleTypes` (and urql's graphcache `possibleTypes`): for each union and
 * interface, the object types it can be. Needed to match fragments such as `... on Error`.
 */
function possibleTypes(): string {
  const map: Record<string, string[]> = {};
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith("__") || !isAbstractType(type)) continue;
    map[type.name] = schema.getPossibleTypes(type).map((t) => t.name).sort();
  }
  const sorted = Object.fromEntries(Object.entries(map).sort(([a], [b]) => a.localeCompare(b)));
  return JSON.stringify(sorted, null, 2) + "\n";
}

const outputs = [
  { file: new URL("../schema.graphql", import.meta.url), name: "schema.graphql", text: printedSchema() },
  { file: new URL("../possible-types.json", import.meta.url), name: "possible-types.json", text: possibleTypes() },
];
if (process.argv.includes("--check")) {
  const stale = outputs.filter((o) => (existsSync(o.file) ? readFileSync(o.file, "utf8") : "") !== o.text);
  if (stale.length) {
    console.error(`${stale.map((o) => o.name).join(" and ")} differ from the schema the code builds. Run \`npm run schema:print\` and commit the result.`);
    process.exit(1);
  }
  console.log("schema.graphql and possible-types.json are up to date");
} else {
  for (const o of outputs) {
    writeFileSync(o.file, o.text);
    console.log(`wrote ${o.name} (${o.text.split("\n").length} lines)`);
  }
}
