// Package "go/x/sync/semaphore": a weighted semaphore
// (golang.org/x/sync/semaphore).
//
//   Go                                      TypeScript
//   sem := semaphore.NewWeighted(3)         const sem = semaphore.newWeighted(3)
//   if err := sem.Acquire(ctx, 1); ...      const err = await sem.acquire(ctx, 1)
//   defer sem.Release(1)                    try { ... } finally { sem.release(1) }
import { makeChan, selectImpl } from "../../internal/chan";
import type { Chan } from "../../internal/chan";
import { requireBubble } from "../../internal/scheduler";
import { GoPanic } from "../../internal/panic";
import type { Context } from "../../context";

interface Waiter {
  n: number;
  ready: Chan<void>;
}

/**
 * Weighted provides a way to bound concurrent access to a resource
 * (Go: semaphore.Weighted). Callers request a weight; waiters are served in
 * FIFO order, so a large request is not starved by small ones.
 */
export class Weighted {
  private cur = 0;
  private waiters: Waiter[] = [];

  /** New semaphore with total weight size (Go: semaphore.NewWeighted(n)). */
  constructor(private readonly size: number) {}

  /**
   * acquire acquires weight n, blocking until resources are available or ctx
   * is done (Go: s.Acquire(ctx, n)). It returns null on success, or
   * ctx.err() (leaving the semaphore unchanged) on failure: also when ctx is
   * already done on entry, and when ctx becomes done while the tokens are
   * being granted (they are given back).
   */
  async acquire(ctx: Context, n = 1): Promise<Error | null> {
    const b = requireBubble("Weighted.acquire");
    const done = ctx.done();
    if (ctx.err()) return ctx.err();
    if (this.size - this.cur >= n && this.waiters.length === 0) {
      this.cur += n;
      await b.yield<void>(b.caller("Weighted.acquire"));
      return null;
    }
    if (n > this.size) {
      // Never satisfiable: wait for ctx.
      await selectImpl([done.recvCase(() => undefined)], "semaphore");
      return ctx.err();
    }
    const w: Waiter = { n, ready: makeChan<void>() };
    this.waiters.push(w);
    return (await selectImpl(
      [
        w.ready.recvCase(() => {
          // Acquired, but ctx may have become done meanwhile: as Go, fail
          // then and give the tokens back.
          if (done._closed) {
            this.release(n);
            return ctx.err();
          }
          return null;
        }),
        done.recvCase(() => {
          if (w.ready._closed) {
            // Acquired after ctx was cancelled: give it back.
            this.cur -= n;
            this.notifyWaiters();
          } else {
            const front = this.waiters[0] === w;
            this.waiters.splice(this.waiters.indexOf(w), 1);
            if (front && this.size > this.cur) this.notifyWaiters();
          }
          return ctx.err();
        }),
      ],
      "semaphore",
    )) as Error | null;
  }

  /**
   * tryAcquire acquires weight n without blocking and reports whether it did
   * (Go: s.TryAcquire(n)).
   */
  tryAcquire(n = 1): boolean {
    if (this.size - this.cur >= n && this.waiters.length === 0) {
      this.cur += n;
      return true;
    }
    return false;
  }

  /**
   * release releases weight n (Go: s.Release(n)), waking waiters in FIFO
   * order. Panics with "semaphore: released more than held".
   */
  release(n = 1): void {
    this.cur -= n;
    if (this.cur < 0) {
      this.cur += n;
      throw new GoPanic("semaphore: released more than held");
    }
    this.notifyWaiters();
  }

  private notifyWaiters(): void {
    while (this.waiters.length > 0) {
      const w = this.waiters[0]!;
      if (this.size - this.cur < w.n) break; // FIFO: do not let small requests starve a big one
      this.cur += w.n;
      this.waiters.shift();
      w.ready.close();
    }
  }
}

/** newWeighted creates a weighted semaphore with total weight n (Go: semaphore.NewWeighted(n)). */
export function newWeighted(n: number): Weighted {
  return new Weighted(n);
}
