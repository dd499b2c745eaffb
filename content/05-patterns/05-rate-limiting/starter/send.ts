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
  // TODO: one rate.newLimiter(opts.r, opts.burst) shared by every goroutine,
  // at most opts.workers goroutines (errgroup with setLimit), and
  // `await lim.wait(ctx)` before each send, stopping at its first error.
  let sent = 0;
  for (const msg of msgs) {
    await send(msg);
    sent++;
  }
  return [sent, null];
}
