// Bubbles, ported from Go's internal/synctest/synctest_test.go and the
// testing/synctest package documentation (Go 1.25).
import { describe, it, expect } from "vitest";
import { go, makeChan, select } from "go";
import { Cond, Mutex, WaitGroup } from "go/sync";
import * as context from "go/context";
import * as time from "go/time";
import * as synctest from "go/testing/synctest";

describe("synctest (Go: internal/synctest/synctest_test.go)", () => {
  it("TestRunEmpty, TestSimpleWait, TestGoroutineWait", async () => {
    await synctest.run(() => {});
    await synctest.run(() => synctest.wait());
    await synctest.run(async () => {
      go(() => {});
      await synctest.wait();
    });
  });

  it("TestWait: wait returns once a chain of 100 goroutines has run", async () => {
    await synctest.run(async () => {
      let done = false;
      const ch = makeChan<number>();
      const f = async (): Promise<void> => {
        const count = (await ch.recv())!;
        if (count === 0) done = true;
        else {
          go(f);
          await ch.send(count - 1);
        }
      };
      go(f);
      await ch.send(100);
      await synctest.wait();
      expect(done).toBe(true);
    });
  });

  it("TestDeadlockRoot: main blocked forever", async () => {
    await expect(synctest.run(() => select())).rejects.toThrow("all goroutines are asleep - deadlock!");
  });

  it("TestDeadlockChild: a goroutine blocked forever when main returns", async () => {
    await expect(
      synctest.run(() => {
        go(() => select());
      }),
    ).rejects.toThrow(/^panic: deadlock: main bubble goroutine has exited but blocked goroutines remain/);
  });

  it("TestCond: signal and broadcast at exact virtual times", async () => {
    await synctest.run(async () => {
      const mu = new Mutex();
      const cond = new Cond(mu);
      const start = time.now();
      const waitTime = 1 * time.Millisecond;
      go(async () => {
        await time.sleep(waitTime);
        await mu.lock();
        cond.signal();
        mu.unlock();
        await time.sleep(waitTime);
        await mu.lock();
        cond.broadcast();
        mu.unlock();
      });
      await mu.lock();
      await cond.wait();
      mu.unlock();
      expect(time.since(start)).toBe(waitTime);
      let waiterDone = false;
      go(async () => {
        await mu.lock();
        await cond.wait();
        mu.unlock();
        waiterDone = true;
      });
      await mu.lock();
      await cond.wait();
      mu.unlock();
      await synctest.wait();
      expect(waiterDone).toBe(true);
      expect(time.since(start)).toBe(2 * waitTime);
    });
  });

  it("TestIteratorPush: a generator that sleeps between values", async () => {
    await synctest.run(async () => {
      async function* seq(): AsyncGenerator<time.Time> {
        for (;;) {
          yield time.now();
          await time.sleep(1 * time.Second);
        }
      }
      const got: string[] = [];
      go(async () => {
        for await (const now of seq()) {
          got.push(String(now));
          if (got.length >= 3) break;
        }
      });
      const want = [0, 1, 2].map((s) => String(time.now().add(s * time.Second)));
      await time.sleep(5 * time.Second);
      await synctest.wait();
      expect(got).toEqual(want);
    });
  });

  it("TestWaitGroupInBubble: wait takes exactly the goroutine's delay", async () => {
    await synctest.run(async () => {
      const wg = new WaitGroup();
      wg.add(1);
      const delay = 1 * time.Second;
      go(async () => {
        await time.sleep(delay);
        wg.done();
      });
      const start = time.now();
      await wg.wait();
      expect(time.since(start)).toBe(delay);
    });
  });
});

describe("synctest (Go: testing/synctest package examples)", () => {
  it("Example_contextAfterFunc: the callback runs once the context is cancelled", async () => {
    await synctest.run(async () => {
      const [ctx, cancel] = context.withCancel(context.background());
      let afterFuncCalled = false;
      context.afterFunc(ctx, () => void (afterFuncCalled = true));
      await synctest.wait();
      expect(afterFuncCalled).toBe(false);
      cancel();
      await synctest.wait();
      expect(afterFuncCalled).toBe(true);
    });
  });

  it("Example_contextWithTimeout: done exactly at the deadline, not a nanosecond before", async () => {
    await synctest.run(async () => {
      const timeout = 5 * time.Second;
      const [ctx, cancel] = context.withTimeout(context.background(), timeout);
      await time.sleep(timeout - time.Nanosecond);
      await synctest.wait();
      expect(ctx.err()).toBeNull();
      await time.sleep(time.Nanosecond);
      await synctest.wait();
      expect(ctx.err()).toBe(context.DeadlineExceeded);
      cancel();
    });
  });

  it("the clock stops when main returns: goroutines still sleeping are reported, not woken", async () => {
    let woke = false;
    const err = await synctest
      .run(() => {
        go(async () => {
          await time.sleep(time.Nanosecond);
          woke = true;
        }, "late");
      })
      .catch((e: Error) => e);
    expect(String(err)).toMatch(/goroutine 2 "late" \[sleep\]:\n\tblocked at synctest-go\.test\.ts:\d+/);
    expect(woke).toBe(false);
  });

  it("goroutines runnable when main returns still run to completion", async () => {
    let n = 0;
    await synctest.run(() => {
      for (let i = 0; i < 3; i++)
        go(async () => {
          await time.sleep(0);
          n++;
        });
    });
    expect(n).toBe(3);
  });
});
