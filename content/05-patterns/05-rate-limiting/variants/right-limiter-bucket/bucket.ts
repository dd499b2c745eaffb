import * as rate from "go/x/time/rate";
import type * as time from "go/time";
import type { Context } from "go/context";

/** A Bucket is a token bucket backed by golang.org/x/time/rate. */
export class Bucket {
  /** @internal Use newBucket. */
  constructor(private readonly lim: rate.Limiter) {}

  /** take waits for a token and returns null, or an error if ctx ends (or would end) first. */
  take(ctx: Context): Promise<Error | null> {
    // Limiter.wait fails at once when the deadline comes before the token.
    return this.lim.wait(ctx);
  }

  /** stop does nothing: a Limiter has no goroutine. */
  stop(): void {}
}

/** newBucket returns a full Bucket of burst tokens that gains one token every interval. */
export function newBucket(interval: time.Duration, burst: number): Bucket {
  return new Bucket(rate.newLimiter(rate.every(interval), burst));
}
