// The reference's prose in each locale: doc comments, the Go side's notes,
// the language constructs and the section titles. English is the source and
// comes from sandbox/go and the tables as they are; another locale looks each
// text up in its translations (zh-cn/) and keeps the English where one is
// missing or stale, so the page never shows a translation of old English.
// Code, signatures and identifiers are never translated.

import type { Locale } from "../../i18n/locales";
import { ZH_CN_DOCS, ZH_CN_GO, ZH_CN_LANGUAGE, ZH_CN_NOTES, ZH_CN_SECTIONS } from "./zh-cn";
import { translated, type Translations } from "./zh-cn/translation";

/** Everything a locale translates, keyed like the English source. */
export interface ReferenceTranslations {
  /** module -> exported name -> doc comment. */
  docs: Record<string, Translations>;
  /** module -> exported name -> the Go side's note (a TypeScript-only name, GoPanic). */
  notes: Record<string, Translations>;
  /** module -> exported name -> a Go side that carries prose ("var ch chan T // nil channel"). */
  go: Record<string, Translations>;
  /** "<construct id>.title" and "<construct id>.note" (language.ts). */
  language: Translations;
  /** section id -> title, for the titles that are prose (sections.ts). */
  sections: Translations;
}

/** The translations of every locale but English. */
export const TRANSLATIONS: Record<Exclude<Locale, "en">, ReferenceTranslations> = {
  "zh-cn": {
    docs: ZH_CN_DOCS,
    notes: ZH_CN_NOTES,
    go: ZH_CN_GO,
    language: ZH_CN_LANGUAGE,
    sections: ZH_CN_SECTIONS,
  },
};

/** Each prose field of the reference in one locale, from its English. */
export interface Localizer {
  doc(module: string, name: string, english: string): string;
  note(module: string, name: string, english: string): string;
  go(module: string, name: string, english: string): string;
  languageTitle(id: string, english: string): string;
  languageNote(id: string, english: string): string;
  section(id: string, english: string): string;
}

const ENGLISH: Localizer = {
  doc: (_m, _n, en) => en,
  note: (_m, _n, en) => en,
  go: (_m, _n, en) => en,
  languageTitle: (_id, en) => en,
  languageNote: (_id, en) => en,
  section: (_id, en) => en,
};

/** The localizer for `locale`: English returns its argument unchanged. */
export function localizer(locale: Locale): Localizer {
  if (locale === "en") return ENGLISH;
  const t = TRANSLATIONS[locale];
  const inModule = (tables: Record<string, Translations>, module: string) =>
    Object.hasOwn(tables, module) ? tables[module] : undefined;
  return {
    // An empty doc comment stays empty: nothing to translate.
    doc: (module, name, en) => (en === "" ? en : translated(inModule(t.docs, module), name, en)),
    note: (module, name, en) => (en === "" ? en : translated(inModule(t.notes, module), name, en)),
    go: (module, name, en) => translated(inModule(t.go, module), name, en),
    languageTitle: (id, en) => translated(t.language, `${id}.title`, en),
    languageNote: (id, en) => translated(t.language, `${id}.note`, en),
    section: (id, en) => translated(t.sections, id, en),
  };
}

/**
 * Whether a Go side carries English prose besides code: a comment in words
 * ("// nil channel", but not "// crypto/subtle"), "(unexported type)", or a
 * description ("a Go type (reflect.Type), described for decoding").
 */
export function goHasProse(go: string): boolean {
  return /\/\/ [a-z]+ [A-Za-z]|unexported|^(?:a|an|error) [A-Za-z]/.test(go);
}
