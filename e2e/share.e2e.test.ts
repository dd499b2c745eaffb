// Share code by link: "Copy link" puts the files in the URL fragment; a fresh
// browser that opens the link is offered the code in a banner, loads it, and
// can restore its own code. A damaged link changes nothing and says why.

import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { editorText, openLesson, openSite, setEditorText, type Site } from "./browser";

const LESSON = "01-foundations/01-task-runner";
const CODE_KEY = `gocourse:v1:code:${LESSON}`;
let site: Site;

beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

async function waitSaved(page: Page, text: string): Promise<void> {
  await page.waitForFunction(([key, t]) => localStorage.getItem(key!)?.includes(t!) ?? false, [
    CODE_KEY,
    text,
  ] as const);
}

describe("share by link", () => {
  it("copies a link that a fresh browser loads into its editor, keeping its own code restorable", async () => {
    const a = await site.newPage();
    await openLesson(a.page, site.url, LESSON);
    const shared = "// shared by a friend\nexport const sharedMarker = 42;\n";
    await setEditorText(a.page, shared);
    await a.page.getByRole("button", { name: "Copy link" }).click();
    await a.page.getByText("Link copied").waitFor();
    const link = await a.page.evaluate(() => navigator.clipboard.readText());
    expect(link).toMatch(new RegExp(`^${site.url}/${LESSON}/#share=1\\.[A-Za-z0-9_-]+$`));
    expect(link).not.toContain("sharedMarker");
    await a.context.close();

    const b = await site.newPage();
    await openLesson(b.page, site.url, LESSON);
    await setEditorText(b.page, "// my own work\nexport const mine = 1;\n");
    await waitSaved(b.page, "my own work");
    // Reopen the page from the link: a new document, not a hash change.
    await b.page.goto("about:blank");
    await b.page.goto(link);
    const banner = b.page.getByRole("region", { name: "Shared code" });
    await banner.getByText("Someone shared code for this exercise.").waitFor();
    await expect(banner.textContent()).resolves.toMatch(/limit\.ts \(\d+ bytes\)/);
    await b.page.locator(".monaco-editor").first().waitFor();
    expect(await editorText(b.page), "nothing loads before the learner asks").toContain("my own work");
    expect(await b.page.evaluate((k) => localStorage.getItem(k), CODE_KEY)).toContain("my own work");

    await banner.getByRole("button", { name: "Load into editor" }).click();
    await b.page.waitForFunction(() =>
      document.querySelector(".monaco-editor .view-lines")?.textContent?.includes("sharedMarker"),
    );
    await waitSaved(b.page, "sharedMarker");
    expect(new URL(b.page.url()).hash, "the link is consumed").toBe("");
    const backup = await b.page.evaluate(() =>
      Object.keys(localStorage).filter((k) => k.startsWith("gocourse:backup:before-share:")),
    );
    expect(backup).toEqual([`gocourse:backup:before-share:${LESSON}`]);

    await banner.getByRole("button", { name: "Restore my code" }).click();
    // A word without spaces: Monaco renders spaces as U+00A0.
    await b.page.waitForFunction(() =>
      document.querySelector(".monaco-editor .view-lines")?.textContent?.includes("mine"),
    );
    await waitSaved(b.page, "my own work");
    await b.context.close();
  });

  it("explains a damaged link and changes nothing", async () => {
    const { page, context } = await site.newPage();
    await openLesson(page, site.url, LESSON);
    await setEditorText(page, "// untouched\n");
    await waitSaved(page, "untouched");
    await page.goto("about:blank");
    // A real link cut short after 32 characters of data.
    await page.goto(`${site.url}/${LESSON}/#share=1.7chBCoAgEAXQq8hfZ-XW6CZtpBQkmwln`);
    const alert = page.getByRole("alert").filter({ hasText: "cannot be used" });
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toMatch(/damaged or was cut short.*Your code is unchanged/);
    await page.locator(".monaco-editor").first().waitFor();
    expect(await editorText(page)).toContain("untouched");
    expect(await page.evaluate((k) => localStorage.getItem(k), CODE_KEY)).toContain("untouched");
    await context.close();
  });
});
