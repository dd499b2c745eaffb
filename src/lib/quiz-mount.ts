// Brings a server-rendered quiz (components/quiz/Quiz.astro) to life: Check
// grades the chosen answer, shows its explanation, and saves the answers and
// score in the progress store; saved answers are restored on load. Only the
// one-line verdict is a live region, so a screen reader hears "Correct." or
// "Not quite.", not the whole quiz.

import { translator } from "../i18n/messages/define";
import messages from "../i18n/messages/quiz";
import { pageLocale } from "../i18n/page-locale";
import { PROGRESS_EVENT, browserStore } from "./progress-store";
import { storageText } from "./storage-notice";
import { currentAnswers, scoreQuiz, scoreText, type GradedQuestion } from "./quiz";

export function mountQuizzes(root: ParentNode): void {
  for (const el of root.querySelectorAll<HTMLElement>("[data-quiz]")) {
    if (el.dataset.mounted) continue;
    el.dataset.mounted = "true";
    mountQuiz(el);
  }
}

function mountQuiz(el: HTMLElement): void {
  // The lesson is the page's (CourseLayout's body data-lesson-id).
  const lessonId = document.body.dataset.lessonId ?? "";
  const locale = pageLocale();
  const t = translator(messages, locale);
  const questions = JSON.parse(el.querySelector("[data-quiz-data]")?.textContent ?? "[]") as GradedQuestion[];
  const store = browserStore();
  let answers = currentAnswers(questions, store.quiz(lessonId)?.answers ?? {});
  const score = el.querySelector<HTMLElement>("[data-quiz-score]");
  const showScore = () => {
    if (score)
      score.textContent = Object.keys(answers).length
        ? scoreText(scoreQuiz(questions, answers), questions.length, locale)
        : "";
  };

  for (const details of el.querySelectorAll("[data-nojs-answer]")) details.remove();
  for (const part of el.querySelectorAll<HTMLElement>("[data-js-only]")) part.hidden = false;

  for (const q of questions) {
    const item = el.querySelector<HTMLElement>(`[data-question-key="${CSS.escape(q.key)}"]`);
    if (!item) continue;
    const radios = [...item.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
    const choices = [...item.querySelectorAll<HTMLElement>("[data-choice]")];
    const feedback = item.querySelector<HTMLElement>("[data-feedback]")!;

    const clear = () => {
      for (const c of choices) {
        c.classList.remove("is-correct", "is-wrong", "is-other");
        c.querySelector<HTMLElement>("[data-why]")!.hidden = true;
      }
      feedback.textContent = "";
    };
    // A right answer reveals every choice's explanation; a wrong one only its own, so the learner can try again.
    const show = (chosen: number, say: boolean, note = "") => {
      clear();
      const right = chosen === q.correct;
      choices.forEach((c, j) => {
        if (j !== chosen && !right) return;
        // Only the chosen and the correct choice get a frame; the others just their explanation.
        c.classList.add(j === q.correct ? "is-correct" : j === chosen ? "is-wrong" : "is-other");
        c.querySelector<HTMLElement>("[data-why]")!.hidden = false;
        c.querySelector<HTMLElement>("[data-verdict]")!.textContent =
          j === q.correct ? t("correctChoice") : t("wrongChoice");
      });
      if (say) feedback.textContent = (right ? t("right") : t("wrong")) + note;
    };

    item.querySelector("[data-check]")?.addEventListener("click", () => {
      const chosen = radios.findIndex((r) => r.checked);
      if (chosen < 0) {
        feedback.textContent = t("chooseFirst");
        return;
      }
      answers = { ...answers, [q.key]: chosen };
      const saved = store.saveQuiz(lessonId, {
        answers,
        correct: scoreQuiz(questions, answers),
        total: questions.length,
      });
      show(chosen, true, saved.saved ? "" : t("notSaved", { reason: storageText(saved.reason, locale) }));
      showScore();
      window.dispatchEvent(new Event(PROGRESS_EVENT));
    });
    for (const radio of radios) {
      radio.addEventListener("change", clear);
      // Enter on a choice checks it, as Enter submits a form.
      radio.addEventListener("keydown", (event) => {
        if (event.key !== "Enter") return;
        event.preventDefault();
        item.querySelector<HTMLButtonElement>("[data-check]")?.click();
      });
    }

    const restored = Object.hasOwn(answers, q.key) ? answers[q.key] : undefined;
    if (restored !== undefined) {
      radios[restored]!.checked = true;
      show(restored, false);
    }
  }
  showScore();
}
