// Marks completed lessons wherever the page lists them (sidebar, overview):
// elements with data-progress-for="<lessonId>" get a mark in words, "✓ solved"
// or "solution viewed" (a pass right after Show solution), not only a colour;
// data-quiz-for="<lessonId>" gets the quiz score, "quiz 3/4".

import { PROGRESS_EVENT, browserStore, type Completion } from "./progress-store";

/** The visible words and the accessible label for each way of completing a lesson. */
export const COMPLETION_MARKS: Record<Completion, { text: string; label: string; className: string }> = {
  solved: { text: "✓ solved", label: "Completed: solved", className: "done-mark" },
  "solution-viewed": {
    text: "◇ solution viewed",
    label: "Completed with the solution viewed",
    className: "viewed-mark",
  },
};

export function markCompletion(root: ParentNode): void {
  const update = () => {
    const store = browserStore();
    const done = store.completions();
    const quizzes = store.quizScores();
    for (const el of root.querySelectorAll<HTMLElement>("[data-progress-for]")) {
      const how = done.get(el.dataset.progressFor ?? "");
      const mark = how ? COMPLETION_MARKS[how] : undefined;
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
      el.textContent = correct === undefined ? "" : correct === total ? "✓ quiz" : `quiz ${correct}/${total}`;
      el.classList.toggle("done-mark", correct === total);
      if (correct === undefined) el.removeAttribute("aria-label");
      else el.setAttribute("aria-label", `Quiz: ${correct} of ${total} correct`);
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
        `${solved} of ${ids.length} exercises solved` +
        (viewed ? `, ${viewed} passed with the solution viewed` : "") +
        (quizIds.length ? `; ${passed} of ${quizIds.length} quizzes all correct` : "");
    }
  };
  update();
  window.addEventListener(PROGRESS_EVENT, update);
  window.addEventListener("storage", update);
}
