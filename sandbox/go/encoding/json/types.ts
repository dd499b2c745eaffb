// Go types for JSON, described at run time: TypeScript types vanish, and
// the decoder needs them for Go's type errors, unknown fields and zero
// values, the encoder for field order and omitempty.
//
//   Go                                          TypeScript
//   type User struct {                          const User = json.struct("User", {
//     Name string   `json:"name"`                  name: json.string(),
//     Age  int      `json:"age,omitempty"`         age: json.int().omitempty(),
//     Tags []string `json:"tags"`                  tags: json.slice(json.string()),
//   }                                           });
//                                               type User = json.Infer<typeof User>;

import { JSONNumber } from "./number";

/** Kind is the kind of Go type a Type describes. */
export type Kind = "string" | "int" | "float64" | "bool" | "any" | "number" | "slice" | "map" | "struct" | "ptr";

/** A field map for struct: JSON key -> Type. */
export type Fields = { readonly [key: string]: Type<unknown> };

/**
 * A Type describes a Go type for decoding and encoding (see struct). Build
 * one with string(), int(), float64(), bool(), any(), number(), slice(),
 * map(), struct() or ptr().
 */
export class Type<T> {
  /** @internal */
  declare readonly _value: T;
  /** @internal */
  constructor(
    readonly kind: Kind,
    /** The Go spelling of the type, used in error messages ("int", "[]string", "User"). */
    readonly goName: string,
    /** @internal */
    readonly elem: Type<unknown> | null = null,
    /** @internal */
    readonly fields: Fields | null = null,
    /** True if the field is left out when encoding an empty value (Go's `json:",omitempty"`). */
    readonly omitEmpty = false,
  ) {}

  /**
   * omitempty returns the type with Go's `omitempty` option: as a struct
   * field it is not encoded when false, 0, "", null, or an empty slice or map.
   */
  omitempty(): Type<T> {
    return new Type<T>(this.kind, this.goName, this.elem, this.fields, true);
  }

  /** zero returns Go's zero value for the type. */
  zero(): T {
    switch (this.kind) {
      case "string":
        return "" as T;
      case "int":
      case "float64":
        return 0 as T;
      case "bool":
        return false as T;
      case "number":
        return new JSONNumber("") as T;
      case "struct": {
        const o: Record<string, unknown> = {};
        for (const [k, t] of Object.entries(this.fields!)) o[k] = t.zero();
        return o as T;
      }
      default:
        return null as T;
    }
  }
}

/** Infer<typeof T> is the TypeScript type of the values a Type describes. */
export type Infer<X> = X extends Type<infer T> ? T : never;

/** string is Go's string. */
export function string(): Type<string> {
  return new Type("string", "string");
}

/**
 * int is Go's int: a JSON number without fraction or exponent. Values beyond
 * ±2^53-1 are refused ("number 9007199254740993"), as JavaScript numbers
 * cannot hold them exactly; decode those as number().
 */
export function int(): Type<number> {
  return new Type("int", "int");
}

/** float64 is Go's float64: any JSON number. */
export function float64(): Type<number> {
  return new Type("float64", "float64");
}

/** bool is Go's bool. */
export function bool(): Type<boolean> {
  return new Type("bool", "bool");
}

/** any is Go's any (interface{}): objects, arrays, strings, numbers (float64), booleans and null. */
export function any(): Type<unknown> {
  return new Type("any", "interface {}");
}

/** number is Go's json.Number: a number kept as its literal text. */
export function number(): Type<JSONNumber> {
  return new Type("number", "json.Number");
}

/** slice is Go's []T; its zero value is null (Go's nil slice, encoded as null). */
export function slice<T>(elem: Type<T>): Type<T[] | null> {
  return new Type("slice", "[]" + elem.goName, elem as Type<unknown>);
}

/** map is Go's map[string]T; its zero value is null. Keys are encoded sorted, as Go does. */
export function map<T>(elem: Type<T>): Type<Record<string, T> | null> {
  return new Type("map", "map[string]" + elem.goName, elem as Type<unknown>);
}

/** ptr is Go's *T: null or a T. */
export function ptr<T>(elem: Type<T>): Type<T | null> {
  return new Type("ptr", "*" + elem.goName, elem as Type<unknown>);
}

type StructValue<F extends Fields> = { -readonly [K in keyof F]: Infer<F[K]> };

/**
 * struct is a Go struct with the given fields, keyed by their JSON names;
 * name appears in error messages ("Go struct field User.age"). Decoding
 * matches keys exactly, then case-insensitively (as Go does); missing
 * fields keep their zero values. Encoding writes the fields in this order.
 */
export function struct<const F extends Fields>(name: string, fields: F): Type<StructValue<F>>;
export function struct<const F extends Fields>(fields: F): Type<StructValue<F>>;
export function struct<const F extends Fields>(a: string | F, b?: F): Type<StructValue<F>> {
  const [name, fields] = typeof a === "string" ? [a, b!] : ["", a];
  return new Type("struct", name, null, fields);
}
