// Package "go/errors": creating, wrapping and inspecting errors (Go: errors,
// plus fmt.Errorf as errorf).
//
//   Go                                       TypeScript
//   var ErrNotFound = errors.New("not found") const ErrNotFound = errors.newError("not found")  (or errors.new)
//   fmt.Errorf("load %s: %w", name, err)      errors.errorf("load %s: %w", name, err)
//   errors.Is(err, ErrNotFound)               errors.is(err, ErrNotFound)
//   var pe *PathError; errors.As(err, &pe)    const pe = errors.as(err, PathError)
//   errors.Join(err1, err2)                   errors.join(err1, err2)
//
// Errors are JavaScript Errors; err.message is Go's err.Error(). An error
// wraps others through an unwrap() method returning one error (or null) or an
// array of errors, and may say what it matches through is(target) and
// as(target) methods, like Go's Unwrap/Is/As methods. Error's standard
// `cause` is not followed: Go only follows Unwrap.
import { GoPanic } from "./internal/panic";
import { sprintf as sprintfImpl } from "./internal/fmt";

/** What an error may implement to take part in is/as/unwrap (Go's optional methods). */
export interface Wrapper {
  /** unwrap returns the wrapped error, null, or the list of wrapped errors (Go: Unwrap() error / Unwrap() []error). */
  unwrap?(): Error | null | undefined | readonly (Error | null | undefined)[];
  /** is reports whether this error matches target (Go: Is(error) bool). Compare shallowly; do not unwrap. */
  is?(target: Error): boolean;
  /** as returns this error seen as target's type, or null (Go: As(any) bool). */
  as?(target: Target<Error>): Error | null | undefined;
}

/**
 * The second argument of as: an error class (matched with instanceof) or a
 * type predicate ((e): e is MyError => ...). TypeScript has no pointer to
 * pass as Go's &target, so as returns the match instead.
 */
export type Target<T extends Error> = (abstract new (...args: never[]) => T) | ((err: Error) => err is T);

/**
 * newError returns an error whose message is text (Go: errors.New). Each
 * call returns a distinct error, even for equal texts: compare errors with
 * is, not by message.
 */
export function newError(text: string): Error {
  return new Error(text);
}

export { newError as new };

/**
 * ErrUnsupported indicates that a requested operation cannot be performed,
 * because it is unsupported (Go: errors.ErrUnsupported).
 */
export const ErrUnsupported: Error = newError("unsupported operation");

type Maybe = Error | null | undefined;

function unwrapAny(err: Error): Maybe | readonly Maybe[] {
  const u = (err as Wrapper).unwrap;
  return typeof u === "function" ? u.call(err) : undefined;
}

/**
 * unwrap returns the result of err.unwrap() when that is a single error,
 * else null (Go: errors.Unwrap). It does not unwrap errors returned by join,
 * which wrap a list.
 */
export function unwrap(err: Maybe): Error | null {
  if (!err) return null;
  const u = unwrapAny(err);
  return u instanceof Error ? u : null;
}

/**
 * is reports whether any error in err's tree matches target (Go:
 * errors.Is). The tree is err, then, depth first, what unwrap() returns.
 * An error matches if it is target (===) or if its is(target) method
 * returns true. is(null, null) is true.
 */
export function is(err: Maybe, target: Maybe): boolean {
  if (!err || !target) return (err ?? null) === (target ?? null);
  for (let e: Maybe = err; e;) {
    if (e === target) return true;
    const isFn: Wrapper["is"] = (e as Wrapper).is;
    if (typeof isFn === "function" && isFn.call(e, target)) return true;
    const u = unwrapAny(e);
    if (Array.isArray(u)) return u.some((x: Maybe) => x != null && is(x, target));
    e = u as Maybe;
  }
  return false;
}

function isClass(t: Target<Error>): boolean {
  return t === Error || t.prototype instanceof Error || /^class[\s{]/.test(Function.prototype.toString.call(t));
}

/**
 * as finds the first error in err's tree that matches target and returns
 * it, or null (Go: errors.As, which sets *target instead). target is an
 * error class (the match is instanceof it) or a type predicate. An error
 * whose as(target) method returns an error also matches; that result is
 * returned. Panics if target is neither a class nor a function.
 */
export function as<T extends Error>(err: Maybe, target: Target<T>): T | null {
  if (typeof target !== "function") {
    throw new GoPanic(
      target == null ? "errors: target cannot be nil" : "errors: target must be a class or a type predicate",
    );
  }
  if (!err) return null;
  const matches = isClass(target)
    ? (e: Error): e is T => e instanceof (target as abstract new (...args: never[]) => T)
    : (target as (err: Error) => err is T);
  return find(err, target, matches);
}

function find<T extends Error>(err: Error, target: Target<T>, matches: (e: Error) => e is T): T | null {
  for (let e: Maybe = err; e;) {
    if (matches(e)) return e;
    const asFn = (e as Wrapper).as;
    if (typeof asFn === "function") {
      const r = asFn.call(e, target as Target<Error>);
      if (r) return r as T;
    }
    const u = unwrapAny(e);
    if (Array.isArray(u)) {
      for (const x of u as readonly Maybe[]) {
        const r = x ? find(x, target, matches) : null;
        if (r) return r;
      }
      return null;
    }
    e = u as Maybe;
  }
  return null;
}

/** JoinError is the error join returns: its message is the messages joined by newlines (Go: *errors.joinError). */
export class JoinError extends Error {
  /** The joined errors, nulls dropped. */
  readonly errs: readonly Error[];
  constructor(errs: readonly Error[]) {
    super(errs.map((e) => e.message).join("\n"));
    this.name = "JoinError";
    this.errs = errs;
  }
  /** unwrap returns the joined errors (Go: Unwrap() []error). */
  unwrap(): readonly Error[] {
    return this.errs;
  }
}

/**
 * join returns an error that wraps the given errors, dropping null and
 * undefined (Go: errors.Join). It returns null if every error is null. Its
 * message joins the messages with newlines.
 */
export function join(...errs: Maybe[]): Error | null {
  const kept = errs.filter((e): e is Error => e instanceof Error);
  return kept.length === 0 ? null : new JoinError(kept);
}

/** WrapError is what errorf returns for one %w: unwrap() gives the wrapped error (Go: *fmt.wrapError). */
export class WrapError extends Error {
  private readonly err: Error | null;
  constructor(msg: string, err: Error | null) {
    super(msg);
    this.name = "WrapError";
    this.err = err;
  }
  /** unwrap returns the wrapped error, or null (Go: Unwrap() error). */
  unwrap(): Error | null {
    return this.err;
  }
}

/** WrapErrors is what errorf returns for several %w: unwrap() gives them all (Go: *fmt.wrapErrors). */
export class WrapErrors extends Error {
  private readonly errs: readonly Error[];
  constructor(msg: string, errs: readonly Error[]) {
    super(msg);
    this.name = "WrapErrors";
    this.errs = errs;
  }
  /** unwrap returns the wrapped errors (Go: Unwrap() []error). */
  unwrap(): readonly Error[] {
    return this.errs;
  }
}

/**
 * errorf formats according to a Go format string and returns the text as an
 * error (Go: fmt.Errorf). Each %w takes an error and wraps it: with one, the
 * result's unwrap() returns it; with several, unwrap() returns them all in
 * argument order. %w with anything but an Error prints %!w(type=value). Verbs:
 * %v %+v %s %d %q %x %X %t %f %e %g %T %w %%, with flags, width, precision
 * and %[n] indexes.
 */
export function errorf(format: string, ...args: unknown[]): Error {
  const p = sprintfImpl(format, args, true);
  if (p.wrapped.length === 0) return newError(p.text);
  if (p.wrapped.length === 1) {
    const e = args[p.wrapped[0]!];
    return new WrapError(p.text, e instanceof Error ? e : null);
  }
  const idx = p.reordered ? [...p.wrapped].sort((a, b) => a - b) : p.wrapped;
  const errs: Error[] = [];
  idx.forEach((k, i) => {
    if (i > 0 && idx[i - 1] === k) return;
    const e = args[k];
    if (e instanceof Error) errs.push(e);
  });
  return new WrapErrors(p.text, errs);
}
