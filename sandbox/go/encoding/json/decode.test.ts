// Ported from Go's encoding/json decode_test.go (unmarshalTests,
// TestUnmarshalTypeError, TestUnmarshalSyntax) and scanner_test.go (TestValid).

import { describe, expect, it } from "vitest";
import * as json from "./index";
import type { Type } from "./index";

const T = json.struct("T", { X: json.string(), Y: json.int(), Z: json.int() });
const V = json.struct("V", { F1: json.any(), F2: json.int(), F3: json.number() });
const VOuter = json.struct("VOuter", { V });
const Top = json.struct("Top", {
  Level0: json.int(),
  Embed: json.struct("Embed0", { Level1a: json.int(), Level1b: json.string() }),
});

interface Case {
  name: string;
  in: string;
  ptr?: Type<unknown>;
  out?: unknown;
  err?: Error;
  useNumber?: boolean;
  disallowUnknownFields?: boolean;
}

const n = (s: string) => new json.Number(s);

const unmarshalTests: Case[] = [
  // basic types
  { name: "true", in: `true`, ptr: json.bool(), out: true },
  { name: "int", in: `1`, ptr: json.int(), out: 1 },
  { name: "float", in: `1.2`, ptr: json.float64(), out: 1.2 },
  { name: "negative int", in: `-5`, ptr: json.int(), out: -5 },
  { name: "-0 is int 0", in: `-0`, ptr: json.int(), out: 0 },
  { name: "-0 is float64 -0", in: `-0`, ptr: json.float64(), out: -0 },
  {
    name: "exponent is not an int",
    in: `1e2`,
    ptr: json.int(),
    out: 0,
    err: new json.UnmarshalTypeError("number 1e2", "int", 3),
  },
  {
    name: "float64 overflow",
    in: `1e400`,
    ptr: json.float64(),
    out: 0,
    err: new json.UnmarshalTypeError("number 1e400", "float64", 5),
  },
  { name: "useNumber int", in: `2`, ptr: json.number(), out: n("2"), useNumber: true },
  { name: "Number", in: `2`, ptr: json.number(), out: n("2") },
  { name: "Number from string", in: `"2"`, ptr: json.number(), out: n("2") },
  { name: "any float", in: `2`, ptr: json.any(), out: 2 },
  { name: "any useNumber", in: `2`, ptr: json.any(), out: n("2"), useNumber: true },
  { name: "escapes", in: String.raw`"a\u1234"`, ptr: json.string(), out: "a\u1234" },
  { name: "slash", in: String.raw`"http:\/\/"`, ptr: json.string(), out: "http://" },
  { name: "surrogate pair", in: String.raw`"g-clef: \uD834\uDD1E"`, ptr: json.string(), out: "g-clef: \u{1D11E}" },
  {
    name: "lone surrogates",
    in: String.raw`"invalid: \uD834x\uDD1E"`,
    ptr: json.string(),
    out: "invalid: \uFFFDx\uFFFD",
  },
  { name: "null any", in: "null", ptr: json.any(), out: null },
  {
    name: "array into string field",
    in: `{"X": [1,2,3], "Y": 4}`,
    ptr: T,
    out: { X: "", Y: 4, Z: 0 },
    err: new json.UnmarshalTypeError("array", "string", 7, "T", "X"),
  },
  {
    name: "unknown field ignored",
    in: `{"x": 1, "W": 2}`,
    ptr: json.struct("tx", {}),
    out: {},
  },
  {
    name: "unknown field disallowed",
    in: `{"x": 1}`,
    ptr: json.struct("tx", {}),
    err: new Error('json: unknown field "x"'),
    disallowUnknownFields: true,
  },
  {
    name: "case-insensitive match; unknown Z disallowed",
    in: `{"y": 1, "Q": 2}`,
    ptr: T,
    out: { X: "", Y: 1, Z: 0 },
    err: new Error('json: unknown field "Q"'),
    disallowUnknownFields: true,
  },
  {
    name: "any, int and Number fields",
    in: `{"F1":1,"F2":2,"F3":3}`,
    ptr: V,
    out: { F1: 1, F2: 2, F3: n("3") },
  },
  {
    name: "useNumber makes any a Number",
    in: `{"F1":1,"F2":2,"F3":3}`,
    ptr: V,
    out: { F1: n("1"), F2: 2, F3: n("3") },
    useNumber: true,
  },
  // syntax errors
  {
    name: "key without value",
    in: `{"X": "foo", "Y"}`,
    err: new json.SyntaxError("invalid character '}' after object key", 17),
  },
  {
    name: "bad array element",
    in: `[1, 2, 3+]`,
    err: new json.SyntaxError("invalid character '+' after array element", 9),
  },
  {
    name: "bad number end",
    in: `{"X":12x}`,
    err: new json.SyntaxError("invalid character 'x' after object key:value pair", 8),
    useNumber: true,
  },
  { name: "truncated array", in: `[2, 3`, err: new json.SyntaxError("unexpected end of JSON input", 5) },
  {
    name: "minus alone",
    in: `{"F3": -}`,
    ptr: V,
    err: new json.SyntaxError("invalid character '}' in numeric literal", 9),
  },
  // raw value errors
  {
    name: "\\x01 before 42",
    in: "\x01 42",
    err: new json.SyntaxError("invalid character '\\x01' looking for beginning of value", 1),
  },
  {
    name: "\\x01 after 42",
    in: " 42 \x01",
    err: new json.SyntaxError("invalid character '\\x01' after top-level value", 5),
  },
  {
    name: "\\x01 before true",
    in: "\x01 true",
    err: new json.SyntaxError("invalid character '\\x01' looking for beginning of value", 1),
  },
  {
    name: "\\x01 after false",
    in: " false \x01",
    err: new json.SyntaxError("invalid character '\\x01' after top-level value", 8),
  },
  {
    name: "\\x01 before 1.2",
    in: "\x01 1.2",
    err: new json.SyntaxError("invalid character '\\x01' looking for beginning of value", 1),
  },
  {
    name: "\\x01 after 3.4",
    in: " 3.4 \x01",
    err: new json.SyntaxError("invalid character '\\x01' after top-level value", 6),
  },
  {
    name: "\\x01 before string",
    in: '\x01 "string"',
    err: new json.SyntaxError("invalid character '\\x01' looking for beginning of value", 1),
  },
  {
    name: "\\x01 after string",
    in: ' "string" \x01',
    err: new json.SyntaxError("invalid character '\\x01' after top-level value", 11),
  },
  // syntax errors win over type errors, wherever they are
  {
    name: "syntax after type error",
    in: `{"X": 1, "Y": }`,
    ptr: T,
    err: new json.SyntaxError("invalid character '}' looking for beginning of value", 15),
  },
  // offsets count UTF-8 bytes
  {
    name: "byte offsets",
    in: `["é", x]`,
    err: new json.SyntaxError("invalid character 'x' looking for beginning of value", 8),
  },
  // array tests
  { name: "int slice", in: `[1, 2, 3]`, ptr: json.slice(json.int()), out: [1, 2, 3] },
  { name: "empty array", in: `[]`, ptr: json.slice(json.any()), out: [] },
  { name: "null slice", in: `null`, ptr: json.slice(json.any()), out: null },
  { name: "map of empty array", in: `{"T":[]}`, ptr: json.map(json.any()), out: { T: [] } },
  { name: "map of null", in: `{"T":null}`, ptr: json.map(json.any()), out: { T: null } },
  // type errors
  {
    name: "nested struct field path",
    in: `{"V": {"F4": {}, "F2": "hello"}}`,
    ptr: VOuter,
    out: { V: { F1: null, F2: 0, F3: n("") } },
    err: new json.UnmarshalTypeError("string", "int", 30, "V", "V.F2"),
  },
  {
    name: "fraction into int",
    in: `{"Level0": 1.5, "Embed": {"Level1a": 2}}`,
    ptr: Top,
    out: { Level0: 0, Embed: { Level1a: 2, Level1b: "" } },
    err: new json.UnmarshalTypeError("number 1.5", "int", 14, "Top", "Level0"),
  },
  {
    name: "the first type error is kept",
    in: `{"Embed": {"Level1b": true}, "Level0": "x"}`,
    ptr: Top,
    out: { Level0: 0, Embed: { Level1a: 0, Level1b: "" } },
    err: new json.UnmarshalTypeError("bool", "string", 26, "Embed0", "Embed.Level1b"),
  },
  {
    name: "top-level type error",
    in: `"x"`,
    ptr: json.int(),
    out: 0,
    err: new json.UnmarshalTypeError("string", "int", 3),
  },
  {
    name: "int beyond 2^53",
    in: `9007199254740993`,
    ptr: json.int(),
    out: 0,
    err: new json.UnmarshalTypeError("number 9007199254740993", "int", 16),
  },
  {
    name: "object into slice",
    in: `{}`,
    ptr: json.slice(json.int()),
    out: null,
    err: new json.UnmarshalTypeError("object", "[]int", 1),
  },
  { name: "null leaves the zero value", in: `{"X": null, "Y": null}`, ptr: T, out: { X: "", Y: 0, Z: 0 } },
  { name: "ptr null", in: `null`, ptr: json.ptr(T), out: null },
  { name: "ptr value", in: `{"X":"a"}`, ptr: json.ptr(T), out: { X: "a", Y: 0, Z: 0 } },
  { name: "__proto__ is a plain key", in: `{"__proto__": 1}`, ptr: json.any(), out: JSON.parse(`{"__proto__": 1}`) },
];

// As Go's TestUnmarshal: every input goes through checkValid (here:
// unmarshal); those with a target type are also decoded with a Decoder.
describe("Unmarshal and Decoder.decode (Go's unmarshalTests)", () => {
  for (const tt of unmarshalTests) {
    it(tt.name, () => {
      if (!tt.ptr) {
        const [, err] = json.unmarshal(tt.in);
        expect(err).toEqual(tt.err);
        expect(err?.constructor).toBe(tt.err?.constructor);
        return;
      }
      const dec = json.newDecoder(tt.in);
      if (tt.useNumber) dec.useNumber();
      if (tt.disallowUnknownFields) dec.disallowUnknownFields();
      const [v, err] = dec.decode(tt.ptr);
      if (tt.err) {
        expect(err).toEqual(tt.err);
        expect(err?.message).toBe(tt.err.message);
        expect(err?.constructor).toBe(tt.err.constructor);
      } else {
        expect(err).toBeNull();
      }
      if (tt.out !== undefined) expect(v).toEqual(tt.out);
      // json.unmarshal agrees when no Decoder option is needed.
      if (!tt.useNumber && !tt.disallowUnknownFields) {
        const [v2, err2] = json.unmarshal(tt.in, tt.ptr);
        expect(err2?.message).toBe(tt.err?.message);
        if (tt.out !== undefined) expect(v2).toEqual(tt.out);
      }
    });
  }

  it("UnmarshalTypeError fields and message", () => {
    const [, err] = json.unmarshal(
      `{"name":"ana","age":"x"}`,
      json.struct("User", { name: json.string(), age: json.int() }),
    );
    expect(err).toBeInstanceOf(json.UnmarshalTypeError);
    expect(err).toBeInstanceOf(Error);
    expect(err?.message).toBe("json: cannot unmarshal string into Go struct field User.age of type int");
    expect(err).toMatchObject({ value: "string", type: "int", offset: 23, struct: "User", field: "age" });
  });
});

// TestUnmarshalTypeError: mismatched kinds give an UnmarshalTypeError.
const decodeTypeErrorTests: [Type<unknown>, string][] = [
  [json.string(), `{"user": "name"}`],
  [json.int(), `[]`],
  [json.bool(), `""`],
  [json.string(), `123`],
  [json.slice(json.int()), `true`],
  [json.map(json.int()), `[1]`],
];

describe("type errors (TestUnmarshalTypeError)", () => {
  for (const [t, src] of decodeTypeErrorTests) {
    it(`${src} into ${t.goName}`, () => {
      expect(json.unmarshal(src, t)[1]).toBeInstanceOf(json.UnmarshalTypeError);
    });
  }
});

const unmarshalSyntaxTests = ["tru", "fals", "nul", "123e", `"hello`, `[1,2,3`, `{"key":1`, `{"key":1,`];

describe("syntax errors (TestUnmarshalSyntax)", () => {
  for (const src of unmarshalSyntaxTests) {
    it(JSON.stringify(src), () => {
      expect(json.unmarshal(src)[1]).toBeInstanceOf(json.SyntaxError);
    });
  }
});

// scanner_test.go TestValid.
const validTests: [string, boolean][] = [
  [`foo`, false],
  [`}{`, false],
  [`{]`, false],
  [`{}`, true],
  [`{"foo":"bar"}`, true],
  [`{"foo":"bar","bar":{"baz":["qux"]}}`, true],
  [` [1, -0.5e+3, true, null] `, true],
  [`01`, false],
  [`1.`, false],
  [String.raw`"\x"`, false],
];

describe("Valid (scanner_test.go)", () => {
  for (const [data, ok] of validTests) {
    it(`${data} -> ${ok}`, () => expect(json.valid(data)).toBe(ok));
  }
});

describe("bytes input", () => {
  it("decodes UTF-8 bytes; a byte-order mark is an error, as in Go", () => {
    const enc = new TextEncoder();
    expect(json.unmarshal(enc.encode(`{"é":1}`))).toEqual([{ é: 1 }, null]);
    const [, err] = json.unmarshal(new Uint8Array([0xef, 0xbb, 0xbf, ...enc.encode("1")]));
    expect(err).toEqual(new json.SyntaxError("invalid character 'ï' looking for beginning of value", 1));
  });
});
