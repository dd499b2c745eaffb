// The Go-style runtime and the net/http runtime through the real page:
// a deadlocking starter shows Go's deadlock report and the goroutine
// timeline; the products API solution answers the API explorer.

import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openLesson, openSite, run, setEditorText, type Site } from "./browser";

let site: Site;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

describe("Go concurrency lesson", () => {
  it("shows the deadlock report with the learner's line and draws the timeline", async () => {
    const { page, context } = await site.newPage();
    await openLesson(page, site.url, "02-concurrency/03-fixing-a-deadlock");
    const text = await run(page);
    expect(text).toContain("fatal error: all goroutines are asleep - deadlock!");
    expect(text).toMatch(/pipeline\.ts:\d+/);
    const timeline = page.getByRole("region", { name: "Goroutine timeline" });
    await timeline.waitFor();
    const label = await timeline.getByRole("img").first().getAttribute("aria-label");
    expect(label).toMatch(/goroutines?/);
    expect(label).toMatch(/deadlock|leak/);
    await context.close();
  });

  it("type-checks learner code against the go modules in the editor", async () => {
    const { page, context } = await site.newPage();
    await openLesson(page, site.url, "02-concurrency/01-goroutines-waitgroup");
    await setEditorText(
      page,
      'import { makeChan } from "go";\nexport async function f() {\n  await makeChan<number>(1).sendd(1);\n}\n',
    );
    await page.locator(".monaco-editor .squiggly-error").first().waitFor({ timeout: 30_000 });
    // Squiggles are decorations Playwright never sees as "stable": move the mouse onto one.
    const squiggle = await page.locator(".monaco-editor .squiggly-error").first().boundingBox();
    expect(squiggle).not.toBeNull();
    await page.mouse.move(squiggle!.x + squiggle!.width / 2, squiggle!.y + squiggle!.height / 2);
    const problem = page.locator(".monaco-hover", { hasText: "sendd" }).first();
    await problem.waitFor({ timeout: 10_000 });
    // The message names the platform's own type, so the go declarations were loaded.
    expect(await problem.textContent()).toMatch(/Property 'sendd' does not exist on type 'Chan<number>'/);
    await context.close();
  });

  it("passes with the solution", async () => {
    const { page, context } = await site.newPage();
    await openLesson(page, site.url, "02-concurrency/03-fixing-a-deadlock");
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: "Show solution" }).click();
    expect(await run(page)).toMatch(/[1-9]\d* passed, 0 failed/);
    await context.close();
  });
});

describe("API explorer", () => {
  it("sends a request to the learner's handler after a Run and shows the JSON response", async () => {
    const { page, context } = await site.newPage();
    await openLesson(page, site.url, "03-http/01-products-api");
    const send = page.getByRole("button", { name: "Send" });
    await expect(send.isDisabled()).resolves.toBe(true);
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: "Show solution" }).click();
    expect(await run(page)).toContain(" passed, 0 failed");
    await page.getByLabel("Path", { exact: true }).fill("/products");
    await send.click();
    const response = page.getByRole("region", { name: "Response" });
    await page.waitForFunction(
      () => Number(document.querySelector('[aria-label="Response"]')?.getAttribute("data-answer-count")) > 0,
    );
    const text = (await response.textContent()) ?? "";
    expect(text).toContain("200");
    expect(text).toMatch(/application\/json/);
    expect(text).toMatch(/"price"/);

    await page.getByLabel("Path", { exact: true }).fill("/products/does-not-exist");
    await send.click();
    await page.waitForFunction(
      () => Number(document.querySelector('[aria-label="Response"]')?.getAttribute("data-answer-count")) > 1,
    );
    expect(await response.textContent()).toContain("404");
    await context.close();
  });
});

describe("API explorer with a handler that hangs", () => {
  it("stops it at the Run's time limit and asks for a new Run", async () => {
    const { page, context } = await site.newPage();
    await openLesson(page, site.url, "03-http/01-products-api");
    const solution = fs.readFileSync("content/03-http/01-products-api/solution/products.ts", "utf8");
    const spinning = solution.replace(
      "const mux = http.newServeMux();",
      'const mux = http.newServeMux();\n  mux.handleFunc("GET /spin", () => {\n    for (;;) {}\n  });',
    );
    expect(spinning).not.toBe(solution);
    await setEditorText(page, spinning);
    expect(await run(page)).toContain(" passed, 0 failed");
    await page.getByLabel("Path", { exact: true }).fill("/spin");
    await page.getByRole("button", { name: "Send" }).click();
    await page.waitForFunction(
      () => Number(document.querySelector('[aria-label="Response"]')?.getAttribute("data-answer-count")) > 0,
      undefined,
      { timeout: 15_000 },
    );
    expect(await page.getByRole("region", { name: "Response" }).textContent()).toMatch(/did not answer within 5000 ms/);
    await expect(page.getByRole("button", { name: "Send" }).isDisabled()).resolves.toBe(true);
    // The page is still responsive and a new Run brings the explorer back.
    expect(await run(page)).toContain(" passed, 0 failed");
    await expect(page.getByRole("button", { name: "Send" }).isDisabled()).resolves.toBe(false);
    await context.close();
  });
});

describe("offline", () => {
  it("sent no request to any host but the site's", () => {
    expect(site.foreign).toEqual([]);
  });
});
