// In the page: esbuild's compile errors ("Expected ";" but found "x"") in the
// learner's language. Each shape of the compile table
// (src/i18n/messages/compile.ts) becomes a pattern: its English literals must
// match exactly, each {name} matches the token or name esbuild printed, which
// the translation keeps as printed (a bare word of esbuild's own, such as
// "identifier", is translated as a word). A sentence of no known shape stays
// in English: no guessing.

import { format } from "../../sandbox/message-format";
import type { Locale } from "./locales";
import table from "./messages/compile";
import { sentenceShapes, shapePattern } from "./sentence-shapes";

type Key = keyof (typeof table)["en"];

/** The bare words esbuild writes in place of a token, by their table key. */
const WORDS: Partial<Record<string, Key>> = { identifier: "wordIdentifier", string: "wordString" };

/** Every sentence shape, the most specific (most fixed text) first, so "Unexpected end of file" wins over "Unexpected {token}". */
const SHAPES = sentenceShapes(
  table.en,
  (Object.keys(table.en) as Key[]).filter((key) => !key.startsWith("word")),
  // A value is one line: esbuild's messages are single sentences.
).map((shape) => ({ ...shape, pattern: shapePattern(shape.literals, "(.+?)") }));

/**
 * compileText translates one of esbuild's error sentences into `locale`;
 * a sentence of no known shape, and every sentence on an English page, comes
 * back unchanged.
 */
export function compileText(message: string, locale: Locale): string {
  if (locale === "en") return message;
  const messages = table[locale];
  for (const { key, pattern, names } of SHAPES) {
    const match = pattern.exec(message);
    if (!match) continue;
    const values = names.map((n, i) => {
      const value = match[i + 1] ?? "";
      const word = Object.hasOwn(WORDS, value) ? WORDS[value] : undefined;
      return [n, word ? messages[word] : value];
    });
    return format(messages[key], Object.fromEntries(values));
  }
  return message;
}
