// JSON request decoding with precise client errors, and JSON responses.

import { fromBytes, MaxBytesError } from "./body";
import { SyntaxError as JSONSyntaxError, marshal, unmarshal } from "../../encoding/json/index";
import type { Request } from "./request";
import type { ResponseWriter } from "./response";
import { StatusBadRequest, StatusRequestEntityTooLarge } from "./status";

/** A scalar JSON type name in a FieldSpec. "integer" is a number with no fraction (a safe integer). */
export type JSONScalar = "string" | "number" | "integer" | "boolean" | "object" | "any";

/** A type name: a scalar or an array of scalars ("string[]"); a trailing "?" makes the field optional. */
export type JSONTypeName = JSONScalar | `${JSONScalar}[]`;

/**
 * The expected type of one field: a type name ("string", "integer?",
 * "string[]?"), a nested FieldSpec for an object, or a one-element tuple
 * `[spec]` for an array of such objects. Nested objects and arrays of
 * objects are required.
 */
export type FieldType = JSONTypeName | `${JSONTypeName}?` | FieldSpec | readonly [FieldSpec];

/**
 * A FieldSpec describes the JSON object a handler accepts, standing in for
 * the Go struct you would decode into (TypeScript types vanish at run time):
 *
 *     { name: "string", price: "integer", tags: "string[]?", dims: { w: "number", h: "number" } }
 *
 * Fields are required unless their type ends in "?"; null counts as absent
 * for optional fields. decodeJSON infers the TypeScript type from the spec.
 */
export interface FieldSpec {
  readonly [field: string]: FieldType;
}

type Strip<S extends string> = S extends `${infer B}?` ? B : S;
type ScalarType<B> = B extends "string"
  ? string
  : B extends "number" | "integer"
    ? number
    : B extends "boolean"
      ? boolean
      : B extends "object"
        ? Record<string, unknown>
        : unknown;
type NameType<S extends string> = Strip<S> extends `${infer B}[]` ? ScalarType<B>[] : ScalarType<Strip<S>>;
type FieldValue<F> = F extends string
  ? NameType<F>
  : F extends readonly [infer O]
    ? Decoded<O>[]
    : F extends FieldSpec
      ? Decoded<F>
      : never;
type OptionalKeys<S> = { [K in keyof S]: S[K] extends `${string}?` ? K : never }[keyof S];
type Flatten<T> = { [K in keyof T]: T[K] } & {};

/** Decoded<S> is the TypeScript type of values that match the FieldSpec S. */
export type Decoded<S> = Flatten<
  { -readonly [K in Exclude<keyof S, OptionalKeys<S>>]: FieldValue<S[K]> } & {
    -readonly [K in OptionalKeys<S>]?: FieldValue<S[K]>;
  }
>;

/** Options for decodeJSON. */
export interface DecodeOptions {
  /** Largest accepted body in bytes (default 1 MiB = 1048576). */
  maxBytes?: number;
  /** Reject fields not in `fields` (Go's Decoder.DisallowUnknownFields). Without it unknown fields are dropped. */
  disallowUnknownFields?: boolean;
  /** The expected object; without it any JSON value is accepted unchecked. */
  fields?: FieldSpec;
}

/**
 * DecodeError is thrown by decodeJSON. Its message is safe to show the
 * client; `status` is the HTTP status to answer with (400, or 413 for a body
 * over the limit).
 */
export class DecodeError extends Error {
  /** 400 Bad Request, or 413 Request Entity Too Large. */
  readonly status: number;
  /** For badly-formed JSON, the 1-based character position of the error. */
  readonly offset?: number;
  constructor(message: string, status: number = StatusBadRequest, offset?: number) {
    super(message);
    this.name = "DecodeError";
    this.status = status;
    if (offset !== undefined) this.offset = offset;
  }
}

/** Default body limit for decodeJSON: 1 MiB. */
export const DefaultMaxJSONBytes = 1 << 20;

const article: Record<string, string> = {
  string: "a string",
  number: "a number",
  integer: "an integer",
  boolean: "a boolean",
  object: "an object",
  any: "a value",
};
const plural: Record<string, string> = {
  string: "strings",
  number: "numbers",
  integer: "integers",
  boolean: "booleans",
  object: "objects",
  any: "values",
};

function checkScalar(t: string, v: unknown): boolean {
  switch (t) {
    case "string":
      return typeof v === "string";
    case "number":
      return typeof v === "number";
    case "integer":
      return typeof v === "number" && Number.isSafeInteger(v);
    case "boolean":
      return typeof v === "boolean";
    case "object":
      return typeof v === "object" && v !== null && !Array.isArray(v);
    case "any":
      return v !== undefined;
    default:
      throw new Error(`decodeJSON: unknown type ${JSON.stringify(t)} in field spec`);
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function validate(
  spec: FieldSpec,
  v: Record<string, unknown>,
  prefix: string,
  strict: boolean,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(v)) {
    const name = prefix + key;
    if (!Object.prototype.hasOwnProperty.call(spec, key)) {
      if (strict) throw new DecodeError(`json: unknown field ${JSON.stringify(name)}`);
      continue;
    }
    const t = spec[key]!;
    const val = v[key];
    if (typeof t === "string") {
      const optional = t.endsWith("?");
      const base = optional ? t.slice(0, -1) : t;
      if (val === null && optional) continue;
      if (base.endsWith("[]")) {
        const el = base.slice(0, -2);
        if (!Array.isArray(val) || !val.every((x) => checkScalar(el, x))) {
          throw new DecodeError(`json: field ${JSON.stringify(name)} must be an array of ${plural[el] ?? el}`);
        }
      } else if (!checkScalar(base, val) || (base === "any" && val === null && !optional)) {
        throw new DecodeError(`json: field ${JSON.stringify(name)} must be ${article[base] ?? base}`);
      }
      Object.defineProperty(out, key, { value: val, enumerable: true, writable: true, configurable: true });
    } else if (Array.isArray(t)) {
      const sub = (t as readonly [FieldSpec])[0];
      if (!Array.isArray(val)) throw new DecodeError(`json: field ${JSON.stringify(name)} must be an array of objects`);
      out[key] = val.map((x: unknown, i) => {
        if (!isObject(x)) throw new DecodeError(`json: field ${JSON.stringify(`${name}[${i}]`)} must be an object`);
        return validate(sub, x, `${name}[${i}].`, strict);
      });
    } else {
      if (!isObject(val)) throw new DecodeError(`json: field ${JSON.stringify(name)} must be an object`);
      out[key] = validate(t as FieldSpec, val, name + ".", strict);
    }
  }
  for (const [key, t] of Object.entries(spec)) {
    const optional = typeof t === "string" && t.endsWith("?");
    if (!optional && !Object.prototype.hasOwnProperty.call(v, key)) {
      throw new DecodeError(`json: missing required field ${JSON.stringify(prefix + key)}`);
    }
  }
  return out;
}

/**
 * checkJSON validates an already-parsed value against a FieldSpec, with the
 * same errors as decodeJSON, and returns the value without unknown fields.
 */
export function checkJSON<const S extends FieldSpec>(
  value: unknown,
  fields: S,
  opts: { disallowUnknownFields?: boolean } = {},
): Decoded<S> {
  if (!isObject(value)) throw new DecodeError("json: request body must be a JSON object");
  return validate(fields, value, "", !!opts.disallowUnknownFields) as Decoded<S>;
}

/**
 * decodeJSON reads r's body and decodes one JSON value, rejecting with a
 * DecodeError whose message is precise enough to send back with a 400:
 *
 * - "request body must not be empty"
 * - "request body contains badly-formed JSON (at position 12): invalid character '}' looking for beginning of value"
 * - "request body must only contain a single JSON value"
 * - "request body must not be larger than 1048576 bytes" (status 413; also when a maxBytesReader limit is hit)
 * - with `fields`: "json: request body must be a JSON object",
 *   "json: unknown field \"x\"" (with disallowUnknownFields),
 *   "json: field \"price\" must be an integer", "json: missing required field \"name\""
 *
 * With `fields` the result is typed from the spec; without, it is `T` (unchecked).
 *
 *     const p = await decodeJSON(r, { fields: { name: "string", price: "integer" }, disallowUnknownFields: true });
 */
export async function decodeJSON<const S extends FieldSpec>(
  r: Request,
  opts: DecodeOptions & { fields: S },
): Promise<Decoded<S>>;
export async function decodeJSON<T = unknown>(r: Request, opts?: DecodeOptions): Promise<T>;
export async function decodeJSON(r: Request, opts: DecodeOptions = {}): Promise<unknown> {
  const max = opts.maxBytes ?? DefaultMaxJSONBytes;
  let bytes: Uint8Array;
  try {
    bytes = await r.body.bytes();
  } catch (e) {
    if (e instanceof MaxBytesError) {
      throw new DecodeError(
        `request body must not be larger than ${Math.min(e.limit, max)} bytes`,
        StatusRequestEntityTooLarge,
      );
    }
    throw e;
  }
  if (bytes.length > max) {
    throw new DecodeError(`request body must not be larger than ${max} bytes`, StatusRequestEntityTooLarge);
  }
  const text = fromBytes(bytes);
  if (text.trim() === "") throw new DecodeError("request body must not be empty");
  const [value, e] = unmarshal(text);
  if (e) {
    if (!(e instanceof JSONSyntaxError)) throw e;
    if (e.message.endsWith("after top-level value")) {
      throw new DecodeError("request body must only contain a single JSON value");
    }
    throw new DecodeError(
      `request body contains badly-formed JSON (at position ${e.offset}): ${e.message}`,
      StatusBadRequest,
      e.offset,
    );
  }
  if (opts.fields) return checkJSON(value, opts.fields, opts);
  return value;
}

/**
 * writeJSON replies with status and value encoded as JSON followed by "\n",
 * as Go's json.NewEncoder(w).Encode(v) writes it (go/encoding/json's
 * marshal: "<", ">" and "&" in strings become \u003c, \u003e, \u0026),
 * setting "Content-Type: application/json". undefined is written as null.
 * A value marshal cannot encode (NaN, a cycle, a function) panics with its error.
 */
export function writeJSON(w: ResponseWriter, status: number, value: unknown): void {
  const [body, err] = marshal(value);
  if (err) throw err;
  w.header().set("Content-Type", "application/json");
  w.writeHeader(status);
  w.write(body + "\n");
}
