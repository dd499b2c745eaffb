// The exercise survives its own bugs and storage loses nothing silently:
// learner tasks named like Object.prototype members, a render error behind an
// error boundary, unreadable or newer saved data, full storage, ANSI output,
// and a pass with the revealed solution recorded as "solution viewed".

import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { editorText, openLesson, openSite, run, setEditorText, type Site } from "./browser";

const LESSON = "01-foundations/01-task-runner";
const CODE_KEY = `gocourse:v1:code:${LESSON}`;
const PROGRESS_KEY = "gocourse:v1:progress";
const SOLUTION = fs.readFileSync(`content/${LESSON}/solution/limit.ts`, "utf8");
let site: Site;

beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

const learnerTasks = (titles: string[]) =>
  'import { describe, it } from "vitest";\n' +
  titles
    .map(
      (t) => `describe(${JSON.stringify(t)}, () => {\n  it("fails", () => {\n    throw new Error("no");\n  });\n});\n`,
    )
    .join("") +
  "export async function runAll(tasks: unknown[], limit: number): Promise<unknown[]> {\n  return [];\n}\n";

async function showSolution(page: import("playwright-core").Page): Promise<void> {
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Show solution" }).click();
}

describe("the exercise survives its own bugs", () => {
  it("shows failing learner tasks titled __proto__ and constructor like any other", async () => {
    const { page, context } = await site.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await openLesson(page, site.url, LESSON);
    await setEditorText(page, learnerTasks(["__proto__", "constructor", "hasOwnProperty"]));
    const text = await run(page);
    // Learner-defined tests are shown apart ("Your own tests"), never as lesson tasks.
    const mine = (await page.getByRole("region", { name: "Your own tests" }).textContent()) ?? "";
    expect(mine).toMatch(/__proto__ > fails\s*failed/);
    expect(mine).toMatch(/constructor > fails\s*failed/);
    expect(mine).toMatch(/hasOwnProperty > fails\s*failed/);
    expect(text).toMatch(/Task 1\. runs every task and keeps the order not done yet/);
    // Hints only for the lesson's own tasks (none found through the prototype); the editor is still there.
    const hints = await page.locator(".ex-hint").count();
    expect(hints).toBeGreaterThan(0);
    expect(hints).toBeLessThanOrEqual(3);
    await expect(page.locator(".monaco-editor").count()).resolves.toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("catches a render error in the results with a way back that keeps the code", async () => {
    const { page, context } = await site.newPage();
    await openLesson(page, site.url, LESSON);
    await setEditorText(page, learnerTasks(["render-bomb"]));
    // Stand-in for a UI bug: rendering the lesson's task list throws.
    await page.evaluate(() => {
      const map = Array.prototype.map;
      (window as unknown as { __bomb: boolean }).__bomb = true;
      (window as unknown as { __restoreMap: () => void }).__restoreMap = () => (Array.prototype.map = map);
      Array.prototype.map = function (this: unknown[], ...args: Parameters<typeof map>) {
        // Only the Results view's task list (its callback renders "ex-task"), not the host's own bounding.
        const inResults = String(args[0]).includes("ex-task");
        const bomb = (x: unknown) => (x as { title?: string } | null)?.title?.startsWith("Task 1") === true;
        if (inResults && (window as unknown as { __bomb?: boolean }).__bomb && this.some(bomb)) {
          throw new Error("boom");
        }
        return map.apply(this, args) as unknown[];
      } as typeof map;
    });
    await page.getByRole("button", { name: "Run", exact: true }).click();
    await page.getByText("Something went wrong showing the results").waitFor({ timeout: 30_000 });
    await page.evaluate(() => (window as unknown as { __restoreMap: () => void }).__restoreMap());
    await page.getByRole("button", { name: "Reset view" }).click();
    await page.getByText("Press Run (Ctrl+Enter) to test your code.").waitFor();
    expect(await editorText(page)).toContain("render-bomb");
    expect(await run(page)).toMatch(/Task 1\. runs every task and keeps the order not done yet/);
    await context.close();
  });
});

describe("storage loses nothing silently", () => {
  it("keeps newer-version saved code under a backup key and says so", async () => {
    const { page, context } = await site.newPage();
    const saved = JSON.stringify({ version: 2, files: { "limit.ts": "// from the future" }, savedAt: 1 });
    await page.goto(`${site.url}/`);
    await page.evaluate(([key, value]) => localStorage.setItem(key, value), [CODE_KEY, saved] as const);
    await openLesson(page, site.url, LESSON);
    const notice = page.locator(".ex-notice");
    await expect(notice.textContent()).resolves.toMatch(/newer version of this site.*gocourse:backup:code:/);
    const backup = await page.evaluate((id) => localStorage.getItem(`gocourse:backup:code:${id}`), LESSON);
    expect(backup).toBe(saved);
    await context.close();
  });

  it("restores the readable files of saved code with a non-string file, and backs the original up", async () => {
    const { page, context } = await site.newPage();
    const saved = JSON.stringify({ version: 1, files: { "limit.ts": 42 }, savedAt: 1 });
    await page.goto(`${site.url}/`);
    await page.evaluate(([key, value]) => localStorage.setItem(key, value), [CODE_KEY, saved] as const);
    await openLesson(page, site.url, LESSON);
    await expect(page.locator(".ex-notice").textContent()).resolves.toMatch(/could not be read \(limit\.ts\)/);
    expect(await page.evaluate((id) => localStorage.getItem(`gocourse:backup:code:${id}`), LESSON)).toBe(saved);
    await context.close();
  });

  it("says so when a completion cannot be saved because storage is full", async () => {
    const { page, context } = await site.newPage();
    await context.addInitScript(() => {
      const setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key: string, value: string) {
        if (key.endsWith(":progress")) throw new DOMException("full", "QuotaExceededError");
        return setItem.call(this, key, value);
      };
    });
    await openLesson(page, site.url, LESSON);
    await showSolution(page);
    expect(await run(page)).toContain("9 passed, 0 failed");
    await expect(page.locator(".ex-notice").textContent()).resolves.toMatch(
      /could not be recorded: browser storage is full/,
    );
    await context.close();
  });

  it("never overwrites progress written by a newer version", async () => {
    const { page, context } = await site.newPage();
    const newer = JSON.stringify({ version: 2, completed: { "x/y": { at: 1, grade: "A" } }, streak: 3 });
    await page.goto(`${site.url}/`);
    await page.evaluate(([key, value]) => localStorage.setItem(key, value), [PROGRESS_KEY, newer] as const);
    await openLesson(page, site.url, LESSON);
    await setEditorText(page, `// my own\n${SOLUTION}`);
    expect(await run(page)).toContain("9 passed, 0 failed");
    expect(await page.evaluate((key) => localStorage.getItem(key), PROGRESS_KEY)).toBe(newer);
    await expect(page.locator(".ex-notice").textContent()).resolves.toMatch(/newer version of this site/);
    await context.close();
  });

  it("renders ANSI colours in console output instead of raw escape codes", async () => {
    const { page, context } = await site.newPage();
    await openLesson(page, site.url, LESSON);
    await setEditorText(
      page,
      "export async function runAll(tasks: unknown[], limit: number): Promise<unknown[]> {\n" +
        '  console.log("\\u001b[31mred alert\\u001b[0m plain \\u001b[2K");\n  return [];\n}\n',
    );
    await run(page);
    const logs = page.locator(".ex-logs pre").first();
    await page.locator(".ex-test summary", { hasText: "handles an empty list" }).click();
    const text = (await logs.textContent()) ?? "";
    expect(text).toContain("red alert plain");
    expect(text).not.toContain("\u001b");
    expect(text).not.toContain("[31m");
    await expect(logs.locator("span.ansi-fg-1").first().textContent()).resolves.toBe("red alert");
    await context.close();
  });
});

describe("showing the solution is not solving", () => {
  it("marks a pass with the unedited solution 'solution viewed', and an own pass 'solved'", async () => {
    const { page, context } = await site.newPage();
    await openLesson(page, site.url, LESSON);
    await showSolution(page);
    expect(await run(page)).toContain("9 passed, 0 failed");
    await page.getByText("Solution viewed", { exact: false }).first().waitFor();
    const mark = page.locator(`.sidebar [data-progress-for="${LESSON}"]`);
    await expect(mark.textContent()).resolves.toBe("◇ solution viewed");
    await page.goto(`${site.url}/`);
    const home = page.locator(`[data-progress-for="${LESSON}"]`).first();
    await expect(home.textContent()).resolves.toBe("◇ solution viewed");
    await expect(home.getAttribute("aria-label")).resolves.toBe("Completed with the solution viewed");
    await expect(page.locator(".module-progress").first().textContent()).resolves.toMatch(
      /0 of \d+ exercises solved, 1 passed with the solution viewed/,
    );

    // A reload keeps the solution unedited: still "solution viewed". An edit, then a pass: "solved".
    await openLesson(page, site.url, LESSON);
    expect(await run(page)).toContain("9 passed, 0 failed");
    await expect(page.locator(`.sidebar [data-progress-for="${LESSON}"]`).textContent()).resolves.toBe(
      "◇ solution viewed",
    );
    await setEditorText(page, `// rewritten by me\n${SOLUTION}`);
    expect(await run(page)).toContain("9 passed, 0 failed");
    await expect(page.locator(".ex-complete").textContent()).resolves.toBe("✓ Solved");
    await expect(page.locator(`.sidebar [data-progress-for="${LESSON}"]`).textContent()).resolves.toBe("✓ solved");
    await context.close();
  });
});
