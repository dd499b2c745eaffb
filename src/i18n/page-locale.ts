// In the page: the locale a client script speaks, read from the page's
// <html lang> (CourseLayout sets it from the page's locale), so a script
// needs no data of its own to pick its message table.

import { HTML_LANG, LOCALES, DEFAULT_LOCALE, type Locale } from "./locales";

/** The locale whose `lang` attribute is `lang` (case-insensitive); English for anything else. */
export function localeOfLang(lang: string | null | undefined): Locale {
  const wanted = (lang ?? "").toLowerCase();
  return LOCALES.find((l) => HTML_LANG[l].toLowerCase() === wanted) ?? DEFAULT_LOCALE;
}

/** The locale of the document's pages. */
export function pageLocale(doc: Document = document): Locale {
  return localeOfLang(doc.documentElement.lang);
}
