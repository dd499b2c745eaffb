// Shared browser-test setup: Debian's Chromium driven by playwright-core
// against the built site served as static files. Every request that is not
// to the local server is recorded and aborted, so tests can assert none left.

import fs from "node:fs";
import type { Server } from "node:http";
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from "playwright-core";
import { LAUNCH_ARGS, chromiumPath } from "../scripts/chromium.mjs";
import { serve } from "../scripts/serve.mjs";

export interface Site {
  url: string;
  browser: Browser;
  /** URLs requested from any host other than the site's. */
  foreign: string[];
  /** A fresh context (own storage) and page; `options` e.g. { locale: "zh-CN" } for a Chinese browser. */
  newPage(options?: BrowserContextOptions): Promise<{ context: BrowserContext; page: Page }>;
  close(): Promise<void>;
}

/** Serves dist/ and launches Chromium; `extraArgs` are added to the launch flags. */
export async function openSite(extraArgs: string[] = []): Promise<Site> {
  // E2E_DIST serves another build, e.g. an older one to see a test fail before a fix.
  const dist = process.env.E2E_DIST ?? "dist";
  if (!fs.existsSync(`${dist}/index.html`)) throw new Error(`${dist}/ is missing: run \`npm run build\` first.`);
  const { server, url } = (await serve(dist, 0)) as { server: Server; url: string };
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: [...LAUNCH_ARGS, ...extraArgs] });
  const foreign: string[] = [];
  const origin = new URL(url).origin;
  return {
    url,
    browser,
    foreign,
    async newPage(options = {}) {
      const context = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"], ...options });
      await context.route("**/*", (route) => {
        const requestUrl = route.request().url();
        if (requestUrl.startsWith(origin) || requestUrl.startsWith("blob:") || requestUrl.startsWith("data:"))
          return route.continue();
        foreign.push(requestUrl);
        return route.abort();
      });
      const page = await context.newPage();
      return { context, page };
    },
    async close() {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** Opens a lesson and waits until its editor is ready. */
export async function openLesson(page: Page, url: string, lessonPath: string): Promise<void> {
  await page.goto(`${url}/${lessonPath}/`);
  // The editor loads only when the exercise nears the viewport.
  await page.locator("[data-exercise-mount]").scrollIntoViewIfNeeded();
  await page.locator(".monaco-editor").first().waitFor({ timeout: 30_000 });
}

/** The active editor's text, as Monaco renders it (non-breaking spaces normalised). */
export async function editorText(page: Page): Promise<string> {
  const text = await page.locator(".monaco-editor .view-lines").first().innerText();
  return text.replace(/\u00a0/g, " ");
}

/** Replaces the active editor model's text (as if the learner typed it). */
export async function setEditorText(page: Page, text: string): Promise<void> {
  await page.locator(".monaco-editor .view-lines").first().click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Delete");
  // Paste, so Monaco keeps the text as is (typing would auto-indent and auto-close).
  await page.evaluate((value) => navigator.clipboard.writeText(value), text);
  await page.keyboard.press("ControlOrMeta+V");
  // The paste lands asynchronously (clipboard read): wait until its last line shows
  // (the editor scrolls to the cursor, at the end of the paste).
  const lines = text.split("\n").filter((line) => line.trim() !== "");
  const first = lines[lines.length - 1]?.trim() ?? "";
  await page.waitForFunction(
    (line) =>
      document
        .querySelector(".monaco-editor .view-lines")
        ?.textContent?.replace(/\u00a0/g, " ")
        .includes(line),
    first,
  );
}

/** Presses Run (button or shortcut) and waits for that Run's outcome; returns the results text. */
export async function run(page: Page, how: "button" | "shortcut" = "button"): Promise<string> {
  // Found by its counter, not its name: the shortcut also runs on a Chinese page.
  const results = page.locator("[data-run-count]");
  const before = Number(await results.getAttribute("data-run-count"));
  if (how === "button") await page.getByRole("button", { name: "Run", exact: true }).click();
  else {
    await page.locator(".monaco-editor .view-lines").first().click();
    await page.keyboard.press("ControlOrMeta+Enter");
  }
  await page.waitForFunction(
    (n) => Number(document.querySelector("[data-run-count]")?.getAttribute("data-run-count")) > n,
    before,
    { timeout: 60_000 },
  );
  return (await results.textContent()) ?? "";
}
