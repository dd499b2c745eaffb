import { describe, it, expect } from "vitest";
import * as synctest from "go/testing/synctest";
import * as time from "go/time";
import { fetchAll, fetchAllLimited } from "./fetch";

/** A fake fetch: page `id` takes `delay(id)` of (virtual) time; the gauge counts fetches in flight. */
function fakeFetch(gauge: synctest.Gauge, delay: (id: number) => number = () => time.Second) {
  return (id: number) =>
    gauge.track(async () => {
      await time.sleep(delay(id));
      return `page ${id}`;
    });
}

const ids = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

describe("Task 1: fetchAll returns every page in order", () => {
  it("returns the pages in the order of ids, whatever order they finish in", async () => {
    await synctest.run(async () => {
      const pages = await fetchAll(
        [3, 1, 2],
        fakeFetch(synctest.gauge(), (id) => id * time.Second),
      );
      expect(pages).toEqual(["page 3", "page 1", "page 2"]);
    });
  });

  it("handles an empty list", async () => {
    await synctest.run(async () => {
      expect(await fetchAll([], fakeFetch(synctest.gauge()))).toEqual([]);
    });
  });
});

describe("Task 2: fetchAll fetches in parallel", () => {
  it("10 fetches of 1s each take 1s, not 10s", async () => {
    await synctest.run(async () => {
      const start = time.now();
      await fetchAll(ids, fakeFetch(synctest.gauge()));
      expect(time.since(start)).toBe(1 * time.Second);
    });
  });

  it("has all 10 fetches in flight at once", async () => {
    await synctest.run(async () => {
      const gauge = synctest.gauge();
      await fetchAll(ids, fakeFetch(gauge));
      expect(gauge.peak).toBe(10);
    });
  });
});

describe("Task 3: fetchAllLimited uses a pool of workers", () => {
  it("returns every page in order", async () => {
    await synctest.run(async () => {
      const pages = await fetchAllLimited(
        ids,
        fakeFetch(synctest.gauge(), (id) => (id % 3) * time.Second),
        3,
      );
      expect(pages).toEqual(ids.map((id) => `page ${id}`));
    });
  });

  it("never has more than `workers` fetches in flight, and keeps them all busy", async () => {
    await synctest.run(async () => {
      const gauge = synctest.gauge();
      const start = time.now();
      await fetchAllLimited(ids, fakeFetch(gauge), 3);
      expect(gauge.peak).toBe(3);
      // 10 jobs of 1s on 3 workers: 4 rounds.
      expect(time.since(start)).toBe(4 * time.Second);
    });
  });

  it("starts exactly `workers` goroutines", async () => {
    const report = await synctest.run(async () => {
      await fetchAllLimited(ids, fakeFetch(synctest.gauge()), 4);
    });
    // main + 4 workers
    expect(report.peakGoroutines).toBe(5);
  });
});
