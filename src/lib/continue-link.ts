// "Continue where you left off": a lesson page remembers itself (the body's
// data-lesson-id); a page with a [data-continue] slot (the home page) links
// back to it, with the title taken from the course outline on the page.

import { browserStore } from "./progress-store";

export function rememberAndOfferContinue(doc: Document): void {
  const store = browserStore();
  const current = doc.body.dataset.lessonId;
  if (current) store.visit(current);
  const slot = doc.querySelector<HTMLElement>("[data-continue]");
  const last = store.lastVisit();
  if (!slot || !last) return;
  const link = doc.querySelector<HTMLAnchorElement>(`a[data-lesson-id="${CSS.escape(last)}"]`);
  if (!link) return;
  const a = doc.createElement("a");
  a.href = link.href;
  a.textContent = link.textContent?.trim() ?? last;
  slot.replaceChildren("Continue where you left off: ", a);
  slot.hidden = false;
}
