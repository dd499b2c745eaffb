// The sandbox always comes back: a Run that exhausts memory kills the
// sandbox's process; the learner reads "ran out of memory" and the next Run
// works without a reload. A sandbox that died between Runs is replaced when
// the next Run starts. A timeout names the test that was running.
//
// Playwright marks the whole page crashed when an out-of-process iframe
// dies, so after the crash this test drives the page over raw CDP.

import type { CDPSession } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openLesson, openSite, run, setEditorText, type Site } from "./browser";

const LESSON = "01-foundations/01-task-runner";
let site: Site;

beforeAll(async () => {
  // A small V8 heap, so learner code exhausts it well inside the 5 s limit even
  // on a loaded machine (with the default heap of several GB it may time out first).
  site = await openSite(["--js-flags=--max-old-space-size=256"]);
});
afterAll(async () => {
  await site?.close();
});

/** Evaluates expression in the page over CDP (works after Playwright thinks the page crashed). */
async function evaluate<T>(cdp: CDPSession, expression: string): Promise<T> {
  const reply = await cdp.send("Runtime.evaluate", { expression, returnByValue: true, awaitPromise: true });
  if (reply.exceptionDetails) throw new Error(reply.exceptionDetails.text);
  return reply.result.value as T;
}

/** Clicks Run over CDP and waits for that Run's outcome; returns the results text. */
async function runOverCdp(cdp: CDPSession): Promise<string> {
  const results = `document.querySelector('[aria-label="Test results"]')`;
  const before = await evaluate<number>(cdp, `Number(${results}.getAttribute("data-run-count"))`);
  await evaluate(cdp, `[...document.querySelectorAll("button")].find((b) => b.textContent === "Run").click()`);
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    if ((await evaluate<number>(cdp, `Number(${results}.getAttribute("data-run-count"))`)) > before) {
      return evaluate<string>(cdp, `${results}.textContent`);
    }
  }
  throw new Error("the Run never finished");
}

describe("sandbox recovery", () => {
  it("reports a Run that exhausts memory as such, and the next Run works without a reload", async () => {
    const { page, context } = await site.newPage();
    await openLesson(page, site.url, LESSON);
    await setEditorText(
      page,
      "export async function runAll(tasks: unknown[], limit: number): Promise<unknown[]> {\n" +
        "  const a: number[][] = [];\n  while (true) a.push(new Array(1e6).fill(1.5));\n}\n",
    );
    const cdp = await context.newCDPSession(page);
    const crashed = await runOverCdp(cdp);
    expect(crashed).toMatch(/ran out of memory while running "Task 1: runs every task and keeps the order > /);
    expect(crashed).not.toMatch(/Timed out/);

    // The learner shows the solution (confirming the dialog) and runs again: no reload.
    await evaluate(cdp, `window.confirm = () => true`);
    await evaluate(
      cdp,
      `[...document.querySelectorAll("button")].find((b) => b.textContent === "Show solution").click()`,
    );
    expect(await runOverCdp(cdp)).toContain("9 passed, 0 failed");
    // The dead frame was replaced, not kept beside the new one.
    expect(await evaluate<number>(cdp, `document.querySelectorAll('iframe[title="Code sandbox"]').length`)).toBe(1);
    await context.close();
  });

  it("replaces a sandbox that died between Runs and sends the Run to the new one", async () => {
    const { page, context } = await site.newPage();
    await openLesson(page, site.url, LESSON);
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: "Show solution" }).click();
    expect(await run(page)).toContain("9 passed, 0 failed");
    // Kill the sandbox frame's process while nothing runs in it: the next Run
    // is sent at once, the ping sent with it goes unanswered, and the Run is
    // sent again to a new frame (not reported as "ran out of memory").
    const sandbox = page.frames().find((f) => f !== page.mainFrame() && f.url() === "about:srcdoc");
    expect(sandbox).toBeDefined();
    await page.evaluate(() => document.querySelector('iframe[title="Code sandbox"]')!.setAttribute("data-old", ""));
    const frameCdp = await context.newCDPSession(sandbox!);
    // Not awaited: the reply never comes, the session dies with its process.
    void frameCdp.send("Page.crash").catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const cdp = await context.newCDPSession(page);
    const text = await runOverCdp(cdp);
    expect(text).toContain("9 passed, 0 failed");
    expect(text).not.toMatch(/out of memory/);
    // One frame, and a new one: the dead frame was replaced, not kept.
    expect(await evaluate<number>(cdp, `document.querySelectorAll('iframe[title="Code sandbox"]').length`)).toBe(1);
    expect(await evaluate<number>(cdp, `document.querySelectorAll('iframe[data-old]').length`)).toBe(0);
    await context.close();
  });

  it("names the test that was running when the time ran out", async () => {
    const { page, context } = await site.newPage();
    await openLesson(page, site.url, LESSON);
    await setEditorText(
      page,
      "export async function runAll(tasks: unknown[], limit: number): Promise<unknown[]> {\n" +
        "  if (tasks.length === 0) while (true) {}\n  return [];\n}\n",
    );
    const text = await run(page);
    expect(text).toContain(
      'Timed out after 5 s while running "Task 1: runs every task and keeps the order > handles an empty list, and a limit larger than the list"',
    );
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: "Show solution" }).click();
    expect(await run(page)).toContain("9 passed, 0 failed");
    await context.close();
  });
});
