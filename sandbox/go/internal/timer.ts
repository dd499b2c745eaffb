// Timers and tickers with Go 1.23+ semantics.
//
// Their channels are unbuffered as far as the program can tell (len and cap
// are 0): a fired value waits in a hidden one-slot buffer until someone
// receives it, and Stop or Reset discard it, so no stale value is ever
// received after Stop/Reset returns. A ticker whose value nobody has taken
// stops scheduling ticks until it is received (Go drops those ticks anyway),
// so an unread ticker never keeps the virtual clock moving on its own.
import type { Bubble, TimerEntry } from "./scheduler";
import { Chan, makeChan, nilChan, trySendInternal } from "./chan";
import type { RecvChan } from "./chan";
import { GoPanic } from "./panic";
import { bubbleTime, toDuration } from "./timeval";
import type { Duration, Time } from "./timeval";

function timerChan(): Chan<Time> {
  const c = makeChan<Time>(1);
  c._timer = true;
  return c;
}

/**
 * Timer is a single event (Go: *time.Timer). When it fires, the time it was
 * due is delivered on c, unless it was created by afterFunc (then c is a nil
 * channel and the function runs in its own goroutine). Create one with
 * newTimer or afterFunc.
 */
export class Timer {
  /** The channel on which the time is delivered (Go: t.C); a nil channel for afterFunc timers. */
  readonly c: RecvChan<Time>;
  /** @internal */ private readonly ch: Chan<Time>;
  /** @internal */ private entry: TimerEntry | null = null;
  /** @internal */ private readonly b: Bubble;
  /** @internal */ private readonly fn: (() => unknown) | null;
  /** @internal Where afterFunc was called, for goroutine dumps. */ private readonly at: Error | undefined;

  /** Use newTimer or afterFunc. */
  constructor(b: Bubble, d: Duration, fn: (() => unknown) | null) {
    this.b = b;
    this.fn = fn;
    this.at = fn ? new Error("afterFunc") : undefined;
    this.ch = fn ? nilChan<Time>() : timerChan();
    this.c = this.ch;
    this.arm(d);
  }

  private arm(d: Duration): void {
    const b = this.b;
    d = toDuration(d);
    if (!(d > 0) && !this.fn) {
      // Already due: as in Go, a receive right away finds the value.
      trySendInternal(this.ch, b, 0, bubbleTime(b.now));
      return;
    }
    this.entry = b.addTimer(
      b.now + Math.max(0, d),
      (when) => {
        this.entry = null;
        if (this.fn) b.spawn(this.fn, "time.AfterFunc", undefined, this.at);
        else trySendInternal(this.ch, b, 0, bubbleTime(when));
      },
      this.fn ? "afterFunc" : `timer chan#${this.ch.id}`,
    );
  }

  /** pending reports whether the timer is scheduled or holds an unreceived value; it clears both. */
  private disarm(): boolean {
    const scheduled = this.entry !== null && this.b.stopTimer(this.entry);
    this.entry = null;
    const unreceived = this.ch._buf.length > 0;
    this.ch._buf.clear();
    return scheduled || unreceived;
  }

  /**
   * stop prevents the timer from firing (Go: t.Stop()). It returns true if
   * the call stops the timer, false if the timer has already expired (and its
   * value was received) or been stopped. As in Go 1.23+, a value that fired
   * but was not received is discarded and stop returns true, so after stop no
   * receive from c gets a stale time.
   */
  stop(): boolean {
    return this.disarm();
  }

  /**
   * reset changes the timer to fire after d (Go: t.Reset(d)). It returns
   * true if the timer had been active (see stop), false if it had expired or
   * been stopped. A value not yet received is discarded.
   */
  reset(d: Duration): boolean {
    const was = this.disarm();
    this.arm(d);
    return was;
  }
}

/**
 * Ticker delivers the time on c every period (Go: *time.Ticker). A slow
 * receiver misses ticks: it gets the oldest one not received, and the next
 * tick comes at the next multiple of the period. Create one with newTicker.
 */
export class Ticker {
  /** The channel on which ticks are delivered (Go: t.C). */
  readonly c: RecvChan<Time>;
  /** @internal */ private readonly ch: Chan<Time> = timerChan();
  /** @internal */ private entry: TimerEntry | null = null;
  /** @internal Its last fired entry: off the heap, so the next tick reuses it. */
  private spare: TimerEntry | null = null;
  /** @internal */ private period: Duration;
  /** @internal When the last tick was due (ns), for re-arming after a late receive. */ private last = 0;
  /** @internal */ private stopped = false;
  /** @internal */ private readonly b: Bubble;

  /** Use newTicker. */
  constructor(b: Bubble, d: Duration) {
    d = toDuration(d);
    if (!(d > 0)) throw new GoPanic("non-positive interval for NewTicker");
    this.b = b;
    this.c = this.ch;
    this.period = d;
    this.ch._onTake = () => this.taken();
    this.arm(b.now + d);
  }

  private arm(when: number): void {
    const t = this.spare;
    this.spare = null;
    this.entry = t ? this.b.rearmTimer(t, when) : this.b.addTimer(when, this.fireFn, this.detail);
  }

  /** @internal */ private readonly fireFn = (when: number, t: TimerEntry): void => this.fire(when, t);
  /** @internal */ private readonly detail = `ticker chan#${this.ch.id}`;

  private fire(when: number, t: TimerEntry): void {
    this.entry = null;
    this.spare = t;
    this.last = when;
    trySendInternal(this.ch, this.b, 0, bubbleTime(when));
    // While a tick waits unreceived, Go drops the ticks that follow: no need
    // to schedule them (and an unread ticker must not keep the clock moving).
    if (this.ch._buf.length === 0) this.arm(when + this.period);
  }

  /** taken re-arms the ticker once its waiting tick is received, at the next multiple of the period. */
  private taken(): void {
    if (this.stopped || this.entry) return;
    const late = this.b.now - this.last;
    this.arm(this.last + this.period * (1 + Math.floor(late / this.period)));
  }

  /** stop turns the ticker off (Go: t.Stop()); no more ticks are delivered, and one not yet received is discarded. */
  stop(): void {
    this.stopped = true;
    if (this.entry) this.b.stopTimer(this.entry);
    this.entry = null;
    this.ch._buf.clear();
  }

  /**
   * reset stops the ticker and restarts it with period d (Go: t.Reset(d)):
   * the next tick comes d from now. A tick not yet received is discarded.
   * Panics if d <= 0.
   */
  reset(d: Duration): void {
    d = toDuration(d);
    if (!(d > 0)) throw new GoPanic("non-positive interval for Ticker.Reset");
    this.stop();
    this.stopped = false;
    this.period = d;
    this.arm(this.b.now + d);
  }
}
