import { go, makeChan } from "go";
import { WaitGroup } from "go/sync";
import * as rate from "go/x/time/rate";
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
 * sendAll sends every message through send on opts.workers goroutines that
 * share one limiter, and returns how many were sent and the first error.
 */
export async function sendAll(
  ctx: Context,
  msgs: string[],
  opts: Options,
  send: (msg: string) => Promise<void>,
): Promise<[number, Error | null]> {
  const lim = rate.newLimiter(opts.r, opts.burst);
  const queue = makeChan<string>(msgs.length);
  for (const m of msgs) await queue.send(m);
  queue.close();
  const wg = new WaitGroup();
  let sent = 0;
  let first: Error | null = null;
  for (let w = 0; w < opts.workers; w++) {
    wg.add(1);
    go(async () => {
      try {
        for await (const m of queue) {
          const err = await lim.wait(ctx);
          if (err) {
            first ??= err;
            continue; // drain: the other messages fail the same way
          }
          await send(m);
          sent++;
        }
      } finally {
        wg.done();
      }
    });
  }
  await wg.wait();
  return [sent, first];
}
