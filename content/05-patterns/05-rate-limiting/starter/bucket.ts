import { defaultCase, go, makeChan, select } from "go";
import type { Chan } from "go";
import * as time from "go/time";
import type { Context } from "go/context";

/**
 * A Bucket is a token bucket: it holds at most burst tokens, starts full,
 * and a goroutine adds one token every interval while it is not full.
 * Each event takes one token.
 */
export class Bucket {
  /** @internal Use newBucket. */
  constructor(
    private readonly tokens: Chan<void>,
    private readonly quit: Chan<void>,
  ) {}

  /**
   * take waits for a token and returns null, or returns ctx.err() if ctx
   * ends first (then no token is taken).
   */
  take(ctx: Context): Promise<Error | null> {
    // TODO: select between receiving a token and ctx.done().
    return this.tokens.recv().then(() => null);
  }

  /** stop ends the refilling goroutine and its ticker. Call it once. */
  stop(): void {
    // TODO: tell the refilling goroutine to return (close quit).
  }
}

/** newBucket returns a full Bucket of burst tokens that gains one token every interval. */
export function newBucket(interval: time.Duration, burst: number): Bucket {
  const tokens = makeChan<void>(burst);
  const quit = makeChan<void>();
  // TODO: start a goroutine that fills the bucket, then adds a token on
  // every tick of a time.newTicker(interval) (dropping it when the bucket is
  // full) until quit is closed, and stops its ticker.
  return new Bucket(tokens, quit);
}
