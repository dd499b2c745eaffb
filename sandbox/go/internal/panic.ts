// Go panics as JavaScript exceptions.

/**
 * GoPanic is the exception thrown by panic() and by runtime errors such as a
 * send on a closed channel. message holds the panic value as text, without the
 * "panic: " prefix. When it escapes a goroutine the whole bubble fails with
 * "panic: <message>" (or "fatal error: <message>" when fatal is true).
 */
export class GoPanic extends Error {
  /** The value passed to panic(). */
  readonly value: unknown;
  /** Fatal errors (e.g. unlock of an unlocked mutex) cannot be recovered. */
  readonly fatal: boolean;
  constructor(value: unknown, fatal = false) {
    super(panicText(value));
    this.name = fatal ? "GoFatalError" : "GoPanic";
    this.value = value;
    this.fatal = fatal;
  }
}

/** panicText formats a panic value the way Go prints it. */
export function panicText(value: unknown): string {
  if (value instanceof Error) return value.message;
  if (typeof value === "string") return value;
  try {
    const s = JSON.stringify(value);
    return s === undefined ? String(value) : s;
  } catch {
    return String(value);
  }
}

/** isGoPanic reports whether e is a GoPanic. */
export function isGoPanic(e: unknown): e is GoPanic {
  return e instanceof GoPanic;
}
