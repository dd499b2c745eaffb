import { describe, it, expect } from "vitest";
import { WaitGroup } from "go/sync";
import * as synctest from "go/testing/synctest";
import * as time from "go/time";
import { Hits } from "./hits";
import type { Sink } from "./sink";

/** Schedules tried per explore: enough to catch every variant in variants/, few enough to keep a Run quick. */
const SEEDS = { seeds: 30 };

/** A metrics backend in virtual time: newSeries takes 5ms, reports take 1, 2 or 3ms in turn. */
class FakeSink implements Sink {
  readonly series = new Map<string, number>();
  readonly reports = new Map<string, number[]>();
  private calls = 0;

  async newSeries(path: string): Promise<void> {
    this.series.set(path, (this.series.get(path) ?? 0) + 1);
    await time.sleep(5 * time.Millisecond);
  }

  async report(path: string, count: number): Promise<void> {
    await time.sleep((1 + (this.calls++ % 3)) * time.Millisecond);
    this.reports.set(path, [...(this.reports.get(path) ?? []), count]);
  }

  /** The counts reported for path, sorted. */
  reported(path: string): number[] {
    return [...(this.reports.get(path) ?? [])].sort((a, b) => a - b);
  }
}

/** Runs every fn in its own goroutine and waits for all of them; returns their results in order. */
async function all<T>(fns: (() => Promise<T>)[]): Promise<T[]> {
  const out = new Array<T>(fns.length);
  const wg = new WaitGroup();
  fns.forEach((fn, i) =>
    wg.go(async () => {
      out[i] = await fn();
    }),
  );
  await wg.wait();
  return out;
}

const upTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
const show = (v: unknown) => JSON.stringify(v);
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);

describe("Task 1: atomic counters", () => {
  it("counts hits one after another", async () => {
    await synctest.run(async () => {
      const sink = new FakeSink();
      const hits = new Hits(sink);
      expect(hits.count("/"), "a path never hit has a count of 0").toBe(0);
      expect(hits.total(), "no hits yet").toBe(0);
      expect(
        [await hits.hit("/"), await hits.hit("/"), await hits.hit("/about")],
        "hit returns the path's new count",
      ).toEqual([1, 2, 1]);
      expect(hits.count("/"), "count(/) after 2 hits").toBe(2);
      expect(hits.total(), "total after 3 hits").toBe(3);
      expect(sink.reports.get("/"), "each hit reports the path's new count").toEqual([1, 2]);
    });
  });

  it("20 concurrent hits of one path count exactly 20, under every schedule", async () => {
    await synctest.explore(async () => {
      const sink = new FakeSink();
      const hits = new Hits(sink);
      await hits.hit("/"); // the series exists: only the counter is contended
      const got = await all(Array.from({ length: 20 }, () => () => hits.hit("/")));
      const s = synctest.seed();
      expect(hits.count("/"), `count(/) is ${hits.count("/")} after 21 hits (seed ${s}): an update was lost`).toBe(21);
      expect(hits.total(), `total is ${hits.total()} after 21 hits (seed ${s})`).toBe(21);
      expect(
        sorted(got),
        `the hits returned ${show(got)} (seed ${s}); each must get its own count, 2 to 21: use the value add returns`,
      ).toEqual(upTo(21).slice(1));
      expect(sink.reported("/"), `the sink got counts ${show(sink.reported("/"))} (seed ${s})`).toEqual(upTo(21));
    }, SEEDS);
  });
});

describe("Task 2: per-path counters in a sync.Map", () => {
  it("concurrent first hits of a path share one counter and create one series", async () => {
    await synctest.explore(async () => {
      const sink = new FakeSink();
      const hits = new Hits(sink);
      const paths = ["/", "/about", "/", "/cart", "/about", "/", "/cart", "/", "/about", "/"];
      await all(paths.map((p) => () => hits.hit(p)));
      const s = synctest.seed();
      for (const [p, n] of [
        ["/", 5],
        ["/about", 3],
        ["/cart", 2],
      ] as const) {
        expect(
          hits.count(p),
          `count(${p}) is ${hits.count(p)}, want ${n} (seed ${s}): two counters for one path?`,
        ).toBe(n);
        expect(sink.series.get(p), `newSeries(${p}) was called ${sink.series.get(p) ?? 0} times (seed ${s})`).toBe(1);
        expect(sink.reported(p), `the sink got counts ${show(sink.reported(p))} for ${p} (seed ${s})`).toEqual(upTo(n));
      }
      expect(hits.total(), `total is ${hits.total()} after 10 hits (seed ${s})`).toBe(10);
    }, SEEDS);
  });

  it("many paths at once: exact counts for each", async () => {
    await synctest.explore(async () => {
      const sink = new FakeSink();
      const hits = new Hits(sink);
      const paths = Array.from({ length: 24 }, (_, i) => `/p${i % 4}`);
      await all(paths.map((p) => () => hits.hit(p)));
      const counts = [0, 1, 2, 3].map((i) => hits.count(`/p${i}`));
      expect(counts, `counts per path ${show(counts)} (seed ${synctest.seed()}); each path was hit 6 times`).toEqual([
        6, 6, 6, 6,
      ]);
      expect(hits.total(), `total is ${hits.total()} after 24 hits`).toBe(24);
    }, SEEDS);
  });
});

describe("Task 3: a hit is reported before hit returns", () => {
  it("every report has arrived when the hits return", async () => {
    await synctest.run(async () => {
      const sink = new FakeSink();
      const hits = new Hits(sink);
      const start = time.now();
      await all(Array.from({ length: 6 }, () => () => hits.hit("/slow")));
      expect(sink.reported("/slow"), "when every hit has returned, the sink has all 6 counts").toEqual(upTo(6));
      const took = time.since(start);
      expect(
        took,
        `6 hits took ${took / time.Millisecond}ms; the counter does not serialise them: one 5ms newSeries, then reports of at most 3ms side by side`,
      ).toBeLessThanOrEqual(8 * time.Millisecond);
    });
  });
});
