// Bounded output: huge failure messages and API-explorer bodies are capped
// (with their size and "N more bytes"), never stall the page's main thread
// for more than 100 ms (measured with a long-task observer), and a message
// flood from learner code does not reach the page.

import fs from "node:fs";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openLesson, openSite, run, setEditorText, type Site } from "./browser";

const LESSON = "01-foundations/01-task-runner";
const STALL_MS = 100;
let site: Site;

beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

declare global {
  interface Window {
    __longTasks: { start: number; duration: number }[];
    __sandboxMessages: number;
  }
}

/** A page that records long tasks and counts messages the sandbox frame posts to it. */
async function observedPage(): Promise<{ page: Page; context: BrowserContext }> {
  const { page, context } = await site.newPage();
  await context.addInitScript(() => {
    window.__longTasks = [];
    window.__sandboxMessages = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: "longtask", buffered: true });
    window.addEventListener(
      "message",
      (event) => {
        const frame = document.querySelector<HTMLIFrameElement>('iframe[title="Code sandbox"]');
        if (frame && event.source === frame.contentWindow) {
          window.__sandboxMessages++;
        }
      },
      true,
    );
  });
  return { page, context };
}

const now = (page: Page) => page.evaluate(() => performance.now());

/**
 * A first Run with small output, so one-time work (the page's first Run pays
 * for lazy setup) is not counted against the output measured after it.
 */
async function warmUp(page: Page): Promise<void> {
  await run(page);
}

/** The longest main-thread task while action ran. */
async function longestTaskDuring(page: Page, action: () => Promise<void>): Promise<number> {
  const since = await now(page);
  await action();
  // Let the observer deliver the last entries.
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 200)));
  const tasks = await page.evaluate(() => window.__longTasks);
  return Math.max(0, ...tasks.filter((t) => t.start >= since).map((t) => t.duration));
}

/**
 * The stall an action causes, measured twice: a stall caused by output
 * repeats, while a task that ran long because the machine was busy (these
 * tests share two cores with other work) seldom does twice.
 */
async function stall(page: Page, action: () => Promise<void>): Promise<number> {
  return Math.min(await longestTaskDuring(page, action), await longestTaskDuring(page, action));
}

describe("bounded output", () => {
  it("caps a 10 MB failure message, and showing or reopening it never stalls the page", async () => {
    const { page, context } = await observedPage();
    await openLesson(page, site.url, LESSON);
    await warmUp(page);
    await setEditorText(
      page,
      'import { it } from "vitest";\n' +
        'it("huge failure", () => {\n  throw new Error("x".repeat(10 * 1024 * 1024));\n});\n' +
        "export async function runAll(tasks: unknown[], limit: number): Promise<unknown[]> {\n  return [];\n}\n",
    );
    const failing = page.locator(".ex-test", { hasText: "huge failure" });
    const stalled = await stall(page, async () => {
      expect(await run(page)).toMatch(/huge failure\s*failed/);
      // Close and reopen the failure.
      await failing.locator("summary").click();
      await failing.locator("summary").click();
    });
    const message = (await failing.locator(".ex-message").textContent()) ?? "";
    expect(message.length).toBeLessThan(20_000);
    expect(message).toMatch(/^xxxx/);
    expect(message).toMatch(/… [\d,]+ more bytes \(10\.0 MB in all\)/);
    expect(stalled).toBeLessThan(STALL_MS);
    await context.close();
  });

  it("caps a 20 MB API-explorer body without stalling the page", async () => {
    const { page, context } = await observedPage();
    await openLesson(page, site.url, "03-http/01-products-api");
    const solution = fs.readFileSync("content/03-http/01-products-api/solution/products.ts", "utf8");
    const big = solution.replace(
      "const mux = http.newServeMux();",
      'const mux = http.newServeMux();\n  mux.handleFunc("GET /big", (w) => {\n    w.write("y".repeat(20 * 1024 * 1024));\n  });',
    );
    expect(big).not.toBe(solution);
    await setEditorText(page, big);
    expect(await run(page)).toContain(" passed, 0 failed");
    // A first small request, for the same reason as warmUp.
    await page.getByLabel("Path", { exact: true }).fill("/products");
    await page.getByRole("button", { name: "Send" }).click();
    await page.waitForFunction(
      () => Number(document.querySelector('[aria-label="Response"]')?.getAttribute("data-answer-count")) > 0,
    );
    await page.getByLabel("Path", { exact: true }).fill("/big");
    let answers = 1;
    const stalled = await stall(page, async () => {
      await page.getByRole("button", { name: "Send" }).click();
      await page.waitForFunction(
        (n) => Number(document.querySelector('[aria-label="Response"]')?.getAttribute("data-answer-count")) > n,
        answers++,
        { timeout: 30_000 },
      );
    });
    const body = (await page.locator(".ex-api-body-view").textContent()) ?? "";
    expect(body.length).toBeLessThan(100_000);
    expect(body).toMatch(/… [\d,]+ more bytes \(20\.0 MB in all\)/);
    expect(await page.getByRole("region", { name: "Response" }).textContent()).toContain("200");
    expect(stalled).toBeLessThan(STALL_MS);
    await context.close();
  });

  it("keeps a message flood from learner code and console spam away from the page", async () => {
    // The runner hides postMessage from learner code, and the frame relays only what the page expects.
    const { page, context } = await observedPage();
    await openLesson(page, site.url, LESSON);
    await warmUp(page);
    await setEditorText(
      page,
      "export async function runAll(tasks: unknown[], limit: number): Promise<unknown[]> {\n" +
        "  for (let i = 0; i < 20_000; i++) {\n" +
        '    (self as unknown as Worker).postMessage?.({ type: "flood", i, pad: "z".repeat(200) });\n' +
        '    Object.getPrototypeOf(self).postMessage?.call(self, { type: "progress", runId: 1, test: "z" });\n' +
        '    console.log("spam", i, "\\u001b[31m" + "z".repeat(100) + "\\u001b[0m");\n' +
        "  }\n  return [];\n}\n",
    );
    const before = await page.evaluate(() => window.__sandboxMessages);
    const stalled = await stall(page, async () => {
      const text = await run(page);
      expect(text).toMatch(/\d+ passed, \d+ failed/);
      expect(text).toContain("output truncated");
    });
    // Two Runs' results, progress reports and pings: nothing like the 200,000 posted.
    expect((await page.evaluate(() => window.__sandboxMessages)) - before).toBeLessThan(200);
    expect(stalled).toBeLessThan(STALL_MS);
    await context.close();
  });
});
