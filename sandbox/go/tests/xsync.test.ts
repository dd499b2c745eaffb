import { describe, it, expect } from "vitest";
import { go, makeChan } from "go";
import { WaitGroup } from "go/sync";
import * as time from "go/time";
import * as context from "go/context";
import * as errgroup from "go/x/sync/errgroup";
import * as semaphore from "go/x/sync/semaphore";
import * as singleflight from "go/x/sync/singleflight";
import * as synctest from "go/testing/synctest";

describe("errgroup", () => {
  it("wait returns the first error and cancels the context", async () => {
    await synctest.run(async () => {
      const [g, ctx] = errgroup.withContext(context.background());
      const boom = new Error("boom");
      let cancelledAt = -1;
      await g.go(async () => {
        await time.sleep(100 * time.Millisecond);
        return boom;
      });
      await g.go(async () => {
        await time.sleep(200 * time.Millisecond);
        return new Error("later");
      });
      await g.go(async () => {
        await ctx.done().recv();
        cancelledAt = synctest.elapsed();
        return ctx.err();
      });
      expect(await g.wait()).toBe(boom);
      expect(cancelledAt).toBe(100 * time.Millisecond);
      expect(context.cause(ctx)).toBe(boom);
      expect(synctest.elapsed()).toBe(200 * time.Millisecond);
    });
  });

  it("thrown errors count as returned errors; success gives null and cancels ctx", async () => {
    await synctest.run(async () => {
      const g = new errgroup.Group();
      await g.go(() => {
        throw new Error("thrown");
      });
      expect((await g.wait())?.message).toBe("thrown");
      const [g2, ctx] = errgroup.withContext(context.background());
      await g2.go(() => time.sleep(5 * time.Millisecond).then(() => null));
      expect(await g2.wait()).toBeNull();
      expect(ctx.err()).toBe(context.Canceled);
    });
  });

  it("setLimit bounds active goroutines; go blocks; tryGo refuses", async () => {
    await synctest.run(async () => {
      const g = new errgroup.Group();
      g.setLimit(2);
      const gauge = synctest.gauge();
      for (let i = 0; i < 6; i++) await g.go(() => gauge.track(() => time.sleep(100 * time.Millisecond)));
      expect(g.tryGo(() => undefined)).toBe(false);
      expect(await g.wait()).toBeNull();
      expect(gauge.peak).toBe(2);
      expect(synctest.elapsed()).toBe(300 * time.Millisecond);
      expect(g.tryGo(() => undefined)).toBe(true);
      await g.wait();
    });
  });
});

describe("semaphore", () => {
  it("bounds concurrency by weight", async () => {
    await synctest.run(async () => {
      const sem = semaphore.newWeighted(3);
      const gauge = synctest.gauge();
      const wg = new WaitGroup();
      for (let i = 0; i < 9; i++)
        wg.go(async () => {
          expect(await sem.acquire(context.background(), 1)).toBeNull();
          try {
            await gauge.track(() => time.sleep(10 * time.Millisecond));
          } finally {
            sem.release(1);
          }
        });
      await wg.wait();
      expect(gauge.peak).toBe(3);
      expect(synctest.elapsed()).toBe(30 * time.Millisecond);
    });
  });

  it("acquire fails with ctx.err() when the context ends first", async () => {
    await synctest.run(async () => {
      const sem = semaphore.newWeighted(2);
      expect(sem.tryAcquire(2)).toBe(true);
      expect(sem.tryAcquire(1)).toBe(false);
      const [ctx, cancel] = context.withTimeout(context.background(), 50 * time.Millisecond);
      expect(await sem.acquire(ctx, 1)).toBe(context.DeadlineExceeded);
      expect(synctest.elapsed()).toBe(50 * time.Millisecond);
      cancel();
      sem.release(2);
      expect(sem.tryAcquire(2)).toBe(true);
      sem.release(2);
    });
  });

  it("serves waiters FIFO (a big request is not starved)", async () => {
    await synctest.run(async () => {
      const sem = semaphore.newWeighted(2);
      const order: string[] = [];
      await sem.acquire(context.background(), 2);
      go(async () => {
        await sem.acquire(context.background(), 2);
        order.push("big");
        sem.release(2);
      });
      await synctest.wait();
      go(async () => {
        await sem.acquire(context.background(), 1);
        order.push("small");
        sem.release(1);
      });
      await synctest.wait();
      sem.release(1);
      await synctest.wait();
      expect(order).toEqual([]);
      sem.release(1);
      await synctest.wait();
      expect(order).toEqual(["big", "small"]);
    });
  });

  it("over-release panics", async () => {
    await expect(synctest.run(() => semaphore.newWeighted(1).release(1))).rejects.toThrow(
      /panic: semaphore: released more than held/,
    );
  });
});

describe("singleflight", () => {
  it("runs fn once for concurrent callers of a key", async () => {
    await synctest.run(async () => {
      const g = new singleflight.Group<number>();
      let calls = 0;
      const results = makeChan<singleflight.Result<number>>(3);
      for (let i = 0; i < 3; i++)
        go(async () => {
          await results.send(
            await g.do("k", async () => {
              calls++;
              await time.sleep(100 * time.Millisecond);
              return 42;
            }),
          );
        });
      const rs = [await results.recv(), await results.recv(), await results.recv()];
      expect(calls).toBe(1);
      expect(rs).toEqual([
        [42, null, true],
        [42, null, true],
        [42, null, true],
      ]);
      expect(await g.do("k", () => 7)).toEqual([7, null, false]);
      const [, err] = await g.do("e", () => {
        throw new Error("fail");
      });
      expect(err?.message).toBe("fail");
    });
  });

  it("forget lets the next call run fn", async () => {
    await synctest.run(async () => {
      const g = new singleflight.Group<number>();
      let calls = 0;
      const wg = new WaitGroup();
      wg.go(() =>
        g.do("k", async () => {
          calls++;
          await time.sleep(100 * time.Millisecond);
          return 1;
        }),
      );
      await synctest.wait();
      g.forget("k");
      wg.go(() => g.do("k", () => ++calls));
      await wg.wait();
      expect(calls).toBe(2);
      const r = await g.doChan("z", () => 5).recv();
      expect(r).toEqual([5, null, false]);
    });
  });
});
