import { describe, it, expect } from "vitest";
import { go, makeChan, select } from "go";
import type { RecvChan } from "go";
import * as synctest from "go/testing/synctest";
import * as time from "go/time";
import * as context from "go/context";
import { fanOut, generate, merge, stage } from "./pipeline";

/** Schedules tried per explore: enough to catch every variant in variants/, few enough to keep a Run quick. */
const SEEDS = { seeds: 30 };

/** What a channel delivered, and whether and when it closed (a minute of silence means it never did). */
async function drain<T>(ch: RecvChan<T>, max = 1000): Promise<{ values: T[]; closed: boolean; at: time.Duration }> {
  const start = time.now();
  const values: T[] = [];
  while (values.length < max) {
    const [v, ok, silent] = await select(
      ch.recvCase((v, ok): [T | undefined, boolean, boolean] => [v, ok, false]),
      time.after(time.Minute).recvCase((): [T | undefined, boolean, boolean] => [undefined, false, true]),
    );
    if (silent) return { values, closed: false, at: time.since(start) };
    if (!ok) return { values, closed: true, at: time.since(start) };
    values.push(v as T);
  }
  return { values, closed: false, at: time.since(start) };
}

/** f for the stages: squares v after `d` of virtual time (longer for the values in `slow`), counted by gauge. */
const square =
  (gauge: synctest.Gauge, d: time.Duration = 100 * time.Millisecond, slow: Record<number, time.Duration> = {}) =>
  (v: number) =>
    gauge.track(async () => {
      await time.sleep(slow[v] ?? d);
      return v * v;
    });

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const ms = (d: time.Duration) => `${d / time.Millisecond}ms`;
const show = (v: unknown) => JSON.stringify(v);
const bg = () => context.background();

/** A channel fed by a goroutine: sends values one every `every`, then closes. */
function feed(values: number[], every: time.Duration): RecvChan<number> {
  const ch = makeChan<number>();
  go(async () => {
    for (const v of values) {
      await time.sleep(every);
      await ch.send(v);
    }
    ch.close();
  });
  return ch;
}

describe("Task 1: generate and stage pass the values along, in order", () => {
  it("generate sends every value, then closes its channel", async () => {
    await synctest.run(async () => {
      const { values, closed } = await drain(generate(bg(), [3, 1, 4, 1, 5]));
      expect(values, `generate sent ${show(values)}`).toEqual([3, 1, 4, 1, 5]);
      expect(closed, "generate never closed its channel, so a range over it never ends").toBe(true);
      const empty = await drain(generate(bg(), []));
      expect(empty.closed && empty.values.length === 0, "generate of no values closes its channel at once").toBe(true);
    });
  });

  it("stage applies f to each value in order and closes when its input closes", async () => {
    await synctest.run(async () => {
      const { values, closed, at } = await drain(stage(bg(), generate(bg(), range(1, 5)), square(synctest.gauge())));
      expect(values, `stage(square) sent ${show(values)}`).toEqual([1, 4, 9, 16, 25]);
      expect(closed, "stage never closed its channel after its input closed").toBe(true);
      expect(at, `closed after ${ms(at)}; one stage squares 5 values one after another, 100ms each`).toBe(
        500 * time.Millisecond,
      );
    });
  });

  it("stages chain: generate, then square, then add one", async () => {
    await synctest.run(async () => {
      const squares = stage(bg(), generate(bg(), range(1, 4)), square(synctest.gauge(), time.Millisecond));
      const { values, closed } = await drain(stage(bg(), squares, async (v: number) => v + 1));
      expect(values, `the chain sent ${show(values)}`).toEqual([2, 5, 10, 17]);
      expect(closed, "the last stage of the chain never closed its channel").toBe(true);
    });
  });
});

describe("Task 2: merge fans in and closes exactly once", () => {
  it("delivers every value of every input and closes when the last input closes", async () => {
    await synctest.explore(async () => {
      // Inputs that end at 300ms, 600ms and 200ms.
      const a = feed([1, 2, 3], 100 * time.Millisecond);
      const b = feed([10, 20, 30], 200 * time.Millisecond);
      const c = feed([100, 200], 100 * time.Millisecond);
      const { values, closed, at } = await drain(merge(bg(), a, b, c));
      expect(sorted(values), `merge delivered ${show(values)} (seed ${synctest.seed()})`).toEqual([
        1, 2, 3, 10, 20, 30, 100, 200,
      ]);
      expect(closed, `merge never closed its channel (seed ${synctest.seed()})`).toBe(true);
      expect(at, `merge closed after ${ms(at)}; its slowest input closed at 600ms`).toBe(600 * time.Millisecond);
    }, SEEDS);
  });

  it("closes once when all inputs end at the same moment, under every schedule", async () => {
    await synctest.explore(async () => {
      const inputs = [1, 2, 3, 4].map((i) => feed([i, i * 10], 50 * time.Millisecond));
      const { values, closed } = await drain(merge(bg(), ...inputs));
      expect(sorted(values), `merge delivered ${show(values)} (seed ${synctest.seed()})`).toEqual([
        1, 2, 3, 4, 10, 20, 30, 40,
      ]);
      expect(closed, `merge never closed its channel (seed ${synctest.seed()})`).toBe(true);
    }, SEEDS);
  });

  it("handles one input and no inputs", async () => {
    await synctest.run(async () => {
      const one = await drain(merge(bg(), generate(bg(), [7, 8])));
      expect(one.values, `merge of one input delivered ${show(one.values)}`).toEqual([7, 8]);
      expect(one.closed, "merge of one input never closed").toBe(true);
      const none = await drain(merge<number>(bg()));
      expect(none.closed && none.values.length === 0, "merge of no inputs closes its channel at once").toBe(true);
      expect(none.at, "merge of no inputs closes at once").toBe(0);
    });
  });
});

describe("Task 3: fanOut shares the work among workers", () => {
  it("delivers every result and runs `workers` stages at once", async () => {
    await synctest.explore(async () => {
      const gauge = synctest.gauge();
      const { values, closed } = await drain(fanOut(bg(), generate(bg(), range(1, 12)), square(gauge), 3));
      expect(sorted(values), `fanOut delivered ${show(values)} (seed ${synctest.seed()})`).toEqual(
        range(1, 12).map((v) => v * v),
      );
      expect(closed, `fanOut's channel never closed (seed ${synctest.seed()})`).toBe(true);
      expect(gauge.peak, `${gauge.peak} values were squared at once; the limit is 3 workers`).toBeLessThanOrEqual(3);
      expect(gauge.total, `f ran ${gauge.total} times for 12 values`).toBe(12);
    }, SEEDS);
  });

  it("takes as long as the busiest worker: a slow value does not hold up the others", async () => {
    await synctest.run(async () => {
      const gauge = synctest.gauge();
      // Value 1 takes 700ms, the other 11 take 100ms: while one worker is on
      // value 1, the other two square the rest in 600ms.
      const out = fanOut(
        bg(),
        generate(bg(), range(1, 12)),
        square(gauge, 100 * time.Millisecond, { 1: 700 * time.Millisecond }),
        3,
      );
      const { at } = await drain(out);
      expect(gauge.peak, `${gauge.peak} values were squared at once with 3 workers`).toBe(3);
      expect(at, `fanOut took ${ms(at)}; 3 workers take 700ms (batches of 3: 1000ms, one worker: 1800ms)`).toBe(
        700 * time.Millisecond,
      );
    });
  });
});

describe("Task 4: cancelling stops every stage and leaks no goroutine", () => {
  it("every goroutine exits when the consumer stops early and cancels", async () => {
    await synctest.explore(async () => {
      const [ctx, cancel] = context.withCancel(bg());
      let generated = 0;
      const counted = stage(ctx, generate(ctx, range(1, 100)), async (v: number) => {
        generated++;
        return v;
      });
      const out = fanOut(ctx, counted, square(synctest.gauge()), 3);
      for (let i = 0; i < 5; i++) await out.recv();
      cancel(); // the consumer has what it needs
      await time.sleep(time.Second); // let the squares in flight finish
      await synctest.wait();
      const left = synctest.goroutines() - 1;
      expect(
        left,
        `${left} goroutine(s) of the pipeline still blocked after the consumer cancelled (seed ${synctest.seed()}): every send must select on ctx.done(), and every stage must close its channel when it stops`,
      ).toBe(0);
      expect(
        generated,
        `${generated} of 100 values went into the pipeline for a consumer that took 5 (seed ${synctest.seed()}); generate must stop when ctx is done`,
      ).toBeLessThanOrEqual(15);
    }, SEEDS);
  });

  it("the output closes soon after the context's deadline, while the consumer keeps reading", async () => {
    await synctest.explore(async () => {
      const [ctx, cancel] = context.withTimeout(bg(), 350 * time.Millisecond);
      try {
        const out = fanOut(ctx, generate(ctx, range(1, 100)), square(synctest.gauge()), 2);
        const { values, closed, at } = await drain(out);
        expect(closed, `the pipeline's output never closed after the deadline (seed ${synctest.seed()})`).toBe(true);
        expect(
          at,
          `the output closed after ${ms(at)}; the deadline is 350ms and the squares in flight end at 400ms (seed ${synctest.seed()})`,
        ).toBeLessThanOrEqual(400 * time.Millisecond);
        expect(values.length, `the consumer got ${values.length} of 100 values after a 350ms deadline`).toBeLessThan(
          20,
        );
      } finally {
        cancel();
      }
    }, SEEDS);
  });

  it("a context cancelled before the start ends the pipeline at once", async () => {
    await synctest.run(async () => {
      const [ctx, cancel] = context.withCancel(bg());
      cancel();
      const { closed, values } = await drain(stage(ctx, generate(ctx, range(1, 100)), square(synctest.gauge())));
      expect(closed, "a pipeline on a cancelled context never closed its output").toBe(true);
      expect(
        values.length,
        `${values.length} of 100 values came out of a pipeline cancelled before it started`,
      ).toBeLessThan(20);
    });
  });
});
