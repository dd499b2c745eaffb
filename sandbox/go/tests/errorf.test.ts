// Ported from Go's src/fmt/errors_test.go (TestErrorf), plus the basic verbs.
import { describe, it, expect } from "vitest";
import * as errors from "go/errors";

/** errString is Go's test type: an error that is its string. */
class ErrString extends Error {}
const es = (s: string) => new ErrString(s);

function splitErr(err: Error): readonly Error[] | null {
  const u = (err as errors.Wrapper).unwrap?.();
  return Array.isArray(u) ? u : null;
}

describe("errors.errorf (TestErrorf)", () => {
  const wrapped = errors.newError("inner error");
  const cases: { err: Error; text: string; unwrap?: Error | null; split?: Error[] }[] = [
    { err: errors.errorf("%w", wrapped), text: "inner error", unwrap: wrapped },
    { err: errors.errorf("added context: %w", wrapped), text: "added context: inner error", unwrap: wrapped },
    { err: errors.errorf("%w with added context", wrapped), text: "inner error with added context", unwrap: wrapped },
    {
      err: errors.errorf("%s %w %v", "prefix", wrapped, "suffix"),
      text: "prefix inner error suffix",
      unwrap: wrapped,
    },
    {
      err: errors.errorf("%[2]s: %[1]w", wrapped, "positional verb"),
      text: "positional verb: inner error",
      unwrap: wrapped,
    },
    { err: errors.errorf("%v", wrapped), text: "inner error" },
    { err: errors.errorf("added context: %v", wrapped), text: "added context: inner error" },
    { err: errors.errorf("%v with added context", wrapped), text: "inner error with added context" },
    { err: errors.errorf("%w is not an error", "not-an-error"), text: "%!w(string=not-an-error) is not an error" },
    {
      err: errors.errorf("wrapped two errors: %w %w", es("1"), es("2")),
      text: "wrapped two errors: 1 2",
      split: [es("1"), es("2")],
    },
    {
      err: errors.errorf("wrapped three errors: %w %w %w", es("1"), es("2"), es("3")),
      text: "wrapped three errors: 1 2 3",
      split: [es("1"), es("2"), es("3")],
    },
    {
      err: errors.errorf("wrapped nil error: %w %w %w", es("1"), null, es("2")),
      text: "wrapped nil error: 1 %!w(<nil>) 2",
      split: [es("1"), es("2")],
    },
    {
      err: errors.errorf("wrapped one non-error: %w %w %w", es("1"), "not-an-error", es("3")),
      text: "wrapped one non-error: 1 %!w(string=not-an-error) 3",
      split: [es("1"), es("3")],
    },
    {
      err: errors.errorf("wrapped errors out of order: %[3]w %[2]w %[1]w", es("1"), es("2"), es("3")),
      text: "wrapped errors out of order: 3 2 1",
      split: [es("1"), es("2"), es("3")],
    },
    {
      err: errors.errorf("wrapped several times: %[1]w %[1]w %[2]w %[1]w", es("1"), es("2")),
      text: "wrapped several times: 1 1 2 1",
      split: [es("1"), es("2")],
    },
    { err: errors.errorf("%w", null), text: "%!w(<nil>)", unwrap: null },
  ];
  for (const c of cases)
    it(c.text, () => {
      expect(errors.unwrap(c.err)).toBe(c.unwrap ?? null);
      const split = splitErr(c.err);
      if (c.split) expect(split).toEqual(c.split);
      else expect(split).toBeNull();
      expect(c.err.message).toBe(c.text);
    });

  it("keeps the identity of each wrapped error", () => {
    const a = errors.newError("a");
    const b = errors.newError("b");
    const err = errors.errorf("both: %w, %w", a, b);
    expect(errors.is(err, a) && errors.is(err, b)).toBe(true);
    expect(errors.is(errors.errorf("outer: %w", err), b)).toBe(true);
  });
});

describe("errors.errorf verbs (fmt's printing rules)", () => {
  const cases: [string, unknown[], string][] = [
    ["%d items", [3], "3 items"],
    ["%5d|%-5d|%05d", [42, 42, -42], "   42|42   |-0042"],
    ["%+d", [5], "+5"],
    ["%s=%q", ["k", 'say "hi"\n'], 'k="say \\"hi\\"\\n"'],
    ["%q", [65], "'A'"],
    ["%v %v %v %v", [null, true, 1.5, [1, "a"]], "<nil> true 1.5 [1 a]"],
    ["%v", [{ a: 1, b: "x" }], "{1 x}"],
    ["%+v", [{ a: 1, b: "x" }], "{a:1 b:x}"],
    [
      "%v",
      [
        new Map([
          ["b", 2],
          ["a", 1],
        ]),
      ],
      "map[a:1 b:2]",
    ],
    ["%x %X %#x", [255, 255, 255], "ff FF 0xff"],
    ["%x", ["hi"], "6869"],
    ["%.2f|%f|%8.3f", [3.14159, 1, 2.5], "3.14|1.000000|   2.500"],
    ["%t", [false], "false"],
    ["%T %T %T %T", ["s", 1, 1.5, errors.newError("e")], "string int float64 Error"],
    ["100%%", [], "100%"],
    ["%.3s", ["abcdef"], "abc"],
    ["%v", [0.00001], "1e-05"],
    ["%d", ["x"], "%!d(string=x)"],
    ["%s", [5], "%!s(int=5)"],
    ["%d %d", [1], "1 %!d(MISSING)"],
    ["%d", [1, 2], "1%!(EXTRA int=2)"],
    ["%d", [1, null], "1%!(EXTRA <nil>)"],
    ["%!", [], "%!!(MISSING)"],
    ["%[3]d", [1, 2], "%!d(BADINDEX)"],
    ["end%", [], "end%!(NOVERB)"],
    ["%s", [{ toString: () => "custom" }], "custom"],
    ["%w and %v", [errors.newError("x"), 1], "x and 1"],
  ];
  for (const [format, args, want] of cases)
    it(`errorf(${JSON.stringify(format)}, ...)`, () => {
      expect(errors.errorf(format, ...args).message).toBe(want);
    });
});
