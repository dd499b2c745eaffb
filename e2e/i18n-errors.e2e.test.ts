// A Chinese page's errors in Chinese, in real Chromium against the built
// site: esbuild's compile error (in the results and as the editor's marker)
// and TypeScript's own diagnostics in the editor (the language worker loads
// TypeScript's Chinese table on a Chinese page only); and, after a failing
// Run, no English left in the page's text outside code and names.

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

/** The text of the hover over the editor's first error squiggle. */
async function errorHover(page: Page): Promise<string> {
  const squiggle = page.locator(".monaco-editor .squiggly-error").first();
  await squiggle.waitFor({ state: "attached", timeout: 60_000 });
  await squiggle.hover({ force: true });
  const hover = page.locator(".monaco-editor .monaco-hover-content").first();
  await hover.waitFor({ timeout: 10_000 });
  return (await hover.textContent()) ?? "";
}

describe("a Chinese page's errors", () => {
  it("says esbuild's compile error in Chinese in the results and the editor's marker, the tokens as printed", async () => {
    const { page, context } = await site.newPage();
    await openLesson(page, site.url, `zh-cn/${LESSON}`);
    await setEditorText(page, "export const x = 1 y;\n");
    await run(page, "shortcut");
    const results = (await page.locator(".ex-compile-error li").first().textContent()) ?? "";
    expect(results).toContain('此处应为 ";"，却遇到了 "y"');
    expect(results, "esbuild's English").not.toContain("Expected");
    await expect(errorHover(page)).resolves.toContain('此处应为 ";"，却遇到了 "y"');
    await context.close();
  });

  it("words TypeScript's diagnostics in Chinese, and in English on an English page", async () => {
    const diagnostic = async (path: string) => {
      const { page, context } = await site.newPage();
      await openLesson(page, site.url, path);
      await setEditorText(page, 'export const n: number = "s";\n');
      const text = await errorHover(page);
      await context.close();
      return text;
    };
    await expect(diagnostic(`zh-cn/${LESSON}`)).resolves.toContain("不能将类型“string”分配给类型“number”");
    await expect(diagnostic(LESSON)).resolves.toContain("Type 'string' is not assignable to type 'number'");
  });

  it("shows no English sentence outside code after a failing Run", async () => {
    const { page, context } = await site.newPage();
    await openLesson(page, site.url, `zh-cn/${LESSON}`);
    await run(page, "shortcut");
    await page.locator(".ex-test details").first().waitFor({ state: "attached" });
    // Visible text with a Latin word and no Chinese at all, outside code, the editor and English-marked text;
    // file names, locations and Go's own words (panic) are names, not English.
    const english = await page.evaluate(() => {
      const found: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const element = node.parentElement!;
        if (element.closest("code, pre, kbd, script, style, .monaco-editor, [lang='en']")) continue;
        if (!element.checkVisibility()) continue;
        const text = node.textContent!.trim();
        if (/[A-Za-z]{3,}/.test(text) && !/[\u3400-\u9fff]/.test(text)) found.push(text);
      }
      return found;
    });
    const names = /^(?:[\w.-]+\.ts(?::\d+:\d+)?|panic|TypeScript)$/;
    expect(english.filter((text) => !names.test(text))).toEqual([]);
    await context.close();
  });
});
