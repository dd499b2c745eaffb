import * as errors from "go/errors";
import type { Duration } from "go/time";

/** ErrOpen is what the fallback gets when the breaker refuses a call without trying it. */
export const ErrOpen = errors.newError("circuit breaker is open");

/** The states of a Breaker. */
export type State = "closed" | "open" | "half-open";

/**
 * A Breaker stops calling a failing dependency. Closed, it lets calls
 * through and counts consecutive failures; threshold of them open it. Open,
 * it refuses every call (the fallback gets ErrOpen) until coolDown has
 * passed; then it is half-open and lets exactly one probe through, refusing
 * the rest while the probe runs. The probe's success closes it; its failure
 * opens it again for another coolDown.
 */
export class Breaker {
  constructor(
    readonly threshold: number,
    readonly coolDown: Duration,
  ) {}

  /** state returns the breaker's state now. */
  state(): State {
    // TODO
    return "closed";
  }

  /**
   * call runs fn if the breaker allows it and returns its result; if the
   * breaker refuses, or fn throws, it returns fallback(err) instead.
   */
  async call<T>(fn: () => Promise<T>, fallback: (err: Error) => T | Promise<T>): Promise<T> {
    // TODO: count failures, open, fail fast, let one probe through after the cool-down.
    try {
      return await fn();
    } catch (e) {
      return fallback(e as Error);
    }
  }
}
