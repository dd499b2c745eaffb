// Ported from Go's src/errors/{errors,wrap,join}_test.go and
// src/fmt/errors_test.go, table-driven as there.
import { describe, it, expect } from "vitest";
import * as errors from "go/errors";
import { GoPanic } from "go";
import * as context from "go/context";

/** wrapped is Go's test type: an error with a message that wraps one error. */
class Wrapped extends Error {
  constructor(
    msg: string,
    private readonly err: Error | null,
  ) {
    super(msg);
  }
  unwrap(): Error | null {
    return this.err;
  }
}

/** multiErr is Go's test type: it wraps a list. */
class MultiErr extends Error {
  constructor(private readonly errs: (Error | null)[]) {
    super("multiError");
  }
  unwrap(): (Error | null)[] {
    return this.errs;
  }
}

/** ErrorT is Go's errorT: a plain error type. */
class ErrorT extends Error {
  constructor(readonly s: string) {
    super(`errorT(${s})`);
  }
}

/** PathError stands in for fs.PathError (it also reports timeout()). */
class PathError extends Error {
  timeout(): boolean {
    return true;
  }
}

const poserPathErr = new PathError("poser");

/** Poser is Go's poser: it matches through is() and converts through as(). */
class Poser extends Error {
  constructor(
    msg: string,
    private readonly f: ((e: Error) => boolean) | null,
  ) {
    super(msg);
  }
  is(target: Error): boolean {
    return this.f !== null && this.f(target);
  }
  as(target: errors.Target<Error>): Error | null {
    if (target === Poser) return this;
    if (target === ErrorT) return new ErrorT("poser");
    if (target === PathError) return poserPathErr;
    return null;
  }
}

describe("errors.newError", () => {
  it("returns distinct errors for equal texts, and the text as message (TestNewEqual)", () => {
    expect(errors.newError("abc")).not.toBe(errors.newError("abc"));
    const err = errors.newError("abc");
    expect(err).toBe(err);
    expect(err.message).toBe("abc");
    expect(errors.new("xyz").message).toBe("xyz");
  });
});

describe("errors.is (TestIs)", () => {
  const err1 = errors.newError("1");
  const erra = new Wrapped("wrap 2", err1);
  const errb = new Wrapped("wrap 3", erra);
  const err3 = errors.newError("3");
  const poser = new Poser("either 1 or 3", (e) => e === err1 || e === err3);
  const cases: [Error | null, Error | null, boolean][] = [
    [null, null, true],
    [null, err1, false],
    [err1, null, false],
    [err1, err1, true],
    [erra, err1, true],
    [errb, err1, true],
    [err1, err3, false],
    [erra, err3, false],
    [errb, err3, false],
    [poser, err1, true],
    [poser, err3, true],
    [poser, erra, false],
    [poser, errb, false],
    [new MultiErr([]), err1, false],
    [new MultiErr([err1, err3]), err1, true],
    [new MultiErr([err3, err1]), err1, true],
    [new MultiErr([err1, err3]), errors.newError("x"), false],
    [new MultiErr([err3, errb]), errb, true],
    [new MultiErr([err3, errb]), erra, true],
    [new MultiErr([err3, errb]), err1, true],
    [new MultiErr([errb, err3]), err1, true],
    [new MultiErr([poser]), err1, true],
    [new MultiErr([poser]), err3, true],
    [new MultiErr([null]), null, false],
  ];
  cases.forEach(([err, target, match], i) =>
    it(`case ${i}`, () => {
      expect(errors.is(err, target)).toBe(match);
    }),
  );

  it("an is() method that says no does not stop the walk down the chain", () => {
    const inner = errors.newError("inner");
    const e = new Wrapped("outer", inner) as Wrapped & { is(t: Error): boolean };
    e.is = () => false;
    expect(errors.is(e, inner)).toBe(true);
  });

  it("sees context errors through wrapping", () => {
    const err = errors.errorf("fetch user: %w", context.DeadlineExceeded);
    expect(errors.is(err, context.DeadlineExceeded)).toBe(true);
    expect(errors.is(err, context.Canceled)).toBe(false);
  });
});

describe("errors.as (TestAs)", () => {
  const errF = new PathError("open non-existing: no such file or directory");
  const poserErr = new Poser("oh no", null);
  const isTimeout = (e: Error): e is Error & { timeout(): boolean } =>
    typeof (e as { timeout?: unknown }).timeout === "function";
  const cases: [string, Error | null, errors.Target<Error>, Error | null][] = [
    ["nil err", null, PathError, null],
    ["wrapped errorT", new Wrapped("pitied the fool", new ErrorT("T")), ErrorT, new ErrorT("T")],
    ["path error", errF, PathError, errF],
    ["errorT is no PathError", new ErrorT(""), PathError, null],
    ["wrapped nil", new Wrapped("wrapped", null), ErrorT, null],
    ["poser as errorT", new Poser("error", null), ErrorT, new ErrorT("poser")],
    ["poser as PathError", new Poser("path", null), PathError, poserPathErr],
    ["poser as itself", poserErr, Poser, poserErr],
    ["plain error is no timeout", errors.newError("err"), isTimeout, null],
    ["timeout predicate", errF, isTimeout, errF],
    ["wrapped timeout", new Wrapped("path error", errF), isTimeout, errF],
    ["empty multi", new MultiErr([]), ErrorT, null],
    ["multi, second", new MultiErr([errors.newError("a"), new ErrorT("T")]), ErrorT, new ErrorT("T")],
    ["multi, first", new MultiErr([new ErrorT("T"), errors.newError("a")]), ErrorT, new ErrorT("T")],
    ["multi, first of two", new MultiErr([new ErrorT("a"), new ErrorT("b")]), ErrorT, new ErrorT("a")],
    [
      "nested multi, depth first",
      new MultiErr([new MultiErr([errors.newError("a"), new ErrorT("a")]), new ErrorT("b")]),
      ErrorT,
      new ErrorT("a"),
    ],
    ["multi of wrapped", new MultiErr([new Wrapped("path error", errF)]), isTimeout, errF],
    ["multi of nil", new MultiErr([null]), ErrorT, null],
  ];
  for (const [name, err, target, want] of cases)
    it(name, () => {
      const got = errors.as(err, target);
      if (want === null) expect(got).toBeNull();
      else if (want instanceof ErrorT) expect(got).toEqual(want);
      else expect(got).toBe(want);
    });

  it("panics on a target that is neither a class nor a predicate (TestAsValidation)", () => {
    const err = errors.newError("error");
    for (const bad of [null, undefined, "error", 42]) {
      expect(() => errors.as(err, bad as unknown as errors.Target<Error>)).toThrow(GoPanic);
    }
    expect(() => errors.as(err, null as unknown as errors.Target<Error>)).toThrow("errors: target cannot be nil");
  });

  it("returns a typed value usable without a cast", () => {
    const pe = errors.as(errors.errorf("load: %w", errF), PathError);
    expect(pe?.timeout()).toBe(true);
  });
});

describe("errors.unwrap (TestUnwrap)", () => {
  const err1 = errors.newError("1");
  const erra = new Wrapped("wrap 2", err1);
  const cases: [Error | null, Error | null][] = [
    [null, null],
    [new Wrapped("wrapped", null), null],
    [err1, null],
    [erra, err1],
    [new Wrapped("wrap 3", erra), erra],
  ];
  cases.forEach(([err, want], i) =>
    it(`case ${i}`, () => {
      expect(errors.unwrap(err)).toBe(want);
    }),
  );

  it("does not unwrap a list", () => {
    expect(errors.unwrap(errors.join(err1, erra))).toBeNull();
  });
});

describe("errors.join (TestJoin)", () => {
  it("returns null for no errors (TestJoinReturnsNil)", () => {
    expect(errors.join()).toBeNull();
    expect(errors.join(null)).toBeNull();
    expect(errors.join(null, undefined)).toBeNull();
  });

  const err1 = errors.newError("err1");
  const err2 = errors.newError("err2");
  const cases: [(Error | null)[], Error[]][] = [
    [[err1], [err1]],
    [
      [err1, err2],
      [err1, err2],
    ],
    [
      [err1, null, err2],
      [err1, err2],
    ],
  ];
  cases.forEach(([errs, want], i) =>
    it(`case ${i}`, () => {
      const got = errors.join(...errs) as errors.JoinError;
      expect(got.unwrap()).toEqual(want);
      for (const w of want) expect(errors.is(got, w)).toBe(true);
    }),
  );

  it("joins messages with newlines (TestJoinErrorMethod)", () => {
    expect(errors.join(err1)?.message).toBe("err1");
    expect(errors.join(err1, err2)?.message).toBe("err1\nerr2");
    expect(errors.join(err1, null, err2)?.message).toBe("err1\nerr2");
  });
});
