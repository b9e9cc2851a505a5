/**
 * Issue 15, item 6: the web app's notification bell in a real headless Chromium. A follow-up
 * reminder written by the server (the clock moved a week ahead) arrives through
 * `notificationAdded`: the badge counts it, the panel lists it, "Mark all read" clears the badge.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/clock.ts";
import { ok, startServer, type TestServer } from "../support/server.ts";
import { newUser } from "../support/accounts.ts";
import { openBrowser, signInWithKeyboard, snap, type TestBrowser } from "../support/browser.ts";
import { DAY, ListDoc, advanceAndScan, newApplication } from "../support/notify-ops.ts";

const clock = new ManualClock();
let server: TestServer;
let browser: TestBrowser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ LOG_LEVEL: "warn" }, undefined, { clock }), openBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("notification bell", { timeout: 60_000 }, () => {
  it("shows a reminder as it is created, counts it, lists it and marks it read", async () => {
    const user = await newUser(server);
    await newApplication(server, user.token, "Data Engineer", "Globex");
    const { page } = browser;
    await signInWithKeyboard(page, server.origin, user.email, user.password);
    const bell = page.getByRole("button", { name: /^Notifications/ });
    await bell.waitFor();
    await expect.poll(() => page.locator("#conn").textContent()).toBe("Live");
    expect(await page.getByTestId("bell-count").isHidden()).toBe(true);

    await advanceAndScan(server, clock, 8 * DAY);
    await expect.poll(() => page.getByTestId("bell-count").textContent(), { timeout: 10_000 }).toBe("1");
    expect(await bell.getAttribute("aria-label")).toBe("Notifications, 1 unread");
    await bell.click();
    await page.locator("#bell-panel").getByText("Follow up on Data Engineer at Globex").waitFor();
    await snap(page, "20-notification-bell");
    await page.getByRole("button", { name: "Mark all read" }).click();
    await expect.poll(() => page.getByTestId("bell-count").isHidden()).toBe(true);
    expect((await ok(server, ListDoc, {}, { token: user.token })).unreadNotificationCount).toBe(0);
    expect(browser.pageErrors).toEqual([]);
  });
});
