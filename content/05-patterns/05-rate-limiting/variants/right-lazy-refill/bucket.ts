import { select } from "go";
import * as time from "go/time";
import type { Context } from "go/context";

/**
 * A Bucket is a token bucket that refills lazily: tokens are counted from
 * the clock when someone asks, so no goroutine runs in the background.
 */
export class Bucket {
  private tokens: number;
  private last = time.now();

  /** @internal Use newBucket. */
  constructor(
    private readonly interval: time.Duration,
    private readonly burst: number,
  ) {
    this.tokens = burst;
  }

  private refill(): void {
    const earned = Math.floor(time.since(this.last) / this.interval);
    this.last = this.last.add(earned * this.interval); // keep the ticks' phase
    this.tokens = Math.min(this.burst, this.tokens + earned);
  }

  /** take waits for a token and returns null, or ctx.err() if ctx ends first. */
  async take(ctx: Context): Promise<Error | null> {
    for (;;) {
      this.refill();
      if (this.tokens > 0) {
        this.tokens--;
        return null;
      }
      const next = this.interval - time.since(this.last);
      const err = await select(
        time.after(next).recvCase(() => null),
        ctx.done().recvCase(() => ctx.err()),
      );
      if (err) return err;
    }
  }

  /** stop does nothing: there is no goroutine to end. */
  stop(): void {}
}

/** newBucket returns a full Bucket of burst tokens that gains one token every interval. */
export function newBucket(interval: time.Duration, burst: number): Bucket {
  return new Bucket(interval, burst);
}
