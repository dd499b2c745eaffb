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
    return this.tokens.recv().then(() => ctx.err());
  }

  /** stop ends the refilling goroutine and its ticker. Call it once. */
  stop(): void {
    this.quit.close();
  }
}

/** newBucket returns a full Bucket of burst tokens that gains one token every interval. */
export function newBucket(interval: time.Duration, burst: number): Bucket {
  // The buffer is the bucket: its capacity is the burst.
  const tokens = makeChan<void>(burst);
  const quit = makeChan<void>();
  go(async () => {
    for (let i = 0; i < burst; i++) await tokens.send(); // starts full
    const ticker = time.newTicker(interval);
    try {
      for (;;) {
        const more = await select(
          ticker.c.recvCase(() => true),
          quit.recvCase(() => false),
        );
        if (!more) return;
        // A full bucket drops the token: never block here, or the bucket
        // would hand out one token more than burst and miss quit.
        await select(
          tokens.sendCase(undefined, () => {}),
          defaultCase(() => {}),
        );
      }
    } finally {
      ticker.stop();
    }
  }, "bucket refill");
  return new Bucket(tokens, quit);
}
