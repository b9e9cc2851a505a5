// Writes schema.graphql from the code; `--check` fails instead when the committed file differs.
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { printedSchema } from "../src/graphql/schema.ts";

const file = new URL("../schema.graphql", import.meta.url);
const sdl = printedSchema();
if (process.argv.includes("--check")) {
  const committed = existsSync(file) ? readFileSync(file, "utf8") : "";
  if (committed !== sdl) {
    console.error("schema.graphql differs from the schema the code builds. Run `npm run schema:print` and commit the result.");
    process.exit(1);
  }
  console.log("schema.graphql is up to date");
} else {
  writeFileSync(file, sdl);
  console.log(`wrote schema.graphql (${sdl.split("\n").length} lines)`);
}
