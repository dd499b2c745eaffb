// Tickers, and the Go 1.23 timer-channel contract shared with timers:
// ported from Go's time/tick_test.go and testTimerChan in time/sleep_test.go
// (the synctimerchan branch, i.e. GODEBUG asynctimerchan=0, Go 1.23's default).
import { describe, it, expect } from "vitest";
import { go, makeChan, select, defaultCase } from "go";
import type { RecvChan } from "go";
import * as time from "go/time";
import * as synctest from "go/testing/synctest";

function ready<T>(c: RecvChan<T>): Promise<boolean> {
  return select(
    c.recvCase(() => true),
    defaultCase(() => false),
  );
}

describe("tickers (Go: tick_test.go)", () => {
  it("TestTicker: ticks every period; reset changes the period; stop stops", async () => {
    for (const [count, delta] of [
      [10, 20 * time.Millisecond],
      [8, 1 * time.Second],
    ] as const) {
      await synctest.run(async () => {
        const ticker = time.newTicker(delta);
        const t0 = time.now();
        for (let i = 0; i < count / 2; i++) await ticker.c.recv();
        ticker.reset(delta * 2);
        for (let i = count / 2; i < count; i++) await ticker.c.recv();
        ticker.stop();
        expect(time.since(t0)).toBe(3 * delta * (count / 2));
        await time.sleep(2 * delta);
        expect(await ready(ticker.c)).toBe(false);
      });
    }
  });

  it("TestTeardown: create, read once, stop, three times", async () => {
    await synctest.run(async () => {
      for (let i = 0; i < 3; i++) {
        const ticker = time.newTicker(100 * time.Millisecond);
        await ticker.c.recv();
        ticker.stop();
      }
      expect(synctest.elapsed()).toBe(300 * time.Millisecond);
    });
  });

  it("TestTick: tick(d <= 0) is a nil channel", async () => {
    expect(String(time.tick(-1))).toBe("chan(nil)");
    expect(String(time.tick(0))).toBe("chan(nil)");
    await synctest.run(async () => {
      expect(await ready(time.tick(-1))).toBe(false);
    });
  });

  it("TestNewTickerLtZeroDuration / TestTickerResetLtZeroDuration: panics", async () => {
    await synctest.run(() => {
      expect(() => time.newTicker(-1)).toThrow("non-positive interval for NewTicker");
      expect(() => time.newTicker(0)).toThrow("non-positive interval for NewTicker");
      const tk = time.newTicker(time.Second);
      expect(() => tk.reset(0)).toThrow("non-positive interval for Ticker.Reset");
      tk.stop();
    });
  });

  it("TestTickTimes: a late receive gets the first tick; the next comes at the next period", async () => {
    await synctest.run(async () => {
      const start = time.now();
      const c = time.tick(10 * time.Millisecond);
      await time.sleep(500 * time.Millisecond);
      expect((await c.recv())!.sub(start)).toBe(10 * time.Millisecond);
      expect((await c.recv())!.sub(start)).toBe(510 * time.Millisecond);
    });
  });

  it("a ticker nobody reads does not stop the clock from jumping ahead, nor fail the run", async () => {
    const rep = await synctest.run(async () => {
      const tk = time.newTicker(time.Millisecond);
      await time.sleep(time.Hour);
      tk.stop();
    });
    expect(rep.virtualNs).toBe(time.Hour);
  });

  it("TestDeadlockTicker: a goroutine ranging over a tick when main returns is reported", async () => {
    await expect(
      synctest.run(() => {
        go(async () => {
          for await (const _ of time.tick(time.Second)) throw new Error("ticker unexpectedly ran");
        });
      }),
    ).rejects.toThrow("deadlock: main bubble goroutine has exited but blocked goroutines remain");
  });

  it("60 s of 1 ms ticks: 60,000 firings read by one goroutine", async () => {
    const t0 = performance.now();
    await synctest.run(async () => {
      const tk = time.newTicker(time.Millisecond);
      const start = time.now();
      for (let i = 1; i <= 60_000; i++) {
        const t = (await tk.c.recv())!;
        if (t.sub(start) !== i * time.Millisecond) throw new Error(`tick ${i} at ${time.durationString(t.sub(start))}`);
      }
      tk.stop();
      expect(time.since(start)).toBe(time.Minute);
    });
    // Generous: the bench measures the real figure (npm run bench:runtime).
    expect(performance.now() - t0).toBeLessThan(5000);
  });
});

/** A Timer-like view of a Ticker whose stop/reset report "pending" (Go: tickerTimer). */
interface TimerLike {
  stop(): boolean;
  reset(d: time.Duration): boolean;
}

function tickerTimer(tk: time.Ticker): TimerLike {
  let stopped = false;
  return {
    stop() {
      const pending = !stopped;
      stopped = true;
      tk.stop();
      return pending;
    },
    reset(d) {
      const pending = !stopped;
      stopped = false;
      tk.reset(d);
      return pending;
    },
  };
}

/** testTimerChan from Go's sleep_test.go, synctimerchan = true. */
async function testTimerChan(tim: TimerLike, C: RecvChan<time.Time>, isTicker: boolean): Promise<void> {
  const sched = 10 * time.Millisecond;
  const tries = 100;
  const noTick = async () => expect(await ready(C), "extra tick").toBe(false);
  const assertTick = async () => {
    if (await ready(C)) return;
    for (let i = 0; i < tries; i++) {
      await time.sleep(sched);
      if (await ready(C)) return;
    }
    throw new Error("missing tick");
  };
  const notDone = async (done: RecvChan<boolean>) => expect(await ready(done), "early done").toBe(false);
  const waitDone = async (done: RecvChan<boolean>) => {
    for (let i = 0; i < tries; i++) {
      await time.sleep(sched);
      if (await ready(done)) return;
    }
    throw new Error("never got done");
  };

  // Simple stop; timer never in heap.
  tim.stop();
  await noTick();
  // Modify of timer not in heap.
  tim.reset(10000 * time.Second);
  await noTick();
  // Modify of timer in heap.
  tim.reset(1);
  await time.sleep(sched);
  expect([C.len(), C.cap()]).toEqual([0, 0]);
  await assertTick();

  // Sleep long enough that a second tick must happen if this is a ticker;
  // Reset must not lose the tick that should have happened.
  await time.sleep(sched);
  tim.reset(10000 * time.Second);
  await noTick();

  // Stop while the timer is in the heap (a goroutine is blocked on C).
  tim.reset(10000 * time.Second);
  let done = makeChan<boolean>();
  await notDone(done);
  const d1 = done;
  go(async () => {
    await C.recv();
    d1.close();
  });
  await time.sleep(sched);
  await notDone(done);
  // Reset far away while in the heap.
  tim.reset(20000 * time.Second);
  await time.sleep(sched);
  await notDone(done);
  // Imminent reset while in the heap.
  tim.reset(1);
  await waitDone(done);
  // A ticker ticked again already (1 ns period); a timer has stopped.
  if (isTicker) await assertTick();
  else await noTick();
  tim.stop();
  await noTick();

  // Again using select, with two goroutines waiting.
  tim.reset(10000 * time.Second);
  done = makeChan<boolean>(2);
  const done1 = makeChan<boolean>();
  const done2 = makeChan<boolean>();
  let stop = makeChan<boolean>();
  for (const dn of [done1, done2]) {
    const d = done;
    const s = stop;
    go(async () => {
      await select(
        C.recvCase(() => d.send(true)),
        s.recvCase(() => {}),
      );
      dn.close();
    });
  }
  await time.sleep(sched);
  await notDone(done);
  tim.reset(sched / 2);
  await time.sleep(sched);
  await waitDone(done);
  tim.stop();
  stop.close();
  await waitDone(done1);
  await waitDone(done2);
  if (isTicker) {
    await select(
      done.recvCase(() => {}),
      defaultCase(() => {}),
    );
    await select(
      C.recvCase(() => {}),
      defaultCase(() => {}),
    );
  }
  await notDone(done);

  // Receivers blocked on a stopped timer get nothing.
  stop = makeChan<boolean>();
  done = makeChan<boolean>(2);
  for (let i = 0; i < 2; i++) {
    const d = done;
    const s = stop;
    go(async () => {
      await select(
        C.recvCase(() => {
          throw new Error("unexpected data");
        }),
        s.recvCase(() => {}),
      );
      await d.send(true);
    });
  }
  await time.sleep(sched);
  stop.close();
  await waitDone(done);
  await waitDone(done);

  // Stop and Reset block old values from being received (go.dev/issue/37196).
  tim.reset(1);
  await time.sleep(10 * time.Millisecond);
  expect(tim.stop(), "stop of a fired, unreceived timer").toBe(true);
  await noTick();
  tim.reset(time.Hour);
  await noTick();
  expect(tim.reset(1)).toBe(true);
  await assertTick();
  await time.sleep(10 * time.Millisecond);
  if (isTicker) {
    await assertTick();
    await time.sleep(10 * time.Millisecond);
  } else await noTick();
  expect(tim.reset(time.Hour)).toBe(isTicker);
  await noTick();
}

describe("TestChan (Go: sleep_test.go, asynctimerchan=0)", () => {
  it("Timer", async () => {
    await synctest.run(async () => {
      const tim = time.newTimer(10000 * time.Second);
      await testTimerChan(tim, tim.c, false);
      tim.stop();
    });
  });

  it("Ticker", async () => {
    await synctest.run(async () => {
      const tk = time.newTicker(10000 * time.Second);
      await testTimerChan(tickerTimer(tk), tk.c, true);
      tk.stop();
    });
  });
});
