import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { graphql } from "../gql/index.ts";
import { ok, startServer, success, type TestServer } from "../support/server.ts";
import { newUser } from "../support/accounts.ts";
import { fixture, upload } from "../support/upload.ts";
import { db, dialect } from "../../src/db/client.ts";

const UploadSampleDoc = graphql(`
  mutation UploadSample($input: UploadSampleInput!) {
    uploadSample(input: $input) {
      __typename
      ... on MutationUploadSampleSuccess {
        data {
          id type fileName mimeType sizeBytes version text provider
          style {
            tense person bulletMarker avgBulletWords avgSentenceWords numericBulletShare bulletsEndWithPeriod
            topActionVerbs sectionHeadings tone toneScore toneDescription greeting closing paragraphCount
          }
        }
      }
      ... on Error { message code }
      ... on UnsupportedFileError { found }
      ... on LimitExceededError { limit }
    }
  }
`);
const SamplesDoc = graphql(`query Samples { samples { id type version fileName } }`);
const SampleDoc = graphql(`query Sample($type: SampleType!) { sample(type: $type) { id version text style { tense } } }`);
const DeleteSampleDoc = graphql(`
  mutation DeleteSample($input: DeleteSampleInput!) {
    deleteSample(input: $input) { __typename ... on MutationDeleteSampleSuccess { data { id } } ... on Error { message code } }
  }
`);

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ MAX_UPLOAD_MB: "1" });
});
afterAll(() => server.stop());

const uploadsOf = (userId: string) => {
  const dir = join(server.dir, "uploads", userId, "samples");
  return existsSync(dir) ? readdirSync(dir) : [];
};

/** Makes every UPDATE of `table` fail with `message` (a trigger, in each database's dialect); returns its removal. */
async function failUpdates(table: string, message: string): Promise<() => Promise<void>> {
  if (dialect() === "postgres") {
    await db().$executeRawUnsafe(`CREATE FUNCTION fail_update() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '${message}'; END $$`);
    await db().$executeRawUnsafe(`CREATE TRIGGER fail_update BEFORE UPDATE ON ${table} FOR EACH ROW EXECUTE FUNCTION fail_update()`);
    return async () => {
      await db().$executeRawUnsafe(`DROP TRIGGER fail_update ON ${table}`);
      await db().$executeRawUnsafe(`DROP FUNCTION fail_update()`);
    };
  }
  await db().$executeRawUnsafe(`CREATE TRIGGER fail_update BEFORE UPDATE ON ${table} BEGIN SELECT RAISE(ABORT, '${message}'); END`);
  return async () => {
    await db().$executeRawUnsafe(`DROP TRIGGER fail_update`);
  };
}

async function send(token: string, type: "RESUME" | "COVER_LETTER", name: string, bytes: Uint8Array = fixture(name), declared?: string) {
  return upload(server, UploadSampleDoc, { input: { type, file: null as never } }, { name, bytes, type: declared }, { token });
}

describe("uploadSample", () => {
  it("reads a browser-printed PDF resume, stores it under a generated name and learns its style", async () => {
    const u = await newUser(server);
    const res = await send(u.token, "RESUME", "resume-chromium.pdf");
    const s = success(res.data!.uploadSample);
    expect(s).toMatchObject({ type: "RESUME", fileName: "resume-chromium.pdf", mimeType: "application/pdf", version: 1, provider: "BUILTIN" });
    expect(s.text.length).toBeGreaterThan(200);
    expect(s.style.tense).toBe("PAST");
    expect(s.style.sectionHeadings.length).toBeGreaterThanOrEqual(3);
    expect(s.style.toneDescription).toBeTruthy();
    const files = uploadsOf(u.id);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^[0-9a-f]{24}\.pdf$/);
  });

  it("reads a LibreOffice DOCX cover letter with its greeting, closing and paragraphs", async () => {
    const u = await newUser(server);
    const s = success((await send(u.token, "COVER_LETTER", "cover-letter-libreoffice.docx")).data!.uploadSample);
    expect(s.mimeType).toContain("wordprocessingml");
    expect(s.style.greeting).toMatch(/^Dear/);
    expect(s.style.closing).toBeTruthy();
    expect(s.style.paragraphCount).toBeGreaterThanOrEqual(3);
  });

  it("replacing a sample bumps the version, keeps one row and removes the old file", async () => {
    const u = await newUser(server);
    success((await send(u.token, "RESUME", "resume.txt")).data!.uploadSample);
    const first = uploadsOf(u.id);
    const second = success((await send(u.token, "RESUME", "resume-libreoffice.docx")).data!.uploadSample);
    expect(second.version).toBe(2);
    const files = uploadsOf(u.id);
    expect(files).toHaveLength(1);
    expect(files[0]).not.toBe(first[0]);
    expect(files[0]).toMatch(/\.docx$/);
    expect((await ok(server, SamplesDoc, {}, { token: u.token })).samples).toHaveLength(1);
  });

  it.each([
    ["an executable renamed .pdf", "executable-renamed.pdf", "UNSUPPORTED_FILE", /executable/i],
    ["an empty file", "empty.pdf", "UNSUPPORTED_FILE", /empty/i],
    ["an encrypted PDF", "encrypted.pdf", "UNSUPPORTED_FILE", /password/i],
    ["a scanned PDF without text", "scanned.pdf", "UNSUPPORTED_FILE", /scan/i],
    ["a truncated PDF", "truncated.pdf", "UNSUPPORTED_FILE", /incomplete|damaged/i],
    ["a truncated DOCX", "truncated.docx", "UNSUPPORTED_FILE", /damaged|incomplete|corrupt/i],
    ["a DOCX with broken XML", "broken-xml.docx", "UNSUPPORTED_FILE", /damaged|corrupt|read/i],
    ["a DOCX zip bomb", "zip-bomb.docx", "LIMIT_EXCEEDED", /unpack|large|compress/i],
  ])("refuses %s with a clear typed error, leaving no file and no row", async (_n, name, code, message) => {
    const u = await newUser(server);
    const res = await send(u.token, "RESUME", name);
    const r = res.data!.uploadSample as { __typename: string; code: string; message: string };
    expect(r.code).toBe(code);
    expect(r.message).toMatch(message);
    expect(uploadsOf(u.id)).toHaveLength(0);
    expect(await db().sampleDocument.count({ where: { userId: u.id } })).toBe(0);
  });

  it("trusts content, not the name or the declared type: a PDF named .docx and sent as text is read as a PDF", async () => {
    const u = await newUser(server);
    const s = success((await send(u.token, "RESUME", "cv.docx", fixture("resume-chromium.pdf"), "text/plain")).data!.uploadSample);
    expect(s.mimeType).toBe("application/pdf");
    expect(uploadsOf(u.id)[0]).toMatch(/\.pdf$/);
  });

  it.each([
    ["a path traversal", "../../../etc/passwd.txt", "passwd.txt"],
    ["a NUL byte", "cv\u0000.txt", "cv.txt"],
    ["300 characters", `${"a".repeat(300)}.txt`, "a".repeat(200)],
  ])("a file name with %s never reaches the path and is stored cleaned", async (_n, name, stored) => {
    const u = await newUser(server);
    const s = success((await send(u.token, "RESUME", name, fixture("resume.txt"))).data!.uploadSample);
    expect(s.fileName).toBe(stored);
    expect(uploadsOf(u.id)[0]).toMatch(/^[0-9a-f]{24}\.txt$/);
  });

  it("refuses a file above MAX_UPLOAD_MB while streaming with 413", async () => {
    const u = await newUser(server);
    const big = new Uint8Array(1024 * 1024 + 10).fill(65);
    const res = await send(u.token, "RESUME", "big.txt", big);
    expect(res.status).toBe(413);
    expect(res.errors?.[0].extensions?.code).toBe("REQUEST_ENTITY_TOO_LARGE");
    expect(uploadsOf(u.id)).toHaveLength(0);
  });

  it("refuses a multipart request without the CSRF header", async () => {
    const u = await newUser(server);
    const res = await upload(server, UploadSampleDoc, { input: { type: "RESUME", file: null as never } }, { name: "r.txt", bytes: fixture("resume.txt") }, { token: u.token, csrf: false });
    expect(res.status).toBe(403);
    expect(uploadsOf(u.id)).toHaveLength(0);
  });

  it("refuses more than one file per request", async () => {
    const u = await newUser(server);
    const res = await upload(server, UploadSampleDoc, { input: { type: "RESUME", file: null as never } }, { name: "r.txt", bytes: fixture("resume.txt") }, { token: u.token, extraFiles: 1 });
    expect(res.status).toBe(400);
    expect(res.errors?.[0].message).toMatch(/Files limit exceeded/);
    expect(uploadsOf(u.id)).toHaveLength(0);
  });

  it("leaves no new file and no new row when the database write fails after the file was written", async () => {
    const u = await newUser(server);
    success((await send(u.token, "RESUME", "resume.txt")).data!.uploadSample);
    const before = uploadsOf(u.id);
    const drop = await failUpdates("sample_documents", "disk full");
    try {
      const res = await send(u.token, "RESUME", "resume-libreoffice.docx");
      expect(res.errors?.[0].message).toBe("Unexpected error.");
    } finally {
      await drop();
    }
    expect(uploadsOf(u.id)).toEqual(before);
    const row = (await ok(server, SampleDoc, { type: "RESUME" }, { token: u.token })).sample!;
    expect(row.version).toBe(1);
  });
});

describe("reading and deleting", () => {
  it("sample(type) returns the current sample; deleteSample removes row and file; a second delete is NOT_FOUND", async () => {
    const u = await newUser(server);
    success((await send(u.token, "COVER_LETTER", "cover-letter-chromium.pdf")).data!.uploadSample);
    expect((await ok(server, SampleDoc, { type: "COVER_LETTER" }, { token: u.token })).sample?.version).toBe(1);
    expect((await ok(server, SampleDoc, { type: "RESUME" }, { token: u.token })).sample).toBeNull();
    const del = await ok(server, DeleteSampleDoc, { input: { type: "COVER_LETTER" } }, { token: u.token });
    expect(del.deleteSample.__typename).toBe("MutationDeleteSampleSuccess");
    expect(uploadsOf(u.id)).toHaveLength(0);
    const again = await ok(server, DeleteSampleDoc, { input: { type: "COVER_LETTER" } }, { token: u.token });
    expect(again.deleteSample).toMatchObject({ __typename: "NotFoundError" });
  });

  it("another user sees none of it and cannot delete it", async () => {
    const owner = await newUser(server);
    const other = await newUser(server);
    success((await send(owner.token, "RESUME", "resume.txt")).data!.uploadSample);
    expect((await ok(server, SamplesDoc, {}, { token: other.token })).samples).toEqual([]);
    expect((await ok(server, SampleDoc, { type: "RESUME" }, { token: other.token })).sample).toBeNull();
    const del = await ok(server, DeleteSampleDoc, { input: { type: "RESUME" } }, { token: other.token });
    expect(del.deleteSample.__typename).toBe("NotFoundError");
    expect((await ok(server, SamplesDoc, {}, { token: owner.token })).samples).toHaveLength(1);
  });
});

describe("book-length documents", () => {
  it("a text far longer than any resume is refused after parsing, with the page count", async () => {
    const u = await newUser(server);
    const text = Buffer.from("Managed the team and shipped the product on time.\n".repeat(5000)); // 255,000 characters, < 1 MB
    const res = await send(u.token, "RESUME", "book.txt", text);
    expect(res.data!.uploadSample).toMatchObject({ __typename: "LimitExceededError", message: expect.stringMatching(/about \d+ pages/) });
    expect(uploadsOf(u.id)).toHaveLength(0);
  });
});
