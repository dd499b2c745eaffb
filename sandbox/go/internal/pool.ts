// sync.Pool: a cache of reusable values that a GC cycle may empty.
import { onGC } from "./gc";

/** Options of a Pool (Go: the fields of sync.Pool). */
export interface PoolOptions<T> {
  /**
   * new generates a value when get would otherwise return nothing
   * (Go: p.New). Without it get may return undefined.
   */
  new?: () => T;
}

/** One generation of cached values: Go's per-P private slot and shared list. */
interface Cache<T> {
  private: T | undefined;
  has: boolean;
  shared: T[];
}

function emptyCache<T>(): Cache<T> {
  return { private: undefined, has: false, shared: [] };
}

// Pools used since the last GC cycle, and those that now only hold a victim
// cache (Go: allPools, oldPools).
let allPools: Pool<unknown>[] = [];
let oldPools: Pool<unknown>[] = [];

onGC(() => {
  // Nothing cached anywhere (the usual case at a clock jump): skip the swap and its allocation.
  if (allPools.length === 0 && oldPools.length === 0) return;
  for (const p of oldPools) p._victim = emptyCache();
  for (const p of allPools) {
    p._victim = p._local;
    p._local = emptyCache();
    p._registered = false;
  }
  oldPools = allPools;
  allPools = [];
});

/**
 * A Pool is a set of temporary values that may be individually saved and
 * retrieved (Go: sync.Pool). Any value stored in the Pool may be removed at
 * any time without notice: as in Go, a value survives one GC cycle (it moves
 * to a victim cache) and is dropped at the second. Here a GC cycle happens at
 * gc() from "go" (Go: runtime.GC()) and whenever the bubble's virtual clock
 * jumps forward; a new bubble starts with every pool empty. So, as in Go,
 * never rely on getting back what you put: a Pool only saves allocations.
 *
 * Construct with a new function to never get undefined:
 * new Pool({ new: () => new Uint8Array(1024) }). Without one, use
 * Pool<T | undefined>.
 */
export class Pool<T> {
  /** The function that generates a value when the pool is empty (Go: p.New). */
  readonly new: (() => T) | undefined;
  /** @internal */ _local: Cache<T> = emptyCache();
  /** @internal */ _victim: Cache<T> = emptyCache();
  /** @internal */ _registered = false;

  constructor(...args: undefined extends T ? [opts?: PoolOptions<T>] : [opts: Required<PoolOptions<T>>]) {
    this.new = args[0]?.new;
  }

  private pin(): Cache<T> {
    if (!this._registered) {
      this._registered = true;
      allPools.push(this as Pool<unknown>);
    }
    return this._local;
  }

  /**
   * put adds x to the pool (Go: p.Put(x)). Putting undefined or null does
   * nothing.
   */
  put(x: T): void {
    if (x === undefined || x === null) return;
    const l = this.pin();
    if (!l.has) {
      l.private = x;
      l.has = true;
    } else {
      l.shared.push(x);
    }
  }

  /**
   * get selects an arbitrary value from the pool, removes it and returns it
   * (Go: p.Get()). If the pool is empty it returns the result of new, or
   * undefined without one. Do not assume any relation between the values
   * passed to put and those get returns.
   */
  get(): T {
    const l = this.pin();
    let x: T | undefined;
    let found = false;
    if (l.has) {
      x = l.private;
      l.private = undefined;
      l.has = false;
      found = true;
    } else if (l.shared.length > 0) {
      x = l.shared.pop(); // Go: shared.popHead, most recent first
      found = true;
    } else {
      // Go's getSlow: the victim cache, private slot first, then the oldest.
      const v = this._victim;
      if (v.has) {
        x = v.private;
        v.private = undefined;
        v.has = false;
        found = true;
      } else if (v.shared.length > 0) {
        x = v.shared.shift();
        found = true;
      }
    }
    if (!found && this.new) return this.new();
    return x as T;
  }
}
