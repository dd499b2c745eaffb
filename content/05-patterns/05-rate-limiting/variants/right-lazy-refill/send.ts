import * as rate from "go/x/time/rate";
import * as errgroup from "go/x/sync/errgroup";
import type { Context } from "go/context";

/** Options bound how fast sendAll sends. */
export interface Options {
  /** The rate, in messages per second (rate.every(interval) converts). */
  r: rate.Limit;
  /** How many messages may go out at once after a quiet spell. */
  burst: number;
  /** At most this many sends in flight. */
  workers: number;
}

/**
 * sendAll sends every message through send, on at most opts.workers
 * goroutines, never faster than opts.r with bursts of opts.burst across all
 * of them. It returns how many messages were sent and the first error (null
 * if all were sent). Every message whose turn comes before ctx ends is sent;
 * the others are not.
 */
export async function sendAll(
  ctx: Context,
  msgs: string[],
  opts: Options,
  send: (msg: string) => Promise<void>,
): Promise<[number, Error | null]> {
  // One limiter for everyone: the rate is global, not per goroutine.
  const lim = rate.newLimiter(opts.r, opts.burst);
  // A plain Group: a wait that fails must not cancel the sends whose
  // tokens are already reserved before the deadline.
  const g = new errgroup.Group();
  g.setLimit(opts.workers);
  let sent = 0;
  for (const msg of msgs) {
    await g.go(async () => {
      const err = await lim.wait(ctx);
      if (err) return err;
      await send(msg);
      sent++;
      return null;
    });
  }
  const err = await g.wait();
  return [sent, err];
}
