// Shared by the translators that match English sentences by shape
// (assertion-text.ts, compile-text.ts): a table's English message with
// {name} holes becomes fixed literals between the holes, and the shapes are
// tried most specific (most fixed text) first.

/** Escapes `s` for use as literal text inside a RegExp. */
export const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** One English sentence of a table, split at its {name} holes. */
export interface SentenceShape<K extends string> {
  key: K;
  /** The fixed text around the holes, first to last (one more than `names`). */
  literals: string[];
  /** The holes' names, in order. */
  names: string[];
}

/** The shapes of `english`'s `keys`, the most fixed text first, so "to be less than" wins over "to be". */
export function sentenceShapes<K extends string>(english: Record<K, string>, keys: K[]): SentenceShape<K>[] {
  const weight = (shape: SentenceShape<K>) => shape.literals.join("").length;
  return keys
    .map((key) => {
      const parts = english[key].split(/\{(\w+)\}/);
      return {
        key,
        literals: parts.filter((_, i) => i % 2 === 0),
        names: parts.filter((_, i) => i % 2 === 1),
      };
    })
    .sort((a, b) => weight(b) - weight(a));
}

/** A RegExp matching the whole sentence, each hole captured by `hole`. */
export function shapePattern(literals: string[], hole: string): RegExp {
  return new RegExp(`^${literals.map(escapeRegExp).join(hole)}$`);
}
