// A forgotten await: the one mistake this TypeScript mirror adds to Go. A
// goroutine that starts a blocking operation and moves on (starts another
// operation, or returns) while the operation is still pending panics with
// the operation, where it was started, and "forgot await?".
import { describe, it, expect } from "vitest";
import { go, makeChan, select } from "go";
import { Mutex, WaitGroup } from "go/sync";
import * as time from "go/time";
import * as synctest from "go/testing/synctest";

/** failure runs fn in a bubble and returns the message it fails with. */
async function failure(fn: () => Promise<void> | void): Promise<string> {
  const err = await synctest.run(fn).then(
    () => null,
    (e: Error) => e,
  );
  expect(err, "the run should fail").toBeInstanceOf(Error);
  return err!.message;
}

describe("forgot await?", () => {
  const cases: Array<[string, RegExp, () => Promise<void> | void]> = [
    [
      "a send on a buffered channel with room, then another send",
      /^panic: chan send at await\.test\.ts:\d+ was not awaited \(forgot await\?\): goroutine 1 went on to chan send while it was still pending/,
      async () => {
        const ch = makeChan<number>(2);
        ch.send(1);
        await ch.send(2);
      },
    ],
    [
      "a blocking receive, then a sleep",
      /^panic: chan receive at await\.test\.ts:\d+ was not awaited \(forgot await\?\): goroutine 1 went on to time\.sleep/,
      async () => {
        const ch = makeChan<number>();
        ch.recv();
        await time.sleep(time.Second);
      },
    ],
    [
      "a sleep, then a select",
      /^panic: time\.sleep at await\.test\.ts:\d+ was not awaited \(forgot await\?\): goroutine 1 went on to select/,
      async () => {
        time.sleep(time.Second);
        await select(time.after(time.Second).recvCase(() => {}));
      },
    ],
    [
      "a mutex lock, then a WaitGroup wait",
      /^panic: Mutex\.lock at await\.test\.ts:\d+ was not awaited \(forgot await\?\): goroutine 1 went on to WaitGroup\.wait/,
      async () => {
        const mu = new Mutex();
        const wg = new WaitGroup();
        mu.lock();
        await wg.wait();
      },
    ],
    [
      "a send as the goroutine's last statement",
      /^panic: chan send at await\.test\.ts:\d+ was not awaited \(forgot await\?\): goroutine 2 returned while it was still pending\n\ngoroutine 2 "worker" \[running\]:/,
      async () => {
        const ch = makeChan<number>();
        go(() => {
          ch.send(1);
        }, "worker");
        await time.sleep(time.Second);
        await ch.recv();
      },
    ],
    [
      "main returning with a wait pending",
      /^panic: WaitGroup\.wait at await\.test\.ts:\d+ was not awaited \(forgot await\?\): goroutine 1 returned while it was still pending/,
      () => {
        const wg = new WaitGroup();
        wg.add(1);
        go(async () => {
          await time.sleep(time.Second);
          wg.done();
        });
        wg.wait();
      },
    ],
  ];
  for (const [name, want, fn] of cases) {
    it(name, async () => {
      expect(await failure(fn)).toMatch(want);
    });
  }

  it("names the line of the forgotten operation and, for the next one, where it happened", async () => {
    const msg = await failure(async () => {
      const ch = makeChan<number>(1);
      ch.send(1); // line A
      await ch.recv(); // line A + 1
    });
    const [, opLine] = /chan send at await\.test\.ts:(\d+)/.exec(msg)!;
    expect(msg).toContain(`goroutine 1 [running]:\n\tat await.test.ts:${Number(opLine) + 1}`);
  });

  it("is caught whichever goroutine the scheduler runs next", async () => {
    for (let seed = 1; seed <= 20; seed++) {
      const err = await synctest
        .run(
          async () => {
            const ch = makeChan<number>();
            go(async () => {
              ch.send(1);
            });
            await ch.recv();
            await time.sleep(time.Second);
          },
          { seed },
        )
        .catch((e: Error) => e);
      expect(String(err), `seed ${seed}`).toMatch(
        /chan send at await\.test\.ts:\d+ was not awaited \(forgot await\?\)/,
      );
    }
  });

  it("returning the operation's promise, or awaiting it, is not a forgotten await", async () => {
    await synctest.explore(async () => {
      const ch = makeChan<number>();
      go(() => ch.send(1));
      go(async () => await ch.send(2));
      go(async () => {
        await ch.send(3);
      });
      go(() => select(ch.sendCase(4, () => {})));
      let sum = 0;
      for (let i = 0; i < 4; i++) sum += (await ch.recv())!;
      expect(sum).toBe(10);
    });
  });

  it("an awaited operation, or one awaited later before moving on, is fine", async () => {
    await synctest.run(async () => {
      const ch = makeChan<number>(1);
      const p = ch.send(1);
      const sum = 1 + 1;
      await p;
      expect(await ch.recv()).toBe(1);
      expect(sum).toBe(2);
    });
  });
});
