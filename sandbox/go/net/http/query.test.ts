// Ported from Go's net/url url_test.go: parseTests (TestParseQuery),
// unescapeTests, and the QueryEscape / PathEscape tables.

import { describe, expect, it } from "vitest";
import { newRequest } from "./httptest";
import { EscapeError, parseQuery, pathEscape, pathUnescape, queryEscape, queryUnescape } from "./url";

const parseTests: [query: string, out: Record<string, string[]>, ok: boolean][] = [
  ["a=1", { a: ["1"] }, true],
  ["a=1&b=2", { a: ["1"], b: ["2"] }, true],
  ["a=1&a=2&a=banana", { a: ["1", "2", "banana"] }, true],
  ["ascii=%3Ckey%3A+0x90%3E", { ascii: ["<key: 0x90>"] }, true],
  ["a=1;b=2", {}, false],
  ["a;b=1", {}, false],
  ["a=%3B", { a: [";"] }, true], // hex encoding for semicolon
  ["a%3Bb=1", { "a;b": ["1"] }, true],
  ["a=1&a=2;a=banana", { a: ["1"] }, false],
  ["a;b&c=1", { c: ["1"] }, false],
  ["a=1&b=2;a=3&c=4", { a: ["1"], c: ["4"] }, false],
  ["a=1&b=2;c=3", { a: ["1"] }, false],
  [";", {}, false],
  ["a=1;", {}, false],
  ["a=1&;", { a: ["1"] }, false],
  [";a=1&b=2", { b: ["2"] }, false],
  ["a=1&b=2;", { a: ["1"] }, false],
  // Bad escapes drop the pair and report the first error.
  ["a=%zz&b=2", { b: ["2"] }, false],
  ["a%4=1&b=%2", {}, false],
];

describe("ParseQuery (Go's parseTests)", () => {
  for (const [query, out, ok] of parseTests) {
    it(`${JSON.stringify(query)} -> ${JSON.stringify(out)}, ok=${ok}`, () => {
      const [form, err] = parseQuery(query);
      expect(err === null).toBe(ok);
      expect(Object.fromEntries(form.keys().map((k) => [k, form.values(k)]))).toEqual(out);
    });
  }

  it("reports the semicolon error, and the first escape error", () => {
    expect(parseQuery("a=1;b=2")[1]?.message).toBe("invalid semicolon separator in query");
    const [, err] = parseQuery("a=%zz&b=%4");
    expect(err).toBeInstanceOf(EscapeError);
    expect(err?.message).toBe('invalid URL escape "%zz"');
  });

  it("URL.query() drops bad pairs and keeps the rest, as Go's", () => {
    const r = newRequest("GET", "/s?q=go&x=1;y=2&bad=%zz&n=2");
    expect(r.url.query().get("q")).toBe("go");
    expect(r.url.query().has("x")).toBe(false);
    expect(r.url.query().has("bad")).toBe(false);
    expect(r.url.query().get("n")).toBe("2");
  });
});

const unescapeTests: [input: string, out: string, err: string | null][] = [
  ["", "", null],
  ["abc", "abc", null],
  ["1%41", "1A", null],
  ["1%41%42%43", "1ABC", null],
  ["%4a", "J", null],
  ["%6F", "o", null],
  ["%", "", "%"], // not enough characters after %
  ["%a", "", "%a"], // not enough characters after %
  ["%1", "", "%1"], // not enough characters after %
  ["123%45%6", "", "%6"], // not enough characters after %
  ["%zzzzz", "", "%zz"], // invalid hex digits
  ["a+b", "a b", null],
  ["a%20b", "a b", null],
];

describe("QueryUnescape / PathUnescape (Go's unescapeTests)", () => {
  for (const [input, out, err] of unescapeTests) {
    it(JSON.stringify(input), () => {
      if (err === null) {
        expect(queryUnescape(input)).toBe(out);
        // PathUnescape keeps "+"; with "+" written as %20 it agrees.
        expect(pathUnescape(input.replace(/\+/g, "%20"))).toBe(out);
        expect(pathUnescape(input)).toBe(input.includes("+") ? out.replace(/ /g, "+") : out);
      } else {
        expect(() => queryUnescape(input)).toThrow(new EscapeError(err));
        expect(() => pathUnescape(input)).toThrow(`invalid URL escape ${JSON.stringify(err)}`);
      }
    });
  }
});

const queryEscapeTests: [string, string][] = [
  ["", ""],
  ["abc", "abc"],
  ["one two", "one+two"],
  ["10%", "10%25"],
  [
    " ?&=#+%!<>#\"{}|\\^[]`☺\t:/@$'()*,;",
    "+%3F%26%3D%23%2B%25%21%3C%3E%23%22%7B%7D%7C%5C%5E%5B%5D%60%E2%98%BA%09%3A%2F%40%24%27%28%29%2A%2C%3B",
  ],
];

const pathEscapeTests: [string, string][] = [
  ["", ""],
  ["abc", "abc"],
  ["abc+def", "abc+def"],
  ["a/b", "a%2Fb"],
  ["one two", "one%20two"],
  ["10%", "10%25"],
  [
    " ?&=#+%!<>#\"{}|\\^[]`☺\t:/@$'()*,;",
    "%20%3F&=%23+%25%21%3C%3E%23%22%7B%7D%7C%5C%5E%5B%5D%60%E2%98%BA%09:%2F@$%27%28%29%2A%2C%3B",
  ],
];

describe("QueryEscape / PathEscape (Go's tables)", () => {
  for (const [input, out] of queryEscapeTests) {
    it(`QueryEscape(${JSON.stringify(input)})`, () => {
      expect(queryEscape(input)).toBe(out);
      expect(queryUnescape(out)).toBe(input);
    });
  }
  for (const [input, out] of pathEscapeTests) {
    it(`PathEscape(${JSON.stringify(input)})`, () => {
      expect(pathEscape(input)).toBe(out);
      expect(pathUnescape(out)).toBe(input);
    });
  }
});
