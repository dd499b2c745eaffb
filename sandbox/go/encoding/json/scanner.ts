// A strict JSON lexer with Go's syntax errors and byte offsets, the same in
// every JavaScript engine (JSON.parse messages differ between them). The
// decoders in decode.ts and stream.ts drive it.

import { SyntaxError } from "./errors";

const utf8 = new TextEncoder();
const utf8dec = new TextDecoder();

/** @internal decodeUTF8 decodes bytes, keeping a leading byte-order mark (TextDecoder drops it; Go does not). */
export function decodeUTF8(b: Uint8Array): string {
  const bom = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;
  return (bom ? "\ufeff" : "") + utf8dec.decode(b);
}

/** byteLength returns the UTF-8 length of s (Go counts offsets in bytes). */
export function byteLength(s: string): number {
  // eslint-disable-next-line no-control-regex
  return /^[\x00-\x7f]*$/.test(s) ? s.length : utf8.encode(s).length;
}

// quoteChar formats a byte as Go's scanner does in error messages; for a
// non-ASCII character Go shows its first UTF-8 byte as a Latin-1 rune.
function quoteChar(ch: string): string {
  if (ch === "'") return "'\\''";
  if (ch === '"') return "'\"'";
  if (ch === "\\") return "'\\\\'";
  let c = ch.codePointAt(0)!;
  if (c >= 0x80) c = utf8.encode(ch)[0]!;
  const short: Record<number, string> = { 7: "\\a", 8: "\\b", 9: "\\t", 10: "\\n", 11: "\\v", 12: "\\f", 13: "\\r" };
  if (short[c]) return `'${short[c]}'`;
  if (c < 0x20 || c === 0x7f) return `'\\x${c.toString(16).padStart(2, "0")}'`;
  if ((c >= 0x80 && c <= 0xa0) || c === 0xad) return `'\\u${c.toString(16).padStart(4, "0")}'`;
  return `'${String.fromCharCode(c)}'`;
}

const escapes: Record<string, string> = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };

/** @internal A Lexer reads JSON tokens from src, starting at pos. */
export class Lexer {
  i: number;
  constructor(
    readonly src: string,
    pos = 0,
  ) {
    this.i = pos;
  }

  /** ws skips JSON whitespace. */
  ws(): void {
    const s = this.src;
    while (this.i < s.length) {
      const c = s.charCodeAt(this.i);
      if (c === 32 || c === 9 || c === 10 || c === 13) this.i++;
      else break;
    }
  }

  /** peek returns the character at the position, "" at the end. */
  peek(): string {
    return this.src[this.i] ?? "";
  }

  /** offset returns the byte offset of character index i. */
  offset(i = this.i): number {
    return byteLength(this.src.slice(0, i));
  }

  /** fail throws Go's SyntaxError for the character at the position (or for the end of input). */
  fail(context: string): never {
    if (this.i >= this.src.length) this.end();
    const ch = String.fromCodePoint(this.src.codePointAt(this.i)!);
    throw new SyntaxError(`invalid character ${quoteChar(ch)} ${context}`, this.offset() + 1);
  }

  /** end throws "unexpected end of JSON input". */
  end(): never {
    throw new SyntaxError("unexpected end of JSON input", byteLength(this.src));
  }

  /** string reads a string literal (at '"') and returns its value. */
  string(): string {
    const s = this.src;
    this.i++;
    let out = "";
    let start = this.i;
    let sawU = false;
    for (;;) {
      if (this.i >= s.length) this.end();
      const c = s.charCodeAt(this.i);
      if (c === 34) {
        out += s.slice(start, this.i);
        this.i++;
        // Go replaces unpaired surrogates from \u escapes with U+FFFD.
        return sawU
          ? out.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd")
          : out;
      }
      if (c < 0x20) this.fail("in string literal");
      if (c !== 92) {
        this.i++;
        continue;
      }
      out += s.slice(start, this.i);
      this.i++;
      if (this.i >= s.length) this.end();
      const e = s[this.i]!;
      if (e in escapes) {
        out += escapes[e];
        this.i++;
      } else if (e === "u") {
        this.i++;
        for (let k = 0; k < 4; k++, this.i++) {
          if (this.i >= s.length) this.end();
          if (!/[0-9A-Fa-f]/.test(s[this.i]!)) this.fail("in \\u hexadecimal character escape");
        }
        out += String.fromCharCode(parseInt(s.slice(this.i - 4, this.i), 16));
        sawU = true;
      } else {
        this.fail("in string escape code");
      }
      start = this.i;
    }
  }

  /** number reads a number literal and returns its text. */
  number(): string {
    const s = this.src;
    const start = this.i;
    const digit = () => this.i < s.length && s[this.i]! >= "0" && s[this.i]! <= "9";
    if (s[this.i] === "-") this.i++;
    if (s[this.i] === "0") this.i++;
    else if (digit() && s[this.i] !== "0") while (digit()) this.i++;
    else this.fail("in numeric literal");
    if (s[this.i] === ".") {
      this.i++;
      if (!digit()) this.fail("after decimal point in numeric literal");
      while (digit()) this.i++;
    }
    if (s[this.i] === "e" || s[this.i] === "E") {
      this.i++;
      if (s[this.i] === "+" || s[this.i] === "-") this.i++;
      if (!digit()) this.fail("in exponent of numeric literal");
      while (digit()) this.i++;
    }
    return s.slice(start, this.i);
  }

  /** literal reads true, false or null. */
  literal(word: "true" | "false" | "null"): void {
    this.i++;
    for (let k = 1; k < word.length; k++, this.i++) {
      if (this.src[this.i] !== word[k]) this.fail(`in literal ${word} (expecting ${quoteChar(word[k]!)})`);
    }
  }

  /** skip reads one value of any kind and discards it. */
  skip(): void {
    this.ws();
    const c = this.peek();
    if (c === "{" || c === "[") {
      const close = c === "{" ? "}" : "]";
      this.i++;
      this.ws();
      if (this.peek() === close) {
        this.i++;
        return;
      }
      for (;;) {
        if (c === "{") {
          this.ws();
          if (this.peek() !== '"') this.fail("looking for beginning of object key string");
          this.string();
          this.ws();
          if (this.peek() !== ":") this.fail("after object key");
          this.i++;
        }
        this.skip();
        this.ws();
        const n = this.peek();
        if (n === ",") {
          this.i++;
          continue;
        }
        if (n === close) {
          this.i++;
          return;
        }
        this.fail(c === "{" ? "after object key:value pair" : "after array element");
      }
    }
    this.scalar();
  }

  /** scalar reads a string, number or literal and returns [kind, text or value]. */
  scalar(): ["string", string] | ["number", string] | ["bool", boolean] | ["null", null] {
    const c = this.peek();
    if (c === '"') return ["string", this.string()];
    if (c === "-" || (c >= "0" && c <= "9")) return ["number", this.number()];
    if (c === "t") return (this.literal("true"), ["bool", true]);
    if (c === "f") return (this.literal("false"), ["bool", false]);
    if (c === "n") return (this.literal("null"), ["null", null]);
    return this.fail("looking for beginning of value");
  }
}

/** valid reports whether s is exactly one valid JSON value, surrounding whitespace allowed (Go's json.Valid). */
export function valid(s: string | Uint8Array): boolean {
  const lx = new Lexer(typeof s === "string" ? s : decodeUTF8(s));
  try {
    lx.skip();
    lx.ws();
    return lx.i === lx.src.length;
  } catch (e) {
    if (e instanceof SyntaxError) return false;
    throw e;
  }
}

/** checkValid throws the SyntaxError Go's checkValid would report for s, if any. */
export function checkValid(s: string): void {
  const lx = new Lexer(s);
  lx.skip();
  lx.ws();
  if (lx.i < s.length) lx.fail("after top-level value");
}
