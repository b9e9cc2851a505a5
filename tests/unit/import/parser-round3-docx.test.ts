import { describe, expect, it } from "vitest";
import { parseResumeText } from "../../../src/core/resume-parser.ts";

// The worker is plain JavaScript without type declarations: load it by URL so tsc does not resolve it.
const workerUrl = new URL("../../../src/ingest/extract-worker.mjs", import.meta.url).href;
const { htmlToText } = (await import(workerUrl)) as { htmlToText: (html: string) => string };

describe("htmlToText: runs whose formatting changes between two word characters", () => {
  it("puts a tab between a bold company and the town after it", () => {
    expect(htmlToText("<p><strong>Datadog</strong>London</p>")).toBe("Datadog\tLondon\n\n");
  });

  it("puts a tab between an italic title and the dates after it", () => {
    expect(htmlToText("<p><em>Sales Director, EMEA</em>Oct. 2023 – Present</p>")).toBe("Sales Director, EMEA\tOct. 2023 – Present\n\n");
  });

  it("adds nothing where a space or punctuation already separates the runs", () => {
    expect(htmlToText("<p><strong>Skills:</strong> Python, Go</p>")).toBe("Skills: Python, Go\n\n");
    expect(htmlToText("<p><strong>Python</strong>, Go</p>")).toBe("Python, Go\n\n");
    expect(htmlToText("<p>Led <em>three</em> teams</p>")).toBe("Led three teams\n\n");
  });

  it("adds nothing between two runs with the same formatting or around superscripts", () => {
    expect(htmlToText("<p><strong>Data</strong><strong>dog</strong></p>")).toBe("Datadog\n\n");
    expect(htmlToText("<p>Finished 1<sup>st</sup> of 40</p>")).toBe("Finished 1st of 40\n\n");
  });

  it("lets the parser tell a bold company from the one-word town after it", () => {
    const html =
      "<h2>Experience</h2><p><strong>Trellisoft</strong>Leeds</p><p><em>Account Director</em>Oct. 2023 – Present</p>" +
      "<ul><li>Ran the northern territory</li></ul>";
    const [exp] = parseResumeText(htmlToText(html)).profile.experiences;
    expect(exp).toMatchObject({ company: "Trellisoft", title: "Account Director", startDate: "2023-10", current: true });
  });
});
