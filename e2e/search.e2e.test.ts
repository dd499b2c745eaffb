// Search in real Chromium against the built site: "/" and Ctrl+K open a
// labelled dialog, a word from a lesson section finds that section and its
// link lands on it, Esc closes and focus returns, and after one online visit
// search works with the server gone (the service worker precaches the index).

import type { Server } from "node:http";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LAUNCH_ARGS, chromiumPath } from "../scripts/chromium.mjs";
import { serve } from "../scripts/serve.mjs";
import { openSite, type Site } from "./browser";

const LESSON = "02-concurrency/01-goroutines-waitgroup";
const DIST = process.env.E2E_DIST ?? "dist";
let site: Site;

beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

/**
 * A section of LESSON and a word from its text that at most two other lessons'
 * indexed text uses and at most three sections of the page share (by its first
 * six letters, so Pagefind's stemming cannot make it common): search must
 * find that section. Runs in the page, which fetches the other lessons.
 */
function pickSectionWord(page: Page): Promise<{ id: string; word: string }> {
  return page.evaluate(async (lesson) => {
    const indexed = (doc: Document) => {
      const body = doc.querySelector("[data-pagefind-body]")!;
      body.querySelectorAll("[data-pagefind-ignore]").forEach((el) => el.remove());
      return body;
    };
    const own = indexed(document.cloneNode(true) as Document);
    const sections = [...own.querySelectorAll(".prose :is(h2, h3, h4)[id]")].map((h) => {
      let text = "";
      for (let n = h.nextElementSibling; n && !/^H[1-6]$/.test(n.tagName); n = n.nextElementSibling) {
        text += ` ${n.textContent ?? ""}`;
      }
      return { id: h.id, text: text.toLowerCase() };
    });
    const others = await Promise.all(
      [...document.querySelectorAll<HTMLAnchorElement>(".sidebar a[data-lesson-id]")]
        .filter((a) => a.dataset.lessonId !== lesson)
        .map(async (a) => {
          const html = await (await fetch(a.href)).text();
          return indexed(new DOMParser().parseFromString(html, "text/html")).textContent!.toLowerCase();
        }),
    );
    for (const { id, text } of sections) {
      for (const word of new Set(text.match(/\b[a-z]{8,}\b/g) ?? [])) {
        const stem = new RegExp(`\\b${word.slice(0, 6)}`);
        // A word few other lessons use: this lesson still ranks among the 8 shown.
        if (others.filter((t) => stem.test(t)).length > 2) continue;
        if (sections.filter((s) => stem.test(s.text)).length > 3) continue;
        return { id, word };
      }
    }
    throw new Error(`no distinctive word in any section of ${lesson}`);
  }, LESSON);
}

describe("search", () => {
  it("opens with '/', finds a section by a word from its text, and its link lands on that section", async () => {
    const { page, context } = await site.newPage();
    await page.goto(`${site.url}/${LESSON}/`);
    const { id, word } = await pickSectionWord(page);

    await page.keyboard.press("/");
    const dialog = page.getByRole("dialog", { name: "Search the lessons" });
    await dialog.waitFor();
    const input = dialog.getByRole("searchbox", { name: "Search the lessons" });
    await expect(
      input.evaluate((el) => el === document.activeElement),
      "focus is in the input",
    ).resolves.toBe(true);
    await input.fill(word);
    const hit = dialog.locator(`#search-results a[href$="/${LESSON}/#${id}"]`);
    await hit.waitFor({ timeout: 15_000 });
    await expect(
      hit.evaluate((a) => a.closest("li")?.textContent),
      "an excerpt with the word",
    ).resolves.toMatch(new RegExp(word, "i"));
    await expect(dialog.locator("#search-status").textContent()).resolves.toMatch(/\d+ lessons? found/);

    await hit.click();
    await page.waitForURL(`**/${LESSON}/#${id}`);
    await expect(dialog.isVisible(), "the dialog closed").resolves.toBe(false);
    const top = await page.locator(`[id="${id}"]`).evaluate((h) => h.getBoundingClientRect().top);
    expect(Math.abs(top), "the section's heading is at the top of the view").toBeLessThan(100);
    expect(site.foreign, "no request left the site").toEqual([]);
    await context.close();
  });

  it("opens with Ctrl+K from another page, Esc closes it and focus returns; '/' is text in fields", async () => {
    const { page, context } = await site.newPage();
    await page.goto(`${site.url}/`);
    const shortcuts = page.getByRole("button", { name: /Shortcuts/ });
    await shortcuts.focus();
    await page.keyboard.press("Control+K");
    const dialog = page.getByRole("dialog", { name: "Search the lessons" });
    await dialog.waitFor();
    const input = dialog.getByRole("searchbox", { name: "Search the lessons" });
    await input.pressSequentially("a/b");
    await expect(input.inputValue(), "'/' typed in the input stays text").resolves.toBe("a/b");
    await input.fill("goroutine");
    await dialog.locator("#search-results a").first().waitFor({ timeout: 15_000 });
    const links = await dialog.locator("#search-results a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    for (const href of links)
      expect(href, "results are links to lessons and their sections").toMatch(/^\/\d\d-[^/]+\/[^/]+\/(#.+)?$/);

    await page.keyboard.press("Escape");
    await expect(dialog.isVisible(), "Esc closes").resolves.toBe(false);
    await expect(
      shortcuts.evaluate((b) => b === document.activeElement),
      "focus returns",
    ).resolves.toBe(true);

    // The shortcut list names the keys.
    await page.keyboard.press("?");
    await expect(page.locator("#shortcuts").innerText()).resolves.toMatch(/Search the lessons/);
    await context.close();
  });
});

describe("search offline", () => {
  let browser: Browser;
  let server: Server;
  let url: string;
  beforeAll(async () => {
    ({ server, url } = (await serve(DIST, 0)) as { server: Server; url: string });
    browser = await chromium.launch({ executablePath: chromiumPath(), args: LAUNCH_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  it("finds a section with the server gone after one visit; an unknown page gets the 404 page", async () => {
    // No request interception here: it would bypass the service worker.
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${url}/${LESSON}/`);
    const { id, word } = await pickSectionWord(page);
    // Controlled means installed: the precache, index included, is complete.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
    await new Promise((resolve) => {
      server.close(resolve);
      server.closeAllConnections();
    });

    await page.goto(`${url}/`);
    await page.keyboard.press("Control+K");
    const dialog = page.getByRole("dialog", { name: "Search the lessons" });
    await dialog.getByRole("searchbox").fill(word);
    await dialog.locator(`#search-results a[href$="/${LESSON}/#${id}"]`).click({ timeout: 15_000 });
    await page.waitForURL(`**/${LESSON}/#${id}`);
    await expect(page.locator("h1").first().textContent(), "the lesson opened offline").resolves.toMatch(/\w/);
    // The offline fallback: a page that was never precached gets the site's 404 page.
    await page.goto(`${url}/no-such-page/`);
    await expect(page.locator("h1").first().textContent(), "offline fallback").resolves.toBe("Page not found");
    await context.close();
  });
});
