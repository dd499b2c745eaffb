// Package "go/x/time/rate": a token-bucket rate limiter
// (golang.org/x/time/rate) on the bubble's virtual clock.
//
//   Go                                         TypeScript
//   lim := rate.NewLimiter(rate.Every(time.Second/10), 3)
//                                              const lim = rate.newLimiter(rate.every(time.Second / 10), 3)
//   if !lim.Allow() { http.Error(w, ..., 429) }  if (!lim.allow()) { ... }
//   if err := lim.Wait(ctx); err != nil { ... }  const err = await lim.wait(ctx)
//   r := lim.Reserve(); time.Sleep(r.Delay())    const r = lim.reserve(); await time.sleep(r.delay())
//
// Times are time.Time instants as time.now() returns them; methods without a
// time argument read the clock. Inside, a limiter counts integer nanoseconds
// from the first instant it saw (exact for ~104 days from then).
import * as time from "../../time";
import type { Duration, Time } from "../../time";
import type { Context } from "../../context";
import { select } from "../../internal/chan";
import { errorf } from "../../errors";

/** Limit is a maximum frequency of events, in events per second (Go: rate.Limit). */
export type Limit = number;

/** Inf is the infinite rate limit: it allows all events, even with burst 0 (Go: rate.Inf). */
export const Inf: Limit = Number.MAX_VALUE;

/**
 * InfDuration is the duration a Reservation's delay returns when it is not
 * ok (Go: rate.InfDuration, the largest Duration; here Infinity).
 */
export const InfDuration: Duration = Infinity;

/** every converts a minimum time interval between events to a Limit; interval <= 0 gives Inf (Go: rate.Every). */
export function every(interval: Duration): Limit {
  if (interval <= 0) return Inf;
  return 1 / (interval / time.Second);
}

/** durationFromTokens is how long it takes to accumulate tokens at limit, truncated to whole nanoseconds as Go's Duration. */
function durationFromTokens(limit: Limit, tokens: number): Duration {
  if (limit <= 0) return InfDuration;
  const ns = ((tokens / limit) * time.Second) / time.Nanosecond;
  if (ns > 2 ** 63 - 1) return InfDuration; // beyond Go's largest Duration
  // Whole nanoseconds, as Go's conversion truncates; tolerate float noise
  // when Duration is not itself an integer count of nanoseconds.
  const near = Math.round(ns);
  return (Math.abs(ns - near) < 1e-6 ? near : Math.trunc(ns)) * time.Nanosecond;
}

function tokensFromDuration(limit: Limit, d: Duration): number {
  if (limit <= 0) return 0;
  return (d / time.Second) * limit;
}

/**
 * A Reservation holds information about events permitted by a Limiter to
 * happen after a delay (Go: rate.Reservation). A Reservation may be
 * cancelled, which may let the Limiter permit more events.
 */
export class Reservation {
  /** @internal */
  constructor(
    private readonly isOk: boolean,
    private readonly lim: Limiter,
    /** @internal */ readonly tokens: number,
    /** @internal */ readonly timeToAct: number,
    private readonly limitAt: Limit,
  ) {}

  /**
   * ok reports whether the limiter can provide the requested number of
   * tokens within the maximum wait time (Go: r.OK()). If false, delay
   * returns InfDuration and cancel does nothing.
   */
  ok(): boolean {
    return this.isOk;
  }

  /** delay is delayFrom(time.now()) (Go: r.Delay()). */
  delay(): Duration {
    return this.delayFrom(time.now());
  }

  /**
   * delayFrom returns how long the reservation holder must wait before
   * acting, from instant t; 0 means act at once, InfDuration means never
   * (Go: r.DelayFrom(t)).
   */
  delayFrom(t: Time): Duration {
    if (!this.isOk) return InfDuration;
    const d = this.timeToAct - this.lim._ns(t);
    return d < 0 ? 0 : d;
  }

  /** cancel is cancelAt(time.now()) (Go: r.Cancel()). */
  cancel(): void {
    this.cancelAt(time.now());
  }

  /**
   * cancelAt indicates that the reservation holder will not perform the
   * reserved action and reverses its effects on the limiter as far as
   * possible, considering that other reservations may have been made since
   * (Go: r.CancelAt(t)).
   */
  cancelAt(at: Time): void {
    if (!this.isOk) return;
    const lim = this.lim;
    const t = lim._ns(at);
    if (lim._limit === Inf || this.tokens === 0 || this.timeToAct < t) return;
    // Tokens reserved after this one stay reserved: give back only the rest.
    const restore = this.tokens - tokensFromDuration(this.limitAt, lim._lastEvent - this.timeToAct);
    if (restore <= 0) return;
    let tokens = lim._advance(t) + restore;
    if (tokens > lim._burst) tokens = lim._burst;
    lim._last = t;
    lim._tokens = tokens;
    if (this.timeToAct === lim._lastEvent) {
      const prevEvent = this.timeToAct + durationFromTokens(this.limitAt, -this.tokens);
      if (!(prevEvent < t)) lim._lastEvent = prevEvent;
    }
  }
}

/**
 * A Limiter controls how frequently events are allowed to happen
 * (Go: rate.Limiter). It implements a token bucket of size burst, initially
 * full and refilled at limit tokens per second. Create one with newLimiter.
 */
export class Limiter {
  /** @internal */ _limit: Limit;
  /** @internal */ _burst: number;
  /** @internal */ _tokens: number;
  /** @internal */ _last: number | null = null; // null: never used (Go: the zero Time, long ago)
  /** @internal */ _lastEvent = 0;
  /** @internal The instant internal times count from (the first one seen). */ _base: Time | null = null;

  /** Use newLimiter. */
  constructor(r: Limit, b: number) {
    this._limit = r;
    this._burst = b;
    this._tokens = b;
  }

  /** limit returns the maximum overall event rate (Go: lim.Limit()). */
  limit(): Limit {
    return this._limit;
  }

  /** burst returns the maximum burst size (Go: lim.Burst()). */
  burst(): number {
    return this._burst;
  }

  /** tokensAt returns the number of tokens available at instant t (Go: lim.TokensAt(t)). */
  tokensAt(t: Time): number {
    return this._advance(this._ns(t));
  }

  /** tokens returns the number of tokens available now (Go: lim.Tokens()). */
  tokens(): number {
    return this.tokensAt(time.now());
  }

  /** allow reports whether one event may happen now (Go: lim.Allow()). */
  allow(): boolean {
    return this.allowN(time.now(), 1);
  }

  /**
   * allowN reports whether n events may happen at instant t, consuming the
   * tokens if so (Go: lim.AllowN(t, n)). Use it to drop or skip events
   * exceeding the rate; otherwise use reserve or wait.
   */
  allowN(t: Time, n: number): boolean {
    return this._reserveN(this._ns(t), n, 0).ok();
  }

  /** reserve is reserveN(time.now(), 1) (Go: lim.Reserve()). */
  reserve(): Reservation {
    return this.reserveN(time.now(), 1);
  }

  /**
   * reserveN returns a Reservation saying how long the caller must wait
   * before n events happen; the limiter counts them as already done
   * (Go: lim.ReserveN(t, n)). It is not ok only if n exceeds the burst.
   * Wait r.delayFrom(t), or call r.cancel() if you will not act.
   */
  reserveN(t: Time, n: number): Reservation {
    return this._reserveN(this._ns(t), n, InfDuration);
  }

  /** wait is waitN(ctx, 1) (Go: lim.Wait(ctx)). */
  wait(ctx: Context): Promise<Error | null> {
    return this.waitN(ctx, 1);
  }

  /**
   * waitN blocks until the limiter permits n events, and returns null; or
   * returns an error if n exceeds the burst, if ctx is done, or if the wait
   * would outlast ctx's deadline (Go: lim.WaitN(ctx, n)). Only inside
   * synctest.run.
   */
  async waitN(ctx: Context, n: number): Promise<Error | null> {
    const now = time.now();
    const t = this._ns(now);
    if (n > this._burst && this._limit !== Inf) {
      return errorf("rate: Wait(n=%d) exceeds limiter's burst %d", n, this._burst);
    }
    const err = ctx.err();
    if (err) return err;
    const [deadline, hasDeadline] = ctx.deadline();
    const r = this._reserveN(t, n, hasDeadline ? deadline.sub(now) : InfDuration);
    if (!r.ok()) return errorf("rate: Wait(n=%d) would exceed context deadline", n);
    const delay = r.delayFrom(now);
    if (delay === 0) return null;
    const timer = time.newTimer(delay);
    try {
      return await select(
        timer.c.recvCase(() => null),
        ctx.done().recvCase(() => {
          // We can proceed no longer: let others use the tokens we reserved.
          r.cancel();
          return ctx.err();
        }),
      );
    } finally {
      timer.stop();
    }
  }

  /** setLimit is setLimitAt(time.now(), newLimit) (Go: lim.SetLimit). */
  setLimit(newLimit: Limit): void {
    this.setLimitAt(time.now(), newLimit);
  }

  /**
   * setLimitAt sets a new limit from instant t (Go: lim.SetLimitAt). Waiters
   * already reserved keep the delay they computed with the old limit.
   */
  setLimitAt(at: Time, newLimit: Limit): void {
    const t = this._ns(at);
    this._tokens = this._advance(t);
    this._last = t;
    this._limit = newLimit;
  }

  /** setBurst is setBurstAt(time.now(), newBurst) (Go: lim.SetBurst). */
  setBurst(newBurst: number): void {
    this.setBurstAt(time.now(), newBurst);
  }

  /** setBurstAt sets a new burst size from instant t (Go: lim.SetBurstAt). */
  setBurstAt(at: Time, newBurst: number): void {
    const t = this._ns(at);
    this._tokens = this._advance(t);
    this._last = t;
    this._burst = newBurst;
  }

  /** @internal _ns returns t as nanoseconds since this limiter's base instant. */
  _ns(t: Time): number {
    this._base ??= t;
    return t.sub(this._base);
  }

  /** @internal reserveN reserves n tokens at t if they come within maxFutureReserve. */
  _reserveN(t: number, n: number, maxFutureReserve: Duration): Reservation {
    if (this._limit === Inf) return new Reservation(true, this, n, t, 0);
    const tokens = this._advance(t) - n;
    const wait = tokens < 0 ? durationFromTokens(this._limit, -tokens) : 0;
    const ok = n <= this._burst && wait <= maxFutureReserve;
    if (!ok) return new Reservation(false, this, 0, 0, this._limit);
    const r = new Reservation(true, this, n, t + wait, this._limit);
    this._last = t;
    this._tokens = tokens;
    this._lastEvent = r.timeToAct;
    return r;
  }

  /** @internal advance returns the tokens at t (not stored); a t before the last update counts as no time passing. */
  _advance(t: number): number {
    let tokens: number;
    if (this._last === null) {
      tokens = this._limit > 0 ? Infinity : this._tokens;
    } else {
      const last = t < this._last ? t : this._last;
      tokens = this._tokens + tokensFromDuration(this._limit, t - last);
    }
    return tokens > this._burst ? this._burst : tokens;
  }
}

/**
 * newLimiter returns a Limiter that allows events up to rate r and permits
 * bursts of at most b tokens; it starts full (Go: rate.NewLimiter(r, b)).
 */
export function newLimiter(r: Limit, b: number): Limiter {
  return new Limiter(r, b);
}
