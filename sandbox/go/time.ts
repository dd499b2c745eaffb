// Package "go/time": virtual time. Durations are numbers of milliseconds;
// inside a synctest bubble the clock starts at 0 and only advances when every
// goroutine is durably blocked, so sleeping a minute takes no real time.
//
//   Go                                TypeScript
//   time.Sleep(2 * time.Second)       await time.sleep(2 * time.Second)
//   <-time.After(d)                   await time.after(d).recv()
//   t := time.NewTimer(d); <-t.C      const t = time.newTimer(d); await t.c.recv()
//   time.Since(start)                 time.since(start)
import { requireBubble, activeBubble } from "./internal/scheduler";
import type { Bubble, TimerEntry } from "./internal/scheduler";
import { Chan, makeChan, nilChan, trySendInternal } from "./internal/chan";
import { GoPanic } from "./internal/panic";

/** A Duration is a number of milliseconds (Go's time.Duration, in ms). */
export type Duration = number;
/** One nanosecond, in ms. */
export const Nanosecond: Duration = 1e-6;
/** One microsecond, in ms. */
export const Microsecond: Duration = 1e-3;
/** One millisecond. */
export const Millisecond: Duration = 1;
/** One second, in ms. */
export const Second: Duration = 1000;
/** One minute, in ms. */
export const Minute: Duration = 60 * Second;
/** One hour, in ms. */
export const Hour: Duration = 60 * Minute;

/**
 * now returns the bubble's virtual time in ms (Go: time.Now()). It starts at
 * 0 when synctest.run starts. Only inside synctest.run.
 */
export function now(): number {
  return requireBubble("time.now()").now;
}

/** since returns the virtual time elapsed since t (Go: time.Since(t)). */
export function since(t: number): Duration {
  return now() - t;
}

/** until returns the virtual duration until t (Go: time.Until(t)). */
export function until(t: number): Duration {
  return t - now();
}

/**
 * sleep pauses the calling goroutine for at least d of virtual time
 * (Go: time.Sleep(d)). With d <= 0 it only yields to other goroutines.
 */
export function sleep(d: Duration): Promise<void> {
  const b = requireBubble("time.sleep");
  const g = b.caller("time.sleep");
  if (!(d > 0)) return b.yield<void>(g);
  b.addTimer(b.now + d, () => b.ready(g), `sleep g${g.id}`);
  return b.park<void>(g, "sleep");
}

/**
 * Timer is a single event (Go: *time.Timer). When it fires, the current time
 * is sent on c (unless created by afterFunc, whose c is a nil channel).
 * As in Go 1.23+, stop and reset discard a value not yet received.
 */
export class Timer {
  /** The channel on which the fire time is delivered. */
  readonly c: Chan<number>;
  /** @internal */ private entry: TimerEntry | null = null;
  /** @internal */ private readonly b: Bubble;
  /** @internal */ private readonly fn: (() => unknown) | null;

  /** Use newTimer or afterFunc. */
  constructor(b: Bubble, d: Duration, fn: (() => unknown) | null) {
    this.b = b;
    this.fn = fn;
    this.c = fn ? nilChan<number>() : makeChan<number>(1);
    this.arm(d);
  }

  private arm(d: Duration): void {
    const b = this.b;
    this.entry = b.addTimer(
      b.now + Math.max(0, d),
      () => {
        this.entry = null;
        if (this.fn) b.spawn(this.fn, "time.AfterFunc", undefined, undefined);
        else trySendInternal(this.c, b, 0, b.now);
      },
      this.fn ? "afterFunc" : `timer chan#${this.c.id}`,
    );
  }

  /**
   * stop prevents the timer from firing (Go: t.Stop()). It returns true if
   * the call stops the timer, false if it had already fired or been stopped.
   */
  stop(): boolean {
    const was = this.entry !== null && this.b.stopTimer(this.entry);
    this.entry = null;
    if (!this.fn) this.c._buf.clear();
    return was;
  }

  /**
   * reset changes the timer to fire after d (Go: t.Reset(d)). It returns
   * true if the timer had been active, false if it had fired or been stopped.
   */
  reset(d: Duration): boolean {
    const was = this.stop();
    this.arm(d);
    return was;
  }
}

/** newTimer creates a Timer that sends the time on its channel c after d (Go: time.NewTimer(d)). */
export function newTimer(d: Duration): Timer {
  return new Timer(requireBubble("time.newTimer"), d, null);
}

/**
 * after waits for d and then sends the current time on the returned channel
 * (Go: time.After(d)). Typical use: a timeout case in select.
 */
export function after(d: Duration): Chan<number> {
  return newTimer(d).c;
}

/**
 * afterFunc waits for d and then calls fn in its own goroutine
 * (Go: time.AfterFunc(d, f)). Stop the returned Timer to cancel the call.
 */
export function afterFunc(d: Duration, fn: () => unknown): Timer {
  return new Timer(requireBubble("time.afterFunc"), d, fn);
}

/**
 * Ticker delivers the time on c every period (Go: *time.Ticker). A slow
 * receiver misses ticks (the channel holds at most one).
 */
export class Ticker {
  /** The channel on which ticks are delivered. */
  readonly c: Chan<number> = makeChan<number>(1);
  /** @internal */ private entry: TimerEntry | null = null;
  /** @internal */ private period: Duration;
  /** @internal */ private readonly b: Bubble;

  /** Use newTicker. */
  constructor(b: Bubble, d: Duration) {
    if (!(d > 0)) throw new GoPanic("non-positive interval for NewTicker");
    this.b = b;
    this.period = d;
    this.arm();
  }

  private arm(): void {
    const b = this.b;
    this.entry = b.addTimer(
      b.now + this.period,
      () => {
        trySendInternal(this.c, b, 0, b.now);
        this.arm();
      },
      `ticker chan#${this.c.id}`,
    );
  }

  /** stop turns the ticker off (Go: t.Stop()); no more ticks are sent. */
  stop(): void {
    if (this.entry) this.b.stopTimer(this.entry);
    this.entry = null;
    this.c._buf.clear();
  }

  /** reset stops the ticker and restarts it with period d (Go: t.Reset(d)). */
  reset(d: Duration): void {
    if (!(d > 0)) throw new GoPanic("non-positive interval for Ticker.Reset");
    this.stop();
    this.period = d;
    this.arm();
  }
}

/** newTicker returns a Ticker that ticks every d (Go: time.NewTicker(d)); d must be > 0. */
export function newTicker(d: Duration): Ticker {
  return new Ticker(requireBubble("time.newTicker"), d);
}

/** tick returns the channel of a new Ticker (Go: time.Tick(d)). */
export function tick(d: Duration): Chan<number> {
  return newTicker(d).c;
}

/** isVirtual reports whether a virtual clock is active (inside synctest.run). */
export function isVirtual(): boolean {
  return activeBubble() !== null;
}
