// Ported from golang.org/x/sync/semaphore/semaphore_test.go.
import { describe, it, expect } from "vitest";
import { go, gosched, makeChan } from "go";
import { WaitGroup } from "go/sync";
import * as time from "go/time";
import * as context from "go/context";
import * as errgroup from "go/x/sync/errgroup";
import * as semaphore from "go/x/sync/semaphore";
import * as synctest from "go/testing/synctest";

const maxSleep = time.Millisecond;

/** HammerWeighted acquires and releases n, loops times, sleeping a random while inside. */
async function hammerWeighted(sem: semaphore.Weighted, n: number, loops: number, rand: () => number) {
  for (let i = 0; i < loops; i++) {
    await sem.acquire(context.background(), n);
    await time.sleep(Math.floor(rand() * (maxSleep / time.Nanosecond)) * time.Nanosecond);
    sem.release(n);
  }
}

describe("semaphore.Weighted", () => {
  it("survives a hammering by goroutines of every weight (TestWeighted)", async () => {
    await synctest.run(async () => {
      const n = 4;
      const loops = 200 / n;
      const sem = semaphore.newWeighted(n);
      let seed = 7;
      const rand = () => ((seed = (seed * 16807) % 2147483647), seed / 2147483647);
      const wg = new WaitGroup();
      for (let i = 0; i < n; i++) wg.go(() => hammerWeighted(sem, i, loops, rand));
      await wg.wait();
      expect(sem.tryAcquire(n)).toBe(true);
    });
  });

  it("panics when releasing more than held (TestWeightedPanic)", async () => {
    await synctest.run(async () => {
      expect(() => semaphore.newWeighted(1).release(1)).toThrow("semaphore: released more than held");
    });
  });

  it("tryAcquire (TestWeightedTryAcquire)", async () => {
    await synctest.run(async () => {
      const ctx = context.background();
      const sem = semaphore.newWeighted(2);
      const tries: boolean[] = [];
      await sem.acquire(ctx, 1);
      tries.push(sem.tryAcquire(1));
      tries.push(sem.tryAcquire(1));
      sem.release(2);
      tries.push(sem.tryAcquire(1));
      await sem.acquire(ctx, 1);
      tries.push(sem.tryAcquire(1));
      expect(tries).toEqual([true, false, true, false]);
    });
  });

  it("acquire with a timeout (TestWeightedAcquire)", async () => {
    await synctest.run(async () => {
      const ctx = context.background();
      const sem = semaphore.newWeighted(2);
      const tryAcquire = async (n: number) => {
        const [tctx, cancel] = context.withTimeout(ctx, 10 * time.Millisecond);
        try {
          return (await sem.acquire(tctx, n)) === null;
        } finally {
          cancel();
        }
      };
      const tries: boolean[] = [];
      await sem.acquire(ctx, 1);
      tries.push(await tryAcquire(1));
      tries.push(await tryAcquire(1));
      sem.release(2);
      tries.push(await tryAcquire(1));
      await sem.acquire(ctx, 1);
      tries.push(await tryAcquire(1));
      expect(tries).toEqual([true, false, true, false]);
    });
  });

  it("a request larger than the size does not block others (TestWeightedDoesntBlockIfTooBig)", async () => {
    await synctest.run(async () => {
      const n = 2;
      const sem = semaphore.newWeighted(n);
      const [bigCtx, cancel] = context.withCancel(context.background());
      go(() => sem.acquire(bigCtx, n + 1));
      const [g, ctx] = errgroup.withContext(context.background());
      for (let i = n * 3; i > 0; i--) {
        await g.go(async () => {
          const err = await sem.acquire(ctx, 1);
          if (err === null) {
            await time.sleep(time.Millisecond);
            sem.release(1);
          }
          return err;
        });
      }
      expect(await g.wait()).toBeNull();
      cancel();
    });
  });

  it("a large acquire is not starved by small ones (TestLargeAcquireDoesntStarve)", async () => {
    await synctest.run(async () => {
      const ctx = context.background();
      const n = 4;
      const sem = semaphore.newWeighted(n);
      let running = true;
      const starved = time.afterFunc(time.Minute, () => {
        throw new Error("Acquire(n) starved");
      });
      const wg = new WaitGroup();
      wg.add(n);
      for (let i = n; i > 0; i--) {
        await sem.acquire(ctx, 1);
        go(async () => {
          try {
            while (running) {
              await time.sleep(time.Millisecond);
              sem.release(1);
              await sem.acquire(ctx, 1);
            }
          } finally {
            sem.release(1);
            wg.done();
          }
        });
      }
      await sem.acquire(ctx, n);
      running = false;
      sem.release(n);
      await wg.wait();
      starved.stop();
    });
  });

  it("cancelling a big waiter lets a small one through (TestAllocCancelDoesntStarve)", async () => {
    await synctest.explore(
      async () => {
        const sem = semaphore.newWeighted(10);
        // Block off a portion of the semaphore so that acquire(_, 10) can eventually succeed.
        await sem.acquire(context.background(), 1);
        const [ctx, cancel] = context.withCancel(context.background());
        go(() => sem.acquire(ctx, 10));
        // Wait until the acquire(_, 10) call blocks.
        while (sem.tryAcquire(1)) {
          sem.release(1);
          await gosched();
        }
        // Now try to grab a read lock, and simultaneously unblock the acquire(_, 10) call.
        go(() => cancel());
        expect(await sem.acquire(context.background(), 1)).toBeNull();
        sem.release(1);
      },
      { seeds: 20 },
    );
  });

  it("fails when ctx is cancelled before the tokens come, and leaves them (TestWeightedAcquireCanceled)", async () => {
    await synctest.explore(
      async () => {
        const sem = semaphore.newWeighted(2);
        const [ctx, cancel] = context.withCancel(context.background());
        await sem.acquire(context.background(), 1);
        const ch = makeChan<void>();
        go(async () => {
          // Synchronize with the acquire(2) below.
          while (sem.tryAcquire(1)) {
            sem.release(1);
            await gosched();
          }
          // Now cancel ctx, and then release the token.
          cancel();
          sem.release(1);
          ch.close();
        });
        // Since the context closing happens before enough tokens become
        // available, this acquire must fail.
        expect(await sem.acquire(ctx, 2)).toBe(context.Canceled);
        // There must always be two tokens in the semaphore after the other
        // goroutine releases the one we held at the start.
        await ch.recv();
        expect(sem.tryAcquire(2)).toBe(true);
        // We don't acquire with a done context even when we would not block.
        sem.release(2);
        expect(await sem.acquire(ctx, 1)).toBe(context.Canceled);
      },
      { seeds: 20 },
    );
  });

  it("a waiter granted the tokens just before its ctx ends gives them back (Acquire's ready case)", async () => {
    await synctest.run(async () => {
      const sem = semaphore.newWeighted(1);
      await sem.acquire(context.background(), 1);
      const [ctx, cancel] = context.withCancel(context.background());
      const result = makeChan<Error | null>(1);
      go(async () => result.send(await sem.acquire(ctx, 1)));
      await synctest.wait(); // the waiter is queued
      sem.release(1); // grants the waiter the token ...
      cancel(); // ... but its ctx ends before it runs again
      expect(await result.recv()).toBe(context.Canceled);
      expect(sem.tryAcquire(1)).toBe(true); // the token came back
    });
  });
});
