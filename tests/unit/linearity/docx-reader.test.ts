// The DOCX reader sees an untrusted XML part: tags and styles that never close must not make it
// rescan the rest of the part from every "<" (n and 4n characters: linear ≈ 4×, quadratic 16×).
import { describe, expect, it } from "vitest";
import { readDocx } from "../../../src/ingest/docx-layout.mjs";
import { bestGrowth, repeatTo } from "./growth.ts";

const LIMIT = 8;
const LENGTH = 200_000;
const read = (documentXml: string, stylesXml?: string) => () => {
  try {
    readDocx(documentXml, stylesXml);
  } catch {
    // Malformed parts are refused; only the time matters here.
  }
};

describe("readDocx on hostile XML", () => {
  it.each([
    ["tags that never close", (s: string) => read(`<w:document><w:body><w:p>${s}</w:p></w:body></w:document>`)(), "<w:r <w:t "],
    ["styles that never close", (s: string) => read("<w:document><w:body/></w:document>", `<w:styles>${s}`)(), '<w:style w:styleId="s"><w:rPr><w:b/>'],
    ["document defaults that never close", (s: string) => read("<w:document><w:body/></w:document>", `<w:styles>${s}`)(), "<w:docDefaults>"],
    ["text runs", (s: string) => read(`<w:document><w:body>${s}</w:body></w:document>`)(), '<w:p><w:r><w:rPr><w:b/><w:sz w:val="24"/></w:rPr><w:t>Acme</w:t><w:tab/></w:r></w:p>'],
  ])("grows linearly on %s", (_name, f, unit) => {
    const g = bestGrowth(f, (n) => repeatTo("", unit, "", n), LENGTH, LIMIT);
    expect(g.ratio, `${g.small.toFixed(1)} ms → ${g.large.toFixed(1)} ms`).toBeLessThanOrEqual(LIMIT);
  });
});
