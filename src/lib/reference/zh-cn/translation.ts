// The shape of the reference's translations: each translated text sits beside
// a short hash of the English it translates, so an English doc comment or
// note that changes after translation shows up as stale (translations.test.ts)
// and the page falls back to the English until someone translates it again.

/** [hash of the English source (textHash), the translated text]. */
export type Translation = readonly [hash: string, text: string];

/** Key (an exported name, a construct id, ...) -> its translation. */
export type Translations = Record<string, Translation>;

/**
 * textHash returns the 32-bit FNV-1a hash of s's UTF-16 code units as 8 hex
 * digits: short enough to sit beside every translation, and any edit to the
 * English changes it.
 */
export function textHash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}

/** The state of one key's translation against its current English. */
export type TranslationState = "ok" | "missing" | "stale";

/** Whether `table[key]` translates `english` as it is now. */
export function stateOf(table: Translations | undefined, key: string, english: string): TranslationState {
  if (table === undefined || !Object.hasOwn(table, key)) return "missing";
  return table[key]![0] === textHash(english) ? "ok" : "stale";
}

/** The translation of `english` under `key`, or `english` itself when it is missing or stale. */
export function translated(table: Translations | undefined, key: string, english: string): string {
  return stateOf(table, key, english) === "ok" ? table![key]![1] : english;
}
