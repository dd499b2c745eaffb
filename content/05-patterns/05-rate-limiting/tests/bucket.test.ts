import { describe, it, expect } from "vitest";
import { go } from "go";
import { WaitGroup } from "go/sync";
import * as synctest from "go/testing/synctest";
import * as time from "go/time";
import * as context from "go/context";
import { newBucket } from "./bucket";

/** d in milliseconds, for messages. */
const ms = (d: time.Duration) => `${d / time.Millisecond}ms`;
const list = (ds: time.Duration[]) => `[${ds.map(ms).join(", ")}]`;
const show = (v: unknown) => (v instanceof Error ? `Error(${JSON.stringify(v.message)})` : JSON.stringify(v));

describe("Task 1: a bucket hands out a burst, then one token per interval", () => {
  it("gives burst tokens at once, then one every interval", async () => {
    await synctest.run(async () => {
      const b = newBucket(100 * time.Millisecond, 3);
      const at: time.Duration[] = [];
      for (let i = 0; i < 7; i++) {
        const err = await b.take(context.background());
        expect(err, `take ${i + 1} failed with ${show(err)}; its context never ends`).toBeNull();
        at.push(synctest.elapsed());
      }
      b.stop();
      const want = [0, 0, 0, 100, 200, 300, 400].map((n) => n * time.Millisecond);
      expect(
        list(at),
        `tokens came at ${list(at)}; a full bucket of 3 gives 3 at once (no sleep before them), then one every 100ms`,
      ).toBe(list(want));
    });
  });

  it("refills up to burst only, however long it stays unused", async () => {
    await synctest.run(async () => {
      const b = newBucket(100 * time.Millisecond, 3);
      for (let i = 0; i < 3; i++) await b.take(context.background());
      await time.sleep(1050 * time.Millisecond); // ten intervals of rest
      // Count what can be taken before the next interval is due.
      const [ctx, cancel] = context.withTimeout(context.background(), 40 * time.Millisecond);
      let quick = 0;
      while ((await b.take(ctx)) === null) quick++;
      cancel();
      expect(
        quick,
        `${quick} tokens at once after a second of rest; a bucket holds at most burst = 3, the ticks that find it full are dropped`,
      ).toBe(3);
      const at: time.Duration[] = [];
      for (let i = 0; i < 3; i++) {
        await b.take(context.background());
        at.push(synctest.elapsed());
      }
      b.stop();
      const gaps = at.slice(1).map((t, i) => t - at[i]!);
      expect(list(gaps), `after the burst, tokens came ${list(gaps)} apart; the interval is 100ms`).toBe(
        list([100 * time.Millisecond, 100 * time.Millisecond]),
      );
      expect(
        at[0]! - 1050 * time.Millisecond,
        `the first token after the burst came ${ms(at[0]! - 1050 * time.Millisecond)} later; one interval at most`,
      ).toBeLessThanOrEqual(100 * time.Millisecond);
    });
  });

  it("is one bucket for every goroutine that takes from it", async () => {
    await synctest.explore(
      async () => {
        const b = newBucket(100 * time.Millisecond, 3);
        const at: time.Duration[] = [];
        const wg = new WaitGroup();
        for (let g = 0; g < 5; g++) {
          wg.add(1);
          go(async () => {
            for (let i = 0; i < 2; i++) {
              await b.take(context.background());
              at.push(synctest.elapsed());
            }
            wg.done();
          });
        }
        await wg.wait();
        b.stop();
        at.sort((x, y) => x - y);
        const want = [0, 0, 0, 100, 200, 300, 400, 500, 600, 700].map((n) => n * time.Millisecond);
        expect(list(at), `5 goroutines taking 2 tokens each got them at ${list(at)} (seed ${synctest.seed()})`).toBe(
          list(want),
        );
      },
      { seeds: 20 },
    );
  });
});

describe("Task 2: take gives up with its context, stop ends the bucket", () => {
  it("returns Canceled when the context is cancelled while waiting, without losing the token", async () => {
    await synctest.run(async () => {
      const b = newBucket(100 * time.Millisecond, 1);
      await b.take(context.background()); // empty now
      const [ctx, cancel] = context.withCancel(context.background());
      time.afterFunc(30 * time.Millisecond, cancel);
      const err = await b.take(ctx);
      expect(err, `got ${show(err)}; the caller cancelled at 30ms, before the next token`).toBe(context.Canceled);
      expect(synctest.elapsed(), `take returned at ${ms(synctest.elapsed())}; the caller cancelled at 30ms`).toBe(
        30 * time.Millisecond,
      );
      const again = await b.take(context.background());
      expect(again, `got ${show(again)}`).toBeNull();
      expect(
        synctest.elapsed(),
        `the next token came at ${ms(synctest.elapsed())}; it is due at 100ms and the cancelled take must not have used it`,
      ).toBe(100 * time.Millisecond);
      b.stop();
    });
  });

  it("gives up by a deadline it cannot meet", async () => {
    await synctest.run(async () => {
      const b = newBucket(100 * time.Millisecond, 1);
      await b.take(context.background());
      const [ctx, cancel] = context.withTimeout(context.background(), 50 * time.Millisecond);
      const err = await b.take(ctx);
      cancel();
      expect(err, "the next token is due at 100ms, the deadline is 50ms: take must return an error").not.toBeNull();
      expect(
        synctest.elapsed(),
        `take returned at ${ms(synctest.elapsed())}; it must give up by the deadline (50ms)`,
      ).toBeLessThanOrEqual(50 * time.Millisecond);
      b.stop();
    });
  });

  it("stop ends the goroutine that refills the bucket", async () => {
    await synctest.run(async () => {
      const b = newBucket(100 * time.Millisecond, 2);
      await b.take(context.background());
      await time.sleep(250 * time.Millisecond);
      b.stop();
      await synctest.wait();
      expect(
        synctest.goroutines(),
        `${synctest.goroutines() - 1} goroutine(s) still alive after stop(); the refilling goroutine must return and stop its ticker`,
      ).toBe(1);
    });
  });
});
