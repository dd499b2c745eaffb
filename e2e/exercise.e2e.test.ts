// The learner's path through a plain-TypeScript exercise in real Chromium,
// against the built site served as static files.

import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openLesson, openSite, run, setEditorText, type Site } from "./browser";

const LESSON = "01-foundations/01-task-runner";
let site: Site;

beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

describe("exercise page", () => {
  it("runs the starter and shows failing tests by task, first failure expanded", async () => {
    const { page, context } = await site.newPage();
    await openLesson(page, site.url, LESSON);
    const text = await run(page);
    expect(text).toMatch(/\d+ passed, [1-9]\d* failed/);
    expect(text).toContain("Task 2.");
    expect(text).toContain("failed");
    const open = page.locator(".ex-test details[open]");
    await expect(open.count()).resolves.toBe(1);
    await expect(open.locator(".ex-message").textContent()).resolves.toMatch(/12 tasks ran at once; the limit is 3/);
    await context.close();
  });

  it("runs the code it opens with even while esbuild-wasm cannot start: the build compiled it", async () => {
    const { page, context } = await site.newPage();
    await page.route(/esbuild[^/]*\.wasm/, (route) => route.abort());
    await openLesson(page, site.url, LESSON);
    await expect(run(page)).resolves.toMatch(/\d+ passed, [1-9]\d* failed/);
    // An edit needs the compiler: its failure to start is the platform's, not the learner's.
    await setEditorText(page, fs.readFileSync(`content/${LESSON}/solution/limit.ts`, "utf8") + "\n// mine\n");
    await expect(run(page)).resolves.toContain("The compiler failed to start");
    await context.close();
  });

  it("downloads the compiler and the language worker only once the learner touches the editor", async () => {
    const { page, context } = await site.newPage();
    const fetched: string[] = [];
    page.on("request", (r) => fetched.push(r.url()));
    const heavy = () => fetched.filter((u) => /esbuild[^/]*\.wasm|ts-worker/.test(u));
    await openLesson(page, site.url, LESSON);
    await page.waitForTimeout(1_000);
    expect(heavy(), "a reader downloads neither").toEqual([]);
    await page.locator(".monaco-editor .view-lines").first().click();
    const kinds = () => [...new Set(heavy().map((u) => (u.endsWith(".wasm") ? "esbuild" : "ts-worker")))].sort();
    for (let waited = 0; kinds().length < 2 && waited < 20_000; waited += 200) await page.waitForTimeout(200);
    expect(kinds(), "a touch starts both").toEqual(["esbuild", "ts-worker"]);
    await context.close();
  });

  it("says it is starting the compiler while an edit's first Run waits for it", async () => {
    const { page, context } = await site.newPage();
    // A slow network: esbuild.wasm takes two seconds to arrive.
    await page.route(/esbuild[^/]*\.wasm/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      await route.continue();
    });
    await openLesson(page, site.url, LESSON);
    await setEditorText(page, fs.readFileSync(`content/${LESSON}/solution/limit.ts`, "utf8") + "\n// mine\n");
    const ran = run(page);
    await page.locator(".ex-status", { hasText: "Starting the compiler (once per page)…" }).waitFor({ timeout: 5_000 });
    await expect(ran).resolves.toContain("9 passed, 0 failed");
    await expect(page.locator(".ex-status").count(), "the status goes with the Run").resolves.toBe(0);
    // Started once per page: the next edit's Run just runs.
    await setEditorText(page, fs.readFileSync(`content/${LESSON}/solution/limit.ts`, "utf8") + "\n// again\n");
    await expect(run(page)).resolves.toContain("9 passed, 0 failed");
    await context.close();
  });

  it("passes with the learner's own solution (Ctrl+Enter) and marks the lesson solved in the sidebar", async () => {
    const { page, context } = await site.newPage();
    await openLesson(page, site.url, LESSON);
    await setEditorText(page, fs.readFileSync(`content/${LESSON}/solution/limit.ts`, "utf8"));
    const text = await run(page, "shortcut");
    expect(text).toContain("9 passed, 0 failed");
    // Screen readers hear the summary line only; the pass offers the quiz and the next lesson.
    await expect(page.locator(".ex-results[aria-live], .ex-results [aria-live]").count()).resolves.toBe(0);
    await expect(page.getByTestId("announcement").textContent()).resolves.toBe(
      "9 passed, 0 failed. Every task is done.",
    );
    await expect(page.locator('.ex-onward a[href="#quiz-heading"]').count()).resolves.toBe(1);
    await expect(
      page.evaluate(() => document.activeElement?.getAttribute("href")),
      "the way on takes focus",
    ).resolves.toBe("#quiz-heading");
    // Back in the editor, another green Run leaves the learner typing where they were.
    await expect(run(page, "shortcut")).resolves.toContain("9 passed, 0 failed");
    await expect(
      page.evaluate(() => Boolean(document.activeElement?.closest(".monaco-editor"))),
      "a later green Run keeps focus in the editor",
    ).resolves.toBe(true);
    await expect(page.locator(".ex-notice").count(), "and says nothing about storage").resolves.toBe(0);
    await expect(page.locator('.ex-onward a[rel="next"]').getAttribute("href")).resolves.toMatch(
      /\/01-foundations\/02-routing\/$/,
    );
    await page.locator(`.sidebar [data-progress-for="${LESSON}"].done-mark`).waitFor();
    await page.goto(`${site.url}/`);
    await expect(page.locator(`[data-progress-for="${LESSON}"]`).first().getAttribute("aria-label")).resolves.toBe(
      "Completed: solved",
    );
    await context.close();
  });

  it("reports a syntax error with file:line:col and marks it in the editor", async () => {
    const { page, context } = await site.newPage();
    await openLesson(page, site.url, LESSON);
    await setEditorText(page, "export async function runAll(tasks, limit) {\n  return tasks +;\n}\n");
    const text = await run(page);
    expect(text).toContain("Your code did not compile");
    expect(text).toMatch(/limit\.ts:2:\d+/);
    await page.locator(".monaco-editor .squiggly-error").first().waitFor({ timeout: 10_000 });
    await context.close();
  });

  it("stops an infinite loop at the time limit, stays responsive, and the next Run works", async () => {
    const { page, context } = await site.newPage();
    await openLesson(page, site.url, LESSON);
    await setEditorText(
      page,
      "export async function runAll(tasks: unknown[], limit: number): Promise<unknown[]> {\n  while (true) {}\n}\n",
    );
    const text = await run(page);
    expect(text).toMatch(/Timed out after 5 s.*loops forever/);
    // The page still answers promptly.
    const started = Date.now();
    await page.evaluate(() => 1 + 1);
    expect(Date.now() - started).toBeLessThan(1000);
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: "Show solution" }).click();
    expect(await run(page)).toContain("9 passed, 0 failed");
    await context.close();
  });

  it("cancels the Run in flight when a new Run starts", async () => {
    const { page, context } = await site.newPage();
    await openLesson(page, site.url, LESSON);
    await setEditorText(page, "export async function runAll(): Promise<unknown[]> {\n  while (true) {}\n}\n");
    await page.getByRole("button", { name: "Run", exact: true }).click();
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: "Show solution" }).click();
    const started = Date.now();
    const text = await run(page);
    expect(text).toContain("9 passed, 0 failed");
    // The looping Run was stopped, not waited for (its limit is 5 s).
    expect(Date.now() - started).toBeLessThan(4000);
    await context.close();
  });

  it("keeps the learner's code across a reload", async () => {
    const { page, context } = await site.newPage();
    await openLesson(page, site.url, LESSON);
    await setEditorText(page, "// my work in progress\nexport const x = 42;\n");
    await page.getByText("Saved", { exact: true }).waitFor();
    await page.reload();
    await page.locator(".monaco-editor").first().waitFor();
    await page.locator(".view-lines", { hasText: "my work in progress" }).waitFor({ timeout: 10_000 });
    await context.close();
  });

  it("still loads when saved storage is corrupt", async () => {
    const { page, context } = await site.newPage();
    await page.goto(`${site.url}/`);
    await page.evaluate((id) => {
      localStorage.setItem(`gocourse:v1:code:${id}`, "{corrupt");
      localStorage.setItem("gocourse:v1:progress", "42");
    }, LESSON);
    await openLesson(page, site.url, LESSON);
    expect(await run(page)).toMatch(/passed, \d+ failed/);
    await context.close();
  });

  it("sent no request to any host but the site's", () => {
    expect(site.foreign).toEqual([]);
  });
});
