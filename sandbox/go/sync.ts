// Package "go/sync": WaitGroup, Mutex, RWMutex, Once, Cond, Pool, Map.
//
//   Go                        TypeScript
//   var wg sync.WaitGroup     const wg = new WaitGroup()
//   wg.Add(1); go f()         wg.add(1); go(f)        (or wg.go(f), Go 1.25)
//   defer wg.Done()           try { ... } finally { wg.done() }
//   wg.Wait()                 await wg.wait()
//   mu.Lock(); defer mu.Unlock()   await mu.lock(); try { ... } finally { mu.unlock() }
import { requireBubble, activeBubble, spawnGoroutine } from "./internal/scheduler";
import type { G } from "./internal/scheduler";
import { GoPanic } from "./internal/panic";
import { Queue } from "./internal/chan";

/** A Locker can be locked and unlocked (Go: sync.Locker). */
export interface Locker {
  /** lock blocks until the lock is held. */
  lock(): Promise<void>;
  /** unlock releases the lock. */
  unlock(): void;
}

function fatal(msg: string): never {
  const b = activeBubble();
  if (b) throw b.fatal(msg);
  throw new GoPanic(msg, true);
}

function wake(g: G, value?: unknown): void {
  g.bubble.ready(g, value);
}

/**
 * A WaitGroup waits for a collection of goroutines to finish
 * (Go: sync.WaitGroup). The main goroutine calls add to set the number of
 * goroutines to wait for; each goroutine calls done when finished; wait
 * blocks until the counter is zero.
 */
export class WaitGroup {
  private n = 0;
  private waiters: G[] = [];

  /**
   * add adds delta (which may be negative) to the counter. When it reaches
   * zero, every goroutine blocked in wait is released. Panics with
   * "sync: negative WaitGroup counter" if it goes below zero. Call add before
   * starting the goroutine (not inside it), so wait cannot miss it.
   */
  add(delta: number): void {
    this.n += delta;
    if (this.n < 0) {
      this.n = 0;
      throw new GoPanic("sync: negative WaitGroup counter");
    }
    if (this.n === 0 && this.waiters.length > 0) {
      const ws = this.waiters;
      this.waiters = [];
      for (const g of ws) wake(g);
    }
  }

  /** done decrements the counter by one (Go: wg.Done()). */
  done(): void {
    this.add(-1);
  }

  /** wait blocks until the counter is zero (Go: wg.Wait()). */
  wait(): Promise<void> {
    const b = requireBubble("WaitGroup.wait");
    const g = b.caller("WaitGroup.wait");
    if (this.n === 0) return b.yield<void>(g);
    this.waiters.push(g);
    return b.park<void>(g, "waitgroup");
  }

  /**
   * go calls fn in a new goroutine and adds that task to the WaitGroup; done
   * is called when fn returns (Go 1.25: wg.Go(f)). name labels the goroutine.
   */
  go(fn: () => unknown | Promise<unknown>, name?: string): void {
    this.add(1);
    spawnGoroutine(async () => {
      try {
        await fn();
      } finally {
        this.done();
      }
    }, name);
  }
}

/**
 * A Mutex is a mutual exclusion lock (Go: sync.Mutex). The zero value is
 * unlocked. Waiters acquire it in arrival order. A Mutex is not tied to a
 * goroutine: one may lock it and another unlock it.
 */
export class Mutex implements Locker {
  private locked = false;
  private q = new Queue<G>();

  /** lock blocks until the mutex is available, then holds it (Go: mu.Lock()). */
  lock(): Promise<void> {
    const b = requireBubble("Mutex.lock");
    const g = b.caller("Mutex.lock");
    if (!this.locked) {
      this.locked = true;
      return b.yield<void>(g);
    }
    this.q.push(g);
    return b.park<void>(g, "mutex");
  }

  /**
   * tryLock locks the mutex if it is free and reports whether it did
   * (Go: mu.TryLock()). It never blocks.
   */
  tryLock(): boolean {
    if (this.locked) return false;
    this.locked = true;
    return true;
  }

  /**
   * unlock releases the mutex (Go: mu.Unlock()), handing it to the longest
   * waiting goroutine if any. Unlocking an unlocked mutex is a fatal error:
   * "fatal error: sync: unlock of unlocked mutex".
   */
  unlock(): void {
    if (!this.locked) fatal("sync: unlock of unlocked mutex");
    const g = this.q.shift();
    if (g) wake(g);
    else this.locked = false;
  }
}

/**
 * An RWMutex is a reader/writer lock (Go: sync.RWMutex): any number of
 * readers or one writer. Once a writer is waiting, new readers wait too, so a
 * writer is never starved.
 */
export class RWMutex implements Locker {
  private readers = 0;
  private writer = false;
  private readerQ: G[] = [];
  private writerQ = new Queue<G>();

  /** rLock locks for reading (Go: rw.RLock()); it blocks while a writer holds or awaits the lock. */
  rLock(): Promise<void> {
    const b = requireBubble("RWMutex.rLock");
    const g = b.caller("RWMutex.rLock");
    if (!this.writer && this.writerQ.length === 0) {
      this.readers++;
      return b.yield<void>(g);
    }
    this.readerQ.push(g);
    return b.park<void>(g, "rwmutex");
  }

  /** tryRLock read-locks if possible without blocking and reports whether it did. */
  tryRLock(): boolean {
    if (this.writer || this.writerQ.length > 0) return false;
    this.readers++;
    return true;
  }

  /**
   * rUnlock undoes one rLock (Go: rw.RUnlock()). Fatal error
   * "sync: RUnlock of unlocked RWMutex" if not read-locked.
   */
  rUnlock(): void {
    if (this.readers <= 0) fatal("sync: RUnlock of unlocked RWMutex");
    this.readers--;
    if (this.readers === 0 && !this.writer) {
      const w = this.writerQ.shift();
      if (w) {
        this.writer = true;
        wake(w);
      }
    }
  }

  /** lock locks for writing (Go: rw.Lock()); it blocks until no reader or writer holds the lock. */
  lock(): Promise<void> {
    const b = requireBubble("RWMutex.lock");
    const g = b.caller("RWMutex.lock");
    if (!this.writer && this.readers === 0) {
      this.writer = true;
      return b.yield<void>(g);
    }
    this.writerQ.push(g);
    return b.park<void>(g, "rwmutex");
  }

  /** tryLock write-locks if possible without blocking and reports whether it did. */
  tryLock(): boolean {
    if (this.writer || this.readers > 0) return false;
    this.writer = true;
    return true;
  }

  /**
   * unlock releases the write lock (Go: rw.Unlock()); readers that waited are
   * admitted first, then the next writer. Fatal error
   * "sync: Unlock of unlocked RWMutex" if not write-locked.
   */
  unlock(): void {
    if (!this.writer) fatal("sync: Unlock of unlocked RWMutex");
    this.writer = false;
    if (this.readerQ.length > 0) {
      const rs = this.readerQ;
      this.readerQ = [];
      this.readers += rs.length;
      for (const g of rs) wake(g);
      return;
    }
    const w = this.writerQ.shift();
    if (w) {
      this.writer = true;
      wake(w);
    }
  }

  /** rLocker returns a Locker whose lock/unlock call rLock/rUnlock (Go: rw.RLocker()). */
  rLocker(): Locker {
    return { lock: () => this.rLock(), unlock: () => this.rUnlock() };
  }
}

/**
 * Once performs exactly one action (Go: sync.Once). Concurrent callers of do
 * wait until the first call's fn has returned.
 */
export class Once {
  private isDone = false;
  private m = new Mutex();

  /**
   * do calls fn if and only if do is being called for the first time for this
   * Once (Go: once.Do(f)). No call returns until fn has returned (or thrown:
   * fn is then considered done too).
   */
  async do(fn: () => unknown | Promise<unknown>): Promise<void> {
    if (this.isDone) {
      const b = requireBubble("Once.do");
      return b.yield<void>(b.caller("Once.do"));
    }
    await this.m.lock();
    try {
      if (!this.isDone) {
        try {
          await fn();
        } finally {
          this.isDone = true;
        }
      }
    } finally {
      this.m.unlock();
    }
  }
}

/**
 * Cond is a condition variable (Go: sync.Cond): goroutines wait on it for an
 * event, holding l around the check. Construct with new Cond(mutex).
 */
export class Cond {
  private q = new Queue<G>();

  /** New Cond using locker l (Go: sync.NewCond(l)). */
  constructor(readonly l: Locker) {}

  /**
   * wait atomically unlocks l and suspends the caller until signal or
   * broadcast wakes it, then re-locks l before returning (Go: c.Wait()).
   * Always call it in a loop re-checking the condition.
   */
  async wait(): Promise<void> {
    const b = requireBubble("Cond.wait");
    const g = b.caller("Cond.wait");
    this.q.push(g);
    this.l.unlock();
    await b.park<void>(g, "cond");
    await this.l.lock();
  }

  /** signal wakes one goroutine waiting on c, if any (Go: c.Signal()). */
  signal(): void {
    const g = this.q.shift();
    if (g) wake(g);
  }

  /** broadcast wakes all goroutines waiting on c (Go: c.Broadcast()). */
  broadcast(): void {
    for (const g of this.q.drain()) wake(g);
  }
}

/**
 * onceFunc returns a function that invokes f only once; every call waits
 * for that one call to finish (Go: sync.OnceFunc). If f panics (throws),
 * the returned function throws the same value on every call.
 */
export function onceFunc(f: () => unknown | Promise<unknown>): () => Promise<void> {
  const first = onceValue(f);
  return async () => {
    await first();
  };
}

/**
 * onceValue returns a function that calls f once and returns its result on
 * every call (Go: sync.OnceValue). If f panics (throws), the returned
 * function throws the same value on every call.
 */
export function onceValue<T>(f: () => T | Promise<T>): () => Promise<T> {
  const o = new Once();
  let valid = false;
  let p: unknown;
  let result: T;
  // Built once so every call shares it; Once.do rethrows on the first call.
  const g = async () => {
    try {
      result = await f();
      valid = true;
    } catch (e) {
      p = e;
      throw e;
    }
  };
  return async () => {
    await o.do(g);
    if (!valid) throw p;
    return result;
  };
}

/**
 * onceValues returns a function that calls f once and returns its pair of
 * results on every call (Go: sync.OnceValues). If f panics (throws), the
 * returned function throws the same value on every call.
 */
export function onceValues<T1, T2>(f: () => [T1, T2] | Promise<[T1, T2]>): () => Promise<[T1, T2]> {
  const v = onceValue(f);
  return async () => {
    const [a, b] = await v();
    return [a, b];
  };
}

export { Pool } from "./internal/pool";
export type { PoolOptions } from "./internal/pool";
export { SyncMap as Map } from "./internal/syncmap";
