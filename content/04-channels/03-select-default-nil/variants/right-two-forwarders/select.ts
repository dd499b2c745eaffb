import { defaultCase, go, makeChan, select } from "go";
import { WaitGroup } from "go/sync";
import type { Chan, RecvChan } from "go";

/**
 * offer sends e on q if that can happen right now: into free buffer space,
 * or to a receiver already waiting. It never blocks: when q is full it drops
 * e and returns false.
 */
export async function offer<T>(q: Chan<T>, e: T): Promise<boolean> {
  return select(
    q.sendCase(e, () => true),
    defaultCase(() => false),
  );
}

/**
 * latest returns the most recent value waiting in ch, receiving (and so
 * discarding) every older one, or current when nothing is waiting. It never
 * blocks. ch is never closed.
 */
export async function latest<T>(ch: RecvChan<T>, current: T): Promise<T> {
  let more = true;
  while (more) {
    more = await select(
      ch.recvCase((v) => {
        current = v as T;
        return true;
      }),
      defaultCase(() => false),
    );
  }
  return current;
}

/**
 * merge forwards every value from a and b to the returned channel as it
 * arrives, and closes that channel once both a and b are closed.
 */
export function merge<T>(a: RecvChan<T>, b: RecvChan<T>): RecvChan<T> {
  const out = makeChan<T>();
  const wg = new WaitGroup();
  for (const input of [a, b]) {
    wg.add(1);
    go(async () => {
      try {
        for await (const v of input) await out.send(v);
      } finally {
        wg.done();
      }
    }, "forward");
  }
  go(async () => {
    await wg.wait();
    out.close();
  }, "closer");
  return out;
}
