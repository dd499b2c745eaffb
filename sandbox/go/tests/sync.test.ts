import { describe, it, expect } from "vitest";
import { go, makeChan, panic, GoPanic } from "go";
import { WaitGroup, Mutex, RWMutex, Once, Cond, onceFunc, onceValue, onceValues } from "go/sync";
import * as time from "go/time";
import * as synctest from "go/testing/synctest";

describe("WaitGroup", () => {
  it("waits for all goroutines", async () => {
    await synctest.run(async () => {
      const wg = new WaitGroup();
      const done: number[] = [];
      for (let i = 1; i <= 5; i++) {
        wg.add(1);
        go(async () => {
          try {
            await time.sleep(i * 100 * time.Millisecond);
            done.push(i);
          } finally {
            wg.done();
          }
        });
      }
      await wg.wait();
      expect(done.sort()).toEqual([1, 2, 3, 4, 5]);
      expect(synctest.elapsed()).toBe(500 * time.Millisecond);
    });
  });

  it("wg.go adds, runs and marks done", async () => {
    await synctest.run(async () => {
      const wg = new WaitGroup();
      let n = 0;
      for (let i = 0; i < 10; i++)
        wg.go(async () => {
          await time.sleep(time.Second);
          n++;
        });
      await wg.wait();
      expect(n).toBe(10);
      expect(synctest.elapsed()).toBe(1000 * time.Millisecond);
    });
  });

  it("negative counter panics", async () => {
    await expect(synctest.run(() => new WaitGroup().done())).rejects.toThrow(
      /^panic: sync: negative WaitGroup counter/,
    );
  });

  it("wait with a zero counter returns at once", async () => {
    await synctest.run(async () => {
      await new WaitGroup().wait();
    });
  });
});

describe("Mutex", () => {
  it("provides mutual exclusion across awaits", async () => {
    await synctest.explore(
      async () => {
        const mu = new Mutex();
        let balance = 100;
        const wg = new WaitGroup();
        for (let i = 0; i < 4; i++)
          wg.go(async () => {
            await mu.lock();
            try {
              if (balance >= 30) {
                await time.sleep(0);
                balance -= 30;
              }
            } finally {
              mu.unlock();
            }
          });
        await wg.wait();
        expect(balance).toBe(10);
      },
      { seeds: 30 },
    );
  });

  it("hands the lock to waiters in arrival order", async () => {
    await synctest.run(async () => {
      const mu = new Mutex();
      await mu.lock();
      const order: number[] = [];
      const wg = new WaitGroup();
      for (let i = 0; i < 3; i++) {
        wg.go(async () => {
          await mu.lock();
          order.push(i);
          mu.unlock();
        });
        await synctest.wait();
      }
      mu.unlock();
      await wg.wait();
      expect(order).toEqual([0, 1, 2]);
    });
  });

  it("tryLock", async () => {
    await synctest.run(async () => {
      const mu = new Mutex();
      expect(mu.tryLock()).toBe(true);
      expect(mu.tryLock()).toBe(false);
      mu.unlock();
    });
  });

  it("unlock of unlocked mutex is a fatal error", async () => {
    await expect(synctest.run(() => new Mutex().unlock())).rejects.toThrow(
      /^fatal error: sync: unlock of unlocked mutex/,
    );
  });

  it("a fatal error cannot be caught", async () => {
    await expect(
      synctest.run(async () => {
        try {
          new Mutex().unlock();
        } catch {
          // recovered?
        }
        await time.sleep(1 * time.Millisecond);
      }),
    ).rejects.toThrow(/^fatal error: sync: unlock of unlocked mutex/);
  });

  it("lock held forever deadlocks with a dump", async () => {
    const err = await synctest
      .run(async () => {
        const mu = new Mutex();
        await mu.lock();
        go(async () => {
          await mu.lock();
        }, "locker");
        await mu.lock();
      })
      .catch((e: Error) => e);
    expect(String(err)).toMatch(
      /fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 "main" \[mutex\]:\n\tblocked at sync\.test\.ts:\d+\n\tcreated by synctest\.run\n\ngoroutine 2 "locker" \[mutex\]:\n\tblocked at sync\.test\.ts:\d+\n\tcreated by goroutine 1 at sync\.test\.ts:\d+/,
    );
  });
});

describe("RWMutex", () => {
  it("allows many readers or one writer", async () => {
    await synctest.run(async () => {
      const rw = new RWMutex();
      const g = synctest.gauge();
      let writers = 0;
      let maxWriters = 0;
      let readersDuringWrite = 0;
      const wg = new WaitGroup();
      for (let i = 0; i < 5; i++)
        wg.go(async () => {
          await rw.rLock();
          g.enter();
          if (writers > 0) readersDuringWrite++;
          await time.sleep(10 * time.Millisecond);
          g.leave();
          rw.rUnlock();
        });
      for (let i = 0; i < 2; i++)
        wg.go(async () => {
          await rw.lock();
          writers++;
          maxWriters = Math.max(maxWriters, writers);
          if (g.current > 0) readersDuringWrite++;
          await time.sleep(10 * time.Millisecond);
          writers--;
          rw.unlock();
        });
      await wg.wait();
      expect(maxWriters).toBe(1);
      expect(readersDuringWrite).toBe(0);
      expect(g.peak).toBeGreaterThan(1);
    });
  });

  it("a waiting writer blocks new readers", async () => {
    await synctest.run(async () => {
      const rw = new RWMutex();
      await rw.rLock();
      const order: string[] = [];
      go(async () => {
        await rw.lock();
        order.push("writer");
        rw.unlock();
      });
      await synctest.wait();
      go(async () => {
        await rw.rLock();
        order.push("reader2");
        rw.rUnlock();
      });
      await synctest.wait();
      expect(order).toEqual([]);
      rw.rUnlock();
      await synctest.wait();
      expect(order).toEqual(["writer", "reader2"]);
    });
  });

  it("misuse is fatal", async () => {
    await expect(synctest.run(() => new RWMutex().rUnlock())).rejects.toThrow(
      /^fatal error: sync: RUnlock of unlocked RWMutex/,
    );
    await expect(synctest.run(() => new RWMutex().unlock())).rejects.toThrow(
      /^fatal error: sync: Unlock of unlocked RWMutex/,
    );
  });
});

describe("Once and Cond", () => {
  it("Once runs fn once; concurrent callers wait for it", async () => {
    await synctest.run(async () => {
      const once = new Once();
      let calls = 0;
      const wg = new WaitGroup();
      const seen: time.Duration[] = [];
      for (let i = 0; i < 3; i++)
        wg.go(async () => {
          await once.do(async () => {
            await time.sleep(100 * time.Millisecond);
            calls++;
          });
          seen.push(synctest.elapsed());
        });
      await wg.wait();
      expect(calls).toBe(1);
      expect(seen).toEqual([100 * time.Millisecond, 100 * time.Millisecond, 100 * time.Millisecond]);
      const v = onceValue(() => ++calls);
      expect(await v()).toBe(2);
      expect(await v()).toBe(2);
    });
  });

  it("Cond signal and broadcast", async () => {
    await synctest.run(async () => {
      const mu = new Mutex();
      const cond = new Cond(mu);
      let ready = false;
      const woke: number[] = [];
      const wg = new WaitGroup();
      for (let i = 0; i < 3; i++)
        wg.go(async () => {
          await mu.lock();
          while (!ready) await cond.wait();
          woke.push(i);
          mu.unlock();
        });
      await synctest.wait();
      expect(woke).toEqual([]);
      await mu.lock();
      ready = true;
      cond.signal();
      mu.unlock();
      await synctest.wait();
      expect(woke.length).toBe(1);
      cond.broadcast();
      await wg.wait();
      expect(woke.length).toBe(3);
    });
  });

  it("channels and sync interoperate", async () => {
    await synctest.run(async () => {
      const results = makeChan<number>(10);
      const wg = new WaitGroup();
      for (let i = 0; i < 10; i++) wg.go(() => results.send(i * i));
      go(async () => {
        await wg.wait();
        results.close();
      });
      let sum = 0;
      for await (const v of results) sum += v;
      expect(sum).toBe(285);
    });
  });
});

// Ported from Go's src/sync/oncefunc_test.go.
describe("onceFunc, onceValue, onceValues", () => {
  it("call f once (TestOnceFunc, TestOnceValue, TestOnceValues)", async () => {
    await synctest.run(async () => {
      let calls = 0;
      const f = onceFunc(() => void calls++);
      for (let i = 0; i < 10; i++) await f();
      expect(calls).toBe(1);
      let vcalls = 0;
      const v = onceValue(() => ++vcalls);
      for (let i = 0; i < 10; i++) expect(await v()).toBe(1);
      let pcalls = 0;
      const vs = onceValues((): [number, number] => {
        pcalls++;
        return [pcalls, pcalls + 1];
      });
      for (let i = 0; i < 10; i++) expect(await vs()).toEqual([1, 2]);
      expect([vcalls, pcalls]).toEqual([1, 1]);
    });
  });

  // testOncePanicX: every call panics with the same value; f runs once.
  const cases: [string, (calls: { n: number }) => () => Promise<unknown>][] = [
    ["OnceFunc", (c) => onceFunc(() => (c.n++, panic("x")))],
    ["OnceValue", (c) => onceValue((): number => (c.n++, panic("x")))],
    ["OnceValues", (c) => onceValues((): [number, number] => (c.n++, panic("x")))],
  ];
  for (const [name, make] of cases)
    it(`${name} re-panics with the same value on every call (TestOnce*Panic)`, async () => {
      await synctest.run(async () => {
        const calls = { n: 0 };
        const f = make(calls);
        const seen: unknown[] = [];
        for (const _label of ["first time", "second time", "third time"]) {
          try {
            await f();
            seen.push("no panic");
          } catch (e) {
            seen.push(e instanceof GoPanic ? e.value : e);
          }
        }
        expect(seen).toEqual(["x", "x", "x"]);
        expect(calls.n).toBe(1);
      });
    });

  it("panic(nil) also re-panics (TestOnceFuncPanicNil)", async () => {
    await synctest.run(async () => {
      let calls = 0;
      const f = onceFunc(() => (calls++, panic(null)));
      for (let i = 0; i < 2; i++) await expect(f()).rejects.toBeInstanceOf(GoPanic);
      expect(calls).toBe(1);
    });
  });

  it("concurrent callers wait for the first call, then all panic", async () => {
    await synctest.run(async () => {
      let calls = 0;
      const start = time.now();
      const f = onceValue(async (): Promise<number> => {
        calls++;
        await time.sleep(10 * time.Millisecond);
        panic("late");
      });
      const wg = new WaitGroup();
      const got: unknown[] = [];
      for (let i = 0; i < 3; i++)
        wg.go(async () => {
          try {
            await f();
          } catch (e) {
            got.push([(e as GoPanic).value, time.since(start)]);
          }
        });
      await wg.wait();
      expect(calls).toBe(1);
      expect(got).toEqual([
        ["late", 10 * time.Millisecond],
        ["late", 10 * time.Millisecond],
        ["late", 10 * time.Millisecond],
      ]);
    });
  });

  it("an uncaught re-panic fails the bubble with Go's report", async () => {
    await expect(
      synctest.run(async () => {
        const f = onceFunc(() => panic("boom"));
        await f().catch(() => undefined);
        await f();
      }),
    ).rejects.toThrow(/^panic: boom/);
  });
});
