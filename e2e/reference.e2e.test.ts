// The Go-to-TypeScript reference in real Chromium: it renders its sections
// with Go beside TypeScript, every exercise links to it, its lesson links
// lead to lesson pages, and the home page says what the course is and how long.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSite, type Site } from "./browser";

const LESSON = "02-concurrency/01-goroutines-waitgroup";
let site: Site;

beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

describe("Go to TypeScript reference", () => {
  it("renders every section with Go beside TypeScript", async () => {
    const { page, context } = await site.newPage();
    const response = await page.goto(`${site.url}/reference/`);
    expect(response?.status()).toBe(200);
    await expect(page.locator("h1").textContent()).resolves.toBe("Go to TypeScript reference");
    const sections = await page.locator("section.group h2").allTextContents();
    for (const title of ["Language", "sync", "time", "context", "net/http", "encoding/json", "testing/synctest"]) {
      expect(
        sections.some((s) => s.startsWith(title)),
        `section ${title}`,
      ).toBe(true);
    }
    const wg = page.locator('[id="go-sync-WaitGroup"]');
    await expect(wg.locator(".go code").textContent()).resolves.toBe("sync.WaitGroup");
    await expect(wg.locator(".ts code").textContent()).resolves.toContain("wait(): Promise<void>");
    const select = page.locator('[id="lang-select"]');
    await expect(select.locator("h3").textContent()).resolves.toBe("select");
    await expect(wg.locator("h3").textContent()).resolves.toBe("WaitGroup");
    await expect(select.locator(".ts code").textContent()).resolves.toContain("recvCase");
    await expect(page.locator(".forgotten").textContent()).resolves.toContain("forgot await?");
    expect(site.foreign).toEqual([]);
    await context.close();
  });

  it("is linked from an exercise and from the home page", async () => {
    const { page, context } = await site.newPage();
    await page.goto(`${site.url}/${LESSON}/`);
    const link = page.locator("[data-exercise-mount] a[data-reference-link]");
    await link.click();
    await page.waitForURL(`${site.url}/reference/`);
    await page.goto(`${site.url}/`);
    await expect(page.locator("a[data-reference-link]").getAttribute("href")).resolves.toBe("/reference/");
    await context.close();
  });

  it("links each entry to lessons that exist, and the WaitGroup lesson to WaitGroup", async () => {
    const { page, context } = await site.newPage();
    await page.goto(`${site.url}/reference/`);
    const hrefs = await page
      .locator("a[data-lesson-link]")
      .evaluateAll((links) => [...new Set(links.map((a) => (a as HTMLAnchorElement).pathname))]);
    expect(hrefs.length, "lessons are linked").toBeGreaterThanOrEqual(5);
    const wgLessons = await page
      .locator('[id="go-sync-WaitGroup"] a[data-lesson-link]')
      .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname));
    expect(wgLessons).toContain(`/${LESSON}/`);
    for (const href of hrefs) {
      const res = await page.request.get(`${site.url}${href}`);
      expect(res.status(), href).toBe(200);
      const html = await res.text();
      expect(html, href).toMatch(/<h1[\s>]/);
      expect(html, `${href} is a lesson with an exercise`).toContain("data-exercise-mount");
    }
    await context.close();
  });
});

describe("home page", () => {
  it("says what the course is, how long it is, and where to start", async () => {
    const { page, context } = await site.newPage();
    await page.goto(`${site.url}/`);
    const lede = await page.locator(".intro .lede").textContent();
    expect(lede).toMatch(/TypeScript/);
    expect(lede).toMatch(/deadlocks/);
    const listed = await page.locator(".lessons > li").count();
    const minutes = (await page.locator(".lessons .minutes").allTextContents()).reduce(
      (n, t) => n + parseInt(t, 10),
      0,
    );
    const facts = await page.locator("[data-course-facts]").textContent();
    expect(facts).toContain(`${listed} lessons`);
    expect(minutes).toBeGreaterThan(0);
    const firstLesson = await page.locator(".lessons a").first().getAttribute("href");
    await expect(page.locator("a[data-start]").getAttribute("href")).resolves.toBe(firstLesson);
    const duration = minutes < 120 ? `${minutes} minutes` : `${Math.round(minutes / 30) / 2} hours`;
    expect(facts).toContain(`about ${duration}`);
    // All of it is in the first screen of a laptop.
    await page.setViewportSize({ width: 1280, height: 800 });
    for (const selector of ["[data-course-facts]", "a[data-start]"]) {
      const box = await page.locator(selector).boundingBox();
      expect(box && box.y + box.height, selector).toBeLessThan(800);
    }
    await context.close();
  });
});
