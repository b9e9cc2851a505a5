/**
 * The enhancement progress view in a real headless Chromium, with groq-sdk talking to a slow fake
 * LLM: the bar moves through intermediate values, a job can be cancelled, the server restarts in
 * the middle of a job (the app reconnects and the bar resumes where the job is), and the user
 * compares original and enhanced text, chooses one and reverts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ok, startServer, type TestServer } from "../support/server.ts";
import { newUser } from "../support/accounts.ts";
import { MyProfileDoc } from "../support/profile-ops.ts";
import { seedProfile } from "../support/enhancement-ops.ts";
import { promptBlock, startFakeGroq, type FakeGroq, type FakeReply, type FakeRequest } from "../support/fake-groq.ts";
import { openBrowser, progressNow, progressSeen, recordProgress, signInWithKeyboard, snap, type TestBrowser } from "../support/browser.ts";

/** An honest model: tightens wording, adds no fact. */
function honest(req: FakeRequest): FakeReply {
  const kind = promptBlock(req, "ITEM_KIND").trim();
  const text = promptBlock(req, "ITEM_TEXT");
  if (kind === "SUMMARY") return { json: { text: text.replace(/\b(really|basically)\s+/g, "") } };
  return { json: { bullets: text.split("\n").map((l) => l.replace(/^- /, "").replace(/^Responsible for managing/, "Managed")) } };
}

let fake: FakeGroq;
let server: TestServer;
let browser: TestBrowser;
let user: Awaited<ReturnType<typeof newUser>>;
let ids: Awaited<ReturnType<typeof seedProfile>>;

beforeAll(async () => {
  fake = await startFakeGroq({ apiKey: "test-key" });
  fake.setHandler(honest);
  [server, browser] = await Promise.all([
    startServer({ LOG_LEVEL: "warn", GROQ_API_KEY: "test-key", GROQ_BASE_URL: fake.url, LLM_CONCURRENCY: "1", LLM_TIMEOUT_S: "10" }),
    openBrowser(),
  ]);
  user = await newUser(server);
  ids = await seedProfile(server, user.token, "Responsible for managing the release calendar");
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await fake?.close();
});

const profile = async () => (await ok(server, MyProfileDoc, {}, { token: user.token })).myProfile!;

describe("live enhancement progress", { timeout: 60_000 }, () => {
  it("moves through intermediate values, and a cancelled job leaves the profile unchanged", async () => {
    const { page } = browser;
    fake.setLatency(700);
    await signInWithKeyboard(page, server.origin, user.email, user.password);
    await page.getByRole("link", { name: "Enhance" }).click();
    await page.getByRole("button", { name: "Start enhancement" }).waitFor();
    await expect.poll(() => page.locator("#conn").textContent()).toBe("Live");
    await recordProgress(page);
    await page.getByRole("button", { name: "Start enhancement" }).click();
    await expect.poll(() => progressNow(page), { timeout: 10_000 }).toBeGreaterThan(25);
    await snap(page, "10-progress");
    await page.getByRole("button", { name: "Cancel" }).click();
    await page.locator(".status-line").getByText("Cancelled; your profile is unchanged").waitFor({ timeout: 10_000 });
    const seen = await progressSeen(page);
    expect(seen.filter((v) => v > 0 && v < 100).length).toBeGreaterThanOrEqual(2);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect((await profile()).experiences.every((e) => e.enhancedBullets === null)).toBe(true);
    await expect(page.getByText(/Nothing enhanced yet/).isVisible()).resolves.toBe(true);
  });

  it("survives a server restart in the middle: the app reconnects and the bar resumes and finishes", async () => {
    const { page } = browser;
    fake.setLatency(600);
    await recordProgress(page);
    await page.getByRole("button", { name: "Start enhancement" }).click();
    await expect.poll(() => progressNow(page), { timeout: 10_000 }).toBeGreaterThan(5);
    const before = await progressNow(page);
    expect(before).toBeLessThan(100);

    const { env, dir, port } = server;
    await server.app.stop();
    await page.getByText("Reconnecting…").waitFor({ timeout: 5000 });
    await snap(page, "11-reconnecting");
    const shownWhileDown = await progressNow(page);
    expect(shownWhileDown).toBeGreaterThanOrEqual(before);
    await recordProgress(page);
    server = await startServer(env, { dir, port });

    await expect.poll(() => page.locator("#conn").textContent(), { timeout: 10_000 }).toBe("Live");
    await expect.poll(() => progressNow(page), { timeout: 20_000 }).toBe(100);
    await page.getByRole("status").getByText(/^Enhanced \d of \d items/).waitFor();
    const seen = await progressSeen(page);
    // After the restart the bar went on from where it was, never back to the start.
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(Math.min(...seen)).toBeGreaterThanOrEqual(shownWhileDown);
    expect(seen.at(-1)).toBe(100);
    await snap(page, "12-finished");
  });

  it("compares original and enhanced text per item; choosing and reverting reach the profile", async () => {
    const { page } = browser;
    const item = page.getByRole("article", { name: "Senior Engineer · Acme Corp" });
    await item.waitFor();
    await expect(item.locator(".version").nth(0).textContent()).resolves.toContain("Responsible for managing a team of 5 engineers");
    await expect(item.locator(".version").nth(1).textContent()).resolves.toContain("Managed a team of 5 engineers");
    await snap(page, "13-compare");

    await item.getByRole("radio", { name: "Original" }).check();
    await expect.poll(async () => (await profile()).experiences.find((e) => e.id === ids.currentId)!.useEnhanced).toBe(false);
    await item.getByRole("radio", { name: "Enhanced" }).check();
    await expect.poll(async () => (await profile()).experiences.find((e) => e.id === ids.currentId)!.useEnhanced).toBe(true);

    await item.getByRole("button", { name: "Discard rewrite" }).click();
    await expect.poll(async () => (await profile()).experiences.find((e) => e.id === ids.currentId)!.enhancedBullets).toBeNull();
    // The comparison follows the profile (profileUpdated): the item leaves it.
    await item.waitFor({ state: "detached" });
    expect(browser.pageErrors).toEqual([]);
  });
});
