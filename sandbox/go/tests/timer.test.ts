// Timers, ported from Go's time/sleep_test.go (Go 1.23+ semantics) and the
// timer cases of internal/synctest/synctest_test.go. Go's versions retry
// with longer delays to survive loaded machines; on the virtual clock every
// delay is exact, so the assertions are too.
import { describe, it, expect } from "vitest";
import { go, makeChan, select, defaultCase, gosched } from "go";
import type { Chan } from "go";
import * as time from "go/time";
import * as synctest from "go/testing/synctest";

/** ready reports whether c has a value to receive now (Go: select { case <-c: default: }). */
function ready<T>(c: { recvCase: Chan<T>["recvCase"] }): Promise<boolean> {
  return select(
    c.recvCase(() => true),
    defaultCase(() => false),
  );
}

describe("time.sleep and time.after (Go: sleep_test.go)", () => {
  it("TestSleep: sleep(d) takes exactly d", async () => {
    await synctest.run(async () => {
      const delay = 100 * time.Millisecond;
      go(() => time.sleep(delay / 2));
      const start = time.now();
      await time.sleep(delay);
      expect(time.now().sub(start)).toBe(delay);
    });
  });

  it("TestAfterFunc: a chain of afterFunc(0) calls runs to the end", async () => {
    await synctest.run(async () => {
      let i = 10;
      const c = makeChan<boolean>();
      const f = async (): Promise<void> => {
        i--;
        if (i >= 0) {
          time.afterFunc(0, f);
          await time.sleep(1 * time.Second);
        } else await c.send(true);
      };
      time.afterFunc(0, f);
      await c.recv();
      expect(i).toBe(-1);
      // Go 1.25: the clock stops when main returns, so let the sleepers finish.
      await time.sleep(1 * time.Second);
    });
  });

  it("TestAfterStress: a 1 ns ticker read 100 times while another goroutine sleeps", async () => {
    await synctest.run(async () => {
      let stop = false;
      go(async () => {
        while (!stop) await time.sleep(time.Nanosecond);
      });
      const ticker = time.newTicker(1);
      for (let i = 0; i < 100; i++) await ticker.c.recv();
      ticker.stop();
      stop = true;
    });
  });

  it("TestAfter: the value received is the time the timer was due", async () => {
    await synctest.run(async () => {
      const delay = 100 * time.Millisecond;
      const start = time.now();
      const end = (await time.after(delay).recv())!;
      expect(time.now().sub(start)).toBe(delay);
      expect(end.equal(start.add(delay))).toBe(true);
    });
  });

  it("TestAfterTick: ten after(d) in a row take 10d", async () => {
    await synctest.run(async () => {
      const delta = 100 * time.Millisecond;
      const t0 = time.now();
      for (let i = 0; i < 10; i++) await time.after(delta).recv();
      expect(time.now().sub(t0)).toBe(10 * delta);
    });
  });

  it("TestAfterStop: stopped timers and afterFuncs never fire; stop twice is false", async () => {
    await synctest.run(async () => {
      time.afterFunc(100 * time.Millisecond, () => {});
      const t0 = time.newTimer(50 * time.Millisecond);
      const c1 = makeChan<boolean>(1);
      const t1 = time.afterFunc(150 * time.Millisecond, () => c1.send(true));
      const c2 = time.after(200 * time.Millisecond);
      expect(t0.stop()).toBe(true);
      expect(t1.stop()).toBe(true);
      await c2.recv();
      expect(await ready(t0.c)).toBe(false);
      expect(await ready(c1)).toBe(false);
      expect(t1.stop()).toBe(false);
    });
  });

  it("TestAfterQueuing: after() channels deliver in deadline order at their deadlines", async () => {
    const slots = [5, 3, 6, 6, 6, 1, 1, 2, 7, 9, 4, 8, 0];
    await synctest.run(async () => {
      const delta = 20 * time.Millisecond;
      const result = makeChan<[number, time.Time]>(slots.length);
      const t0 = time.now();
      for (const slot of slots) {
        const ac = time.after(slot * delta);
        go(async () => void (await result.send([slot, (await ac.recv())!])));
      }
      const order: number[] = [];
      for (let i = 0; i < slots.length; i++) {
        const [slot, t] = (await result.recv())!;
        order.push(slot);
        expect(t.sub(t0)).toBe(slot * delta);
      }
      expect(order).toEqual([...slots].sort((a, b) => a - b));
    });
  });

  it("TestTimerStopStress: 100 afterFuncs stopped before they fire", async () => {
    await synctest.run(async () => {
      let fired = 0;
      for (let i = 0; i < 100; i++) {
        go(async () => {
          const timer = time.afterFunc(2 * time.Second, () => void fired++);
          await time.sleep(1 * time.Second);
          timer.stop();
        });
      }
      await time.sleep(3 * time.Second);
      expect(fired).toBe(0);
    });
  });

  it("TestSleepZeroDeadlock: sleep(0) only yields", async () => {
    await synctest.run(async () => {
      const c = makeChan<boolean>();
      go(async () => {
        for (let i = 0; i < 100; i++) await gosched();
        await c.send(true);
      });
      for (let i = 0; i < 100; i++) {
        await time.sleep(0);
        const tmp = makeChan<boolean>(1);
        await tmp.send(true);
        await tmp.recv();
      }
      await c.recv();
      expect(synctest.elapsed()).toBe(0);
    });
  });

  it("TestReset: reset of an unfired timer is true, of an expired one false", async () => {
    await synctest.run(async () => {
      const d = 25 * time.Millisecond;
      const t0 = time.newTimer(2 * d);
      await time.sleep(d);
      expect(t0.reset(3 * d)).toBe(true);
      await time.sleep(2 * d);
      expect(await ready(t0.c)).toBe(false); // fired early?
      await time.sleep(2 * d);
      expect(await ready(t0.c)).toBe(true); // reset timer fired
      expect(t0.reset(50 * time.Millisecond)).toBe(false);
    });
  });

  it("TestOverflowSleep: a huge duration never fires, a hugely negative one at once", async () => {
    await synctest.run(async () => {
      const big = 2 ** 63 - 1;
      expect(
        await select(
          time.after(big).recvCase(() => "big"),
          time.after(25 * time.Millisecond).recvCase(() => "ok"),
        ),
      ).toBe("ok");
      expect(
        await select(
          time.after(-(2 ** 63)).recvCase(() => "ok"),
          time.after(1 * time.Second).recvCase(() => "late"),
        ),
      ).toBe("ok");
    });
  });

  it("TestZeroTimer: newTimer(0) delivers without advancing the clock", async () => {
    await synctest.run(async () => {
      for (let i = 0; i < 1000; i++) {
        const s = time.now();
        const ti = time.newTimer(0);
        await ti.c.recv();
        expect(time.since(s)).toBe(0);
      }
    });
  });

  it("TestAfterTimes: a late receive gets the time the timer was due, not the time of the receive", async () => {
    await synctest.run(async () => {
      const start = time.now();
      const c = time.after(10 * time.Millisecond);
      await time.sleep(500 * time.Millisecond);
      expect((await c.recv())!.sub(start)).toBe(10 * time.Millisecond);
    });
  });
});

describe("Go 1.23 timer channels", () => {
  it("are unbuffered: len and cap are 0, even with a value waiting", async () => {
    await synctest.run(async () => {
      const t = time.newTimer(time.Millisecond);
      expect([t.c.len(), t.c.cap()]).toEqual([0, 0]);
      await time.sleep(10 * time.Millisecond);
      expect([t.c.len(), t.c.cap()]).toEqual([0, 0]);
      expect(await ready(t.c)).toBe(true);
    });
  });

  it("stop of a fired, unreceived timer is true and discards the value, so `if !t.Stop() { <-t.C }` does not hang", async () => {
    await synctest.run(async () => {
      const t = time.newTimer(time.Millisecond);
      await time.sleep(10 * time.Millisecond);
      if (!t.stop()) await t.c.recv();
      expect(await ready(t.c)).toBe(false);
      // Received first: stop is false, and nothing is left to receive.
      t.reset(time.Millisecond);
      await t.c.recv();
      expect(t.stop()).toBe(false);
    });
  });

  it("reset discards a stale value: the next receive gets the new deadline", async () => {
    await synctest.run(async () => {
      const start = time.now();
      const t = time.newTimer(time.Millisecond);
      await time.sleep(10 * time.Millisecond);
      expect(t.reset(time.Second)).toBe(true);
      expect((await t.c.recv())!.sub(start)).toBe(10 * time.Millisecond + time.Second);
    });
  });

  it("TestTimerReadBeforeDeadline / TestTimerReadAfterDeadline", async () => {
    await synctest.run(async () => {
      const start = time.now();
      const tm = time.newTimer(5 * time.Second);
      await tm.c.recv();
      expect(time.since(start)).toBe(5 * time.Second);
      const want = time.now().add(time.Second);
      const tm2 = time.newTimer(time.Second);
      await time.sleep(2 * time.Second);
      expect((await tm2.c.recv())!.equal(want)).toBe(true);
    });
  });

  it("TestTimerReset: each reset counts from the time of the reset", async () => {
    await synctest.run(async () => {
      const start = time.now();
      const tm = time.newTimer(1 * time.Second);
      expect((await tm.c.recv())!.equal(start.add(1 * time.Second))).toBe(true);
      tm.reset(2 * time.Second);
      expect((await tm.c.recv())!.equal(start.add(3 * time.Second))).toBe(true);
      tm.reset(3 * time.Second);
      await time.sleep(1 * time.Second);
      tm.reset(3 * time.Second);
      expect((await tm.c.recv())!.equal(start.add(7 * time.Second))).toBe(true);
    });
  });

  it("TestTimeAfter: afterFunc runs in a goroutine of the bubble", async () => {
    await synctest.run(async () => {
      let i = 0;
      time.afterFunc(1 * time.Second, () => {
        i++;
        go(async () => {
          await time.sleep(1 * time.Second);
          i++;
        });
      });
      await time.sleep(3 * time.Second);
      await synctest.wait();
      expect(i).toBe(2);
    });
  });

  it("TestTimerAfterBubbleExit: a pending afterFunc does not run after main returns", async () => {
    let run = false;
    await synctest.run(() => {
      time.afterFunc(1 * time.Second, () => void (run = true));
    });
    expect(run).toBe(false);
  });

  it("TestTimerNondeterminism: timers due at the same instant fire in either order", async () => {
    await synctest.run(async () => {
      let seen1 = false;
      let seen2 = false;
      for (let i = 0; i < 1000 && !(seen1 && seen2); i++) {
        const tm1 = time.newTimer(1);
        const tm2 = time.newTimer(1);
        await select(
          tm1.c.recvCase(() => void (seen1 = true)),
          tm2.c.recvCase(() => void (seen2 = true)),
        );
        await synctest.wait();
      }
      expect([seen1, seen2]).toEqual([true, true]);
    });
  });

  it("TestSleepNondeterminism: goroutines waking at the same instant run in either order", async () => {
    await synctest.run(async () => {
      const seen = new Set<number>();
      for (let i = 0; i < 1000 && seen.size < 2; i++) {
        let first = 0;
        go(async () => {
          await time.sleep(1);
          first ||= 1;
        });
        go(async () => {
          await time.sleep(1);
          first ||= 2;
        });
        await time.sleep(1);
        await synctest.wait();
        seen.add(first);
      }
      expect([...seen].sort()).toEqual([1, 2]);
    });
  });

  it("TestTimerRunsImmediately / TestTimerRanInPast: due timers are readable without blocking", async () => {
    await synctest.run(async () => {
      const start = time.now();
      const tm = time.newTimer(0);
      expect(
        await select(
          tm.c.recvCase((t) => t!.equal(start)),
          defaultCase(() => "not readable"),
        ),
      ).toBe(true);
      const want = time.now().add(time.Second);
      const tm2 = time.newTimer(time.Second);
      await time.sleep(2 * time.Second);
      expect(
        await select(
          tm2.c.recvCase((t) => t!.equal(want)),
          defaultCase(() => "not readable"),
        ),
      ).toBe(true);
    });
  });

  it("TestAfterFuncRunsImmediately: afterFunc(0) runs without the bubble blocking", async () => {
    await synctest.run(async () => {
      let b = false;
      time.afterFunc(0, () => void (b = true));
      while (!b) await gosched();
    });
  });

  it("a goroutine started by afterFunc is dumped as created by time.AfterFunc at its call", async () => {
    const err = await synctest
      .run(() => {
        time.afterFunc(0, () => makeChan<number>().recv());
      })
      .catch((e: Error) => e);
    expect(String(err)).toMatch(
      /goroutine 2 "time\.AfterFunc" \[chan receive\]:\n\tblocked at timer\.test\.ts:\d+\n\tcreated by time\.AfterFunc at timer\.test\.ts:\d+/,
    );
  });

  it("afterFunc timers have a nil channel; stop and reset report whether the call was pending", async () => {
    await synctest.run(async () => {
      let n = 0;
      const t = time.afterFunc(time.Second, () => void n++);
      expect(String(t.c)).toBe("chan(nil)");
      expect(t.reset(2 * time.Second)).toBe(true);
      await time.sleep(3 * time.Second);
      expect(n).toBe(1);
      expect(t.stop()).toBe(false);
      expect(t.reset(time.Second)).toBe(false);
      await time.sleep(time.Second);
      expect(n).toBe(2);
    });
  });
});
