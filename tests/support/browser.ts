/**
 * A real headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core) for the web
 * app's tests. Each launch gets a fresh profile folder, removed on close.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export interface TestBrowser {
  context: BrowserContext;
  page: Page;
  /** Every console error and uncaught page error, to fail a test on a broken script. */
  pageErrors: string[];
  close(): Promise<void>;
}

export function hasChromium(): boolean {
  return existsSync(CHROMIUM);
}

/** A browser with one page; `launchPersistentContext` is what takes a fresh --user-data-dir. */
export async function openBrowser(opts: { viewport?: { width: number; height: number }; downloadsDir?: string } = {}): Promise<TestBrowser> {
  const profile = mkdtempSync(join(tmpdir(), "jobwise-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    ignoreDefaultArgs: ["--headless=new"],
    viewport: opts.viewport ?? { width: 1280, height: 900 },
    acceptDownloads: true,
    downloadsPath: opts.downloadsDir,
    reducedMotion: "reduce",
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const pageErrors: string[] = [];
  page.on("pageerror", (e) => pageErrors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error" && !/Failed to load resource|WebSocket connection/.test(m.text())) pageErrors.push(m.text());
  });
  return {
    context,
    page,
    pageErrors,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export type { Browser, Page };

/** Signs in through the app's own form, with the keyboard only (Tab order, Enter submits). */
export async function signInWithKeyboard(page: Page, origin: string, email: string, password: string) {
  await page.goto(`${origin}/app/`);
  await page.getByLabel("Email").waitFor();
  await page.getByLabel("Email").focus();
  await page.keyboard.type(email);
  await page.keyboard.press("Tab");
  await page.keyboard.type(password);
  await page.keyboard.press("Enter");
  await page.getByRole("heading", { name: "Your master profile" }).waitFor();
}

/**
 * Records every value the enhancement progress bar shows (aria-valuenow), from a MutationObserver
 * in the page: what a user would have seen, not what the server sent. Read with `progressSeen`.
 */
export async function recordProgress(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { __progress: number[]; __observer?: MutationObserver };
    w.__progress = [];
    w.__observer?.disconnect();
    const bar = document.querySelector('[role="progressbar"]')!;
    w.__observer = new MutationObserver(() => {
      const v = Number(bar.getAttribute("aria-valuenow"));
      if (w.__progress.at(-1) !== v) w.__progress.push(v);
    });
    w.__observer.observe(bar, { attributes: true, attributeFilter: ["aria-valuenow"] });
  });
}

export const progressSeen = (page: Page) => page.evaluate(() => (window as unknown as { __progress: number[] }).__progress);

/** The progress bar's current value. */
export const progressNow = async (page: Page) => Number(await page.getByRole("progressbar").getAttribute("aria-valuenow"));

/** Saves a screenshot when SCREENSHOTS names a folder (to look at the app while changing it). */
export async function snap(page: Page, name: string) {
  const dir = process.env.SCREENSHOTS;
  if (dir) await page.screenshot({ path: join(dir, `${name}.png`), fullPage: false });
}
