// What the progress store has to tell the learner (storage full, saved code
// kept aside, ...), as keys of the storage message table and their values,
// so each page says it in its own language. The store never builds text.

import type { Locale } from "../i18n/locales";
import { translator } from "../i18n/messages/define";
import messages from "../i18n/messages/storage";

/** The key of a sentence or reason in the storage message table (src/i18n/messages/storage.ts). */
export type StorageMessage = keyof (typeof messages)["en"];

/** One thing to tell the learner: a message key and the values it names (a backup key, file names). */
export interface StorageNotice {
  key: StorageMessage;
  params?: Record<string, string | number>;
}

/** Sentences follow each other with a space in English, with none in Chinese (each ends in "。"). */
const JOIN: Record<Locale, string> = { en: " ", "zh-cn": "" };

/**
 * storageText says a notice, or several sentences in order, in `locale`
 * (English by default). The values (backup keys, file names) stay as they are.
 */
export function storageText(notice: StorageNotice | readonly StorageNotice[], locale: Locale = "en"): string {
  const t = translator(messages, locale);
  const all: readonly StorageNotice[] = Array.isArray(notice) ? notice : [notice as StorageNotice];
  return all.map((n) => t(n.key, n.params)).join(JOIN[locale]);
}
