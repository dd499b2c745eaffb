// The Chinese locale in real Chromium against the built site: <html lang>,
// the language switch keeps the lesson (by keyboard), every link on a
// Chinese page stays Chinese, a Chinese browser is offered Chinese but never
// redirected, a Chinese query finds Chinese lessons, and progress (completion,
// saved code, quiz answers) is one for both languages of a lesson, with a
// Chinese page's Run going end to end.

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
    const runs = page.locator("[data-run-count]");
    const before = Number(await runs.getAttribute("data-run-count"));
    await page.locator(".monaco-editor .view-lines").first().click();
    await page.keyboard.press("ControlOrMeta+Enter");
    await page.waitForFunction(
      (n) => Number(document.querySelector("[data-run-count]")?.getAttribute("data-run-count")) > n,
      before,
      { timeout: 60_000 },
    );
    await expect(page.locator('.ex-onward a[rel="next"]').getAttribute("href")).resolves.toBe(
      "/zh-cn/01-foundations/02-routing/",
    );
    await context.close();
  });
});
