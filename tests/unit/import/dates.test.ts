import { describe, expect, it } from "vitest";
import { parseDate, parseDateRange } from "../../../src/core/resume-parser.ts";

describe("date ranges as resumes write them", () => {
  it.each([
    ["Jan 2020 – Present", { startDate: "2020-01", endDate: undefined, current: true }],
    ["January 2020 - Mar 2022", { startDate: "2020-01", endDate: "2022-03", current: false }],
    ["01/2020–03/2022", { startDate: "2020-01", endDate: "2022-03", current: false }],
    ["1/2020 - 12/2021", { startDate: "2020-01", endDate: "2021-12", current: false }],
    ["2019–2021", { startDate: "2019", endDate: "2021", current: false }],
    ["2019 - present", { startDate: "2019", endDate: undefined, current: true }],
    ["Since 2021", { startDate: "2021", endDate: undefined, current: true }],
    ["since March 2021", { startDate: "2021-03", endDate: undefined, current: true }],
    ["Sept. 2019 to Jun 2021", { startDate: "2019-09", endDate: "2021-06", current: false }],
    ["Oct 2019 to Present", { startDate: "2019-10", endDate: undefined, current: true }],
    ["03.2018 – 06.2021", { startDate: "2018-03", endDate: "2021-06", current: false }],
    ["2020-01 — 2021-06", { startDate: "2020-01", endDate: "2021-06", current: false }],
    ["Jan '20 – Mar '22", { startDate: "2020-01", endDate: "2022-03", current: false }],
    ["Jun – Aug 2017", { startDate: "2017-06", endDate: "2017-08", current: false }],
    ["May 2018 – Current", { startDate: "2018-05", endDate: undefined, current: true }],
    ["Summer 2019 - Fall 2020", { startDate: "2019", endDate: "2020", current: false }],
  ])("%s", (text, expected) => {
    expect(parseDateRange(text)).toEqual(expected);
  });

  it("finds the range inside a header line", () => {
    expect(parseDateRange("Senior Engineer — Acme Corp\tFeb 2021 – Present")).toEqual({ startDate: "2021-02", endDate: undefined, current: true });
    expect(parseDateRange("Acme Corp | Engineer | 2015–2019")).toEqual({ startDate: "2015", endDate: "2019", current: false });
  });

  it("reads a lone date as an end date (a graduation)", () => {
    expect(parseDateRange("May 2020")).toEqual({ endDate: "2020-05", current: false });
    expect(parseDateRange("Expected 2026")).toEqual({ endDate: "2026", current: false });
  });

  it("rejects what is not a date", () => {
    expect(parseDateRange("Reduced costs by 40% across 3 teams")).toBeNull();
    expect(parseDate("13/2020")).toBeNull();
    expect(parseDate("Jan 1850")).toBeNull();
  });
});
