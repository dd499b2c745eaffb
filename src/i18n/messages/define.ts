// One message table per area of the UI (site, exercise, results, explorer,
// ...), each a file in this folder. English is written first; the Chinese
// object must have exactly the same keys: TypeScript rejects a missing or an
// extra one, and messages.test.ts checks placeholders and that Chinese text is
// really Chinese.

import type { Locale } from "../locales";
import { format, type Params } from "../../../sandbox/message-format";

export type Table<K extends string = string> = Record<Locale, Record<K, string>>;

/** A table from its English messages and their Chinese translations (same keys). */
export function defineMessages<const E extends Record<string, string>>(
  en: E,
  zhCn: { [K in keyof E]: string },
): Table<Extract<keyof E, string>> {
  return { en, "zh-cn": zhCn } as Table<Extract<keyof E, string>>;
}

/** A message function: t("key", { n: 3 }) is the message with its {n} filled in. */
export type Translator<K extends string> = (key: K, params?: Params) => string;

/** The keys of a table. */
export type KeyOf<T extends Table> = Extract<keyof T["en"], string>;

/** The message function for one table in one locale: t("key", { n: 3 }). */
export function translator<K extends string>(table: Table<K>, locale: Locale): Translator<K> {
  const messages = table[locale];
  return (key: K, params?: Params) => format(messages[key], params);
}
