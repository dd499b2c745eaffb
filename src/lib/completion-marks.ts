// Marks completed lessons wherever the page lists them (sidebar, overview):
// elements with data-progress-for="<lessonId>" get a mark in words, "✓ solved"
// or "solution viewed" (a pass right after Show solution), not only a colour;
// data-quiz-for="<lessonId>" gets the quiz score, "quiz 3/4". The words are
// in the page's language (its <html lang>).

import type { Locale } from "../i18n/locales";
import { translator } from "../i18n/messages/define";
import messages from "../i18n/messages/progress";
import { pageLocale } from "../i18n/page-locale";
import { PROGRESS_EVENT, browserStore, type Completion } from "./progress-store";

/** The visible words and the accessible label for each way of completing a lesson, in `locale`. */
export function completionMarks(
  locale: Locale,
): Record<Completion, { text: string; label: string; className: string }> {
  const t = translator(messages, locale);
  return {
    solved: { text: t("solved"), label: t("solvedLabel"), className: "done-mark" },
    "solution-viewed": { text: t("viewed"), label: t("viewedLabel"), className: "viewed-mark" },
  };
}

export function markCompletion(root: ParentNode, locale: Locale = pageLocale()): void {
  const t = translator(messages, locale);
  const marks = completionMarks(locale);
  const update = () => {
    const store = browserStore();
    const done = store.completions();
    const quizzes = store.quizScores();
    for (const el of root.querySelectorAll<HTMLElement>("[data-progress-for]")) {
      const how = done.get(el.dataset.progressFor ?? "");
      const mark = how ? marks[how] : undefined;
      el.classList.toggle("done-mark", how === "solved");
      el.classList.toggle("viewed-mark", how === "solution-viewed");
      el.textContent = mark?.text ?? "";
      el.dataset.completion = how ?? "";
      if (mark) el.setAttribute("aria-label", mark.label);
      else el.removeAttribute("aria-label");
      el.title = mark?.label ?? "";
    }
    for (const el of root.querySelectorAll<HTMLElement>("[data-quiz-for]")) {
      const total = Number(el.dataset.quizTotal);
      const score = quizzes.get(el.dataset.quizFor ?? "");
      // A score saved against another version of the quiz does not count.
      const correct = score && score.total === total ? score.correct : undefined;
      el.textContent =
        correct === undefined ? "" : correct === total ? t("quizDone") : t("quizScore", { correct, total });
      el.classList.toggle("done-mark", correct === total);
      if (correct === undefined) el.removeAttribute("aria-label");
      else el.setAttribute("aria-label", t("quizLabel", { correct, total }));
    }
    for (const el of root.querySelectorAll<HTMLElement>("[data-module-progress]")) {
      const ids = (el.dataset.moduleProgress ?? "").split(",").filter(Boolean);
      const solved = ids.filter((id) => done.get(id) === "solved").length;
      const viewed = ids.filter((id) => done.get(id) === "solution-viewed").length;
      const quizIds = (el.dataset.moduleQuizzes ?? "").split(",").filter(Boolean);
      const passed = quizIds.filter((entry) => {
        const [id = "", total = ""] = entry.split(":");
        const score = quizzes.get(id);
        return score !== undefined && score.total === Number(total) && score.correct === score.total;
      }).length;
      el.textContent =
        t("moduleSolved", { solved, total: ids.length }) +
        (viewed ? t("moduleViewed", { viewed }) : "") +
        (quizIds.length ? t("moduleQuizzes", { passed, quizzes: quizIds.length }) : "");
    }
  };
  update();
  window.addEventListener(PROGRESS_EVENT, update);
  window.addEventListener("storage", update);
}
