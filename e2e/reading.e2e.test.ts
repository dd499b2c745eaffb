// Reading a lesson in real Chromium: the table of contents, copy buttons on
// code, the keyboard help by the editor, "continue where you left off", and
// a phone-sized screen where the lesson comes first and nothing scrolls sideways.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openLesson, openSite, type Site } from "./browser";

const LESSON = "02-concurrency/01-goroutines-waitgroup";
let site: Site;

beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

describe("reading a lesson", () => {
  it("lists its sections, and every entry leads to a heading on the page", async () => {
    const { page, context } = await site.newPage();
    await page.goto(`${site.url}/${LESSON}/`);
    const targets = await page
      .locator(".toc a")
      .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).hash.slice(1)));
    expect(targets.length, "the lesson has sections").toBeGreaterThanOrEqual(3);
    expect(targets, "the quiz is listed").toContain("quiz-heading");
    for (const id of targets) {
      await expect(page.locator(`[id="${id}"]`).count(), `#${id} exists`).resolves.toBe(1);
    }
    await context.close();
  });

  it("copies a code block with its button", async () => {
    const { page, context } = await site.newPage();
    await page.goto(`${site.url}/${LESSON}/`);
    const block = page.locator(".prose .code-block").first();
    const code = (await block.locator("pre").innerText()).replace(/\n$/, "");
    await block.locator(".copy-code").click();
    await expect(block.locator(".copy-code").textContent()).resolves.toBe("Copied");
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(code);
    await context.close();
  });

  it("says how to run and how to leave the editor with the keyboard", async () => {
    const { page, context } = await site.newPage();
    await openLesson(page, site.url, LESSON);
    await expect(page.locator("#ex-keys").innerText()).resolves.toMatch(/Ctrl\s*\+\s*M/);
    await context.close();
  });

  it("opens the shortcut list with ? (not while typing) and closes it with Esc", async () => {
    const { page, context } = await site.newPage();
    await openLesson(page, site.url, LESSON);
    const dialog = page.locator("dialog#shortcuts");
    await page.locator(".monaco-editor .view-lines").first().click();
    await page.keyboard.type("?");
    await expect(dialog.isVisible(), "? typed in the editor is just a character").resolves.toBe(false);
    await page.locator("h1").click();
    await page.keyboard.press("?");
    await expect(dialog.isVisible(), "? opens the list").resolves.toBe(true);
    await expect(dialog.textContent()).resolves.toMatch(/Ctrl\s*\+\s*M/);
    await page.keyboard.press("Escape");
    await expect(dialog.isVisible(), "Esc closes it").resolves.toBe(false);
    await context.close();
  });

  it("offers to continue with the lesson read last", async () => {
    const { page, context } = await site.newPage();
    await page.goto(`${site.url}/`);
    await expect(page.locator("[data-continue]").isVisible(), "nothing to continue on a first visit").resolves.toBe(
      false,
    );
    await page.goto(`${site.url}/${LESSON}/`);
    const title = await page.locator("h1").textContent();
    await page.goto(`${site.url}/`);
    const link = page.locator("[data-continue] a");
    await expect(link.textContent()).resolves.toBe(title);
    await expect(link.getAttribute("href")).resolves.toMatch(new RegExp(`/${LESSON}/$`));
    await context.close();
  });

  it("puts the lesson before the outline on a phone, with nothing wider than the screen", async () => {
    const { page, context } = await site.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    for (const lesson of [LESSON, "03-http/01-products-api"]) {
      await page.goto(`${site.url}/${lesson}/`);
      const h1 = await page.locator("h1").boundingBox();
      const outline = await page.locator("nav.sidebar").boundingBox();
      expect(h1!.y, `${lesson}: the title comes before the outline`).toBeLessThan(outline!.y);
      expect(h1!.y, `${lesson}: the title is on the first screen`).toBeLessThan(844);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, `${lesson}: the page is ${width}px wide on a 390px screen`).toBeLessThanOrEqual(390);
    }
    await context.close();
  });

  it("lets a table that starts scrolling when the screen narrows take focus, and only then", async () => {
    const { page, context } = await site.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${site.url}/03-http/01-products-api/`);
    const tabindex = () => page.evaluate(() => document.querySelector(".prose table")!.getAttribute("tabindex"));
    await expect(tabindex(), "a table that fits is not a tab stop").resolves.toBeNull();
    await page.setViewportSize({ width: 390, height: 844 });
    // ResizeObserver reports after layout: wait for the attribute, then state it.
    await page
      .waitForFunction(() => document.querySelector(".prose table")!.getAttribute("tabindex") === "0", null, {
        timeout: 5000,
      })
      .catch(() => {});
    await expect(tabindex(), "a table that scrolls on a phone takes focus").resolves.toBe("0");
    await page.setViewportSize({ width: 1280, height: 800 });
    await page
      .waitForFunction(() => !document.querySelector(".prose table")!.hasAttribute("tabindex"), null, {
        timeout: 5000,
      })
      .catch(() => {});
    await expect(tabindex(), "wide again: no extra tab stop").resolves.toBeNull();
    await context.close();
  });
});
