import * as errors from "go/errors";
import * as time from "go/time";
import type { Duration, Time } from "go/time";

/** ErrOpen is what the fallback gets when the breaker refuses a call without trying it. */
export const ErrOpen = errors.newError("circuit breaker is open");

/** The states of a Breaker. */
export type State = "closed" | "open" | "half-open";

/** A Breaker with an explicit state field and the time the open state ends. */
export class Breaker {
  private st: State = "closed";
  private streak = 0;
  private reopenAt: Time = time.now();
  private probeInFlight = false;

  constructor(
    readonly threshold: number,
    readonly coolDown: Duration,
  ) {}

  /** state returns the state now: an open breaker whose cool-down is over is half-open. */
  state(): State {
    if (this.st === "open" && !time.now().before(this.reopenAt)) this.st = "half-open";
    return this.st;
  }

  private trip(): void {
    this.st = "open";
    this.reopenAt = time.now().add(this.coolDown);
  }

  /** call runs fn if allowed; otherwise, or if fn throws, it returns fallback(err). */
  async call<T>(fn: () => Promise<T>, fallback: (err: Error) => T | Promise<T>): Promise<T> {
    switch (this.state()) {
      case "open":
        return fallback(ErrOpen);
      case "half-open": {
        if (this.probeInFlight) return fallback(ErrOpen);
        this.probeInFlight = true;
        try {
          const v = await fn();
          this.st = "closed";
          this.streak = 0;
          return v;
        } catch (e) {
          this.trip();
          return fallback(e as Error);
        } finally {
          this.probeInFlight = false;
        }
      }
      case "closed":
        try {
          const v = await fn();
          this.streak = 0;
          return v;
        } catch (e) {
          if (++this.streak >= this.threshold) this.trip();
          return fallback(e as Error);
        }
    }
  }
}
