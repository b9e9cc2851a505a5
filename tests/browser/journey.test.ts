/**
 * The web app in a real headless Chromium against the real server (builtin engine): create an
 * account, import a resume (preview, then merge), edit the profile, paste a job, rank, generate a
 * resume, run the ATS report, stream a cover letter, save and download PDF and DOCX, then lose
 * the session (revoked, expired) and land on sign-in.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import jwt from "jsonwebtoken";
import { graphql } from "../gql/index.ts";
import { ok, startServer, success, type TestServer } from "../support/server.ts";
import { LoginDoc } from "../support/accounts.ts";
import { MyProfileDoc } from "../support/profile-ops.ts";
import { BACKEND_JOB } from "../support/job-ops.ts";
import { openBrowser, snap, type TestBrowser } from "../support/browser.ts";

const ChangePasswordDoc = graphql(`
  mutation BrowserChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input) { __typename ... on MutationChangePasswordSuccess { data { token } } ... on Error { message } }
  }
`);

let server: TestServer;
let browser: TestBrowser;
const email = `jordan-${Date.now()}@example.com`;
const password = "correct horse battery";

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ LOG_LEVEL: "warn" }), openBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const token = async (pw = password) => success((await ok(server, LoginDoc, { input: { email, password: pw } })).login).token;

describe("the web app, end to end", { timeout: 60_000 }, () => {
  it("creates an account, imports a resume after previewing it, and edits the profile", async () => {
    const { page } = browser;
    await page.goto(`${server.origin}/app/`);
    await snap(page, "01-sign-in");
    await page.getByRole("tab", { name: "Create account" }).click();
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Create account" }).click();
    await page.getByRole("heading", { name: "Your master profile" }).waitFor();
    await expect.poll(() => page.locator("#conn").textContent()).toBe("Live");

    await page.getByLabel("Resume file").setInputFiles("tests/fixtures/resume-chromium.pdf");
    await page.getByRole("button", { name: "Preview" }).click();
    const merge = page.getByRole("button", { name: "Merge into my profile" });
    await merge.waitFor();
    await expect(page.locator(".draft").textContent()).resolves.toContain("Senior Backend Engineer");
    await snap(page, "02-import-preview");
    // A preview writes nothing.
    expect((await ok(server, MyProfileDoc, {}, { token: await token() })).myProfile?.experiences ?? []).toEqual([]);

    await merge.click();
    await page.getByText(/Merged: 2 experiences/).waitFor();
    // The profile on the page follows (profileUpdated), without a reload.
    await page.getByRole("button", { name: "Edit Senior Backend Engineer at Northwind Payments" }).waitFor();
    await expect(page.getByLabel("Full name").inputValue()).resolves.toBe("Jordan Rivera");

    // A mistake is shown next to its field, and nothing is saved.
    await page.getByRole("button", { name: "Edit Senior Backend Engineer at Northwind Payments" }).click();
    const form = page.getByRole("form", { name: "Edit Senior Backend Engineer" });
    await form.getByLabel("End").fill("2019-01");
    await form.getByRole("button", { name: "Save role" }).click();
    await expect.poll(() => form.getByLabel("End").getAttribute("aria-invalid")).toBe("true");
    await expect(form.locator(".field-error:not([hidden])").first().textContent()).resolves.toMatch(/end/i);
    await snap(page, "03-field-error");

    await form.getByLabel("End").fill("2025-01");
    await form.getByLabel("Job title").fill("Staff Backend Engineer");
    await form.getByRole("button", { name: "Save role" }).click();
    await page.getByRole("heading", { name: "Staff Backend Engineer" }).waitFor();
    const profile = (await ok(server, MyProfileDoc, {}, { token: await token() })).myProfile!;
    expect(profile.experiences.map((e) => e.title)).toContain("Staff Backend Engineer");
    await snap(page, "04-profile");
  });

  it("tailors for a pasted job: ranking, resume, ATS report, a streamed cover letter, PDF and DOCX downloads", async () => {
    const { page } = browser;
    await page.getByRole("link", { name: "Jobs" }).click();
    await page.getByLabel("Job description").fill(BACKEND_JOB);
    await page.getByRole("button", { name: "Add job" }).click();
    await page.getByRole("heading", { name: "Senior Backend Engineer", level: 2 }).waitFor();

    await page.getByRole("button", { name: "Rank my profile" }).click();
    await page.locator(".ranking li").first().waitFor();
    expect(await page.locator(".ranking li").count()).toBeGreaterThan(0);

    await page.getByRole("button", { name: "Generate resume" }).click();
    const resume = page.getByLabel("Resume", { exact: true });
    await resume.waitFor();
    expect(await resume.textContent()).toContain("Jordan Rivera");

    await page.getByRole("button", { name: "Run ATS report" }).click();
    const score = page.getByRole("img", { name: /ATS score \d+ out of 100/ });
    await score.waitFor();

    // The letter arrives in pieces: count the text changes the reader saw.
    await page.evaluate(() => {
      const box = document.querySelector(".letter")!;
      const w = window as unknown as { __letterUpdates: number };
      w.__letterUpdates = 0;
      new MutationObserver(() => w.__letterUpdates++).observe(box, { childList: true, characterData: true, subtree: true });
    });
    await page.getByRole("button", { name: "Write cover letter" }).click();
    await page.getByRole("button", { name: "Write again" }).waitFor();
    const letter = await page.getByLabel("Cover letter", { exact: true }).textContent();
    expect(letter).toMatch(/Acme Robotics/);
    expect(await page.evaluate(() => (window as unknown as { __letterUpdates: number }).__letterUpdates)).toBeGreaterThan(2);
    await snap(page, "05-job-tools");

    // Save the resume, then download it.
    const resumeCard = page.locator("section.card", { has: page.getByRole("heading", { name: "2 · Tailored resume" }) });
    await resumeCard.getByLabel("Document title").fill("Acme resume");
    await resumeCard.getByRole("button", { name: "Save document" }).click();
    const [pdf] = await Promise.all([page.waitForEvent("download"), resumeCard.getByRole("button", { name: "Download Acme resume as PDF" }).click()]);
    expect(pdf.suggestedFilename()).toBe("Acme_resume.pdf");
    const pdfBytes = readFileSync((await pdf.path())!);
    expect(pdfBytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdfBytes.length).toBeGreaterThan(1000);
    const [docx] = await Promise.all([page.waitForEvent("download"), resumeCard.getByRole("button", { name: "Download Acme resume as DOCX" }).click()]);
    expect(docx.suggestedFilename()).toBe("Acme_resume.docx");
    expect(readFileSync((await docx.path())!).subarray(0, 2).toString("latin1")).toBe("PK");

    await page.getByRole("link", { name: "Documents" }).click();
    await page.getByRole("rowheader", { name: "Acme resume" }).waitFor();
    await snap(page, "06-documents");
    expect(browser.pageErrors).toEqual([]);
  });

  it("a revoked session (password changed elsewhere) closes the socket with 4401 and sends the user to sign in", async () => {
    const { page } = browser;
    await page.getByRole("link", { name: "Profile" }).click();
    await expect.poll(() => page.locator("#conn").textContent()).toBe("Live");
    success((await ok(server, ChangePasswordDoc, { input: { currentPassword: password, newPassword: "a new long passphrase" } }, { token: await token() })).changePassword);
    await page.getByText(/password changed/).waitFor({ timeout: 5000 });
    await expect(page.getByRole("button", { name: "Sign in" }).last().isVisible()).resolves.toBe(true);
    expect(await page.evaluate(() => localStorage.getItem("jobwise.session"))).toBeNull();
    await snap(page, "07-revoked");
  });

  it("an expired token sends the user to sign in, with the reason", async () => {
    const { page } = browser;
    const { user } = success((await ok(server, LoginDoc, { input: { email, password: "a new long passphrase" } })).login);
    const expired = jwt.sign({ tv: 1, exp: Math.floor(Date.now() / 1000) - 60 }, server.env.JWT_SECRET, { algorithm: "HS256", subject: user.id, issuer: "jobwise" });
    await page.evaluate((t) => localStorage.setItem("jobwise.session", JSON.stringify({ token: t, email: "x", expiresAt: "" })), expired);
    await page.goto(`${server.origin}/app/#/enhance`);
    await page.getByText("Your session has expired. Please sign in again.").waitFor({ timeout: 5000 });
    expect(await page.evaluate(() => localStorage.getItem("jobwise.session"))).toBeNull();
  });
});
