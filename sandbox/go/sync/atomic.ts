// Package "go/sync/atomic": atomic integers, booleans and values
// (Go: sync/atomic's typed API).
//
//   Go                                 TypeScript
//   var hits atomic.Int64              const hits = new atomic.Int64()
//   hits.Add(1)                        hits.add(1)
//   n := hits.Load()                   const n = hits.load()
//   ok := flag.CompareAndSwap(f, t)    const ok = flag.compareAndSwap(false, true)
//   var cfg atomic.Pointer[Config]     const cfg = new atomic.Pointer<Config>()
//
// Only one goroutine runs at a time here, so any plain read-modify-write
// without an await in between is already atomic, and none of these methods
// blocks or yields. They exist because Go code needs them (a counter updated
// by many goroutines), and they keep Go's arithmetic: 32-bit types wrap
// around exactly like Go's. Int64 and Uint64 take and return JavaScript
// numbers (not bigint, so they mix with the rest of the code) but keep an
// exact 64-bit value inside: arithmetic wraps exactly as Go's; what load
// returns is exact up to 2^53 (Number.MAX_SAFE_INTEGER) and rounded beyond.
import { GoPanic } from "../internal/panic";

function integer(v: number, op: string): number {
  if (!Number.isInteger(v)) throw new GoPanic(`sync/atomic: ${op} of non-integer ${v}`);
  return v;
}

/** An Int32 is an atomic int32 (Go: atomic.Int32). The zero value is 0. */
export class Int32 {
  private v = 0;
  /** load atomically loads and returns the value (Go: x.Load()). */
  load(): number {
    return this.v;
  }
  /** store atomically stores val, truncated to 32 bits as Go's int32 conversion (Go: x.Store(val)). */
  store(val: number): void {
    this.v = integer(val, "Int32.store") | 0;
  }
  /** swap atomically stores newVal and returns the previous value (Go: x.Swap(new)). */
  swap(newVal: number): number {
    const old = this.v;
    this.store(newVal);
    return old;
  }
  /** compareAndSwap stores newVal if the value is old, and reports whether it did (Go: x.CompareAndSwap(old, new)). */
  compareAndSwap(old: number, newVal: number): boolean {
    if (this.v !== old) return false;
    this.store(newVal);
    return true;
  }
  /** add atomically adds delta, wrapping around on overflow, and returns the new value (Go: x.Add(delta)). */
  add(delta: number): number {
    this.v = (this.v + integer(delta, "Int32.add")) | 0;
    return this.v;
  }
  /** and atomically ANDs the value with mask and returns the old value (Go 1.23: x.And(mask)). */
  and(mask: number): number {
    const old = this.v;
    this.v &= integer(mask, "Int32.and");
    return old;
  }
  /** or atomically ORs the value with mask and returns the old value (Go 1.23: x.Or(mask)). */
  or(mask: number): number {
    const old = this.v;
    this.v |= integer(mask, "Int32.or");
    return old;
  }
}

/** A Uint32 is an atomic uint32 (Go: atomic.Uint32). The zero value is 0. */
export class Uint32 {
  private v = 0;
  /** load atomically loads and returns the value (Go: x.Load()). */
  load(): number {
    return this.v;
  }
  /** store atomically stores val modulo 2^32 (Go: x.Store(val)). */
  store(val: number): void {
    this.v = integer(val, "Uint32.store") >>> 0;
  }
  /** swap atomically stores newVal and returns the previous value (Go: x.Swap(new)). */
  swap(newVal: number): number {
    const old = this.v;
    this.store(newVal);
    return old;
  }
  /** compareAndSwap stores newVal if the value is old, and reports whether it did (Go: x.CompareAndSwap(old, new)). */
  compareAndSwap(old: number, newVal: number): boolean {
    if (this.v !== old) return false;
    this.store(newVal);
    return true;
  }
  /**
   * add atomically adds delta modulo 2^32 and returns the new value
   * (Go: x.Add(delta)). add(-1) decrements (Go: x.Add(^uint32(0))).
   */
  add(delta: number): number {
    this.v = (this.v + integer(delta, "Uint32.add")) >>> 0;
    return this.v;
  }
  /** and atomically ANDs the value with mask and returns the old value (Go 1.23: x.And(mask)). */
  and(mask: number): number {
    const old = this.v;
    this.v = (this.v & integer(mask, "Uint32.and")) >>> 0;
    return old;
  }
  /** or atomically ORs the value with mask and returns the old value (Go 1.23: x.Or(mask)). */
  or(mask: number): number {
    const old = this.v;
    this.v = (this.v | integer(mask, "Uint32.or")) >>> 0;
    return old;
  }
}

class Int64Base {
  // Kept as an exact 64-bit bigint; load rounds to the nearest number.
  private v = 0n;
  constructor(private readonly signed: boolean) {}
  private wrap(x: bigint): bigint {
    return this.signed ? BigInt.asIntN(64, x) : BigInt.asUintN(64, x);
  }
  /** load atomically loads and returns the value (Go: x.Load()). */
  load(): number {
    return Number(this.v);
  }
  /** store atomically stores val (Go: x.Store(val)). */
  store(val: number): void {
    this.v = this.wrap(BigInt(integer(val, "store")));
  }
  /** swap atomically stores newVal and returns the previous value (Go: x.Swap(new)). */
  swap(newVal: number): number {
    const old = this.load();
    this.store(newVal);
    return old;
  }
  /** compareAndSwap stores newVal if the value (as load returns it) is old, and reports whether it did (Go: x.CompareAndSwap(old, new)). */
  compareAndSwap(old: number, newVal: number): boolean {
    if (this.load() !== old) return false;
    this.store(newVal);
    return true;
  }
  /** add atomically adds delta, wrapping around the 64-bit range as Go does, and returns the new value (Go: x.Add(delta)). */
  add(delta: number): number {
    this.v = this.wrap(this.v + BigInt(integer(delta, "add")));
    return Number(this.v);
  }
  /** and atomically ANDs the value with mask and returns the old value (Go 1.23: x.And(mask)). */
  and(mask: number): number {
    const old = this.load();
    this.v = this.wrap(this.v & BigInt(integer(mask, "and")));
    return old;
  }
  /** or atomically ORs the value with mask and returns the old value (Go 1.23: x.Or(mask)). */
  or(mask: number): number {
    const old = this.load();
    this.v = this.wrap(this.v | BigInt(integer(mask, "or")));
    return old;
  }
}

/**
 * An Int64 is an atomic int64 (Go: atomic.Int64). Arithmetic is exact and
 * wraps at the int64 limits as Go's; load returns a number, exact within
 * ±2^53.
 */
export class Int64 extends Int64Base {
  constructor() {
    super(true);
  }
}

/**
 * A Uint64 is an atomic uint64 (Go: atomic.Uint64). Arithmetic is exact
 * modulo 2^64 as Go's (add(-1) on 0 gives 2^64-1); load returns a number,
 * exact below 2^53.
 */
export class Uint64 extends Int64Base {
  constructor() {
    super(false);
  }
}

/** A Bool is an atomic boolean (Go: atomic.Bool). The zero value is false. */
export class Bool {
  private v = false;
  /** load atomically loads and returns the value (Go: x.Load()). */
  load(): boolean {
    return this.v;
  }
  /** store atomically stores val (Go: x.Store(val)). */
  store(val: boolean): void {
    this.v = val;
  }
  /** swap atomically stores newVal and returns the previous value (Go: x.Swap(new)). */
  swap(newVal: boolean): boolean {
    const old = this.v;
    this.v = newVal;
    return old;
  }
  /** compareAndSwap stores newVal if the value is old, and reports whether it did (Go: x.CompareAndSwap(old, new)). */
  compareAndSwap(old: boolean, newVal: boolean): boolean {
    if (this.v !== old) return false;
    this.v = newVal;
    return true;
  }
}

/** sameType is Go's "same dynamic type": typeof, and the prototype for objects. */
function sameType(a: unknown, b: unknown): boolean {
  if (typeof a !== typeof b) return false;
  if (typeof a !== "object" || a === null || b === null) return true;
  return Object.getPrototypeOf(a) === Object.getPrototypeOf(b);
}

function isNil(v: unknown): boolean {
  return v === undefined || v === null;
}

/**
 * A Value provides an atomic load and store of a consistently typed value
 * (Go: atomic.Value). load returns undefined until the first store. As in
 * Go, storing nil (undefined or null) panics, and so does storing a value of
 * another type than the first (typeof, and the prototype for objects).
 * Prefer Pointer<T> when nil is a legal value.
 */
export class Value<T = unknown> {
  private v: T | undefined = undefined;
  private set = false;

  /** load returns the value set by the most recent store, or undefined if there was none (Go: v.Load()). */
  load(): T | undefined {
    return this.v;
  }

  private check(val: T, op: string): void {
    if (isNil(val)) throw new GoPanic(`sync/atomic: ${op} of nil value into Value`);
    if (this.set && !sameType(this.v, val)) {
      throw new GoPanic(`sync/atomic: ${op} of inconsistently typed value into Value`);
    }
  }

  /** store sets the value (Go: v.Store(val)). Panics on nil or on a value of another type. */
  store(val: T): void {
    this.check(val, "store");
    this.v = val;
    this.set = true;
  }

  /** swap stores newVal and returns the previous value, undefined if none (Go: v.Swap(new)). */
  swap(newVal: T): T | undefined {
    this.check(newVal, "swap");
    const old = this.v;
    this.v = newVal;
    this.set = true;
    return old;
  }

  /**
   * compareAndSwap stores newVal if the value is (===) old, and reports
   * whether it did (Go: v.CompareAndSwap(old, new)). With no value yet, only
   * old undefined matches.
   */
  compareAndSwap(old: T | undefined, newVal: T): boolean {
    if (isNil(newVal)) throw new GoPanic("sync/atomic: compare and swap of nil value into Value");
    if (!isNil(old) && !sameType(old, newVal)) {
      throw new GoPanic("sync/atomic: compare and swap of inconsistently typed values into Value");
    }
    if (!this.set) {
      if (!isNil(old)) return false;
      this.v = newVal;
      this.set = true;
      return true;
    }
    if (!sameType(this.v, newVal)) {
      throw new GoPanic("sync/atomic: compare and swap of inconsistently typed value into Value");
    }
    if (this.v !== old) return false;
    this.v = newVal;
    return true;
  }
}

/**
 * A Pointer is an atomic reference to a T, or null (Go: atomic.Pointer[T]).
 * The zero value holds null.
 */
export class Pointer<T> {
  private v: T | null = null;
  /** load atomically loads and returns the value (Go: x.Load()). */
  load(): T | null {
    return this.v;
  }
  /** store atomically stores val (Go: x.Store(val)). */
  store(val: T | null): void {
    this.v = val;
  }
  /** swap atomically stores newVal and returns the previous value (Go: x.Swap(new)). */
  swap(newVal: T | null): T | null {
    const old = this.v;
    this.v = newVal;
    return old;
  }
  /** compareAndSwap stores newVal if the value is (===) old, and reports whether it did (Go: x.CompareAndSwap(old, new)). */
  compareAndSwap(old: T | null, newVal: T | null): boolean {
    if (this.v !== old) return false;
    this.v = newVal;
    return true;
  }
}
