// Progress the learner owns: export progress and code from one browser,
// import the file in a fresh one; a bad file is refused with a message and
// changes nothing; "Reset this lesson" forgets one lesson after confirmation.

import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { editorText, openLesson, openSite, setEditorText, type Site } from "./browser";

const LESSON = "01-foundations/01-task-runner";
const CODE_KEY = `gocourse:v1:code:${LESSON}`;
const PROGRESS_KEY = "gocourse:v1:progress";
let site: Site;

beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

const record = JSON.stringify({
  version: 1,
  completed: { [LESSON]: { at: 1 } },
  quizzes: { [LESSON]: { answers: {}, correct: 0, total: 4, at: 1 } },
});

describe("export, import and reset", () => {
  it("exports progress and code, and a fresh browser imports them", async () => {
    const a = await site.newPage();
    await openLesson(a.page, site.url, LESSON);
    await setEditorText(a.page, "// exported work\nexport const carried = true;\n");
    await a.page.waitForFunction((k) => localStorage.getItem(k)?.includes("exported work"), CODE_KEY);
    await a.page.evaluate(([k, v]) => localStorage.setItem(k!, v!), [PROGRESS_KEY, record]);
    await a.page.goto(`${site.url}/`);
    const download = a.page.waitForEvent("download");
    await a.page.getByRole("button", { name: "Export progress and code" }).click();
    const file = await (await download).path();
    const text = fs.readFileSync(file, "utf8");
    expect(JSON.parse(text)).toMatchObject({
      format: "gocourse-progress",
      version: 1,
      completed: { [LESSON]: { at: 1 } },
    });
    await a.context.close();

    const b = await site.newPage();
    await b.page.goto(`${site.url}/`);
    await b.page
      .locator("[data-import]")
      .setInputFiles({ name: "progress.json", mimeType: "application/json", buffer: Buffer.from(text) });
    const preview = b.page.locator("[data-import-preview]");
    await preview.waitFor();
    await expect(preview.textContent()).resolves.toMatch(
      new RegExp(`Mark 1 lesson complete: ${LESSON}.*Add saved code for 1 lesson: ${LESSON}`),
    );
    expect(await b.page.evaluate((k) => localStorage.getItem(k), CODE_KEY), "nothing before confirming").toBeNull();
    await b.page.getByRole("button", { name: "Import", exact: true }).click();
    await b.page.getByText("Imported progress.json.").waitFor();
    await expect(b.page.locator(`[data-progress-for="${LESSON}"]`).first().textContent()).resolves.toMatch(/solved/i);
    await openLesson(b.page, site.url, LESSON);
    expect(await editorText(b.page)).toContain("exported work");
    await b.context.close();
  });

  it("refuses a bad file with a message naming what is wrong, changing nothing", async () => {
    const { page, context } = await site.newPage();
    await page.goto(`${site.url}/`);
    await page.evaluate(([k, v]) => localStorage.setItem(k!, v!), [PROGRESS_KEY, record]);
    const before = await page.evaluate(() => JSON.stringify(localStorage));
    const bad = JSON.stringify({ format: "gocourse-progress", version: 1, completed: { [LESSON]: { at: "soon" } } });
    await page
      .locator("[data-import]")
      .setInputFiles({ name: "bad.json", mimeType: "application/json", buffer: Buffer.from(bad) });
    const alert = page.locator("[data-transfer-error]");
    await page.waitForFunction(() => document.querySelector("[data-transfer-error]")?.textContent);
    await expect(alert.textContent()).resolves.toMatch(
      /^bad\.json: The file cannot be imported: .*\.at.* must be a time.*Nothing was changed\.$/,
    );
    await expect(page.locator("[data-import-preview]").isVisible()).resolves.toBe(false);

    await page
      .locator("[data-import]")
      .setInputFiles({ name: "notes.json", mimeType: "application/json", buffer: Buffer.from("{ oops") });
    await page.waitForFunction(() =>
      document.querySelector("[data-transfer-error]")?.textContent?.startsWith("notes.json"),
    );
    await expect(alert.textContent()).resolves.toMatch(/not JSON/);
    expect(await page.evaluate(() => JSON.stringify(localStorage))).toBe(before);
    await context.close();
  });

  it("resets one lesson after confirmation", async () => {
    const { page, context } = await site.newPage();
    await openLesson(page, site.url, LESSON);
    await setEditorText(page, "// to be reset\n");
    await page.waitForFunction((k) => localStorage.getItem(k)?.includes("to be reset"), CODE_KEY);
    const other = JSON.stringify({
      version: 1,
      completed: { [LESSON]: { at: 1 }, "01-foundations/02-routing": { at: 2 } },
      quizzes: { [LESSON]: { answers: { x: 1 }, correct: 1, total: 4, at: 1 } },
    });
    await page.evaluate(([k, v]) => localStorage.setItem(k!, v!), [PROGRESS_KEY, other]);

    page.once("dialog", (dialog) => void dialog.dismiss());
    await page.getByRole("button", { name: "Reset this lesson" }).click();
    expect(await page.evaluate((k) => localStorage.getItem(k), CODE_KEY), "cancelled: nothing changes").toContain(
      "to be reset",
    );

    page.once("dialog", (dialog) => void dialog.accept());
    await Promise.all([page.waitForEvent("load"), page.getByRole("button", { name: "Reset this lesson" }).click()]);
    expect(await page.evaluate((k) => localStorage.getItem(k), CODE_KEY)).toBeNull();
    const progress = JSON.parse((await page.evaluate((k) => localStorage.getItem(k), PROGRESS_KEY))!);
    expect(progress.completed).toEqual({ "01-foundations/02-routing": { at: 2 } });
    expect(progress.quizzes).toEqual({});
    await page.locator("[data-exercise-mount]").scrollIntoViewIfNeeded();
    await page.locator(".monaco-editor").first().waitFor({ timeout: 30_000 });
    expect(await editorText(page)).not.toContain("to be reset");
    await context.close();
  });
});
