// A new deployment never takes over a page by itself: its service worker
// waits, the page offers "Reload to update", and only that click activates it.
// The test serves a copy of dist/ and "deploys" by changing the copy's sw.js.

import fs from "node:fs";
import type { Server } from "node:http";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LAUNCH_ARGS, chromiumPath } from "../scripts/chromium.mjs";
import { serve } from "../scripts/serve.mjs";

let browser: Browser;
let server: Server;
let url: string;
let root: string;

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "deploy-"));
  fs.cpSync("dist", root, { recursive: true });
  ({ server, url } = (await serve(root, 0)) as { server: Server; url: string });
  browser = await chromium.launch({ executablePath: chromiumPath(), args: LAUNCH_ARGS });
});
afterAll(async () => {
  await browser?.close();
  server?.close();
  fs.rmSync(root, { recursive: true, force: true });
});

describe("a new deployment", () => {
  it("is offered, and applied only when the learner reloads", async () => {
    // No request interception: it would bypass the service worker.
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${url}/01-foundations/01-task-runner/`);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
    const banner = page.locator("[data-update-banner]");
    await expect(banner.isVisible(), "no banner without a new version").resolves.toBe(false);

    // Deploy: a changed sw.js (and its precompressed copies, which the server prefers).
    for (const name of ["sw.js.br", "sw.js.gz"]) fs.rmSync(path.join(root, name), { force: true });
    fs.appendFileSync(path.join(root, "sw.js"), "\n// deployment 2\n");
    await page.evaluate(() => {
      (window as unknown as { samePage: boolean }).samePage = true;
    });
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    await banner.waitFor({ state: "visible", timeout: 30_000 });
    const same = await page.evaluate(() => (window as unknown as { samePage?: boolean }).samePage === true);
    expect(same, "the page was not reloaded behind the learner's back").toBe(true);

    await Promise.all([page.waitForEvent("load"), banner.getByRole("button", { name: "Reload to update" }).click()]);
    const after = await page.evaluate(() => (window as unknown as { samePage?: boolean }).samePage === true);
    expect(after, "the click reloaded the page").toBe(false);
    const waiting = await page.evaluate(async () =>
      Boolean((await navigator.serviceWorker.getRegistration())?.waiting),
    );
    expect(waiting, "the new worker is active, none waits").toBe(false);
    await expect(banner.isVisible(), "no banner after the update").resolves.toBe(false);
    await context.close();
  });
});
