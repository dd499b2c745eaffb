// The suggestion on English pages to read the course in Chinese
// (src/components/LanguageSuggestion.astro): shown when the browser's first
// preferred language is Chinese, hidden for good once dismissed. It never
// navigates on its own; the reader follows the link or not.

/** Where the dismissal is remembered (per browser, not per page). */
export const DISMISSED_KEY = "gocourse:language-suggestion-dismissed";

/** True when the reader's preferred language (the first of navigator.languages) is Chinese. */
export function prefersChinese(languages: readonly string[]): boolean {
  return /^zh(-|$)/i.test(languages[0] ?? "");
}

/** The storage, or undefined where reading it throws (storage blocked, opaque origin). */
function storage(win: Pick<Window, "localStorage">): Storage | undefined {
  try {
    return win.localStorage;
  } catch {
    return undefined;
  }
}

/** Shows the suggestion when it applies, and wires its Dismiss button. */
export function offerChinese(
  doc: Document,
  languages: readonly string[],
  win: Pick<Window, "localStorage"> = window,
): void {
  const banner = doc.querySelector<HTMLElement>("[data-language-suggestion]");
  if (!banner || !prefersChinese(languages)) return;
  const store = storage(win);
  try {
    if (store?.getItem(DISMISSED_KEY)) return;
  } catch {
    // Unreadable storage: show it; dismissing then lasts for this page only.
  }
  banner.hidden = false;
  banner.querySelector("[data-dismiss]")?.addEventListener("click", () => {
    banner.hidden = true;
    try {
      store?.setItem(DISMISSED_KEY, "1");
    } catch {
      // Full or blocked storage: the suggestion may show again on the next page.
    }
  });
}
