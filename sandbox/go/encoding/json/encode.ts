// Encoding values as JSON the way Go's encoding/json does: HTML-safe string
// escaping, Go's float format, sorted map keys, struct field order and
// omitempty from a Type, and Go's errors for NaN, cycles and functions.

import { MarshalerError, UnsupportedTypeError, UnsupportedValueError } from "./errors";
import { JSONNumber } from "./number";
import { encodeBase64 } from "./base64";
import { Lexer, checkValid } from "./scanner";
import type { Type } from "./types";

/** @internal Encoder settings. */
export interface EncodeOpts {
  escapeHTML: boolean;
  /** Indent (Go's MarshalIndent puts newlines in even with "" prefix and indent). */
  indented: boolean;
  prefix: string;
  indent: string;
}

const hex = "0123456789abcdef";

/** @internal quote writes s as a JSON string literal, escaping as Go does. */
export function quote(s: string, escapeHTML: boolean): string {
  let out = '"';
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let esc: string | null = null;
    if (c === 0x22) esc = '\\"';
    else if (c === 0x5c) esc = "\\\\";
    else if (c < 0x20) {
      esc = { 8: "\\b", 9: "\\t", 10: "\\n", 12: "\\f", 13: "\\r" }[c] ?? "\\u00" + hex[c >> 4]! + hex[c & 15]!;
    } else if (escapeHTML && (c === 0x3c || c === 0x3e || c === 0x26)) {
      esc = "\\u00" + hex[c >> 4]! + hex[c & 15]!;
    } else if (c === 0x2028 || c === 0x2029) {
      // Valid JSON, but not valid JavaScript source: Go always escapes them.
      esc = "\\u202" + hex[c & 15]!;
    } else if (c >= 0xd800 && c <= 0xdfff) {
      const pair = c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
      if (pair) {
        i++;
        continue;
      }
      esc = "\\ufffd"; // Go replaces invalid UTF-8 with U+FFFD
    }
    if (esc !== null) {
      out += s.slice(start, i) + esc;
      start = i + 1;
    }
  }
  return out + s.slice(start) + '"';
}

function float(f: number): string {
  if (!Number.isFinite(f))
    throw new UnsupportedValueError(String(f).replace("Infinity", "Inf").replace(/^Inf/, "+Inf"));
  // JavaScript's shortest form matches Go's strconv 'f'/'e' choice for float64.
  return Object.is(f, -0) ? "-0" : String(f);
}

function isEmpty(v: unknown): boolean {
  if (v === null || v === undefined || v === false || v === 0 || v === "") return true;
  if (Array.isArray(v)) return v.length === 0;
  if (v instanceof Map) return v.size === 0;
  if (v instanceof JSONNumber) return v.string() === "";
  return false;
}

function typeName(v: unknown): string {
  if (typeof v === "function") return "func()";
  if (typeof v === "symbol") return "symbol";
  return typeof v;
}

/** @internal The encoder: one call encodes one value. */
export class EncodeState {
  private readonly seen = new Set<object>();
  constructor(private readonly opts: EncodeOpts) {}

  private nl(depth: number): string {
    return this.opts.indented ? "\n" + this.opts.prefix + this.opts.indent.repeat(depth) : "";
  }

  private sep(): string {
    return this.opts.indented ? ": " : ":";
  }

  private seq(items: string[], open: string, close: string, depth: number): string {
    if (items.length === 0) return open + close;
    const inner = this.nl(depth + 1);
    return open + inner + items.join("," + inner) + this.nl(depth) + close;
  }

  // A Go-style Marshaler: the value's own JSON, compacted and re-indented.
  private marshaler(v: { marshalJSON(): string }, depth: number): string {
    let raw: string;
    try {
      raw = v.marshalJSON();
      checkValid(raw);
    } catch (e) {
      throw new MarshalerError(v.constructor?.name ?? "object", e as Error);
    }
    return this.raw(new Lexer(raw), depth);
  }

  // raw re-encodes valid JSON text in this encoder's layout, keeping number
  // literals as written (Go compacts or indents a Marshaler's output).
  private raw(lx: Lexer, depth: number): string {
    lx.ws();
    const c = lx.peek();
    if (c === "[" || c === "{") {
      const close = c === "[" ? "]" : "}";
      lx.i++;
      const items: string[] = [];
      lx.ws();
      while (lx.peek() !== close) {
        let key = "";
        if (c === "{") {
          key = quote(lx.string(), this.opts.escapeHTML) + this.sep();
          lx.ws();
          lx.i++; // ":"
        }
        items.push(key + this.raw(lx, depth + 1));
        lx.ws();
        if (lx.peek() === ",") lx.i++;
        lx.ws();
      }
      lx.i++;
      return this.seq(items, c, close, depth);
    }
    const [k, v] = lx.scalar();
    if (k === "string") return quote(v, this.opts.escapeHTML);
    return k === "number" ? v : String(v);
  }

  value(v: unknown, t: Type<unknown> | undefined, depth: number): string {
    if (v === null || v === undefined) return "null";
    const kind = t?.kind;
    if (kind === "ptr") return this.value(v, t!.elem!, depth);
    switch (typeof v) {
      case "string":
        return quote(v, this.opts.escapeHTML);
      case "number":
        return float(v);
      case "bigint":
        return v.toString();
      case "boolean":
        return v ? "true" : "false";
      case "function":
      case "symbol":
        throw new UnsupportedTypeError(typeName(v));
    }
    const obj = v as object;
    if (obj instanceof JSONNumber) {
      const s = obj.string() === "" ? "0" : obj.string();
      if (!/^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/.test(s))
        throw new Error(`json: invalid number literal ${JSON.stringify(s)}`);
      return s;
    }
    if (obj instanceof Uint8Array) return '"' + encodeBase64(obj) + '"';
    if (typeof (obj as { marshalJSON?: unknown }).marshalJSON === "function") {
      return this.marshaler(obj as { marshalJSON(): string }, depth);
    }
    if (typeof (obj as { toJSON?: unknown }).toJSON === "function") {
      return this.value((obj as { toJSON(): unknown }).toJSON(), t, depth);
    }
    if (this.seen.has(obj)) throw new UnsupportedValueError(`encountered a cycle via ${t?.goName ?? typeName(obj)}`);
    this.seen.add(obj);
    try {
      if (Array.isArray(obj)) {
        return this.seq(
          obj.map((x) => this.value(x, t?.elem ?? undefined, depth + 1)),
          "[",
          "]",
          depth,
        );
      }
      if (kind === "struct") {
        const rec = obj as Record<string, unknown>;
        const items: string[] = [];
        for (const [k, ft] of Object.entries(t!.fields!)) {
          const fv = rec[k];
          if (ft.omitEmpty && isEmpty(fv)) continue;
          items.push(quote(k, this.opts.escapeHTML) + this.sep() + this.value(fv ?? ft.zero(), ft, depth + 1));
        }
        return this.seq(items, "{", "}", depth);
      }
      // A Map is a Go map (keys sorted); with a map() type a plain object is too.
      // Otherwise a plain object is a struct: its own fields, in order.
      const entries: [string, unknown][] =
        obj instanceof Map ? [...obj].map(([k, x]) => [String(k), x]) : Object.entries(obj);
      if (obj instanceof Map || kind === "map") entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      const items = entries
        .filter(([, x]) => x !== undefined)
        .map(([k, x]) => quote(k, this.opts.escapeHTML) + this.sep() + this.value(x, t?.elem ?? undefined, depth + 1));
      return this.seq(items, "{", "}", depth);
    } finally {
      this.seen.delete(obj);
    }
  }
}

function encode(v: unknown, t: Type<unknown> | undefined, opts: EncodeOpts): [string, Error | null] {
  try {
    return [new EncodeState(opts).value(v, t, 0), null];
  } catch (e) {
    if (e instanceof UnsupportedTypeError || e instanceof UnsupportedValueError || e instanceof MarshalerError) {
      return ["", e];
    }
    if (e instanceof Error && e.message.startsWith("json: ")) return ["", e];
    throw e;
  }
}

/**
 * marshal returns the JSON encoding of v (Go's json.Marshal, as a string):
 * [json, null] or ["", err] for NaN/±Inf, cycles and functions.
 *
 * - strings are escaped as Go does: "<", ">", "&" become \u003c, \u003e, \u0026;
 * - a Map is a Go map: keys sorted; a plain object is a struct: its fields
 *   in order, undefined ones left out; Uint8Array is []byte: base64;
 * - with a Type, struct fields follow the Type (order, omitempty, zero values);
 * - an object with marshalJSON() (Go's Marshaler) or toJSON() encodes what it returns.
 */
export function marshal(v: unknown, t?: Type<unknown>): [string, Error | null] {
  return encode(v, t, { escapeHTML: true, indented: false, prefix: "", indent: "" });
}

/**
 * marshalIndent is like marshal but puts each element on a new line that
 * starts with prefix followed by one indent per nesting level (Go's json.MarshalIndent).
 */
export function marshalIndent(v: unknown, prefix: string, indent: string, t?: Type<unknown>): [string, Error | null] {
  // Go's prefix starts every line but the first.
  return encode(v, t, { escapeHTML: true, indented: true, prefix, indent });
}

/** A Writer takes encoded output: a ResponseWriter, or anything with write. */
export interface Writer {
  write(b: string | Uint8Array): unknown;
}

/**
 * An Encoder writes JSON values to a Writer, each followed by a newline
 * (Go's json.Encoder): `json.newEncoder(w).encode(v)` in a handler.
 */
export class Encoder {
  private escapeHTML = true;
  private prefix = "";
  private indent = "";
  constructor(private readonly w: Writer) {}

  /**
   * encode writes the JSON encoding of v and a newline; it returns the error
   * (and writes nothing) if v cannot be encoded. t is optional, as for marshal.
   */
  encode(v: unknown, t?: Type<unknown>): Error | null {
    const [s, err] = encode(v, t, {
      escapeHTML: this.escapeHTML,
      indented: this.prefix !== "" || this.indent !== "",
      prefix: this.prefix,
      indent: this.indent,
    });
    if (err) return err;
    this.w.write(s + "\n");
    return null;
  }

  /** setIndent makes later encodes indent like marshalIndent; ("", "") turns it off. */
  setIndent(prefix: string, indent: string): void {
    this.prefix = prefix;
    this.indent = indent;
  }

  /** setEscapeHTML sets whether "<", ">" and "&" are escaped in strings (default true). */
  setEscapeHTML(on: boolean): void {
    this.escapeHTML = on;
  }
}

/** newEncoder returns an Encoder that writes to w (Go's json.NewEncoder). */
export function newEncoder(w: Writer): Encoder {
  return new Encoder(w);
}
