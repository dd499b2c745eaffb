// "Continue where you left off": a lesson page remembers itself (the body's
// data-lesson-id); a page with a [data-continue] slot (the home page) links
// back to it, with the title taken from the course outline on the page, so
// the link stays in the page's language whichever language the lesson was read in.

import { translator } from "../i18n/messages/define";
import messages from "../i18n/messages/progress";
import { pageLocale } from "../i18n/page-locale";
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
  slot.replaceChildren(translator(messages, pageLocale(doc))("continue"), " ", a);
  slot.hidden = false;
}
