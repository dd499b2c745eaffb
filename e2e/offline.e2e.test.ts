// Offline for real: after one online visit, with the server gone, the visited
// lesson reloads and an unvisited one opens, and both compile and run code.
// Each language has its own service worker: a visit caches the pages and
// search index of its language only, and a page of the other language, once
// visited, caches that language too.
// This file serves dist/ itself so that it can stop the server mid-test, and
// uses a context without request interception (which would bypass the
// service worker).

import type { Server } from "node:http";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LAUNCH_ARGS, chromiumPath } from "../scripts/chromium.mjs";
import { serve } from "../scripts/serve.mjs";
import { OFFLINE_ASSET_CACHE } from "../sandbox/protocol";
import { openLesson, run } from "./browser";

let browser: Browser;
let server: Server;
let url: string;

beforeAll(async () => {
  ({ server, url } = (await serve("dist", 0)) as { server: Server; url: string });
  browser = await chromium.launch({ executablePath: chromiumPath(), args: LAUNCH_ARGS });
});
afterAll(async () => {
  await browser?.close();
  server?.close();
});

describe("offline", () => {
  it("reloads a visited lesson and opens an unvisited one with the server gone", async () => {
    const context = await browser.newContext();
    const origin = new URL(url).origin;
    const foreign: string[] = [];
    context.on("request", (r) => {
      if (!/^(blob:|data:)/.test(r.url()) && !r.url().startsWith(origin)) foreign.push(r.url());
    });
    const page = await context.newPage();
    page.on("dialog", (d) => void d.accept());
    await openLesson(page, url, "01-foundations/01-task-runner");
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
    await run(page);
    // The editor's files, esbuild.wasm included, reach the cache in the background.
    await page.waitForFunction(
      async (name) => {
        const keys = (await (await caches.open(name)).keys()).map((r) => r.url);
        return keys.some((u) => u.endsWith(".wasm")) && keys.some((u) => /ts\.worker/.test(u));
      },
      OFFLINE_ASSET_CACHE,
      { timeout: 60_000, polling: 500 },
    );

    await new Promise((resolve) => {
      server.close(resolve);
      server.closeAllConnections();
    });
    const down = await fetch(`${url}/`).then(
      () => "up",
      () => "down",
    );
    expect(down, "the server is really gone").toBe("down");

    await page.reload();
    await page.locator("[data-exercise-mount]").scrollIntoViewIfNeeded();
    await page.locator(".monaco-editor").first().waitFor({ timeout: 30_000 });
    await page.getByRole("button", { name: "Show solution" }).click();
    expect(await run(page), "a visited lesson runs offline").toContain("9 passed, 0 failed");

    await openLesson(page, url, "01-foundations/02-routing");
    await expect(page.locator("h1").first().textContent(), "an unvisited lesson opens offline").resolves.toMatch(/\w/);
    expect(await run(page), "and its starter runs").toMatch(/\d+ passed, [1-9]\d* failed/);
    expect(foreign, "no request left the site").toEqual([]);
    await context.close();
  });

  it("caches the visited language only, and the other language once a page of it is visited", async () => {
    ({ server, url } = (await serve("dist", 0)) as { server: Server; url: string });
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${url}/01-foundations/01-task-runner/`);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
    const precached = () =>
      page.evaluate(async () => {
        const names = (await caches.keys()).filter((n) => n.startsWith("workbox-precache"));
        const urls = await Promise.all(names.map(async (n) => (await (await caches.open(n)).keys()).map((r) => r.url)));
        return urls.flat().map((u) => new URL(u).pathname);
      });
    const english = await precached();
    expect(english, "the English pages").toContain("/01-foundations/02-routing/index.html");
    expect(english, "the English search index").toContainEqual(expect.stringMatching(/^\/pagefind\/index\/en_/));
    expect(
      english.filter((p) => p.startsWith("/zh-cn/") || /^\/pagefind\/.*zh-cn_/.test(p)),
      "nothing of the Chinese pages or index",
    ).toEqual([]);

    await page.goto(`${url}/zh-cn/01-foundations/01-task-runner/`);
    await page.waitForFunction(
      () => navigator.serviceWorker.controller?.scriptURL.endsWith("/zh-cn/sw.js") === true,
      null,
      { timeout: 30_000 },
    );
    await expect(page.locator("[data-update-banner]").isVisible(), "a first install is no update").resolves.toBe(false);
    const both = await precached();
    expect(both, "the Chinese pages").toContain("/zh-cn/01-foundations/02-routing/index.html");
    expect(both, "the Chinese search index").toContainEqual(expect.stringMatching(/^\/pagefind\/index\/zh-cn_/));

    await new Promise((resolve) => {
      server.close(resolve);
      server.closeAllConnections();
    });
    await page.goto(`${url}/zh-cn/01-foundations/02-routing/`);
    await expect(
      page.locator("h1").first().textContent(),
      "an unvisited Chinese lesson opens offline",
    ).resolves.toMatch(/\S/);
    await page.goto(`${url}/01-foundations/02-routing/`);
    await expect(page.locator("html").getAttribute("lang"), "and an English one still does").resolves.toBe("en");
    await context.close();
  });
});
