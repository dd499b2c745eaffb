// Marks completed lessons wherever the page lists them (sidebar, overview):
// elements with data-progress-for="<lessonId>" get a "Completed" mark.

import { PROGRESS_EVENT, browserStore } from "./progress-store";

export function markCompletion(root: ParentNode): void {
  const update = () => {
    const done = browserStore().completedIds();
    for (const el of root.querySelectorAll<HTMLElement>("[data-progress-for]")) {
      const complete = done.has(el.dataset.progressFor ?? "");
      el.classList.toggle("done-mark", complete);
      el.textContent = complete ? "✓" : "";
      el.setAttribute("aria-label", complete ? "Completed" : "");
      el.title = complete ? "Completed" : "";
    }
    for (const el of root.querySelectorAll<HTMLElement>("[data-module-progress]")) {
      const ids = (el.dataset.moduleProgress ?? "").split(",").filter(Boolean);
      el.textContent = `${ids.filter((id) => done.has(id)).length} of ${ids.length} exercises complete`;
    }
  };
  update();
  window.addEventListener(PROGRESS_EVENT, update);
  window.addEventListener("storage", update);
}
