import { GoPanic } from "go";

/**
 * PanicNilError is what recovered returns for panic(null) (Go 1.21+:
 * *runtime.PanicNilError), so that a recovered panic is never null.
 */
export class PanicNilError extends Error {
  constructor() {
    super("panic called with nil argument");
    this.name = "PanicNilError";
  }
}

/**
 * recovered returns what Go's recover() would return for the exception e
 * caught in a catch block: the value passed to panic(v), or the exception
 * itself for a runtime error (a thrown TypeError is this program's
 * nil-pointer dereference). As in Go, a fatal error (such as unlocking an
 * unlocked mutex) cannot be recovered: recovered throws it again.
 */
export function recovered(e: unknown): unknown {
  if (e instanceof GoPanic) {
    if (e.fatal) throw e;
    return e.value ?? new PanicNilError();
  }
  return e ?? new PanicNilError();
}

/** PanicError is a recovered panic turned into an error. */
export class PanicError extends Error {
  /** The recovered value (what recover() returned). */
  readonly value: unknown;
  constructor(value: unknown) {
    super(`panic: ${value instanceof Error ? value.message : String(value)}`);
    this.name = "PanicError";
    this.value = value;
  }
  /** unwrap returns the recovered value when it is an error, so errors.is finds it. */
  unwrap(): Error | null {
    return this.value instanceof Error ? this.value : null;
  }
}
