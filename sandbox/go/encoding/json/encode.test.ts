// Ported from Go's encoding/json encode_test.go (encodeStringTests,
// TestUnsupportedValues, TestEncoderSetEscapeHTML, TestMarshalFloat's
// formats), stream_test.go (TestEncoderIndent) and the MarshalIndent example.

import { describe, expect, it } from "vitest";
import * as json from "./index";

const encodeStringTests: [string, string][] = [
  ["\x00", String.raw`"\u0000"`],
  ["\x01", String.raw`"\u0001"`],
  ["\x07", String.raw`"\u0007"`],
  ["\x08", String.raw`"\b"`],
  ["\x09", String.raw`"\t"`],
  ["\x0a", String.raw`"\n"`],
  ["\x0b", String.raw`"\u000b"`],
  ["\x0c", String.raw`"\f"`],
  ["\x0d", String.raw`"\r"`],
  ["\x0e", String.raw`"\u000e"`],
  ["\x1f", String.raw`"\u001f"`],
  ['"\\', String.raw`"\"\\"`],
  ["<&>", String.raw`"\u003c\u0026\u003e"`],
  ["\u2028\u2029", String.raw`"\u2028\u2029"`],
  ["lone \ud800 surrogate", String.raw`"lone \ufffd surrogate"`],
  ["g-clef \u{1D11E}", `"g-clef \u{1D11E}"`],
];

describe("marshal strings (Go's encodeStringTests)", () => {
  for (const [input, out] of encodeStringTests) {
    it(JSON.stringify(input), () => expect(json.marshal(input)).toEqual([out, null]));
  }
});

describe("marshal values", () => {
  const cases: [string, unknown, string][] = [
    [
      "numbers as Go formats them",
      [0, -0, 1.5, 1e20, 1e21, 1e-6, 1e-7, 123456789, -2.5e-10],
      "[0,-0,1.5,100000000000000000000,1e+21,0.000001,1e-7,123456789,-2.5e-10]",
    ],
    [
      "a plain object is a struct: fields in order, undefined left out",
      { b: 1, a: [true, null], c: undefined },
      `{"b":1,"a":[true,null]}`,
    ],
    [
      "a Map is a Go map: keys sorted",
      new Map([
        ["b", 1],
        ["a", 2],
        ["ß", 3],
        ["K", 4],
      ]),
      `{"K":4,"a":2,"b":1,"ß":3}`,
    ],
    ["bytes are base64", { b: new Uint8Array([1, 2, 3, 250]) }, `{"b":"AQID+g=="}`],
    ["Number keeps its literal", { n: new json.Number("1.50") }, `{"n":1.50}`],
    ["toJSON is used", { h: { toJSON: () => ["x"] } }, `{"h":["x"]}`],
    [
      "marshalJSON is compacted",
      { m: { marshalJSON: () => ` { "a" : [1.0, "<"] } ` } },
      String.raw`{"m":{"a":[1.0,"\u003c"]}}`,
    ],
    ["null and undefined", [null, undefined], "[null,null]"],
  ];
  for (const [name, v, want] of cases) {
    it(name, () => expect(json.marshal(v)).toEqual([want, null]));
  }

  const User = json.struct("User", {
    name: json.string(),
    age: json.int().omitempty(),
    tags: json.slice(json.string()),
    meta: json.map(json.int()).omitempty(),
    boss: json.ptr(json.struct("Boss", { name: json.string() })).omitempty(),
  });

  it("a Type orders fields, fills zero values and applies omitempty", () => {
    expect(json.marshal({ tags: null, name: "ana", extra: 1 }, User)).toEqual([`{"name":"ana","tags":null}`, null]);
    expect(json.marshal({ name: "bo", age: 3, tags: ["x"], meta: { z: 1, a: 2 }, boss: { name: "cy" } }, User)).toEqual(
      [`{"name":"bo","age":3,"tags":["x"],"meta":{"a":2,"z":1},"boss":{"name":"cy"}}`, null],
    );
  });

  it("round-trips through unmarshal", () => {
    const [u, err] = json.unmarshal(`{"name":"ana","tags":["a"],"age":0}`, User);
    expect(err).toBeNull();
    expect(json.marshal(u, User)).toEqual([`{"name":"ana","tags":["a"]}`, null]);
  });
});

describe("unsupported values (TestUnsupportedValues)", () => {
  const cyclic: Record<string, unknown> = {};
  cyclic["self"] = cyclic;
  const cyclicSlice: unknown[] = [];
  cyclicSlice.push(cyclicSlice);
  const cases: [string, unknown, string][] = [
    ["NaN", NaN, "json: unsupported value: NaN"],
    ["-Inf", -Infinity, "json: unsupported value: -Inf"],
    ["+Inf", Infinity, "json: unsupported value: +Inf"],
    ["cyclic map", cyclic, "json: unsupported value: encountered a cycle via object"],
    ["cyclic slice", cyclicSlice, "json: unsupported value: encountered a cycle via object"],
  ];
  for (const [name, v, msg] of cases) {
    it(name, () => {
      const [s, err] = json.marshal(v);
      expect(s).toBe("");
      expect(err).toBeInstanceOf(json.UnsupportedValueError);
      expect(err?.message).toBe(msg);
    });
  }
  it("functions are an UnsupportedTypeError", () => {
    const [, err] = json.marshal({ f: () => 1 });
    expect(err).toBeInstanceOf(json.UnsupportedTypeError);
    expect(err?.message).toBe("json: unsupported type: func()");
  });
  it("a failing marshalJSON is a MarshalerError", () => {
    class Bad {
      marshalJSON(): string {
        return "{";
      }
    }
    const [, err] = json.marshal([new Bad()]);
    expect(err).toBeInstanceOf(json.MarshalerError);
    expect(err?.message).toBe("json: error calling MarshalJSON for type Bad: unexpected end of JSON input");
  });
});

describe("indentation", () => {
  it("MarshalIndent example", () => {
    const [b, err] = json.marshalIndent(
      new Map([
        ["a", 1],
        ["b", 2],
      ]),
      "<prefix>",
      "<indent>",
    );
    expect(err).toBeNull();
    expect(b).toBe(`{\n<prefix><indent>"a": 1,\n<prefix><indent>"b": 2\n<prefix>}`);
  });

  it("empty containers stay on one line; '' indent still breaks lines", () => {
    expect(json.marshalIndent({ a: [], b: {}, c: [1] }, "", "")[0]).toBe(`{\n"a": [],\n"b": {},\n"c": [\n1\n]\n}`);
  });

  it("Encoder.setIndent (TestEncoderIndent) and setEscapeHTML (TestEncoderSetEscapeHTML)", () => {
    let out = "";
    const enc = json.newEncoder({ write: (s) => (out += String(s)) });
    enc.setIndent(">", ".");
    expect(enc.encode({ a: ["x"], b: "<&>" })).toBeNull();
    expect(out).toBe(`{\n>."a": [\n>.."x"\n>.],\n>."b": "\\u003c\\u0026\\u003e"\n>}\n`);
    out = "";
    enc.setIndent("", "");
    enc.setEscapeHTML(false);
    enc.encode({ b: "<&>" });
    enc.encode("second");
    expect(out).toBe(`{"b":"<&>"}\n"second"\n`);
  });

  it("Encoder.encode writes nothing on error", () => {
    let out = "";
    const err = json.newEncoder({ write: (s) => (out += String(s)) }).encode(NaN);
    expect([out, err?.message]).toEqual(["", "json: unsupported value: NaN"]);
  });
});
