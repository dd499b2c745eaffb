// Entry of the exercise island, imported by the page's loader when the
// exercise nears the viewport.

import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import type { ExerciseData } from "../../lib/exercise-files";
import { pageCompiler } from "../../../sandbox/host/compiler-client";
import { ErrorBoundary } from "./ErrorBoundary";
import { Exercise } from "./Exercise";
import messages from "../../i18n/messages/exercise";
import { LanguageProvider, localeOf } from "./language";

/** Renders the exercise whose placeholder and data `el` holds. */
export function mountExercise(el: HTMLElement): void {
  performance.mark("exercise:mount"); // the editor's chunk is loaded and evaluated
  startCompilerOnFirstTouch(el);
  const json = el.querySelector("script[data-exercise-data]")?.textContent ?? "null";
  const data = JSON.parse(json) as ExerciseData;
  el.querySelector("[data-placeholder]")?.remove();
  const root = document.createElement("div");
  el.appendChild(root);
  const locale = localeOf(data);
  createRoot(root).render(
    <StrictMode>
      <LanguageProvider locale={locale} testText={data.testText}>
        <ErrorBoundary what={messages[locale].whatExercise}>
          <Exercise data={data} />
        </ErrorBoundary>
      </LanguageProvider>
    </StrictMode>,
  );
  el.dataset.ready = "true";
}

/**
 * Starts esbuild-wasm (2.6 MB compressed) the first time the learner touches
 * the exercise (focus, pointer or key: before the first edit, and by the time
 * it is typed the compiler has mostly started). The code the exercise opens
 * with and its solution were compiled by the build and run without it; a
 * saved edit the build never saw starts it as the exercise opens.
 */
function startCompilerOnFirstTouch(el: HTMLElement): void {
  const events = ["focusin", "pointerdown", "keydown"] as const;
  const start = () => {
    for (const type of events) el.removeEventListener(type, start, true);
    void pageCompiler().warmUp();
  };
  for (const type of events) el.addEventListener(type, start, { capture: true, passive: true });
  // Focus already inside (a share link's banner, a restored focus) counts as a touch.
  if (el.contains(document.activeElement)) start();
}
