// A "Copy" button on every code block of the lesson text. The button says
// what happened in its own label ("Copied" / "Copy failed"), which a screen
// reader reads as the focused control changes; no live region needed.

import type { Locale } from "../i18n/locales";
import { translator } from "../i18n/messages/define";
import messages from "../i18n/messages/lesson";
import { pageLocale } from "../i18n/page-locale";

const RESET_MS = 2000;

export function addCopyButtons(root: ParentNode, locale: Locale = pageLocale()): void {
  const t = translator(messages, locale);
  for (const pre of root.querySelectorAll<HTMLPreElement>("main pre.astro-code")) {
    if (pre.parentElement?.classList.contains("code-block")) continue;
    const wrapper = document.createElement("div");
    wrapper.className = "code-block";
    pre.replaceWith(wrapper);
    wrapper.append(pre);
    const button = document.createElement("button");
    button.type = "button";
    button.className = "copy-code";
    button.textContent = t("copy");
    button.setAttribute("aria-label", t("copyLabel"));
    let timer: ReturnType<typeof setTimeout> | undefined;
    button.addEventListener("click", () => {
      const say = (text: string) => {
        button.textContent = text;
        button.setAttribute("aria-label", text);
        clearTimeout(timer);
        timer = setTimeout(() => {
          button.textContent = t("copy");
          button.setAttribute("aria-label", t("copyLabel"));
        }, RESET_MS);
      };
      navigator.clipboard.writeText(pre.innerText.replace(/\n$/, "")).then(
        () => say(t("copied")),
        () => say(t("copyFailed")),
      );
    });
    wrapper.append(button);
  }
}
