// Results that cannot lie, in real Chromium against the built site: learner
// code that hides, fakes or crashes the lesson's tests never completes the
// lesson, and whatever it throws is shown as a failure.

import fs from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openLesson, openSite, run, setEditorText, type Site } from "./browser";

const LESSON = "01-foundations/01-task-runner";
const SOLUTION = fs.readFileSync(`content/${LESSON}/solution/limit.ts`, "utf8");
/** Type-checks like the solution; passes only the empty-list test. */
const WRONG =
  "export async function runAll<T>(tasks: (() => Promise<T>)[], limit: number): Promise<T[]> {\n  return [];\n}\n";
let site: Site;

beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

async function isComplete(page: Page): Promise<boolean> {
  const marked = (await page.locator(".ex-complete").count()) > 0;
  const stored = await page.evaluate(() => localStorage.getItem("gocourse:v1:progress") ?? "");
  return marked || stored.includes(LESSON);
}

/**
 * Runs `code` at once, or (`staged`) after a pause in which the page compiles
 * it ahead and the sandbox's spare worker loads the bundle before the Run.
 */
async function runCode(
  code: string,
  staged = false,
): Promise<{ page: Page; text: string; close: () => Promise<void> }> {
  const { page, context } = await site.newPage();
  await openLesson(page, site.url, LESSON);
  await setEditorText(page, code);
  if (staged) await page.waitForTimeout(2000);
  const text = await run(page);
  const wasStaged = await page.locator(".ex-root").getAttribute("data-run-staged");
  if (staged) expect(wasStaged, "the Run found its bundle staged").toBe("true");
  return { page, text, close: () => context.close() };
}

describe("results that cannot lie", () => {
  it("a describe.only scratch test does not complete the lesson; it is shown apart", async () => {
    const { page, text, close } = await runCode(
      `${WRONG}import { describe, it, expect } from "vitest";\ndescribe.only("my scratch", () => {\n  it("works", () => expect(1).toBe(1));\n});\n`,
    );
    expect(text).toMatch(/\D1 passed, 8 failed/);
    expect(text).not.toContain("skipped");
    const mine = page.getByRole("region", { name: "Your own tests" });
    await expect(mine.textContent()).resolves.toMatch(/my scratch > works\s*passed/);
    expect(await isComplete(page)).toBe(false);
    await close();
  });

  it("the solution with a scratch it.only still completes the lesson", async () => {
    const { page, text, close } = await runCode(
      `${SOLUTION}\nimport { it, expect } from "vitest";\nit.only("mine", () => expect(2).toBe(2));\n`,
    );
    expect(text).toContain("9 passed, 0 failed");
    await page.locator(".ex-complete").waitFor();
    expect(await isComplete(page)).toBe(true);
    await close();
  });

  it("an unhandled rejection fails the Run, with the learner's file:line", async () => {
    const lines = SOLUTION.split("\n");
    const at = lines.findIndex((l) => l.includes("await Promise.all(workers)"));
    lines.splice(at, 0, '  setTimeout(() => void Promise.reject(new Error("late rejection")), 0);');
    const { page, text, close } = await runCode(lines.join("\n"));
    expect(text).toContain("9 passed");
    expect(text).toContain("Unhandled error: late rejection");
    expect(text).toContain(`limit.ts:${at + 1}:`);
    expect(await isComplete(page)).toBe(false);
    await close();
  });

  it("a forged result message is ignored", async () => {
    const forged = `{ kind: "tests", tasks: [], learnerTests: [], passed: 5, failed: 0, complete: true, loadErrors: [], traces: [], durationMs: 1, explorer: false }`;
    const { page, text, close } = await runCode(
      // postMessage is hidden from learner code: the forgery throws, and is caught.
      `${WRONG}try {\n  for (let runId = 1; runId < 5; runId++) (self as any).postMessage({ type: "result", runId, secret: "", result: ${forged} });\n} catch {}\n`,
    );
    expect(text).toMatch(/\D1 passed, 8 failed/);
    expect(await isComplete(page)).toBe(false);
    await close();
  });

  it("a bundle staged before its Run gives the same verdict: the forgery fails and the solution passes", async () => {
    const forged = `{ kind: "tests", tasks: [], learnerTests: [], passed: 5, failed: 0, complete: true, loadErrors: [], traces: [], durationMs: 1, explorer: false }`;
    const wrong = await runCode(
      `${WRONG}try { (self as any).postMessage({ type: "result", runId: 1, secret: "", result: JSON.stringify(${forged}) }); } catch {}\n`,
      true,
    );
    expect(wrong.text).toMatch(/\D1 passed, 8 failed/);
    expect(await isComplete(wrong.page)).toBe(false);
    await wrong.close();
    const right = await runCode(SOLUTION, true);
    expect(right.text).toContain("9 passed, 0 failed");
    await right.close();
  });

  it("patched matchers and a yes-saying equality tester do not complete the lesson", async () => {
    const { page, text, close } = await runCode(`${WRONG}import { expect } from "vitest";
const yes = () => ({ pass: true, message: () => "" });
try { expect.extend({ toBe: yes, toEqual: yes }); } catch {}
try { (Object.getPrototypeOf(expect(0)) as any).toEqual = function () { return this; }; } catch {}
try { Object.is = () => true; } catch {}
try { (globalThis as any)[Symbol.for("$$jest-matchers-object")].customEqualityTesters.push(() => true); } catch {}
`);
    expect(text).toMatch(/\D1 passed, 8 failed/);
    expect(await isComplete(page)).toBe(false);
    await close();
  });

  it("a thrown plain object with a non-string message is shown as a failure", async () => {
    const { page, text, close } = await runCode(
      // Thrown synchronously, so the value escapes the test body to the runner.
      "export function runAll(): Promise<unknown[]> {\n  throw { status: 400, message: { code: 7 } };\n}\n",
    );
    expect(text).toMatch(/0 passed, \d+ failed/);
    expect(text).toContain("thrown object: { status: 400, message: { code: 7 } }");
    const open = page.locator(".ex-test details[open] .ex-message");
    await expect(open.textContent()).resolves.toContain("{ status: 400, message: { code: 7 } }");
    await close();
  });

  it("learner code cannot eval (the sandbox's CSP), so it cannot name the bundle's internals", async () => {
    const { page, close } = await runCode(`${SOLUTION}
import { it, expect } from "vitest";
it("eval is blocked", () => {
  expect(() => eval("1 + 1")).toThrow();
  expect(() => new Function("return 1")).toThrow();
});
`);
    const mine = page.getByRole("region", { name: "Your own tests" });
    await expect(mine.textContent()).resolves.toMatch(/eval is blocked\s*passed/);
    await close();
  });

  it("sent no request to any host but the site's", () => {
    expect(site.foreign).toEqual([]);
  });
});
