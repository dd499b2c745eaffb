// Ported from Go's encoding/json stream_test.go: TestDecoder-style
// streams, More, and the Token cases (tokenStreamCases).

import { describe, expect, it } from "vitest";
import * as json from "./index";
import type { Token } from "./index";

describe("Decoder streams", () => {
  it("decodes values one after another, then EOF", () => {
    const dec = json.newDecoder(`0.1\n"hello"\nnull\ntrue\nfalse\n["a","b","c"]\n{"ß":"long s","K":"Kelvin"}\n3.14\n`);
    const got: unknown[] = [];
    for (;;) {
      const [v, err] = dec.decode();
      if (err === json.EOF) break;
      expect(err).toBeNull();
      got.push(v);
    }
    expect(got).toEqual([0.1, "hello", null, true, false, ["a", "b", "c"], { ß: "long s", K: "Kelvin" }, 3.14]);
    expect(dec.decode()[1]).toBe(json.EOF);
  });

  it("a value cut short is ErrUnexpectedEOF; the error sticks", () => {
    const dec = json.newDecoder(`{"a": 1} {"b": `);
    expect(dec.decode()).toEqual([{ a: 1 }, null]);
    expect(dec.decode()[1]).toBe(json.ErrUnexpectedEOF);
    expect(dec.decode()[1]).toBe(json.ErrUnexpectedEOF);
  });

  it("empty input is EOF", () => {
    expect(json.newDecoder("  \n").decode()[1]).toBe(json.EOF);
  });

  it("reads a request body (bytes with readSync)", () => {
    const body = { readSync: () => new TextEncoder().encode(`{"name":"ana"}`) };
    const [v, err] = json.newDecoder(body).decode(json.struct("U", { name: json.string() }));
    expect([v, err]).toEqual([{ name: "ana" }, null]);
  });

  it("a body that cannot be read returns its error", () => {
    const tooLarge = new Error("http: request body too large");
    const body = {
      readSync: (): Uint8Array => {
        throw tooLarge;
      },
    };
    expect(json.newDecoder(body).decode()[1]).toBe(tooLarge);
  });

  it("more and token walk an array of objects (Go's Decoder.Token example)", () => {
    const dec = json.newDecoder(`[
      {"Name": "Ed", "Text": "Knock knock."},
      {"Name": "Sam", "Text": "Who's there?"},
      {"Name": "Ed", "Text": "Go fmt."}
    ]`);
    const Message = json.struct("Message", { Name: json.string(), Text: json.string() });
    expect(dec.token()).toEqual([new json.Delim("["), null]);
    const got: string[] = [];
    while (dec.more()) {
      const [m, err] = dec.decode(Message);
      expect(err).toBeNull();
      got.push(`${m.Name}: ${m.Text}`);
    }
    expect(dec.token()).toEqual([new json.Delim("]"), null]);
    expect(got).toEqual(["Ed: Knock knock.", "Sam: Who's there?", "Ed: Go fmt."]);
    expect(dec.more()).toBe(false);
    expect(dec.token()[1]).toBe(json.EOF);
  });
});

const D = (c: "[" | "]" | "{" | "}") => new json.Delim(c);
class DecodeThis {
  constructor(readonly v: unknown) {}
}

const tokenStreamCases: [string, (Token | DecodeThis | Error)[]][] = [
  // streaming token cases
  [`10`, [10]],
  [` [10] `, [D("["), 10, D("]")]],
  [` [false,10,"b"] `, [D("["), false, 10, "b", D("]")]],
  [`{ "a": 1 }`, [D("{"), "a", 1, D("}")]],
  [`{"a": 1, "b":"3"}`, [D("{"), "a", 1, "b", "3", D("}")]],
  [` [{"a": 1},{"a": 2}] `, [D("["), D("{"), "a", 1, D("}"), D("{"), "a", 2, D("}"), D("]")]],
  [`{"obj": {"a": 1}}`, [D("{"), "obj", D("{"), "a", 1, D("}"), D("}")]],
  [`{"obj": [{"a": 1}]}`, [D("{"), "obj", D("["), D("{"), "a", 1, D("}"), D("]"), D("}")]],
  // streaming tokens with intermittent Decode()
  [`{ "a": 1 }`, [D("{"), "a", new DecodeThis(1), D("}")]],
  [` [ { "a" : 1 } ] `, [D("["), new DecodeThis({ a: 1 }), D("]")]],
  [` [{"a": 1},{"a": 2}] `, [D("["), new DecodeThis({ a: 1 }), new DecodeThis({ a: 2 }), D("]")]],
  [`{ "obj" : [ { "a" : 1 } ] }`, [D("{"), "obj", D("["), new DecodeThis({ a: 1 }), D("]"), D("}")]],
  [`{"obj": {"a": 1}}`, [D("{"), "obj", new DecodeThis({ a: 1 }), D("}")]],
  [`{"obj": [{"a": 1}]}`, [D("{"), "obj", new DecodeThis([{ a: 1 }]), D("}")]],
  [
    ` [{"a": 1} {"a": 2}] `,
    [D("["), new DecodeThis({ a: 1 }), new DecodeThis(new json.SyntaxError("expected comma after array element", 11))],
  ],
  [
    `{ "` + "a".repeat(513) + `" 1 }`,
    [D("{"), "a".repeat(513), new DecodeThis(new json.SyntaxError("expected colon after object key", 518))],
  ],
  [String.raw`{ "\a" }`, [D("{"), new json.SyntaxError("invalid character 'a' in string escape code", 3)]],
  [String.raw` \a`, [new json.SyntaxError("invalid character '\\\\' looking for beginning of value", 1)]],
];

describe("Decoder.token (Go's tokenStreamCases)", () => {
  tokenStreamCases.forEach(([input, want], i) => {
    it(`#${i} ${input.length > 40 ? input.slice(0, 40) + "..." : input}`, () => {
      const dec = json.newDecoder(input);
      for (const w of want) {
        let got: unknown;
        let err: Error | null;
        if (w instanceof DecodeThis) [got, err] = dec.decode();
        else [got, err] = dec.token();
        const expected = w instanceof DecodeThis ? w.v : w;
        if (expected instanceof Error) {
          expect(err).toEqual(expected);
          return;
        }
        expect(err).toBeNull();
        expect(got).toEqual(expected);
      }
    });
  });
});
