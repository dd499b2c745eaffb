// Joins per-file source maps into the one map of a linked bundle. Each file's
// map is read once, when the file is compiled: its mappings are kept with the
// names dropped (stack mapping needs only file, line and column), so joining
// them is a string concatenation plus one rewritten segment per file.

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const DIGIT = new Map([...BASE64].map((c, i) => [c, i]));

/** One mapping: generated column, then the original line and column (0-based). */
export type Segment = [column: number, line: number, originalColumn: number];

/** The mappings of one file's map, with what joining needs: see joinMaps. */
export interface FileMappings {
  /** Generated lines of the file, each with its segments, source and names dropped. */
  lines: Segment[][];
  /** The encoded mappings, relative to a zero state. */
  encoded: string;
  /** Where the first segment is: its line index and its text's length in `encoded`. */
  first?: { line: number; offset: number; length: number; segment: Segment };
  /** The absolute original line and column of the last segment. */
  last?: { line: number; column: number };
}

function encodeValue(value: number): string {
  let vlq = value < 0 ? (-value << 1) | 1 : value << 1;
  let out = "";
  do {
    let digit = vlq & 31;
    vlq >>>= 5;
    if (vlq > 0) digit |= 32;
    out += BASE64[digit];
  } while (vlq > 0);
  return out;
}

/** Decodes a v3 "mappings" string into absolute segments per generated line. */
export function decodeMappings(mappings: string): Segment[][] {
  const lines: Segment[][] = [[]];
  let line = 0;
  let column = 0;
  let originalColumn = 0;
  let i = 0;
  let generated = 0;
  while (i < mappings.length) {
    const c = mappings[i]!;
    if (c === ";") {
      lines.push([]);
      generated = 0;
      i++;
      continue;
    }
    if (c === ",") {
      i++;
      continue;
    }
    const fields: number[] = [];
    while (i < mappings.length && mappings[i] !== "," && mappings[i] !== ";") {
      let value = 0;
      let shift = 0;
      let digit: number;
      do {
        digit = DIGIT.get(mappings[i++]!) ?? 0;
        value += (digit & 31) << shift;
        shift += 5;
      } while (digit & 32);
      fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
    }
    generated += fields[0]!;
    // A segment without a source maps nothing; it still moves the generated column.
    if (fields.length < 4) continue;
    line += fields[2]!;
    originalColumn += fields[3]!;
    column = generated;
    lines[lines.length - 1]!.push([column, line, originalColumn]);
  }
  return lines;
}

/** Reads one file's map (source 0 only) for joining. */
export function fileMappings(mappings: string): FileMappings {
  const lines = decodeMappings(mappings);
  const parts: string[] = [];
  let line = 0;
  let column = 0;
  let first: FileMappings["first"];
  lines.forEach((segments, index) => {
    let generated = 0;
    const texts = segments.map((segment) => {
      const text =
        encodeValue(segment[0] - generated) + "A" + encodeValue(segment[1] - line) + encodeValue(segment[2] - column);
      // The lines before the first segment are empty: one ";" each.
      first ??= { line: index, offset: index, length: text.length, segment };
      generated = segment[0];
      line = segment[1];
      column = segment[2];
      return text;
    });
    parts.push(texts.join(","));
  });
  const hasSegments = first !== undefined;
  return { lines, encoded: parts.join(";"), first, last: hasSegments ? { line, column } : undefined };
}

/** A piece of the bundle: a file's mappings starting at `line`, or lines without any. */
export interface MapPiece {
  /** Generated line (0-based) where the piece starts. */
  line: number;
  /** The file (an index into the map's sources). */
  source: number;
  mappings: FileMappings;
}

/**
 * Joins file maps placed at increasing lines of one generated file into one
 * v3 source map. Only each file's first segment is re-encoded: the other
 * segments are relative to the one before, which stays the same.
 */
export function joinMaps(sources: string[], pieces: MapPiece[], totalLines: number): string {
  let out = "";
  let line = 0;
  let state = { source: 0, line: 0, column: 0 };
  for (const piece of pieces) {
    out += ";".repeat(Math.max(0, piece.line - line));
    line = piece.line;
    const { encoded, first, last } = piece.mappings;
    if (!first || !last) continue;
    const segment = first.segment;
    const rewritten =
      encodeValue(segment[0]) +
      encodeValue(piece.source - state.source) +
      encodeValue(segment[1] - state.line) +
      encodeValue(segment[2] - state.column);
    out += encoded.slice(0, first.offset) + rewritten + encoded.slice(first.offset + first.length);
    line += piece.mappings.lines.length - 1;
    state = { source: piece.source, line: last.line, column: last.column };
  }
  out += ";".repeat(Math.max(0, totalLines - 1 - line));
  return JSON.stringify({ version: 3, sources, names: [], mappings: out });
}
