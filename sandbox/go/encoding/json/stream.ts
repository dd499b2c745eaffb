// Go's json.Decoder: a stream of JSON values read from a string, bytes or
// a request/response body, with the Token API.

import { EOF, ErrUnexpectedEOF, SyntaxError } from "./errors";
import type { DecodeOpts } from "./decode";
import { DecodeState, value } from "./decode";
import { JSONNumber } from "./number";
import { Lexer, decodeUTF8 } from "./scanner";
import type { Type } from "./types";

/** A Delim is one of the JSON delimiters [ ] { } returned by Decoder.token (Go's json.Delim). */
export class Delim {
  constructor(readonly delim: "[" | "]" | "{" | "}") {}
  /** string returns the delimiter, e.g. "[". */
  string(): string {
    return this.delim;
  }
  toString(): string {
    return this.delim;
  }
}

/** A Token is what Decoder.token returns: a Delim, boolean, number (or Number with useNumber), string or null. */
export type Token = Delim | boolean | number | JSONNumber | string | null;

/** A Reader is what a Decoder reads: a string, bytes, or a Body (anything with readSync). */
export type Reader = string | Uint8Array | { readSync(): Uint8Array };

type TokenState =
  "top" | "arrayStart" | "arrayValue" | "arrayComma" | "objStart" | "objKey" | "objColon" | "objValue" | "objComma";

/**
 * A Decoder reads and decodes JSON values from an input (Go's json.Decoder):
 *
 *     const dec = json.newDecoder(r.body);
 *     dec.disallowUnknownFields();
 *     const [p, err] = dec.decode(Product);
 *
 * The input is read whole on first use (bodies here are in memory). At the
 * end of the input decode and token return EOF; inside a value they return
 * ErrUnexpectedEOF, as Go's Decoder does.
 */
export class Decoder {
  private lx: Lexer | null = null;
  private err: Error | null = null;
  private readonly opts: DecodeOpts = {};
  private state: TokenState = "top";
  private readonly stack: TokenState[] = [];

  constructor(private readonly r: Reader) {}

  private lexer(): Lexer {
    if (!this.lx) {
      const r = this.r;
      const bytes = typeof r === "string" ? r : r instanceof Uint8Array ? r : r.readSync();
      this.lx = new Lexer(typeof bytes === "string" ? bytes : decodeUTF8(bytes));
    }
    return this.lx;
  }

  /** useNumber makes decoding into any() give numbers as Number (the literal text) instead of float64. */
  useNumber(): void {
    this.opts.useNumber = true;
  }

  /** disallowUnknownFields makes decoding into a struct fail on keys that match no field. */
  disallowUnknownFields(): void {
    this.opts.disallowUnknownFields = true;
  }

  /** inputOffset returns the byte offset of the decoder's position. */
  inputOffset(): number {
    return this.lx ? this.lx.offset() : 0;
  }

  // peek returns the next non-space character, or null at the end.
  private peek(): string | null {
    const lx = this.lexer();
    lx.ws();
    return lx.i < lx.src.length ? lx.peek() : null;
  }

  /**
   * more reports whether there is another element in the current array or
   * object, or another value at the top level (Go's Decoder.More).
   */
  more(): boolean {
    try {
      const c = this.peek();
      return c !== null && c !== "]" && c !== "}";
    } catch (e) {
      this.err = e as Error;
      return false;
    }
  }

  private valueAllowed(): boolean {
    return ["top", "arrayStart", "arrayValue", "objValue"].includes(this.state);
  }

  private valueEnd(): void {
    if (this.state === "arrayStart" || this.state === "arrayValue") this.state = "arrayComma";
    else if (this.state === "objValue") this.state = "objComma";
  }

  /**
   * decode reads the next JSON value and decodes it into t (any JSON value
   * without t): [value, null], or [value, err] with Go's errors (see
   * unmarshal). At the end of the input it returns EOF.
   */
  decode<T = unknown>(t?: Type<T>): [T, Error | null] {
    const zero = (t ? t.zero() : null) as T;
    if (this.err) return [zero, this.err];
    // Go counts a syntax error's offset from where this value's read began.
    let base = 0;
    try {
      base = this.lexer().i;
      // Between tokens, a value may follow a comma or colon still to read.
      if (this.state === "arrayComma" || this.state === "objColon") {
        const c = this.peek();
        if (c === null) return [zero, EOF];
        const want = this.state === "arrayComma" ? "," : ":";
        if (c !== want) {
          const what = want === "," ? "comma after array element" : "colon after object key";
          return [zero, new SyntaxError(`expected ${what}`, this.inputOffset())];
        }
        this.lx!.i++;
        base = this.lx!.i;
        this.state = this.state === "arrayComma" ? "arrayValue" : "objValue";
      }
      if (!this.valueAllowed()) return [zero, new SyntaxError("not at beginning of value", this.inputOffset())];
      if (this.peek() === null) return [zero, EOF];
      const lx = this.lexer();
      // Check the syntax of the whole value first, as Go's Decoder does.
      const start = lx.i;
      lx.skip();
      lx.i = start;
      const d = new DecodeState(lx, this.opts);
      const v = value(d, t as Type<unknown> | undefined) as T;
      this.valueEnd();
      return [v, d.saved];
    } catch (e) {
      if (!(e instanceof SyntaxError)) {
        if (this.lx) throw e;
        this.err = e as Error; // reading the body failed, e.g. MaxBytesError
        return [zero, this.err];
      }
      this.err =
        e.message === "unexpected end of JSON input"
          ? ErrUnexpectedEOF
          : new SyntaxError(e.message, e.offset - this.lx!.offset(base));
      return [zero, this.err];
    }
  }

  /**
   * token returns the next JSON token: a Delim for [ ] { }, or a string,
   * number, boolean or null; commas and colons are checked and skipped
   * (Go's Decoder.Token). At the end of the input it returns EOF.
   */
  token(): [Token, Error | null] {
    for (;;) {
      let c: string | null;
      try {
        c = this.peek();
      } catch (e) {
        return [null, e as Error];
      }
      if (c === null) return [null, EOF];
      const lx = this.lx!;
      switch (c) {
        case "[":
        case "{":
          if (!this.valueAllowed()) return this.tokenError(c);
          lx.i++;
          this.stack.push(this.state);
          this.state = c === "[" ? "arrayStart" : "objStart";
          return [new Delim(c), null];
        case "]":
        case "}": {
          const ok = c === "]" ? ["arrayStart", "arrayComma"] : ["objStart", "objComma"];
          if (!ok.includes(this.state)) return this.tokenError(c);
          lx.i++;
          this.state = this.stack.pop()!;
          this.valueEnd();
          return [new Delim(c), null];
        }
        case ":":
          if (this.state !== "objColon") return this.tokenError(c);
          lx.i++;
          this.state = "objValue";
          continue;
        case ",":
          if (this.state === "arrayComma") {
            lx.i++;
            this.state = "arrayValue";
            continue;
          }
          if (this.state === "objComma") {
            lx.i++;
            this.state = "objKey";
            continue;
          }
          return this.tokenError(c);
        case '"':
          if (this.state === "objStart" || this.state === "objKey") {
            const old = this.state;
            this.state = "top";
            const [k, err] = this.decode<unknown>();
            this.state = old;
            if (err) return [null, err];
            this.state = "objColon";
            return [k as string, null];
          }
        // falls through
        default: {
          if (!this.valueAllowed()) return this.tokenError(c);
          const [v, err] = this.decode<unknown>();
          if (err) return [null, err];
          return [v as Token, null];
        }
      }
    }
  }

  private tokenError(c: string): [Token, Error] {
    const context: Record<TokenState, string> = {
      top: " looking for beginning of value",
      arrayStart: " looking for beginning of value",
      arrayValue: " looking for beginning of value",
      objValue: " looking for beginning of value",
      arrayComma: " after array element",
      objStart: " looking for beginning of object key string",
      objKey: " looking for beginning of object key string",
      objColon: " after object key",
      objComma: " after object key:value pair",
    };
    const q = c === "'" ? "'\\''" : c === '"' ? "'\"'" : `'${c}'`;
    return [null, new SyntaxError(`invalid character ${q}${context[this.state]}`, this.inputOffset())];
  }
}

/** newDecoder returns a Decoder that reads from r: a string, bytes, or a request/response body (Go's json.NewDecoder). */
export function newDecoder(r: Reader): Decoder {
  return new Decoder(r);
}
