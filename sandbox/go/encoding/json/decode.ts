// Decoding JSON into values described by a Type, with Go's errors: syntax
// errors win, then the first UnmarshalTypeError or unknown field is
// reported while the rest of the value still decodes (as Go's decodeState).

import { SyntaxError, UnmarshalTypeError } from "./errors";
import { JSONNumber } from "./number";
import { Lexer, checkValid, decodeUTF8 } from "./scanner";
import type { Type } from "./types";

/** @internal Decoding options (the Decoder's settings). */
export interface DecodeOpts {
  useNumber?: boolean;
  disallowUnknownFields?: boolean;
}

/** @internal The state of one decode: the first saved error and Go's error context. */
export class DecodeState {
  saved: Error | null = null;
  struct = "";
  fields: string[] = [];
  constructor(
    readonly lx: Lexer,
    readonly opts: DecodeOpts,
  ) {}

  save(e: Error): void {
    if (this.saved) return;
    if (e instanceof UnmarshalTypeError && (this.struct !== "" || this.fields.length > 0)) {
      e = new UnmarshalTypeError(e.value, e.type, e.offset, this.struct, this.fields.join("."));
    }
    this.saved = e;
  }

  typeError(value: string, t: Type<unknown>, end: number): void {
    this.save(new UnmarshalTypeError(value, t.goName, this.lx.offset(end)));
  }
}

function setKey(o: Record<string, unknown>, k: string, v: unknown): void {
  // defineProperty keeps "__proto__" an ordinary key.
  Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
}

function findField(fields: Record<string, Type<unknown>>, key: string): string | undefined {
  if (Object.prototype.hasOwnProperty.call(fields, key)) return key;
  const lower = key.toLowerCase();
  return Object.keys(fields).find((k) => k.toLowerCase() === lower);
}

/**
 * @internal value decodes the value at the lexer's position into t (any
 * JSON value when t is undefined); on a type mismatch it saves the error,
 * skips the value and returns the zero value.
 */
export function value(d: DecodeState, t: Type<unknown> | undefined): unknown {
  const lx = d.lx;
  lx.ws();
  const c = lx.peek();
  if (t?.kind === "ptr") {
    if (c === "n") return (lx.literal("null"), null);
    return value(d, t.elem!);
  }
  const kind = t?.kind ?? "any";
  if (c === "[") {
    if (kind !== "slice" && kind !== "any") {
      d.typeError("array", t!, lx.i + 1);
      lx.skip();
      return t!.zero();
    }
    lx.i++;
    const arr: unknown[] = [];
    lx.ws();
    if (lx.peek() === "]") return (lx.i++, arr);
    for (;;) {
      arr.push(value(d, t?.elem ?? undefined));
      lx.ws();
      const n = lx.peek();
      lx.i++;
      if (n === ",") continue;
      if (n === "]") return arr;
      lx.i--;
      lx.fail("after array element");
    }
  }
  if (c === "{") {
    if (kind !== "map" && kind !== "struct" && kind !== "any") {
      d.typeError("object", t!, lx.i + 1);
      lx.skip();
      return t!.zero();
    }
    lx.i++;
    const obj = (kind === "struct" ? t!.zero() : {}) as Record<string, unknown>;
    lx.ws();
    if (lx.peek() === "}") return (lx.i++, obj);
    for (;;) {
      lx.ws();
      if (lx.peek() !== '"') lx.fail("looking for beginning of object key string");
      const key = lx.string();
      lx.ws();
      if (lx.peek() !== ":") lx.fail("after object key");
      lx.i++;
      if (kind === "struct") {
        const f = findField(t!.fields!, key);
        if (f === undefined) {
          if (d.opts.disallowUnknownFields) d.save(new Error(`json: unknown field ${JSON.stringify(key)}`));
          lx.skip();
        } else {
          const [struct, depth] = [d.struct, d.fields.length];
          d.struct = t!.goName;
          d.fields.push(f);
          obj[f] = value(d, t!.fields![f]);
          d.struct = struct;
          d.fields.length = depth;
        }
      } else {
        setKey(obj, key, value(d, t?.elem ?? undefined));
      }
      lx.ws();
      const n = lx.peek();
      lx.i++;
      if (n === ",") continue;
      if (n === "}") return obj;
      lx.i--;
      lx.fail("after object key:value pair");
    }
  }
  const [k, v] = lx.scalar();
  const end = lx.i;
  if (k === "null") return kind === "any" ? null : t!.zero();
  switch (kind) {
    case "any":
      return k === "number" ? (d.opts.useNumber ? new JSONNumber(v) : Number(v)) : v;
    case "string":
      if (k === "string") return v;
      break;
    case "bool":
      if (k === "bool") return v;
      break;
    case "number":
      if (k === "number") return new JSONNumber(v);
      if (k === "string" && /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/.test(v)) return new JSONNumber(v);
      break;
    case "int":
    case "float64": {
      if (k !== "number") break;
      const n = Number(v);
      if (kind === "int" ? /^-?\d+$/.test(v) && Number.isSafeInteger(n) : Number.isFinite(n))
        return kind === "int" ? n + 0 : n;
      d.typeError("number " + v, t!, end);
      return 0;
    }
  }
  d.typeError(k === "bool" ? "bool" : k, t!, end);
  return t!.zero();
}

/**
 * unmarshal parses JSON text and decodes it into a value of type t, or any
 * JSON value without t (Go's json.Unmarshal). It returns [value, null] or
 * [value, err]: a *SyntaxError leaves the zero value; an UnmarshalTypeError
 * or an unknown field (with disallowUnknownFields) comes with everything
 * else decoded, as in Go.
 *
 *     const [u, err] = json.unmarshal(`{"name":"ana","age":"x"}`, User);
 *     // err: json: cannot unmarshal string into Go struct field User.age of type int
 */
export function unmarshal<T = unknown>(data: string | Uint8Array, t?: Type<T>): [T, Error | null] {
  const src = typeof data === "string" ? data : decodeUTF8(data);
  const zero = (t ? t.zero() : null) as T;
  try {
    checkValid(src);
  } catch (e) {
    if (e instanceof SyntaxError) return [zero, e];
    throw e;
  }
  const d = new DecodeState(new Lexer(src), {});
  const v = value(d, t as Type<unknown> | undefined) as T;
  return [v, d.saved];
}
