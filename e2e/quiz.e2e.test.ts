// The quiz at the end of a lesson, in real Chromium: answered with the
// keyboard alone, graded in the page, explained per answer, kept across a
// reload, counted in the course outline, and still useful without JavaScript.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSite, type Site } from "./browser";

const LESSON = "02-concurrency/02-select-timeouts";
let site: Site;

beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

interface Graded {
  key: string;
  correct: number;
  choices: number;
}

describe("quiz", () => {
  it("grades answers chosen with the keyboard, explains them, and keeps them", async () => {
    const { page, context } = await site.newPage();
    await page.goto(`${site.url}/${LESSON}/`);
    const quiz = page.locator("[data-quiz]");
    const graded = JSON.parse((await quiz.locator("[data-quiz-data]").textContent()) ?? "[]") as Graded[];
    expect(graded.length, "the lesson's quiz has questions").toBeGreaterThanOrEqual(3);
    await expect(quiz.locator("[data-nojs-answer]").count(), "answers for no-JS readers are removed").resolves.toBe(0);

    // Question 1 by keyboard: move to a wrong choice, Enter checks it.
    const first = quiz.locator(".quiz-question").first();
    const q = graded[0]!;
    const wrong = q.correct === 0 ? 1 : 0;
    await first
      .locator('input[type="radio"]')
      .nth(q.correct === 0 ? 0 : 1)
      .focus();
    await page.keyboard.press(q.correct === 0 ? "ArrowDown" : "ArrowUp");
    await expect(first.locator('input[type="radio"]').nth(wrong).isChecked(), "arrow keys choose").resolves.toBe(true);
    await page.keyboard.press("Enter");
    await expect(first.locator("[data-feedback]").textContent()).resolves.toMatch(/^Not quite/);
    const whys = first.locator("[data-why]");
    await expect(whys.nth(wrong).isVisible(), "the chosen answer is explained").resolves.toBe(true);
    await expect(whys.nth(q.correct).isVisible(), "the right answer is not given away").resolves.toBe(false);

    // Then the right choice: every choice's explanation opens.
    await first.locator('input[type="radio"]').nth(q.correct).focus();
    await page.keyboard.press("Space");
    await expect(
      first.locator("[data-feedback]").textContent(),
      "changing the choice clears the verdict",
    ).resolves.toBe("");
    await page.keyboard.press("Enter");
    await expect(first.locator("[data-feedback]").textContent()).resolves.toBe("Correct.");
    for (let j = 0; j < q.choices; j++) {
      await expect(whys.nth(j).isVisible(), `choice ${j} is explained after a right answer`).resolves.toBe(true);
    }
    await expect(quiz.locator("[data-quiz-score]").textContent()).resolves.toBe(`1 of ${graded.length} correct.`);

    // The rest with the mouse; the sidebar counts the quiz once all are right.
    const mark = page.locator(`.sidebar [data-quiz-for="${LESSON}"]`);
    await expect(mark.textContent()).resolves.toBe(`quiz 1/${graded.length}`);
    for (let i = 1; i < graded.length; i++) {
      const item = quiz.locator(".quiz-question").nth(i);
      await item.locator('input[type="radio"]').nth(graded[i]!.correct).check();
      await item.locator("[data-check]").click();
    }
    await expect(mark.textContent()).resolves.toBe("✓ quiz");
    await expect(mark.getAttribute("aria-label")).resolves.toBe(`Quiz: ${graded.length} of ${graded.length} correct`);

    // A reload restores the answers and their explanations, silently.
    await page.reload();
    await expect(quiz.locator("[data-quiz-score]").textContent()).resolves.toBe(
      `${graded.length} of ${graded.length} correct.`,
    );
    await expect(first.locator('input[type="radio"]').nth(q.correct).isChecked()).resolves.toBe(true);
    await expect(first.locator("[data-why]").nth(q.correct).isVisible()).resolves.toBe(true);
    await expect(first.locator("[data-feedback]").textContent(), "nothing is announced on load").resolves.toBe("");

    await page.goto(`${site.url}/`);
    const module = page.locator(`[data-module-quizzes*="${LESSON}"]`);
    await expect(module.textContent()).resolves.toMatch(/; 1 of \d+ quizzes all correct$/);
    await context.close();
  });

  it("only the verdict is a live region", async () => {
    const { page, context } = await site.newPage();
    await page.goto(`${site.url}/${LESSON}/`);
    const live = await page.locator("[data-quiz] [aria-live], [data-quiz] [role=status]").count();
    const questions = await page.locator("[data-quiz] .quiz-question").count();
    expect(live, "one status line per question, nothing else").toBe(questions);
    await expect(page.locator("[data-quiz][aria-live]").count()).resolves.toBe(0);
    await context.close();
  });

  it("shows each answer in a disclosure without JavaScript", async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.url}/${LESSON}/`);
    const questions = await page.locator("[data-quiz] .quiz-question").count();
    await expect(page.locator("[data-nojs-answer]").count()).resolves.toBe(questions);
    await expect(page.locator("[data-check]").first().isVisible(), "Check needs JavaScript").resolves.toBe(false);
    await expect(page.locator(".exercise-mount .loading").isVisible(), "no endless 'Loading'").resolves.toBe(false);
    await expect(page.locator(".exercise-mount").textContent()).resolves.toMatch(/The exercise needs JavaScript/);
    await page.locator("[data-nojs-answer] summary").first().click();
    await expect(page.locator("[data-nojs-answer]").first().textContent()).resolves.toMatch(/timeout/);
    await context.close();
  });
});
