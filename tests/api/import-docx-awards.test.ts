// Resume import through the real server: a Word document read from its structure (tables, tab
// stops, bold runs), awards from the file and from JSON Resume into the profile and back out, and
// the award list operations.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AlignmentType, Document, Packer, Paragraph, Tab, Table, TableCell, TableRow, TabStopType, TextRun, WidthType } from "docx";
import { graphql } from "../gql/index.ts";
import { exec, ok, startServer, success, type TestServer } from "../support/server.ts";
import { newUser } from "../support/accounts.ts";
import { upload } from "../support/upload.ts";

const ImportDoc = graphql(`
  mutation ImportResumeAwards($input: ImportResumeInput!) {
    importResume(input: $input) {
      __typename
      ... on MutationImportResumeSuccess {
        data {
          applied warnings
          added { experiences awards }
          draft { experiences { title company startDate endDate current } education { institution honors gpa } awards { title awarder date summary } }
        }
      }
      ... on Error { message code }
    }
  }
`);
const AwardsDoc = graphql(`query MyAwards { myProfile { awards { id order title awarder date summary } } }`);
const ExportDoc = graphql(`query ExportAwards { exportProfileJsonResume { __typename ... on QueryExportProfileJsonResumeSuccess { data } ... on Error { code } } }`);
const AddAwardDoc = graphql(`
  mutation AddAward($input: AddAwardInput!) {
    addAward(input: $input) {
      __typename
      ... on MutationAddAwardSuccess { data { id order title awarder date } }
      ... on ValidationError { message fieldErrors { path message } }
    }
  }
`);
const UpdateAwardDoc = graphql(`
  mutation UpdateAward($input: UpdateAwardInput!) {
    updateAward(input: $input) { __typename ... on MutationUpdateAwardSuccess { data { id title date summary } } ... on Error { message } }
  }
`);
const ReorderAwardsDoc = graphql(`
  mutation ReorderAwards($input: ReorderInput!) { reorderAwards(input: $input) { __typename ... on MutationReorderAwardsSuccess { data { id title order } } } }
`);
const DeleteAwardDoc = graphql(`
  mutation DeleteAward($input: DeleteItemInput!) { deleteAward(input: $input) { __typename ... on MutationDeleteAwardSuccess { data { deletedId } } ... on Error { message } } }
`);

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.stop());

const send = (token: string, mode: "PREVIEW" | "MERGE" | "REPLACE", name: string, bytes: Uint8Array) =>
  upload(server, ImportDoc, { input: { file: null as never, mode } }, { name, bytes }, { token });

const heading = (text: string) => new Paragraph({ children: [new TextRun({ text, bold: true, size: 26 })] });
const plain = (text: string) => new Paragraph({ children: [new TextRun(text)] });
const bullet = (text: string) => new Paragraph({ text, bullet: { level: 0 } });
const cell = (text: string, bold = false) =>
  new TableCell({ width: { size: 4500, type: WidthType.DXA }, children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });
/** "**Company**<tab>dates" with the dates at a right tab stop, as Word's resume templates set them. */
const tabbed = (left: string, right: string, bold = true) =>
  new Paragraph({ tabStops: [{ type: TabStopType.RIGHT, position: 9000 }], children: [new TextRun({ text: left, bold }), new TextRun({ children: [new Tab(), right] })] });

/** A Word resume in the shapes issue 10 names: roles in a table, tab-aligned dates, bold-only headers, an Awards section. */
function wordResume(): Promise<Buffer> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: "Priya Raman", bold: true, size: 36 })] }),
          plain("priya.raman@example.org | +44 20 7946 0123"),
          heading("EXPERIENCE"),
          new Table({
            rows: [
              new TableRow({ children: [cell("Northwind Traders", true), cell("Jan 2019 – Present")] }),
              new TableRow({ children: [cell("Senior Data Engineer"), cell("Leeds, UK")] }),
            ],
          }),
          bullet("Moved the nightly batch to a streaming pipeline that serves 40 dashboards."),
          bullet("Mentored four analysts into engineering roles."),
          tabbed("Fabrikam Insurance", "Jun 2016 – Dec 2018"),
          plain("Data Analyst"),
          bullet("Built the claims-fraud model used in every branch."),
          new Paragraph({ children: [new TextRun({ text: "Siemens Product Lifecycle Management", bold: true })] }),
          plain("Full-time co-op positions, January 2013 – January 2016"),
          bullet("Developed an iOS viewer for 3D models."),
          heading("EDUCATION"),
          tabbed("University of Leeds", "2012 – 2015"),
          plain("BSc Mathematics"),
          heading("AWARDS"),
          bullet("Employee of the Year, Northwind Traders, 2021"),
          bullet("Best Paper Award – IEEE Big Data Conference (2020)"),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

describe("importing a Word resume read from its structure", () => {
  it("reads roles from table rows and right tab stops, takes a bold heading over a plain date line as the employer, and fills the awards", async () => {
    const u = await newUser(server);
    const r = success((await send(u.token, "PREVIEW", "resume.docx", await wordResume())).data!.importResume);
    const roles = r.draft.experiences.map((e) => [e.title, e.company, e.startDate, e.endDate ?? null, e.current]);
    expect(roles).toEqual([
      ["Senior Data Engineer", "Northwind Traders", "2019-01", null, true],
      ["Data Analyst", "Fabrikam Insurance", "2016-06", "2018-12", false],
      ["Full-time co-op positions", "Siemens Product Lifecycle Management", "2013-01", "2016-01", false],
    ]);
    expect(r.draft.education.map((e) => e.institution)).toEqual(["University of Leeds"]);
    expect(r.draft.awards).toEqual([
      { title: "Employee of the Year", awarder: "Northwind Traders", date: "2021", summary: null },
      { title: "Best Paper Award", awarder: "IEEE Big Data Conference", date: "2020", summary: null },
    ]);
    // Nothing about the awards is reported as skipped any more.
    expect(r.warnings.join(" ")).not.toMatch(/AWARDS|no place/i);
  });

  it("MERGE writes the awards to the profile once", async () => {
    const u = await newUser(server);
    const bytes = await wordResume();
    const first = success((await send(u.token, "MERGE", "resume.docx", bytes)).data!.importResume);
    expect(first.added).toEqual({ experiences: 3, awards: 2 });
    const again = success((await send(u.token, "MERGE", "resume.docx", bytes)).data!.importResume);
    expect(again.added.awards).toBe(0);
    const profile = (await ok(server, AwardsDoc, {}, { token: u.token })).myProfile!;
    expect(profile.awards.map((a) => [a.order, a.title, a.awarder, a.date])).toEqual([
      [0, "Employee of the Year", "Northwind Traders", "2021"],
      [1, "Best Paper Award", "IEEE Big Data Conference", "2020"],
    ]);
  });
});

describe("awards through JSON Resume", () => {
  const jsonResume = {
    basics: { name: "Ada Byron", email: "ada@example.org" },
    work: [
      { name: "Analytical Engines Ltd", position: "Engineer", startDate: "2019-04" },
      // No company: it must stay empty, not borrow the previous role's.
      { position: "Consultant", startDate: "2016-01", endDate: "2018-12" },
    ],
    education: [
      {
        institution: "University of Edinburgh",
        studyType: "MSc",
        area: "Informatics",
        endDate: "2016",
        score: "Dissertation: Distributed consensus under partial synchrony (distinction)",
      },
    ],
    awards: [
      { title: "Royal Society Fellowship", awarder: "Royal Society", date: "2022-06-01", summary: "For work on the analytical engine." },
      { title: "Class Medal", awarder: "University of Edinburgh", date: "2016" },
    ],
  };

  it("imports every award (school honours to the school) and exports them again", async () => {
    const u = await newUser(server);
    const r = success((await send(u.token, "REPLACE", "resume.json", Buffer.from(JSON.stringify(jsonResume)))).data!.importResume);
    expect(r.draft.awards).toEqual([{ title: "Royal Society Fellowship", awarder: "Royal Society", date: "2022-06-01", summary: "For work on the analytical engine." }]);
    // The long score is kept (as an honour) and the education entry is not lost.
    expect(r.draft.education).toEqual([
      { institution: "University of Edinburgh", gpa: null, honors: ["Dissertation: Distributed consensus under partial synchrony (distinction)", "Class Medal"] },
    ]);
    // The role without a company is not given the previous one's, and the warning is a sentence.
    expect(r.draft.experiences.map((e) => e.company ?? null)).toEqual(["Analytical Engines Ltd", null]);
    expect(r.warnings.some((w) => /^Role 2 \(Consultant\) was not imported: we could not find a company or organisation name/.test(w))).toBe(true);
    expect(r.warnings.join(" ")).not.toMatch(/Invalid input|expected string/);

    const exported = JSON.parse(success((await ok(server, ExportDoc, {}, { token: u.token })).exportProfileJsonResume));
    expect(exported.awards).toEqual(
      expect.arrayContaining([
        { title: "Royal Society Fellowship", awarder: "Royal Society", date: "2022-06-01", summary: "For work on the analytical engine." },
        expect.objectContaining({ title: "Class Medal", awarder: "University of Edinburgh" }),
      ]),
    );
    // And back in: the same awards, not duplicated.
    const back = success((await send(u.token, "MERGE", "again.json", Buffer.from(JSON.stringify(exported)))).data!.importResume);
    expect(back.added.awards).toBe(0);
    expect((await ok(server, AwardsDoc, {}, { token: u.token })).myProfile!.awards.map((a) => a.title)).toEqual(["Royal Society Fellowship"]);
  });
});

describe("award list operations", () => {
  it("adds, updates, reorders and deletes awards; an overlong or missing value is a field error", async () => {
    const u = await newUser(server);
    const add = async (fields: Record<string, unknown>) => (await exec(server, AddAwardDoc, { input: { fields } as never }, { token: u.token })).data!.addAward;
    const first = success(await add({ title: "Dean's List", awarder: "University of Leeds", date: "2014" }));
    const second = success(await add({ title: "Hackathon winner", date: "2019-05" }));
    expect([first.order, second.order]).toEqual([0, 1]);

    const bad = await add({ title: "Prize", awarder: "x".repeat(201) });
    expect(bad.__typename).toBe("ValidationError");
    expect(bad.__typename === "ValidationError" && bad.fieldErrors.map((f) => f.path.join("."))).toEqual(["input.awarder"]);
    const untitled = await add({ awarder: "Nobody" });
    expect(untitled.__typename).toBe("ValidationError");

    const updated = success((await exec(server, UpdateAwardDoc, { input: { id: second.id, fields: { summary: "Won the 48-hour data track." } } }, { token: u.token })).data!.updateAward);
    expect(updated).toMatchObject({ title: "Hackathon winner", date: "2019-05", summary: "Won the 48-hour data track." });

    const reordered = success((await exec(server, ReorderAwardsDoc, { input: { ids: [second.id, first.id] } }, { token: u.token })).data!.reorderAwards);
    expect(reordered.map((a) => a.title)).toEqual(["Hackathon winner", "Dean's List"]);

    success((await exec(server, DeleteAwardDoc, { input: { id: second.id } }, { token: u.token })).data!.deleteAward);
    const left = (await ok(server, AwardsDoc, {}, { token: u.token })).myProfile!.awards;
    expect(left.map((a) => [a.order, a.title])).toEqual([[0, "Dean's List"]]);

    // Another user cannot touch it.
    const other = await newUser(server);
    const stolen = (await exec(server, DeleteAwardDoc, { input: { id: first.id } }, { token: other.token })).data!.deleteAward;
    expect(stolen.__typename).toBe("NotFoundError");
  });
});
