import { go, makeChan } from "go";
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
  // TODO: in a goroutine, make a time.newTicker(interval) and select between
  // done and the ticker's channel. Offer each tick with a select and a
  // default case. When done is closed: stop the ticker, close beats.
  beats.close();
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
    // TODO: one time.newTimer, reset on every event; send the pending event
    // when it fires. This version forwards every event at once.
    for await (const v of input) await out.send(v);
    out.close();
  }, "debounce");
  return out;
}

/**
 * collect receives values from input until input is closed or `within` has
 * passed since collect was called, whichever comes first, and returns them.
 */
export async function collect<T>(input: RecvChan<T>, within: time.Duration): Promise<T[]> {
  // TODO: give up after `within`: select between input and a timer made once.
  const got: T[] = [];
  for await (const v of input) got.push(v);
  return got;
}
