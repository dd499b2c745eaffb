// Page-side loader (the only exercise JavaScript before the editor is
// requested): when an exercise nears the viewport, import the island.

import { translator } from "../i18n/messages/define";
import messages from "../i18n/messages/lesson";
import { pageLocale } from "../i18n/page-locale";
import { loadEditorLocale } from "../components/exercise/monaco-locale";

export function watchExercises(root: Document): void {
  const mounts = [...root.querySelectorAll<HTMLElement>("[data-exercise-mount]")];
  if (mounts.length === 0) return;
  // "Loading" is hidden in the HTML, so a page without JavaScript never promises it.
  for (const p of root.querySelectorAll<HTMLElement>("[data-exercise-mount] .loading")) p.hidden = false;
  const load = (el: HTMLElement) => {
    if (el.dataset.loading) return;
    el.dataset.loading = "true";
    // Phase marks of "navigation -> editor ready", read by `npm run bench`.
    performance.mark("exercise:load");
    // The compiler (esbuild-wasm) is not started here: the build compiled the
    // code the exercise opens with, and mount.tsx starts it when the learner
    // first touches the exercise.
    loadEditorLocale(pageLocale(root))
      .then(() => import("../components/exercise/mount"))
      .then((m) => m.mountExercise(el))
      .catch((error: unknown) => {
        const p = el.querySelector(".loading");
        if (p) p.textContent = translator(messages, pageLocale(root))("loadFailed", { error: String(error) });
      });
  };
  // A share link offers its code in the exercise: load it now, not on scroll.
  if (!("IntersectionObserver" in window) || location.hash.startsWith("#share=")) {
    mounts.forEach(load);
    return;
  }
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        observer.unobserve(entry.target);
        load(entry.target as HTMLElement);
      }
    },
    { rootMargin: "600px 0px" },
  );
  mounts.forEach((el) => observer.observe(el));
}
