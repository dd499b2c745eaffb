// The exercise island's language, for every component under it: the page's
// locale (ExerciseData.locale, English when absent) and its translation of
// the lesson's test names and failure messages. Components outside a
// provider (SSR tests, the explorer on its own) speak English.

import { Fragment, createContext, useContext, useMemo, type ReactNode } from "react";
import { DEFAULT_LOCALE, isLocale, type Locale } from "../../i18n/locales";
import { translator, type Table } from "../../i18n/messages/define";
import resultsTable from "../../i18n/messages/results";
import type { TestTranslation } from "../../i18n/test-text";
import { testText, type TestText } from "./localize";

interface Language {
  locale: Locale;
  text: TestText;
}

/** The context itself, for class components (ErrorBoundary); function components use the hooks below. */
export const LanguageContext = createContext<Language>({ locale: DEFAULT_LOCALE, text: testText(undefined) });

/** LanguageProvider gives its subtree a locale and the lesson's test-text translation. */
export function LanguageProvider(props: {
  locale: Locale;
  testText?: TestTranslation | undefined;
  children: ReactNode;
}) {
  const { locale, testText: translation, children } = props;
  const value = useMemo(
    () => ({ locale, text: testText(translation, resultsTable[locale].exploreFrame, locale) }),
    [locale, translation],
  );
  return <LanguageContext.Provider value={value}>{children}</LanguageContext.Provider>;
}

/** useLocale returns the locale the exercise speaks. */
export function useLocale(): Locale {
  return useContext(LanguageContext).locale;
}

/** useMessages returns the message function of `table` in the exercise's locale. */
export function useMessages<K extends string>(
  table: Table<K>,
): (key: K, params?: Record<string, string | number>) => string {
  const { locale } = useContext(LanguageContext);
  return useMemo(() => translator(table, locale), [table, locale]);
}

/** useTestText returns the lesson's test names and failure messages in the exercise's language. */
export function useTestText(): TestText {
  return useContext(LanguageContext).text;
}

/** The locale exercise data asks for; anything but a known locale is English. */
export function localeOf(data: { locale?: unknown }): Locale {
  return isLocale(data.locale) ? data.locale : DEFAULT_LOCALE;
}

/** rich fills a message's {name}s with elements (keyboard keys, links); other text stays text. */
export function rich(message: string, parts: Record<string, ReactNode>): ReactNode {
  return message.split(/(\{\w+\})/).map((piece, i) => {
    const name = /^\{(\w+)\}$/.exec(piece)?.[1];
    return <Fragment key={i}>{name !== undefined && Object.hasOwn(parts, name) ? parts[name] : piece}</Fragment>;
  });
}
