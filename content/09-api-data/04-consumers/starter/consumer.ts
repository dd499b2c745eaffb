import type { Context } from "go/context";
import * as time from "go/time";
import type { Broker, Message } from "./broker";

/** Handler applies one message; it returns an error (or throws) when it failed. */
export type Handler = (m: Message) => Promise<Error | null>;

/** Options of consume. */
export interface Options {
  /** How many deliveries are handled at once. */
  workers: number;
  /** Attempts per message before it goes to the dead-letter queue. */
  maxAttempts: number;
  /** The wait before the 2nd attempt; it doubles for each later one. */
  baseBackoff: time.Duration;
  /** The longest wait between attempts. */
  maxBackoff: time.Duration;
}

/** backoff returns the wait after a failed attempt: base, 2*base, 4*base, ..., at most max. */
export function backoff(attempt: number, opts: Options): time.Duration {
  // TODO
  void attempt;
  return opts.baseBackoff;
}

/**
 * consume handles the broker's deliveries with opts.workers goroutines until
 * ctx is done, and returns once every worker has finished its last delivery.
 * A failed delivery is nacked with exponential backoff, and dead-lettered
 * after opts.maxAttempts. A message is applied at most once: copies of a
 * message that is done, or being handled, are acked without handling.
 */
export async function consume(ctx: Context, broker: Broker, handle: Handler, opts: Options): Promise<void> {
  // TODO: opts.workers goroutines that receive until ctx is done, and wait for
  // them (a WaitGroup). Ack a success; nack a failure (or a throw) with
  // backoff(d.attempt, opts); after opts.maxAttempts, broker.deadLetter and
  // ack. Apply each message id at most once: ack copies of a message that is
  // done or being handled.
  for (;;) {
    const [d] = await broker.receive(ctx);
    if (!d) return;
    await handle(d.message);
    d.ack();
  }
}
