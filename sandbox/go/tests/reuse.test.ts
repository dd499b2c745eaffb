// The runtime reuses some objects from one operation to the next to spare
// the garbage collector: a goroutine's channel waiter, a ticker's and a
// sleeping goroutine's timer entry. No state may leak from one use into the
// next.
import { describe, it, expect } from "vitest";
import { go, makeChan, select, defaultCase } from "go";
import * as time from "go/time";
import * as synctest from "go/testing/synctest";

describe("reused waiters", () => {
  it("a goroutine's completed receive leaves no waiter behind for its next operation", async () => {
    await synctest.run(async () => {
      const a = makeChan<number>();
      const b = makeChan<string>();
      go(async () => {
        expect(await a.recv()).toBe(1);
        await b.send("x"); // blocks: nobody receives yet
      });
      await a.send(1);
      await synctest.wait();
      // The goroutine now waits to send on b: nobody receives on a.
      expect(
        await select(
          a.sendCase(2, () => "sent"),
          defaultCase(() => "default"),
        ),
      ).toBe("default");
      expect(await b.recv()).toBe("x");
    });
  });

  it("a receive woken by close, then a send, then a receive: each gets its own result", async () => {
    await synctest.run(async () => {
      const a = makeChan<number>();
      const b = makeChan<number>();
      const got: unknown[] = [];
      go(async () => {
        got.push(await a.recvOk());
        await b.send(5);
        got.push(await b.recv());
      });
      await synctest.wait();
      a.close();
      expect(await b.recv()).toBe(5);
      await b.send(6);
      await synctest.wait();
      expect(got).toEqual([[undefined, false], 6]);
    });
  });
});

describe("reused timer entries", () => {
  it("a ticker stopped and reset, with a tick left unread in between, ticks on its new period", async () => {
    await synctest.run(async () => {
      const start = time.now();
      const tk = time.newTicker(10 * time.Millisecond);
      await tk.c.recv(); // 10ms
      await time.sleep(25 * time.Millisecond); // the 20ms tick waits unread; later ones are dropped
      tk.stop();
      tk.reset(7 * time.Millisecond);
      expect((await tk.c.recv())!.sub(start)).toBe(42 * time.Millisecond);
      expect((await tk.c.recv())!.sub(start)).toBe(49 * time.Millisecond);
      tk.stop();
      await time.sleep(time.Second);
      expect(
        await select(
          tk.c.recvCase(() => "tick"),
          defaultCase(() => "none"),
        ),
      ).toBe("none");
    });
  });

  it("a ticker reset right after a tick leaves the other timers' order intact", async () => {
    await synctest.run(async () => {
      const start = time.now();
      const woke = makeChan<number>(1);
      go(async () => {
        await time.sleep(40 * time.Millisecond);
        await woke.send(time.since(start));
      });
      const tk = time.newTicker(10 * time.Millisecond);
      await tk.c.recv(); // 10ms: the next tick is already scheduled for 20ms
      tk.reset(100 * time.Millisecond);
      expect(await woke.recv()).toBe(40 * time.Millisecond);
      expect((await tk.c.recv())!.sub(start)).toBe(110 * time.Millisecond);
      tk.stop();
    });
  });

  it("two tickers and a sleeper due at the same instants each fire at their own times, whatever the order", async () => {
    await synctest.explore(
      async () => {
        const start = time.now();
        const ms = () => time.since(start) / time.Millisecond;
        const got = { fast: [] as number[], slow: [] as number[], sleeper: [] as number[] };
        const wg = makeChan<void>(3);
        for (const [name, period, n] of [
          ["fast", 2, 6],
          ["slow", 3, 4],
        ] as const) {
          go(async () => {
            const tk = time.newTicker(period * time.Millisecond);
            for (let i = 0; i < n; i++) got[name].push((await tk.c.recv())!.sub(start) / time.Millisecond);
            tk.stop();
            await wg.send(undefined);
          });
        }
        go(async () => {
          for (let i = 0; i < 12; i++) {
            await time.sleep(time.Millisecond);
            got.sleeper.push(ms());
          }
          await wg.send(undefined);
        });
        for (let i = 0; i < 3; i++) await wg.recv();
        expect(got).toEqual({
          fast: [2, 4, 6, 8, 10, 12],
          slow: [3, 6, 9, 12],
          sleeper: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
        });
      },
      { seeds: 20 },
    );
  });

  it("a goroutine sleeps again and again: each sleep lasts its own duration", async () => {
    await synctest.run(async () => {
      const start = time.now();
      let total = 0;
      for (const d of [3, 1, 4, 1, 5, 9, 2, 6]) {
        await time.sleep(d * time.Millisecond);
        total += d;
        expect(time.since(start)).toBe(total * time.Millisecond);
      }
    });
  });
});
