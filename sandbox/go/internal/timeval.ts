// Durations and instants, as Go's time package has them.
//
// A Duration is an integer number of nanoseconds (Go: int64). JavaScript
// numbers hold integers exactly up to 2^53 ns (about 104 days), so sums of
// durations are exact in that range. A Time is (Unix seconds, nanoseconds),
// which keeps every instant exact; inside a synctest bubble the clock starts
// at Go's synctest epoch, 2000-01-01 00:00:00 UTC.

/** A Duration is an integer number of nanoseconds (Go's time.Duration). */
export type Duration = number;
/** One nanosecond. */
export const Nanosecond: Duration = 1;
/** One microsecond, in ns. */
export const Microsecond: Duration = 1000 * Nanosecond;
/** One millisecond, in ns. */
export const Millisecond: Duration = 1000 * Microsecond;
/** One second, in ns. */
export const Second: Duration = 1000 * Millisecond;
/** One minute, in ns. */
export const Minute: Duration = 60 * Second;
/** One hour, in ns. */
export const Hour: Duration = 60 * Minute;

/** Unix seconds of Go's synctest epoch, 2000-01-01 00:00:00 UTC: a bubble's virtual time 0. */
export const BUBBLE_EPOCH_SEC = 946684800;
/** Unix seconds of Go's zero Time, January 1, year 1, 00:00:00 UTC. */
const ZERO_SEC = -62135596800;

/**
 * toDuration converts d to whole nanoseconds, truncating toward zero the way
 * Go's Duration(f) conversion does (durations are integers in Go).
 */
export function toDuration(d: number): Duration {
  return Number.isFinite(d) ? Math.trunc(d) || 0 : d;
}

/** fmtFrac formats v/10^prec with trailing zeros trimmed ("1.5", "2"). */
function fmtFrac(v: number, prec: number): string {
  const unit = 10 ** prec;
  const whole = Math.floor(v / unit);
  const frac = v - whole * unit;
  if (frac === 0) return String(whole);
  return `${whole}.${String(frac).padStart(prec, "0").replace(/0+$/, "")}`;
}

/**
 * durationString formats d the way Go prints a Duration (Go: d.String()):
 * "72h3m0.5s", "1.5s", "150ms", "2µs", "1ns", "0s".
 */
export function durationString(d: Duration): string {
  if (d === 0) return "0s";
  const neg = d < 0;
  let u = Math.abs(d);
  let s: string;
  if (u < Second) {
    if (u < Microsecond) s = `${u}ns`;
    else if (u < Millisecond) s = `${fmtFrac(u, 3)}µs`;
    else s = `${fmtFrac(u, 6)}ms`;
  } else {
    const h = Math.floor(u / Hour);
    u -= h * Hour;
    const m = Math.floor(u / Minute);
    u -= m * Minute;
    s = `${fmtFrac(u, 9)}s`;
    if (h > 0) s = `${h}h${m}m${s}`;
    else if (m > 0) s = `${m}m${s}`;
  }
  return neg ? `-${s}` : s;
}

/**
 * A Time is an instant with nanosecond precision (Go: time.Time). Compare
 * Times with equal/before/after, not ===; subtract them with sub. Inside a
 * synctest bubble, now() starts at 2000-01-01 00:00:00 UTC.
 */
export class Time {
  /** @internal Unix seconds. */ readonly sec: number;
  /** @internal Nanoseconds within the second, [0, 1e9). */ readonly nsec: number;

  /** Use now(), unix(), unixMilli() or Time.zero(). */
  constructor(sec: number, nsec: number) {
    if (nsec > 0 && nsec < Second) {
      // Already normal (nearly every Time the runtime makes): skip the division.
      this.sec = sec;
      this.nsec = nsec;
      return;
    }
    const carry = Math.floor(nsec / Second);
    this.sec = sec + carry;
    this.nsec = nsec - carry * Second;
  }

  /** zero returns the zero Time, January 1, year 1, 00:00:00 UTC (Go: time.Time{}). */
  static zero(): Time {
    return new Time(ZERO_SEC, 0);
  }

  /** isZero reports whether t is the zero Time (Go: t.IsZero()). */
  isZero(): boolean {
    return this.sec === ZERO_SEC && this.nsec === 0;
  }

  /** add returns t+d (Go: t.Add(d)). */
  add(d: Duration): Time {
    d = toDuration(d);
    const s = Math.trunc(d / Second);
    return new Time(this.sec + s, this.nsec + (d - s * Second));
  }

  /** sub returns the duration t-u (Go: t.Sub(u)). */
  sub(u: Time): Duration {
    return (this.sec - u.sec) * Second + (this.nsec - u.nsec);
  }

  /** before reports whether t is before u (Go: t.Before(u)). */
  before(u: Time): boolean {
    return this.compare(u) < 0;
  }

  /** after reports whether t is after u (Go: t.After(u)). */
  after(u: Time): boolean {
    return this.compare(u) > 0;
  }

  /** equal reports whether t and u are the same instant (Go: t.Equal(u)). */
  equal(u: Time): boolean {
    return this.compare(u) === 0;
  }

  /** compare returns -1, 0 or +1 as t is before, equal to or after u (Go: t.Compare(u)). */
  compare(u: Time): number {
    if (this.sec !== u.sec) return this.sec < u.sec ? -1 : 1;
    if (this.nsec !== u.nsec) return this.nsec < u.nsec ? -1 : 1;
    return 0;
  }

  /** unix returns t as Unix seconds (Go: t.Unix()). */
  unix(): number {
    return this.sec;
  }

  /** unixMilli returns t as Unix milliseconds (Go: t.UnixMilli()). */
  unixMilli(): number {
    return this.sec * 1000 + Math.floor(this.nsec / Millisecond);
  }

  /** unixMicro returns t as Unix microseconds (Go: t.UnixMicro()). */
  unixMicro(): number {
    return this.sec * 1e6 + Math.floor(this.nsec / Microsecond);
  }

  /** unixNano returns t as Unix nanoseconds, as a bigint to stay exact (Go: t.UnixNano()). */
  unixNano(): bigint {
    return BigInt(this.sec) * 1_000_000_000n + BigInt(this.nsec);
  }

  /** toDate returns t as a JavaScript Date (millisecond precision). */
  toDate(): Date {
    return new Date(this.unixMilli());
  }

  /** toString formats t as Go prints a UTC Time: "2000-01-01 00:00:01.5 +0000 UTC". */
  toString(): string {
    const frac = this.nsec === 0 ? "" : `.${String(this.nsec).padStart(9, "0").replace(/0+$/, "")}`;
    return `${dateTimeOf(this.sec)}${frac} +0000 UTC`;
  }
}

let cachedSec = NaN;
let cachedDateTime = "";
/**
 * dateTimeOf formats Unix seconds as "2000-01-01 00:00:01". Traces preview
 * every timer value, mostly within the same second: the last one is cached.
 */
function dateTimeOf(sec: number): string {
  if (sec !== cachedSec) {
    const iso = new Date(sec * 1000).toISOString(); // "2000-01-01T00:00:01.000Z"
    cachedSec = sec;
    cachedDateTime = `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
  }
  return cachedDateTime;
}

/** bubbleTime converts a bubble's clock (ns since its start) to a Time. */
export function bubbleTime(ns: number): Time {
  const s = Math.floor(ns / Second);
  return new Time(BUBBLE_EPOCH_SEC + s, ns - s * Second);
}

/** bubbleOffset converts t to a bubble's clock (ns since 2000-01-01 00:00:00 UTC). */
export function bubbleOffset(t: Time): number {
  return (t.sec - BUBBLE_EPOCH_SEC) * Second + t.nsec;
}

/** wallTime returns the real current time (outside a bubble). */
export function wallTime(): Time {
  const ms = Date.now();
  const sec = Math.floor(ms / 1000);
  return new Time(sec, (ms - sec * 1000) * Millisecond);
}
