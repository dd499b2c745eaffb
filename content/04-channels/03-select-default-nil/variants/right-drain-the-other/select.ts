import { defaultCase, go, makeChan, select } from "go";
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
  for (;;) {
    const [v, got] = await select(
      ch.recvCase((v): [T | undefined, boolean] => [v, true]),
      defaultCase((): [T | undefined, boolean] => [undefined, false]),
    );
    if (!got) return current;
    current = v as T;
  }
}

/**
 * merge forwards every value from a and b to the returned channel as it
 * arrives, and closes that channel once both a and b are closed.
 */
export function merge<T>(a: RecvChan<T>, b: RecvChan<T>): RecvChan<T> {
  const out = makeChan<T>();
  go(async () => {
    for (;;) {
      const [v, ok, rest] = await select(
        a.recvCase((v, ok): [T | undefined, boolean, RecvChan<T>] => [v, ok, b]),
        b.recvCase((v, ok): [T | undefined, boolean, RecvChan<T>] => [v, ok, a]),
      );
      if (!ok) {
        for await (const w of rest) await out.send(w);
        break;
      }
      await out.send(v as T);
    }
    out.close();
  }, "merge");
  return out;
}
