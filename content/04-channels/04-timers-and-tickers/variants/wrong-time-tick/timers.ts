import { defaultCase, go, makeChan, select } from "go";
import type { RecvChan } from "go";
import * as time from "go/time";

/**
 * heartbeat sends the time on the returned channel every interval, until
 * done is closed; then it stops its ticker and closes the channel. A beat is
 * delivered only to a receiver waiting for it at that moment: heartbeat
 * never blocks on a beat nobody takes, it drops it.
 */
export function heartbeat(done: RecvChan<void>, interval: time.Duration): RecvChan<time.Time> {
  const beats = makeChan<time.Time>();
  go(async () => {
    const tick = time.tick(interval);
    try {
      for (;;) {
        const [stop, now] = await select(
          done.recvCase((): [boolean, time.Time | undefined] => [true, undefined]),
          tick.recvCase((t): [boolean, time.Time | undefined] => [false, t]),
        );
        if (stop) return;
        // Nobody listening right now: drop the beat rather than fall behind.
        await select(
          beats.sendCase(now!, () => undefined),
          defaultCase(() => undefined),
        );
      }
    } finally {
      beats.close();
    }
  }, "heartbeat");
  return beats;
}

/**
 * debounce forwards only the last event of each burst: an event is sent on
 * the returned channel once quiet has passed without a newer event. When
 * input is closed, a pending event is sent at once, then the channel is
 * closed.
 */
export function debounce<T>(input: RecvChan<T>, quiet: time.Duration): RecvChan<T> {
  const out = makeChan<T>();
  go(async () => {
    const timer = time.newTimer(quiet);
    timer.stop(); // nothing pending yet
    let pending: { v: T } | null = null;
    for (;;) {
      const [kind, v] = await select(
        input.recvCase((v, ok): ["event" | "closed" | "quiet", T | undefined] => [ok ? "event" : "closed", v]),
        timer.c.recvCase((): ["event" | "closed" | "quiet", T | undefined] => ["quiet", undefined]),
      );
      if (kind === "event") {
        pending = { v: v as T };
        // Go 1.23: Reset discards a fired, unreceived time. No drain needed.
        timer.reset(quiet);
      } else if (kind === "quiet") {
        await out.send(pending!.v);
        pending = null;
      } else {
        timer.stop();
        if (pending) await out.send(pending.v);
        out.close();
        return;
      }
    }
  }, "debounce");
  return out;
}

/**
 * collect receives values from input until input is closed or `within` has
 * passed since collect was called, whichever comes first, and returns them.
 */
export async function collect<T>(input: RecvChan<T>, within: time.Duration): Promise<T[]> {
  const got: T[] = [];
  const deadline = time.newTimer(within); // one timer for the whole call
  try {
    for (;;) {
      const [more, v] = await select(
        input.recvCase((v, ok): [boolean, T | undefined] => [ok, v]),
        deadline.c.recvCase((): [boolean, T | undefined] => [false, undefined]),
      );
      if (!more) return got;
      got.push(v as T);
    }
  } finally {
    deadline.stop();
  }
}
