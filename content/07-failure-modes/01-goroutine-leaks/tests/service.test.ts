import { describe, it, expect } from "vitest";
import * as synctest from "go/testing/synctest";
import * as time from "go/time";
import * as context from "go/context";
import { firstBelow, heartbeat, lookup } from "./service";

/** d in milliseconds, for messages. */
const ms = (d: time.Duration) => `${d / time.Millisecond}ms`;
const show = (v: unknown) => (v instanceof Error ? `Error(${JSON.stringify(v.message)})` : JSON.stringify(v));

/** A backend answering price after d of virtual time. */
const backend = (price: number, d: time.Duration) => async () => {
  await time.sleep(d);
  return price;
};

describe("Task 1: lookup leaves no abandoned sender", () => {
  it("returns the price as soon as the backend answers", async () => {
    await synctest.run(async () => {
      const [ctx, cancel] = context.withTimeout(context.background(), time.Second);
      const start = time.now();
      const result = await lookup(ctx, backend(42, 300 * time.Millisecond));
      const took = time.since(start);
      cancel();
      expect(result, `got ${show(result)}; the backend answered 42 in time`).toEqual([42, null]);
      expect(took, `took ${ms(took)}; the backend answered after 300ms`).toBe(300 * time.Millisecond);
    });
  });

  it("gives up at the deadline, and the late answer does not block its goroutine forever", async () => {
    // If the lookup goroutine is still stuck on its send when the test ends,
    // synctest.run fails with "main bubble goroutine has exited but blocked
    // goroutines remain" and shows it: goroutine "lookup" [chan send].
    await synctest.run(async () => {
      const [ctx, cancel] = context.withTimeout(context.background(), time.Second);
      const start = time.now();
      const [price, err] = await lookup(ctx, backend(42, time.Minute));
      const took = time.since(start);
      cancel();
      expect(err, `got ${show(err)}; the caller's deadline passed first`).toBe(context.DeadlineExceeded);
      expect(price, "a lookup that timed out returns 0").toBe(0);
      expect(took, `gave up after ${ms(took)}; the deadline is 1000ms away`).toBe(time.Second);
      // The clock stops when this function returns (Go 1.25): let the
      // backend answer, a minute late, before checking for leaks.
      await time.sleep(time.Minute);
    });
  });

  it("never loses an instant answer, under 30 schedules", async () => {
    await synctest.explore(
      async () => {
        const [ctx, cancel] = context.withTimeout(context.background(), time.Second);
        const start = time.now();
        const result = await lookup(ctx, async () => 7);
        const took = time.since(start);
        cancel();
        expect(result, `got ${show(result)} under seed ${synctest.seed()}; the backend answered 7 at once`).toEqual([
          7,
          null,
        ]);
        expect(took, `took ${ms(took)} under seed ${synctest.seed()} for an answer that took no time`).toBe(0);
      },
      { seeds: 30 },
    );
  });
});

/** Prices with uneven fetch times: [price, how long fetching it takes]. */
const table: Record<string, [number, time.Duration]> = {
  apple: [120, 50 * time.Millisecond],
  pear: [95, 300 * time.Millisecond],
  plum: [80, 20 * time.Millisecond],
  fig: [60, 100 * time.Millisecond],
  kiwi: [40, 10 * time.Millisecond],
};

/** A price function over table that counts its calls. */
function pricer() {
  const asked: string[] = [];
  const price = async (item: string) => {
    asked.push(item);
    const [p, d] = table[item] ?? [0, 0];
    await time.sleep(d);
    return p;
  };
  return { asked, price };
}

describe("Task 2: firstBelow stops the producer when it returns", () => {
  const items = ["apple", "pear", "plum", "fig", "kiwi"];

  it("returns the first price below the limit as soon as it arrives, and stops prices", async () => {
    // A producer left blocked on `out.send` shows in the leak report as
    // goroutine "prices" [chan send] (or [select] if it never hears ctx end).
    await synctest.run(async () => {
      const { asked, price } = pricer();
      const start = time.now();
      const found = await firstBelow(context.background(), items, price, 90);
      const took = time.since(start);
      expect(found, `got ${show(found)}; plum (80) is the first price below 90`).toBe(80);
      expect(
        took,
        `took ${ms(took)}; apple, pear and plum take 50 + 300 + 20 = 370ms - return at the first match, do not read the rest`,
      ).toBe(370 * time.Millisecond);
      await time.sleep(time.Second);
      expect(
        asked.length,
        `prices fetched ${asked.join(", ")}; once firstBelow returned it may finish the fetch in hand, no more`,
      ).toBeLessThanOrEqual(4);
    });
  });

  it("returns null when no price is below the limit", async () => {
    await synctest.run(async () => {
      const { asked, price } = pricer();
      const found = await firstBelow(context.background(), items, price, 10);
      expect(found, `got ${show(found)}; no price is below 10`).toBe(null);
      expect(asked, "every item is priced when none matches").toEqual(items);
    });
  });

  it("leaves no producer behind when prices come at once, under 30 schedules", async () => {
    await synctest.explore(
      async () => {
        const found = await firstBelow(context.background(), [1, 5, 2, 9].map(String), async (s) => Number(s), 3);
        expect(found, `got ${show(found)} under seed ${synctest.seed()}; 1 is the first price below 3`).toBe(1);
      },
      { seeds: 30 },
    );
  });
});

describe("Task 3: heartbeat stops with its context", () => {
  it("beats every interval until ctx ends, then never again", async () => {
    await synctest.run(async () => {
      const [ctx, cancel] = context.withCancel(context.background());
      const start = time.now();
      const beats: string[] = [];
      heartbeat(ctx, time.Second, () => beats.push(ms(time.since(start))));
      await time.sleep(3500 * time.Millisecond);
      cancel();
      await time.sleep(10 * time.Second);
      expect(beats, "beats at 1s, 2s and 3s; none after ctx ended at 3.5s").toEqual(["1000ms", "2000ms", "3000ms"]);
    });
  });

  it("exits at once when ctx ends, without waiting for another tick", async () => {
    // A goroutine still waiting on the ticker shows in the leak report as
    // goroutine "heartbeat" [chan receive] (or [select]).
    await synctest.run(async () => {
      const [ctx, cancel] = context.withCancel(context.background());
      let beats = 0;
      heartbeat(ctx, time.Hour, () => beats++);
      await time.sleep(90 * time.Minute);
      cancel();
      await synctest.wait(); // let the heartbeat goroutine react, without moving the clock
      expect(beats, "one beat at 1h before ctx ended at 1h30m").toBe(1);
      expect(
        synctest.goroutines(),
        "the heartbeat goroutine is still alive after ctx ended: select on ctx.done() beside the ticker",
      ).toBe(1);
    });
  });
});
