// Hosting in a subfolder: the site built with BASE=/course/ into dist-base/
// (scripts/test.sh builds it before the browser tests) and served only below
// /course/, as a host's subfolder would. A lesson loads, its exercise runs to
// a pass, the service worker's scope is /course/, search links stay there,
// a Chinese page's links stay there and in Chinese, and no page, asset, worker or link reaches outside /course/.

import fs from "node:fs";
import type { Server } from "node:http";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LAUNCH_ARGS, chromiumPath } from "../scripts/chromium.mjs";
import { serve } from "../scripts/serve.mjs";
import { openLesson, run } from "./browser";

const DIST = process.env.E2E_BASE_DIST ?? "dist-base";
const BASE = "/course/";
const LESSON = "01-foundations/01-task-runner";
let browser: Browser;
let server: Server;
let origin: string;

beforeAll(async () => {
  if (!fs.existsSync(`${DIST}/index.html`)) {
    throw new Error(`${DIST}/ is missing: run \`BASE=${BASE} npm run build -- --outDir ${DIST}\` first.`);
  }
  ({ server, url: origin } = (await serve(DIST, 0, { base: BASE })) as { server: Server; url: string });
  browser = await chromium.launch({ executablePath: chromiumPath(), args: LAUNCH_ARGS });
});
afterAll(async () => {
  await browser?.close();
  server?.close();
});

/** Every link, script, style, image and frame address on the page, resolved. */
function addressesOn(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll("[href], [src]")]
      .map((el) => (el as HTMLAnchorElement).href || (el as HTMLScriptElement).src)
      .filter((u) => typeof u === "string" && u !== ""),
  );
}

describe("a build for a subfolder", () => {
  it("loads a lesson, runs its exercise to a pass, and keeps every request and link under /course/", async () => {
    // No request interception: it would bypass the service worker.
    const context = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
    const requests: string[] = [];
    context.on("request", (r) => {
      if (!/^(blob:|data:)/.test(r.url())) requests.push(r.url());
    });
    const page = await context.newPage();
    page.on("dialog", (d) => void d.accept());
    const site = `${origin}${BASE}`;
    const outside = (u: string) => !u.startsWith(site) && !/^(blob:|data:|about:)/.test(u);

    await page.goto(site);
    const home = await addressesOn(page);
    expect(home.filter((u) => u.startsWith(`${site}0`)).length, "the home page links to lessons").toBeGreaterThan(3);
    expect(home.filter(outside), "home page addresses outside /course/").toEqual([]);

    await openLesson(page, `${origin}${BASE.replace(/\/$/, "")}`, LESSON);
    await expect(page.locator("h1").first().textContent()).resolves.toMatch(/\w/);
    await page.getByRole("button", { name: "Show solution" }).click();
    expect(await run(page), "the solution passes under /course/").toMatch(/\b[1-9]\d* passed, 0 failed/);
    expect((await addressesOn(page)).filter(outside), "lesson page addresses outside /course/").toEqual([]);

    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    expect(scope, "the service worker's scope").toBe(site);

    await page.keyboard.press("Control+K");
    const dialog = page.getByRole("dialog", { name: "Search the lessons" });
    await dialog.getByRole("searchbox").fill("goroutine");
    await dialog.locator("#search-results a").first().waitFor({ timeout: 15_000 });
    const results = await dialog
      .locator("#search-results a")
      .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(results.filter(outside), "search results outside /course/").toEqual([]);
    await page.keyboard.press("Escape");

    // The Chinese lesson: its links stay Chinese and under /course/, its switch leads back.
    await page.goto(`${site}zh-cn/${LESSON}/`);
    const zh = await addressesOn(page);
    expect(zh.filter(outside), "Chinese lesson addresses outside /course/").toEqual([]);
    const lessonLinks = await page
      .locator(".sidebar a, .pager a")
      .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(
      lessonLinks.filter((u) => !u.startsWith(`${site}zh-cn/`)),
      "Chinese outline links",
    ).toEqual([]);
    await expect(page.locator("[data-language-switch]").evaluate((a) => (a as HTMLAnchorElement).href)).resolves.toBe(
      `${site}${LESSON}/`,
    );

    await page.goto(`${site}no-such-page/`);
    await expect(page.locator("h1").first().textContent()).resolves.toBe("Page not found");
    expect((await addressesOn(page)).filter(outside), "404 page addresses outside /course/").toEqual([]);

    expect(requests.filter(outside), "requests outside /course/").toEqual([]);
    await context.close();
  });
});
