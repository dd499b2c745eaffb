// Package "go/time": virtual time. A Duration is an integer number of
// nanoseconds, as in Go; inside a synctest bubble the clock starts at
// 2000-01-01 00:00:00 UTC and only advances when every goroutine is durably
// blocked, so sleeping a minute takes no real time.
//
//   Go                                TypeScript
//   time.Sleep(2 * time.Second)       await time.sleep(2 * time.Second)
//   <-time.After(d)                   await time.after(d).recv()
//   t := time.NewTimer(d); <-t.C      const t = time.newTimer(d); await t.c.recv()
//   start := time.Now()               const start = time.now()
//   time.Since(start)                 time.since(start)
//   d.String()                        time.durationString(d)
import { requireBubble, activeBubble } from "./internal/scheduler";
import { nilChan } from "./internal/chan";
import type { RecvChan } from "./internal/chan";
import { Timer, Ticker } from "./internal/timer";
import { Time, bubbleTime, toDuration, wallTime } from "./internal/timeval";
import type { Duration } from "./internal/timeval";

export { Nanosecond, Microsecond, Millisecond, Second, Minute, Hour, Time, durationString } from "./internal/timeval";
export type { Duration } from "./internal/timeval";
export { Timer, Ticker } from "./internal/timer";

/**
 * now returns the current time (Go: time.Now()). Inside synctest.run it is
 * the bubble's virtual clock, which starts at 2000-01-01 00:00:00 UTC;
 * outside a bubble it is the real clock.
 */
export function now(): Time {
  const b = activeBubble();
  return b ? bubbleTime(b.now) : wallTime();
}

/** since returns the time elapsed since t (Go: time.Since(t)); shorthand for now().sub(t). */
export function since(t: Time): Duration {
  return now().sub(t);
}

/** until returns the duration until t (Go: time.Until(t)); shorthand for t.sub(now()). */
export function until(t: Time): Duration {
  return t.sub(now());
}

/** unix returns the Time of sec seconds and nsec nanoseconds since January 1, 1970 UTC (Go: time.Unix). */
export function unix(sec: number, nsec: number): Time {
  return new Time(Math.trunc(sec), 0).add(nsec);
}

/** unixMilli returns the Time of msec milliseconds since January 1, 1970 UTC (Go: time.UnixMilli). */
export function unixMilli(msec: number): Time {
  const sec = Math.floor(msec / 1000);
  return new Time(sec, toDuration((msec - sec * 1000) * 1e6));
}

/**
 * sleep pauses the calling goroutine for at least d (Go: time.Sleep(d)).
 * With d <= 0 it only yields to other goroutines. Only inside synctest.run.
 */
export function sleep(d: Duration): Promise<void> {
  const b = requireBubble("time.sleep");
  const g = b.caller("time.sleep");
  d = toDuration(d);
  if (!(d > 0)) return b.yield<void>(g);
  if (g.sleepTimer) b.rearmTimer(g.sleepTimer, b.now + d);
  else g.sleepTimer = b.addTimer(b.now + d, () => b.ready(g), `sleep g${g.id}`);
  return b.park<void>(g, "sleep");
}

/** newTimer creates a Timer that delivers the time on its channel c after d (Go: time.NewTimer(d)). */
export function newTimer(d: Duration): Timer {
  return new Timer(requireBubble("time.newTimer"), d, null);
}

/**
 * after waits for d and then delivers the time it was due on the returned
 * channel (Go: time.After(d)); it is newTimer(d).c. Typical use: a timeout
 * case in select.
 */
export function after(d: Duration): RecvChan<Time> {
  return newTimer(d).c;
}

/**
 * afterFunc waits for d and then calls fn in its own goroutine
 * (Go: time.AfterFunc(d, f)). Stop the returned Timer to cancel the call;
 * its c is a nil channel.
 */
export function afterFunc(d: Duration, fn: () => unknown): Timer {
  return new Timer(requireBubble("time.afterFunc"), d, fn);
}

/** newTicker returns a Ticker that ticks every d (Go: time.NewTicker(d)); panics if d <= 0. */
export function newTicker(d: Duration): Ticker {
  return new Ticker(requireBubble("time.newTicker"), d);
}

/**
 * tick returns the channel of a new Ticker (Go: time.Tick(d)), or a nil
 * channel (which never delivers) when d <= 0.
 */
export function tick(d: Duration): RecvChan<Time> {
  if (!(toDuration(d) > 0)) return nilChan<Time>();
  return newTicker(d).c;
}

/** isVirtual reports whether a virtual clock is active (inside synctest.run). */
export function isVirtual(): boolean {
  return activeBubble() !== null;
}
