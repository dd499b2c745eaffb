import { go, makeChan, select } from "go";
import type { Chan, RecvChan } from "go";

/**
 * offer sends e on q if that can happen right now: into free buffer space,
 * or to a receiver already waiting. It never blocks: when q is full it drops
 * e and returns false.
 */
export async function offer<T>(q: Chan<T>, e: T): Promise<boolean> {
  // TODO: a select with a send case and a default case (import defaultCase
  // from "go").
  await q.send(e);
  return true;
}

/**
 * latest returns the most recent value waiting in ch, receiving (and so
 * discarding) every older one, or current when nothing is waiting. It never
 * blocks. ch is never closed.
 */
export async function latest<T>(ch: RecvChan<T>, current: T): Promise<T> {
  // TODO: receive without blocking (select with a default case) until
  // nothing is waiting; keep the last value received.
  return current;
}

/**
 * merge forwards every value from a and b to the returned channel as it
 * arrives, and closes that channel once both a and b are closed.
 */
export function merge<T>(a: RecvChan<T>, b: RecvChan<T>): RecvChan<T> {
  const out = makeChan<T>();
  go(async () => {
    // TODO: keep selecting until both are closed. A closed channel is always
    // ready: switch its case off with a nil channel (nilChan<T>() from "go"),
    // do not loop on it.
    for (;;) {
      const [v, ok] = await select(
        a.recvCase((v, ok): [T | undefined, boolean] => [v, ok]),
        b.recvCase((v, ok): [T | undefined, boolean] => [v, ok]),
      );
      if (!ok) break;
      await out.send(v as T);
    }
    out.close();
  }, "merge");
  return out;
}
