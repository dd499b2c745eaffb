// Monaco's own words (find widget, context menu, command palette, its hovers'
// labels) in the page's language. Monaco's ESM build looks each message up,
// by number, in globalThis._VSCODE_NLS_MESSAGES, and many lookups run while
// its modules load (action labels, the find widget's strings), so the table
// must be set before the editor chunk is evaluated: the loader awaits this
// first. Only a Chinese page downloads the Chinese table (its own chunk);
// English needs none, Monaco's messages are English by default.

import type { Locale } from "../../i18n/locales";

/**
 * Sets Monaco's message table for `locale`; resolves at once for English.
 * A table that fails to load leaves Monaco in English rather than no editor.
 */
export async function loadEditorLocale(locale: Locale): Promise<void> {
  if (locale !== "zh-cn") return;
  try {
    await import("monaco-editor/nls/lang/zh-cn");
  } catch {
    // Monaco stays in English.
  }
}
