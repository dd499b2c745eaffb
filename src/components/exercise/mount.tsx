// Entry of the exercise island, imported by the page's loader when the
// exercise nears the viewport. Starts the compiler warming up at once.

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
  void pageCompiler().warmUp();
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
