// The course's languages. English is the source: every lesson, message and
// quiz is written in English first, and each other locale translates all of
// it (src/i18n/lesson-translations.test.ts fails on anything missing).
// English pages live at /<path>, the others at /<prefix>/<path>.

export const LOCALES = ["en", "zh-cn"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** What each locale is called in its own language, for the language switch. */
export const LOCALE_NAMES: Record<Locale, string> = { en: "English", "zh-cn": "简体中文" };

/** The `lang` attribute of a locale's pages (BCP 47). */
export const HTML_LANG: Record<Locale, string> = { en: "en", "zh-cn": "zh-CN" };

/** The file suffix of a translation beside its English source: index.zh-cn.mdx, module.zh-cn.json. */
export const translationSuffix = (locale: Exclude<Locale, "en">) => `.${locale}`;

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** The URL path prefix of a locale's pages: "" for English, "/zh-cn" for Chinese. */
export const localePrefix = (locale: Locale) => (locale === DEFAULT_LOCALE ? "" : `/${locale}`);
