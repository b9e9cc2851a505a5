import { readFileSync } from "node:fs";

const FIXTURES = new URL("../../fixtures/", import.meta.url);

/** A committed fixture from tests/fixtures/ (made by scripts/make-fixtures.sh). */
export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(name, FIXTURES)));
}

/** The source texts the fixtures were printed from. */
export function fixtureSource(name: string): string {
  return readFileSync(new URL(`../../../scripts/fixtures/${name}`, import.meta.url), "utf8");
}
