import { go } from "go";
import type { Context } from "go/context";
import { WaitGroup } from "go/sync";
import * as time from "go/time";
import type { Broker, Delivery, Message } from "./broker";

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
  return Math.min(opts.baseBackoff * 2 ** (attempt - 1), opts.maxBackoff);
}

/**
 * consume handles the broker's deliveries with opts.workers goroutines until
 * ctx is done, and returns once every worker has finished its last delivery.
 * A failed delivery is nacked with exponential backoff, and dead-lettered
 * after opts.maxAttempts. A message is applied at most once: copies of a
 * message that is done, or being handled, are acked without handling.
 */
export async function consume(ctx: Context, broker: Broker, handle: Handler, opts: Options): Promise<void> {
  // Message id -> "running" while a copy is being handled, "done" once applied.
  const state = new Map<string, "running" | "done">();

  async function process(d: Delivery): Promise<void> {
    const id = d.message.id;
    if (state.has(id)) {
      d.ack(); // a duplicate: applied already, or the copy in flight will be retried if it fails
      return;
    }
    state.set(id, "running"); // before the first await, so a concurrent copy sees it
    let err: Error | null;
    try {
      err = await handle(d.message);
    } catch (e) {
      err = e instanceof Error ? e : new Error(String(e)); // a panicking handler is a failed attempt
    }
    if (!err) {
      state.set(id, "done");
      d.ack();
      return;
    }
    state.delete(id); // not applied: a later copy may try
    if (d.attempt >= opts.maxAttempts) {
      broker.deadLetter(d, err);
      d.ack();
      return;
    }
    d.nack(backoff(d.attempt, opts)); // the broker redelivers; this worker moves on
  }

  const wg = new WaitGroup();
  for (let i = 0; i < opts.workers; i++) {
    wg.add(1);
    go(async () => {
      try {
        for (;;) {
          const [d] = await broker.receive(ctx);
          if (!d) return;
          await process(d);
        }
      } finally {
        wg.done();
      }
    }, "worker");
  }
  void wg; // the workers run on
}
