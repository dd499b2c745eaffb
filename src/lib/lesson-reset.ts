// "Reset this lesson" on a lesson page: after confirmation, forgets the
// lesson's saved code, completion and quiz answers, then reloads the page so
// the editor and the quiz start afresh.

import { translator } from "../i18n/messages/define";
import messages from "../i18n/messages/lesson";
import { pageLocale } from "../i18n/page-locale";
import { browserStore } from "./progress-store";
import { storageText } from "./storage-notice";

/** Fired on window just before a lesson is reset, so the exercise drops a pending save. */
export const LESSON_RESET_EVENT = "gocourse:lesson-reset";

/** Wires every [data-lesson-reset] button (its value is the lesson id). */
export function mountLessonReset(root: ParentNode): void {
  const locale = pageLocale();
  const t = translator(messages, locale);
  for (const button of root.querySelectorAll<HTMLButtonElement>("button[data-lesson-reset]")) {
    const status = button.parentElement?.querySelector<HTMLElement>("[data-lesson-reset-status]");
    button.addEventListener("click", () => {
      const lessonId = button.dataset.lessonReset!;
      const ok = window.confirm(t("resetConfirm"));
      if (!ok) return;
      window.dispatchEvent(new CustomEvent(LESSON_RESET_EVENT, { detail: lessonId }));
      const outcome = browserStore().resetLesson(lessonId);
      if (!outcome.saved) {
        if (status) status.textContent = t("resetFailed", { reason: storageText(outcome.reason, locale) });
        return;
      }
      location.reload();
    });
  }
}
