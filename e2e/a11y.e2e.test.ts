// Accessibility, in real Chromium: axe-core (WCAG 2.1 A and AA rules) finds
// no serious or critical violation on any built page in the light colour
// scheme, and in the dark one on all but the later lessons of each module;
// and on a sample of lessons, with the exercise mounted at desktop size,
// then at phone size with the exercise run failing then
// passing (results, timeline, API explorer) and the quiz answered wrong then
// right (its feedback colours). The exercise is one component on every
// lesson, so the sample covers it; every page covers the text around it.
// Every violation is printed with its rule, target and contrast figures.

import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSite, run, type Site } from "./browser";

const require = createRequire(import.meta.url);
const AXE = require.resolve("axe-core/axe.min.js");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const DIST = process.env.E2E_DIST ?? "dist";
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };
const SCHEMES = ["light", "dark"] as const;
/**
 * Pages checked in the dark scheme too: all but the second and later lessons
 * of a module, whose colours come from the same tokens and code themes as
 * the first (this halves the sweep's time; CI time is a budget).
 */
const inDark = (p: string) => !/^(zh-cn\/)?\d\d-[^/]+\/\d\d-/.test(p) || /\/01-[^/]+\/$/.test(p);

/**
 * Lessons whose exercise is run at phone size: the plainest, the goroutine
 * timeline, the API explorer, a lesson with tables, a failure-modes lesson
 * (leak reports) and the capstone. The exercise is one component, so these
 * cover its states; every page's text is covered by the sweep.
 */
const SAMPLE = [
  "01-foundations/01-",
  "02-concurrency/03-",
  "03-http/01-",
  "05-patterns/01-",
  "07-failure-modes/01-",
  "11-capstone/01-",
];

interface Violation {
  where: string;
  rule: string;
  impact: string;
  target: string;
  detail: string;
}

let site: Site;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

/**
 * Translated pages share their English page's components, so a sample of
 * them is checked (CI time): the home page, one lesson and the reference.
 */
const TRANSLATED_SAMPLE = new Set(["zh-cn/", "zh-cn/01-foundations/01-task-runner/", "zh-cn/reference/"]);

/** Every built English page's path ("" for home), from dist/, the translated sample, and the 404 page. */
function pages(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(path.join(DIST, dir), { withFileTypes: true })) {
      const rel = path.posix.join(dir, entry.name);
      if (entry.isDirectory()) walk(rel);
      else if (entry.name === "index.html") {
        const page = dir === "" ? "" : `${dir}/`;
        if (!page.startsWith("zh-cn/") || TRANSLATED_SAMPLE.has(page)) found.push(page);
      }
    }
  };
  walk("");
  if (fs.existsSync(path.join(DIST, "404.html"))) found.push("404.html");
  // A11Y_PAGES=<substring> checks only matching pages, for a quick look at one fix.
  const only = process.env.A11Y_PAGES;
  return found.filter((p) => !only || p.includes(only)).sort();
}

/** Runs axe on the page as it stands; returns its serious and critical violations. */
async function axe(page: Page, where: string): Promise<Violation[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ path: AXE });
  const results = await page.evaluate(
    (tags) =>
      (
        window as unknown as {
          axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: AxeViolation[] }> };
        }
      ).axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] }),
    TAGS,
  );
  const found: Violation[] = [];
  for (const v of results.violations) {
    if (v.impact !== "serious" && v.impact !== "critical") continue;
    for (const node of v.nodes) {
      const data = node.any.find((check) => check.data && typeof check.data === "object")?.data as
        Record<string, unknown> | undefined;
      const detail =
        data && "contrastRatio" in data
          ? `${String(data.fgColor)} on ${String(data.bgColor)} = ${String(data.contrastRatio)}:1 (needs ${String(data.expectedContrastRatio)})`
          : node.failureSummary.replace(/\s+/g, " ");
      found.push({ where, rule: v.id, impact: v.impact, target: node.target.join(" "), detail });
    }
  }
  return found;
}

interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: { target: string[]; failureSummary: string; any: { data: unknown }[] }[];
}

/** Prints violations one per line and a count by rule. */
function report(title: string, violations: Violation[]): void {
  const byRule = new Map<string, number>();
  for (const v of violations) byRule.set(v.rule, (byRule.get(v.rule) ?? 0) + 1);
  const lines = violations.map((v) => `  [${v.impact}] ${v.rule} @ ${v.where}: ${v.target} — ${v.detail}`);
  console.log(
    `${title}: ${violations.length} serious/critical node(s)` +
      (byRule.size ? ` (${[...byRule].map(([r, n]) => `${r} ${n}`).join(", ")})` : "") +
      (lines.length ? `\n${lines.join("\n")}` : ""),
  );
}

/** Mounts the lesson's exercise (it loads only when it nears the viewport). */
async function mountExercise(page: Page): Promise<boolean> {
  const mount = page.locator("[data-exercise-mount]");
  if ((await mount.count()) === 0) return false;
  await mount.scrollIntoViewIfNeeded();
  await page.locator(".monaco-editor").first().waitFor({ timeout: 30_000 });
  return true;
}

/** Axes the page in both colour schemes (Monaco and Shiki follow the media query). */
async function axeBothSchemes(page: Page, where: string): Promise<Violation[]> {
  const found: Violation[] = [];
  for (const scheme of SCHEMES) {
    await page.emulateMedia({ colorScheme: scheme });
    // Let Monaco's theme listener and any transition settle before measuring colours.
    await page.waitForTimeout(50);
    found.push(...(await axe(page, `${where} (${scheme})`)));
  }
  return found;
}

describe("accessibility (axe-core, WCAG 2.1 A/AA)", () => {
  it("every page in light, and in dark every page but the later lessons of a module", async () => {
    const started = Date.now();
    const all = pages();
    if (!process.env.A11Y_PAGES) expect(all.length, "the site has its home, lessons and 404").toBeGreaterThan(20);
    const { page, context } = await site.newPage();
    const violations: Violation[] = [];
    for (const p of all) {
      await page.emulateMedia({ colorScheme: "light" });
      await page.goto(`${site.url}/${p}`);
      violations.push(...(await (inDark(p) ? axeBothSchemes(page, `/${p}`) : axe(page, `/${p} (light)`))));
    }
    await context.close();
    report(`${all.length} pages in ${((Date.now() - started) / 1000).toFixed(1)} s`, violations);
    expect(violations).toEqual([]);
  }, 900_000);

  it("sampled lessons: exercise mounted, then at phone size failing and passing, quiz answered", async () => {
    const started = Date.now();
    const lessons = pages().filter((p) => /^\d\d-[^/]+\/\d\d-[^/]+\/$/.test(p));
    const sample = lessons.filter((p) => SAMPLE.some((prefix) => p.startsWith(prefix)));
    if (!process.env.A11Y_PAGES) expect(sample.length, "every sampled lesson exists").toBe(SAMPLE.length);
    const { page, context } = await site.newPage();
    await page.setViewportSize(PHONE);
    page.on("dialog", (dialog) => void dialog.accept());
    const violations: Violation[] = [];
    for (const p of ["", "404.html"]) {
      await page.goto(`${site.url}/${p}`);
      violations.push(...(await axeBothSchemes(page, `/${p} phone`)));
    }
    for (const p of sample) {
      await page.setViewportSize(DESKTOP);
      await page.emulateMedia({ colorScheme: "light" });
      await page.goto(`${site.url}/${p}`);
      if (!(await mountExercise(page))) continue;
      violations.push(...(await axeBothSchemes(page, `/${p} exercise mounted`)));
      await page.setViewportSize(PHONE);
      // Starter code fails its tests.
      await run(page);
      violations.push(...(await axeBothSchemes(page, `/${p} phone, failing run`)));
      await page.getByRole("button", { name: "Show solution" }).click();
      const results = await run(page);
      expect(results, `${p}: the solution passes`).toMatch(/\b0 failed\b/);
      const send = page.locator(".ex-api-send");
      if ((await send.count()) > 0) {
        await send.click();
        await page.locator('[aria-label="Response"]').first().waitFor();
      }
      // Quiz: the first question wrong, the second right (both feedback colours).
      const questions = page.locator("[data-quiz] .quiz-question");
      for (let i = 0; i < Math.min(2, await questions.count()); i++) {
        const q = questions.nth(i);
        const choices = q.locator('input[type="radio"]');
        const correct = JSON.parse((await page.locator("[data-quiz-data]").textContent()) ?? "[]")[i].correct as number;
        await choices.nth(i === 0 ? (correct === 0 ? 1 : 0) : correct).check();
        await q.locator("[data-check]").click();
      }
      violations.push(...(await axeBothSchemes(page, `/${p} phone, passing run, quiz answered`)));
    }
    await context.close();
    report(`${sample.length} lessons run at phone size in ${((Date.now() - started) / 1000).toFixed(1)} s`, violations);
    expect(violations).toEqual([]);
  }, 900_000);
});
