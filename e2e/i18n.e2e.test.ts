// The Chinese locale in real Chromium against the built site: <html lang>,
// the language switch keeps the lesson (by keyboard), every link on a
// Chinese page stays Chinese, a Chinese browser is offered Chinese but never
// redirected, a Chinese query finds Chinese lessons, and progress (completion,
// saved code, quiz answers) is one for both languages of a lesson, with a
// Chinese page's Run going end to end; and nothing on a Chinese page is
// English: vitest's assertion, a storage notice, Monaco's find widget, the
// 404 page (both languages, each marked).

import fs from "node:fs";
import type { Page } from "playwright-core";
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

const lang = (page: Page) => page.evaluate(() => document.documentElement.lang);

/** Site-internal anchors (not in-page #fragments), as written in the HTML. */
const internalLinks = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLAnchorElement>("a[href]")]
      .filter((a) => a.origin === location.origin && !a.getAttribute("href")!.startsWith("#"))
      .map((a) => ({ path: a.pathname, isSwitch: a.hasAttribute("data-language-switch") })),
  );

describe("Chinese locale", () => {
  it("switches to the same lesson by keyboard, in Chinese with Chinese links, and back", async () => {
    const { page, context } = await site.newPage();
    await page.goto(`${site.url}/${LESSON}/`);
    expect(await lang(page)).toBe("en");
    await page.locator("[data-language-switch]").focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(`**/zh-cn/${LESSON}/`);
    expect(await lang(page)).toBe("zh-CN");
    await expect(page.locator("h1").first().textContent()).resolves.toMatch(/[\u4e00-\u9fff]/);

    const links = await internalLinks(page);
    expect(links.length, "the page has its outline").toBeGreaterThan(20);
    const english = links.filter((l) => !l.isSwitch && !l.path.startsWith("/zh-cn/"));
    expect(english, "links on a Chinese page that leave Chinese").toEqual([]);
    await expect(page.locator('.pager a[rel="next"]').getAttribute("href")).resolves.toBe(
      "/zh-cn/01-foundations/02-routing/",
    );

    await page.locator("[data-language-switch]").click();
    await page.waitForURL(`${site.url}/${LESSON}/`);
    expect(await lang(page)).toBe("en");
    await context.close();
  });

  it("offers Chinese to a Chinese browser without redirecting, and remembers the dismissal", async () => {
    const { page, context } = await site.newPage({ locale: "zh-CN" });
    await page.goto(`${site.url}/`);
    const suggestion = page.locator("[data-language-suggestion]");
    await suggestion.waitFor({ state: "visible" });
    expect(page.url(), "no redirect").toBe(`${site.url}/`);
    expect(await lang(page)).toBe("en");
    await expect(suggestion.textContent()).resolves.toContain("本课程有简体中文版");
    await expect(suggestion.locator("a").getAttribute("href")).resolves.toBe("/zh-cn/");
    await suggestion.getByRole("button").click();
    await expect(suggestion.isHidden()).resolves.toBe(true);
    await page.goto(`${site.url}/${LESSON}/`);
    await page.waitForLoadState("load");
    await expect(suggestion.isHidden(), "dismissed for good").resolves.toBe(true);
    await context.close();

    const english = await site.newPage({ locale: "en-US" });
    await english.page.goto(`${site.url}/`);
    await english.page.waitForLoadState("load");
    await expect(english.page.locator("[data-language-suggestion]").isHidden()).resolves.toBe(true);
    await english.context.close();
  });

  it("finds Chinese lessons for a Chinese query from a Chinese page", async () => {
    const { page, context } = await site.newPage();
    await page.goto(`${site.url}/zh-cn/`);
    await page.keyboard.press("/");
    const dialog = page.locator("#search");
    await dialog.locator("#search-input").fill("死锁");
    await dialog.locator("#search-results a").first().waitFor({ timeout: 15_000 });
    const hrefs = await dialog
      .locator("#search-results a.search-page")
      .evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(
      hrefs.filter((h) => !h.startsWith("/zh-cn/")),
      "results outside Chinese",
    ).toEqual([]);
    expect(hrefs).toContain(`/zh-cn/${LESSON}/`);
    await expect(dialog.locator("#search-status").textContent()).resolves.toMatch(/找到 \d+ 课/);
    await context.close();
  });

  it("shares completion, code and quiz answers between languages; a Chinese Run goes end to end", async () => {
    const { page, context } = await site.newPage();
    await openLesson(page, site.url, LESSON);
    const solution = fs.readFileSync(`content/${LESSON}/solution/limit.ts`, "utf8");
    await setEditorText(page, solution);
    expect(await run(page)).toContain("9 passed, 0 failed");
    const graded = JSON.parse((await page.locator("[data-quiz-data]").textContent()) ?? "[]") as { correct: number }[];
    const first = page.locator("[data-quiz] .quiz-question").first();
    await first.locator('input[type="radio"]').nth(graded[0]!.correct).check();
    await first.locator("[data-check]").click();

    await openLesson(page, site.url, `zh-cn/${LESSON}`);
    await expect(page.locator(`.sidebar [data-progress-for="${LESSON}"]`).textContent()).resolves.toBe("✓ 已完成");
    const zhFirst = page.locator("[data-quiz] .quiz-question").first();
    await expect(zhFirst.locator('input[type="radio"]').nth(graded[0]!.correct).isChecked()).resolves.toBe(true);
    await expect(zhFirst.locator(".is-correct [data-verdict]").textContent()).resolves.toBe("正确：");
    await expect(page.locator("[data-quiz-score]").textContent()).resolves.toBe(`${graded.length} 题答对 1 题。`);

    const data = JSON.parse((await page.locator("[data-exercise-data]").textContent()) ?? "{}");
    expect(data.locale).toBe("zh-cn");
    expect(data.testText.names["Task 1: runs every task and keeps the order"]).toMatch(/[\u4e00-\u9fff]/);
    expect(Object.values(data.hints as Record<string, string>).every((h) => /[\u4e00-\u9fff]/.test(h))).toBe(true);

    // The saved code came along; a Run on the Chinese page passes and leads on in Chinese.
    await run(page, "shortcut");
    await expect(page.locator('.ex-onward a[rel="next"]').getAttribute("href")).resolves.toBe(
      "/zh-cn/01-foundations/02-routing/",
    );
    await context.close();
  });
});

describe("nothing in English on a Chinese page", () => {
  it("says vitest's assertion in Chinese after the lesson's translated message", async () => {
    const { page, context } = await site.newPage();
    await openLesson(page, site.url, `zh-cn/${LESSON}`);
    // The Run button is named in the page's language: the starter runs by its shortcut.
    await run(page, "shortcut");
    const message = (await page.locator(".ex-test details[open] .ex-message").first().textContent()) ?? "";
    expect(message).toMatch(/^同时运行了 \d+ 个任务；上限是 3：期望 \d+ 小于或等于 3$/);
    expect(message, "vitest's English").not.toMatch(/expected|equality/);
    await context.close();
  });

  it("says a storage notice in Chinese, the backup key as it is", async () => {
    const { page, context } = await site.newPage();
    const saved = JSON.stringify({ version: 2, files: { "limit.ts": "// from the future" }, savedAt: 1 });
    await page.goto(`${site.url}/zh-cn/`);
    await page.evaluate(([key, value]) => localStorage.setItem(key, value), [`gocourse:v1:code:${LESSON}`, saved]);
    await openLesson(page, site.url, `zh-cn/${LESSON}`);
    await expect(page.locator(".ex-notice").textContent()).resolves.toContain(
      `你保存的代码是由本站的更新版本写入的。它已保留在这个浏览器的 “gocourse:backup:code:${LESSON}” 下。你将从初始代码重新开始。`,
    );
    await context.close();
  });

  it("shows Monaco's find widget in Chinese, and in English on an English page", async () => {
    const findLabel = async (path: string) => {
      const { page, context } = await site.newPage();
      await openLesson(page, site.url, path);
      await page.locator(".monaco-editor .view-lines").first().click();
      await page.keyboard.press("ControlOrMeta+F");
      const input = page.locator(".monaco-editor .find-widget .input").first();
      await input.waitFor({ timeout: 10_000 });
      const label = await input.getAttribute("aria-label");
      await context.close();
      return label;
    };
    await expect(findLabel(`zh-cn/${LESSON}`)).resolves.toBe("查找");
    await expect(findLabel(LESSON)).resolves.toBe("Find");
  });

  it("answers an unknown Chinese address with a 404 page in both languages, each marked", async () => {
    const { page, context } = await site.newPage();
    await page.goto(`${site.url}/zh-cn/no-such-lesson/`);
    const zh = page.locator('[data-not-found="zh-cn"]');
    await expect(zh.getAttribute("lang")).resolves.toBe("zh-CN");
    await expect(zh.locator("h1").textContent()).resolves.toBe("页面不存在");
    await expect(zh.locator("a").getAttribute("href")).resolves.toBe("/zh-cn/");
    const en = page.locator('[data-not-found="en"]');
    await expect(en.getAttribute("lang")).resolves.toBe("en");
    await expect(en.locator("h1").textContent()).resolves.toBe("Page not found");
    await expect(en.locator("a").getAttribute("href")).resolves.toBe("/");
    await expect(page.title()).resolves.toMatch(/Page not found.*页面不存在/);
    await context.close();
  });
});
