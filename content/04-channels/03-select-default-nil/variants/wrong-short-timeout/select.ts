import { defaultCase, go, makeChan, nilChan, select } from "go";
import * as time from "go/time";
import type { Chan, RecvChan } from "go";

/**
 * offer sends e on q if that can happen right now: into free buffer space,
 * or to a receiver already waiting. It never blocks: when q is full it drops
 * e and returns false.
 */
export async function offer<T>(q: Chan<T>, e: T): Promise<boolean> {
  return select(
    q.sendCase(e, () => true),
    time.after(time.Millisecond).recvCase(() => false),
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
    let [x, y] = [a, b];
    const none = nilChan<T>(); // a nil channel is never ready: its case is off
    while (x !== none || y !== none) {
      const [v, ok, from] = await select(
        x.recvCase((v, ok): [T | undefined, boolean, "a" | "b"] => [v, ok, "a"]),
        y.recvCase((v, ok): [T | undefined, boolean, "a" | "b"] => [v, ok, "b"]),
      );
      if (!ok) {
        // Closed: switch this case off, keep serving the other one.
        if (from === "a") x = none;
        else y = none;
        continue;
      }
      await out.send(v as T);
    }
    out.close();
  }, "merge");
  return out;
}
