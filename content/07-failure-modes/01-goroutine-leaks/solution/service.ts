import { go, makeChan, select } from "go";
import type { RecvChan } from "go";
import * as time from "go/time";
import * as context from "go/context";
import type { Context } from "go/context";

/** A Backend answers a price request after some time. */
export type Backend = () => Promise<number>;

/**
 * lookup asks backend for a price and returns [price, null], or
 * [0, ctx.err()] if ctx ends first. It must not leave a goroutine behind.
 */
export async function lookup(ctx: Context, backend: Backend): Promise<[number, Error | null]> {
  // Buffered: the backend goroutine can always deliver its answer and exit,
  // even after the caller has given up and nobody receives any more.
  const answer = makeChan<number>(1);
  go(async () => {
    await answer.send(await backend());
  }, "lookup");
  return select(
    answer.recvCase((price): [number, Error | null] => [price ?? 0, null]),
    ctx.done().recvCase((): [number, Error | null] => [0, ctx.err()]),
  );
}

/**
 * prices sends the price of each item on the returned channel, in order, and
 * closes it when done. It stops (and closes) as soon as ctx ends.
 */
export function prices(ctx: Context, items: string[], price: (item: string) => Promise<number>): RecvChan<number> {
  const out = makeChan<number>();
  go(async () => {
    try {
      for (const item of items) {
        const p = await price(item);
        // Nobody may be receiving any more: wait for either.
        const sent = await select(
          out.sendCase(p, () => true),
          ctx.done().recvCase(() => false),
        );
        if (!sent) return;
      }
    } finally {
      out.close();
    }
  }, "prices");
  return out;
}

/**
 * firstBelow returns the first price below limit among items, or null if
 * there is none. It stops the producer when it returns.
 */
export async function firstBelow(
  parent: Context,
  items: string[],
  price: (item: string) => Promise<number>,
  limit: number,
): Promise<number | null> {
  const [ctx, cancel] = context.withCancel(parent);
  try {
    for await (const p of prices(ctx, items, price)) {
      if (p < limit) return p;
    }
    return null;
  } finally {
    cancel(); // tells prices to stop: nobody will receive its next value
  }
}

/**
 * heartbeat calls beat every interval, in its own goroutine, until ctx ends;
 * then its goroutine exits at once.
 */
export function heartbeat(ctx: Context, interval: time.Duration, beat: () => void): void {
  go(async () => {
    const ticker = time.newTicker(interval);
    try {
      for (;;) {
        const alive = await select(
          ticker.c.recvCase(() => true),
          ctx.done().recvCase(() => false),
        );
        if (!alive) return;
        beat();
      }
    } finally {
      ticker.stop();
    }
  }, "heartbeat");
}
