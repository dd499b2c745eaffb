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
  // TODO (leak 1): after a timeout nobody receives from answer, so the
  // goroutine blocks on its send forever. Let it always deliver and exit.
  const answer = makeChan<number>();
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
    // TODO (leak 2): this send waits for a receiver that may be gone; give
    // up when ctx ends (select between the send and ctx.done()).
    for (const item of items) {
      await out.send(await price(item));
    }
    out.close();
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
  // TODO (leak 2): returning early abandons prices' goroutine. Derive a
  // context you cancel whenever firstBelow returns.
  for await (const p of prices(parent, items, price)) {
    if (p < limit) return p;
  }
  return null;
}

/**
 * heartbeat calls beat every interval, in its own goroutine, until ctx ends;
 * then its goroutine exits at once.
 */
export function heartbeat(ctx: Context, interval: time.Duration, beat: () => void): void {
  // TODO (leak 3): time.tick can never be stopped and this loop never ends.
  // Use time.newTicker, select on its channel and ctx.done(), stop it on the way out.
  go(async () => {
    for await (const _ of time.tick(interval)) {
      beat();
    }
  }, "heartbeat");
}
