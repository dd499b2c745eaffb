import * as errors from "go/errors";
import * as time from "go/time";
import type { Duration, Time } from "go/time";

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
  private failures = 0;
  private openedAt: Time | null = null; // null: closed
  private probing = false;

  constructor(
    readonly threshold: number,
    readonly coolDown: Duration,
  ) {}

  /** state returns the breaker's state now. */
  state(): State {
    if (this.openedAt === null) return "closed";
    if (this.probing || time.since(this.openedAt) >= this.coolDown) return "half-open";
    return "open";
  }

  /**
   * call runs fn if the breaker allows it and returns its result; if the
   * breaker refuses, or fn throws, it returns fallback(err) instead.
   */
  async call<T>(fn: () => Promise<T>, fallback: (err: Error) => T | Promise<T>): Promise<T> {
    const st = this.state();
    if (st === "open" || (st === "half-open" && this.probing)) return fallback(ErrOpen);
    const probe = st === "half-open";
    if (probe) this.probing = true;
    try {
      const v = await fn();
      this.failures = 0;
      this.openedAt = null;
      return v;
    } catch (e) {
      this.failures++;
      if (probe || this.failures >= this.threshold) this.openedAt = time.now();
      return fallback(e as Error);
    } finally {
      if (probe) this.probing = false;
    }
  }
}
