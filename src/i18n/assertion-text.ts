// In the page: vitest's assertion sentences ("expected 12 to be 3 // Object.is
// equality") in the learner's language. Each shape of the assertions table
// (src/i18n/messages/assertions.ts) becomes a pattern: its English literals
// must match exactly, each {name} matches any text, which the translation
// shows exactly as vitest printed it. A sentence of no known shape stays as
// it is; check-lessons reports one a lesson's failures produce.

import { format } from "../../sandbox/message-format";
import type { Locale } from "./locales";
import table from "./messages/assertions";
import { sentenceShapes, shapePattern, type SentenceShape } from "./sentence-shapes";

type Key = keyof (typeof table)["en"];

interface Shape extends SentenceShape<Key> {
  /** Each value a run of whole single-quoted strings and other characters, so "'a to be b'" is one value. */
  quoted: RegExp;
  /** Each value any text: for a value with a lone quote ("Error: can't"). */
  pattern: RegExp;
}

/** Every shape, the most specific (most fixed text) first, so "to be less than" wins over "to be". */
const SHAPES: Shape[] = sentenceShapes(table.en, Object.keys(table.en) as Key[]).map((shape) => ({
  ...shape,
  // No two ways to read the same text (a quote always starts a string), so no exponential backtracking.
  quoted: shapePattern(shape.literals, "((?:'(?:[^'\\\\\n]|\\\\.)*'|[^'])*?)"),
  pattern: shapePattern(shape.literals, "([\\s\\S]*?)"),
}));

/** How every sentence of the table starts: a cheap test before the patterns. */
const START = /^(?:expected |promise )/;

/**
 * assertionSentence translates one whole assertion sentence into `locale`,
 * or returns undefined when it has no known shape (English: the sentence
 * itself when known).
 */
export function assertionSentence(sentence: string, locale: Locale): string | undefined {
  if (!START.test(sentence)) return undefined;
  for (const { key, quoted, pattern, names, literals } of SHAPES) {
    // Cheap tests first: a long message (up to 8,000 characters) meets every shape.
    if (!sentence.endsWith(literals[literals.length - 1]!) || !literals.every((l) => sentence.includes(l))) continue;
    const match = quoted.exec(sentence) ?? pattern.exec(sentence);
    if (!match) continue;
    if (locale === "en") return sentence;
    return format(table[locale][key], Object.fromEntries(names.map((n, i) => [n, match[i + 1] ?? ""])));
  }
  return undefined;
}

/** Between a test's own message and the assertion's sentence: ": " as vitest writes it, "：" in Chinese. */
const SEPARATOR: Record<Locale, string> = { en: ": ", "zh-cn": "：" };

/**
 * assertionSuffix translates the assertion's part of a failure message as
 * test-text.ts splits it off (": expected 12 to be 3 ..."), separator
 * included; a suffix of no known shape comes back unchanged.
 */
export function assertionSuffix(suffix: string, locale: Locale): string {
  if (locale === "en" || !suffix.startsWith(": ")) return suffix;
  const said = assertionSentence(suffix.slice(2), locale);
  return said === undefined ? suffix : SEPARATOR[locale] + said;
}

/**
 * assertionText translates the assertion sentence in a failure message with
 * no translated template: the whole message, or what follows the first ": "
 * at which a known sentence starts (the test's own message before it stays
 * as written). Any other message comes back unchanged.
 */
export function assertionText(message: string, locale: Locale): string {
  if (locale === "en") return message;
  const whole = assertionSentence(message, locale);
  if (whole !== undefined) return whole;
  for (const { index } of message.matchAll(/: (?=expected |promise )/g)) {
    const said = assertionSentence(message.slice(index + 2), locale);
    if (said !== undefined) return message.slice(0, index) + SEPARATOR[locale] + said;
  }
  return message;
}
