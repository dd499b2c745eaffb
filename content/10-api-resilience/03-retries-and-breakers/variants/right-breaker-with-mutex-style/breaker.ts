import * as errors from "go/errors";
import * as time from "go/time";
import type { Duration } from "go/time";

/** ErrOpen is what the fallback gets when the breaker refuses a call without trying it. */
export const ErrOpen = errors.newError("circuit breaker is open");

/** The states of a Breaker. */
export type State = "closed" | "open" | "half-open";

/**
 * A Breaker in the style of sony/gobreaker: before() decides and reserves,
 * after() records the outcome. Times are measured on the virtual clock in
 * nanoseconds since the breaker was made.
 */
export class Breaker {
  private readonly born = time.now();
  private consecutive = 0;
  private openSince = -1; // ns since born; -1 means closed
  private halfOpenBusy = false;

  constructor(
    readonly threshold: number,
    readonly coolDown: Duration,
  ) {}

  private nowNs(): number {
    return time.since(this.born);
  }

  /** state returns the breaker's state now. */
  state(): State {
    if (this.openSince < 0) return "closed";
    return this.halfOpenBusy || this.nowNs() - this.openSince >= this.coolDown ? "half-open" : "open";
  }

  /** before returns whether the call may run, and whether it is the probe. */
  private before(): [allowed: boolean, probe: boolean] {
    const st = this.state();
    if (st === "closed") return [true, false];
    if (st === "open" || this.halfOpenBusy) return [false, false];
    this.halfOpenBusy = true;
    return [true, true];
  }

  private after(probe: boolean, ok: boolean): void {
    if (probe) this.halfOpenBusy = false;
    if (ok) {
      this.consecutive = 0;
      this.openSince = -1;
      return;
    }
    this.consecutive++;
    if (probe || this.consecutive >= this.threshold) this.openSince = this.nowNs();
  }

  /** call runs fn if allowed; otherwise, or if fn throws, it returns fallback(err). */
  async call<T>(fn: () => Promise<T>, fallback: (err: Error) => T | Promise<T>): Promise<T> {
    const [allowed, probe] = this.before();
    if (!allowed) return fallback(ErrOpen);
    let v: T;
    try {
      v = await fn();
    } catch (e) {
      this.after(probe, false);
      return fallback(e as Error);
    }
    this.after(probe, true);
    return v;
  }
}
