import { describe, it, expect } from "vitest";
import * as synctest from "go/testing/synctest";

/** Schedules tried per explore: enough to catch every variant in variants/, few enough to keep a Run quick. */
const SEEDS = { seeds: 30 };
import * as time from "go/time";
import { fetchAll, fetchAllLimited } from "./fetch";
import type { Fetch } from "./fetch";

/** How page `id` behaves: how long it takes, and whether it fails. */
interface Plan {
  delay?: (id: number) => time.Duration;
  fails?: (id: number) => boolean;
}

/** The error page `id` fails with, one per id, so a test can tell which one came back. */
const errors = new Map<number, Error>();
const errorOf = (id: number): Error => {
  let err = errors.get(id);
  if (!err) errors.set(id, (err = new Error(`fetch ${id}: 503 Service Unavailable`)));
  return err;
};

/** A fake fetch in virtual time; the gauge counts the fetches in flight. */
function fakeFetch(gauge: synctest.Gauge, plan: Plan = {}): Fetch {
  const delay = plan.delay ?? (() => time.Second);
  const fails = plan.fails ?? (() => false);
  return (id) =>
    gauge.track(async (): Promise<[string, Error | null]> => {
      await time.sleep(delay(id));
      return fails(id) ? ["", errorOf(id)] : [`page ${id}`, null];
    });
}

/** d in milliseconds, for messages. */
const ms = (d: time.Duration) => `${d / time.Millisecond}ms`;
const show = (v: unknown) => JSON.stringify(v);
const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
const ids = range(10);
/** Uneven: page id takes id * 100ms, so the last one is the slowest (1s). */
const uneven = (id: number) => id * 100 * time.Millisecond;

describe("Task 1: fetchAll returns every page in order", () => {
  it("returns the pages in the order of ids, whatever order they finish in", async () => {
    await synctest.run(async () => {
      const [pages, err] = await fetchAll([3, 1, 2], fakeFetch(synctest.gauge(), { delay: uneven }));
      expect(pages, `pages came back as ${show(pages)}: store page i at pages[i], not in finishing order`).toEqual([
        "page 3",
        "page 1",
        "page 2",
      ]);
      expect(err, "no fetch failed, so the error is null").toBeNull();
    });
  });

  it("keeps the order under every schedule", async () => {
    // Equal durations: the goroutines finish in whatever order the scheduler picks.
    await synctest.explore(async () => {
      const [pages] = await fetchAll(ids, fakeFetch(synctest.gauge()));
      expect(pages, `pages came back as ${show(pages)} under seed ${synctest.seed()}`).toEqual(
        ids.map((id) => `page ${id}`),
      );
    }, SEEDS);
  });

  it("handles an empty list", async () => {
    await synctest.run(async () => {
      const result = await fetchAll([], fakeFetch(synctest.gauge()));
      expect(result, "no ids: no pages and no error").toEqual([[], null]);
    });
  });
});

describe("Task 2: fetchAll fetches in parallel", () => {
  it("takes as long as the slowest fetch, not the sum of them", async () => {
    await synctest.run(async () => {
      const start = time.now();
      await fetchAll(ids, fakeFetch(synctest.gauge(), { delay: uneven }));
      const took = time.since(start);
      expect(
        took,
        `fetchAll took ${ms(took)}; the slowest page takes ${ms(time.Second)}, so in parallel it takes ${ms(time.Second)} (one at a time: 5500ms)`,
      ).toBe(1 * time.Second);
    });
  });

  it("has all 10 fetches in flight at once", async () => {
    await synctest.run(async () => {
      const gauge = synctest.gauge();
      await fetchAll(ids, fakeFetch(gauge));
      expect(gauge.peak, `${gauge.peak} fetches ran at once; one goroutine per id runs all 10 together`).toBe(10);
    });
  });

  it("returns only when every fetch has finished", async () => {
    await synctest.run(async () => {
      const gauge = synctest.gauge();
      await fetchAll(ids, fakeFetch(gauge, { delay: uneven }));
      expect(
        gauge.current,
        `${gauge.current} fetches were still running when fetchAll returned: wg.add(1) before go(), await wg.wait() after the loop`,
      ).toBe(0);
      expect(gauge.total, `${gauge.total} fetches started for 10 ids`).toBe(10);
    });
  });
});

describe("Task 3: fetchAll reports errors and still waits for every fetch", () => {
  it("a failed fetch does not stop the others", async () => {
    await synctest.run(async () => {
      const gauge = synctest.gauge();
      const start = time.now();
      const [pages, err] = await fetchAll(ids, fakeFetch(gauge, { delay: uneven, fails: (id) => id === 4 }));
      expect(err, `got ${String(err)}; page 4 failed, so fetchAll returns its error`).toBe(errorOf(4));
      const others = ids.filter((id) => id !== 4);
      expect(
        others.map((id) => pages[ids.indexOf(id)]),
        `the pages that did not fail came back as ${show(pages)}`,
      ).toEqual(others.map((id) => `page ${id}`));
      const took = time.since(start);
      expect(took, `fetchAll returned after ${ms(took)}; it waits for every fetch (${ms(time.Second)})`).toBe(
        1 * time.Second,
      );
    });
  });

  it("returns the error of the first failing id, in the order of ids", async () => {
    await synctest.run(async () => {
      // Pages 2, 4 and 6 fail; 4 fails first and 6 fails last.
      const delay = (id: number) => ({ 2: 300, 4: 100, 6: 500 })[id] ?? 200;
      const [, err] = await fetchAll(
        range(6),
        fakeFetch(synctest.gauge(), { delay: (id) => delay(id) * time.Millisecond, fails: (id) => id % 2 === 0 }),
      );
      expect(
        err,
        `got ${String(err)}; keep each error at its index and return the first one in the order of ids (page 2's), not the first or last to happen`,
      ).toBe(errorOf(2));
    });
  });

  it("finishes when every fetch fails (wg.done runs however the goroutine exits)", async () => {
    await synctest.run(async () => {
      const [, err] = await fetchAll(ids, fakeFetch(synctest.gauge(), { delay: uneven, fails: () => true }));
      expect(err, `got ${String(err)}; every page failed, page 1 first in the order of ids`).toBe(errorOf(1));
    });
  });
});

describe("Task 4: fetchAllLimited uses a pool of workers", () => {
  /** Page 1 takes 5s, the others 1s: a pool of 3 finishes in 5s, batches of 3 in 8s, one at a time in 14s. */
  const oneSlow = (id: number) => (id === 1 ? 5 : 1) * time.Second;

  it("returns every page in order", async () => {
    await synctest.explore(async () => {
      const [pages, err] = await fetchAllLimited(ids, fakeFetch(synctest.gauge(), { delay: uneven }), 3);
      expect(pages, `pages came back as ${show(pages)} under seed ${synctest.seed()}`).toEqual(
        ids.map((id) => `page ${id}`),
      );
      expect(err, "no fetch failed, so the error is null").toBeNull();
    }, SEEDS);
  });

  it("never has more than `workers` fetches in flight", async () => {
    await synctest.explore(async () => {
      const gauge = synctest.gauge();
      await fetchAllLimited(ids, fakeFetch(gauge, { delay: oneSlow }), 3);
      expect(gauge.peak, `${gauge.peak} fetches ran at once; the limit is 3`).toBeLessThanOrEqual(3);
      expect(gauge.total, `${gauge.total} fetches started for 10 ids`).toBe(10);
    }, SEEDS);
  });

  it("starts the next job as soon as a worker is free (one slow job, no batches)", async () => {
    await synctest.run(async () => {
      const start = time.now();
      await fetchAllLimited(ids, fakeFetch(synctest.gauge(), { delay: oneSlow }), 3);
      const took = time.since(start);
      expect(
        took,
        `took ${ms(took)}; with 3 workers the other two fetch pages 2-10 while page 1 takes 5s, so a pool takes ${ms(5 * time.Second)} (batches of 3: 8000ms)`,
      ).toBe(5 * time.Second);
    });
  });

  it("starts a fixed number of goroutines, not one per job", async () => {
    const report = await synctest.run(async () => {
      await fetchAllLimited(range(40), fakeFetch(synctest.gauge()), 4);
    });
    const n = report.goroutinesCreated;
    // main + 4 workers, plus room for a producer or a closer goroutine.
    expect(
      n,
      `${n} goroutines for 40 ids and 4 workers: a pool's size does not grow with the jobs`,
    ).toBeLessThanOrEqual(4 + 4);
  });

  it("keeps going when jobs fail (a failed job must not stop its worker)", async () => {
    await synctest.run(async () => {
      // The first three jobs fail, one for each worker: page 2 first, page 3 last.
      const delay = (id: number) => ({ 1: 2, 2: 1, 3: 3 })[id] ?? 1;
      const [pages, err] = await fetchAllLimited(
        ids,
        fakeFetch(synctest.gauge(), { delay: (id) => delay(id) * time.Second, fails: (id) => id <= 3 }),
        3,
      );
      expect(err, `got ${String(err)}; pages 1-3 failed, so the error is page 1's, the first in the order of ids`).toBe(
        errorOf(1),
      );
      expect(pages.slice(3), `pages 4-10 came back as ${show(pages.slice(3))}`).toEqual(
        ids.slice(3).map((id) => `page ${id}`),
      );
    });
  });

  it("works with more workers than ids, and with no ids", async () => {
    await synctest.run(async () => {
      const [pages] = await fetchAllLimited([7, 8], fakeFetch(synctest.gauge()), 5);
      expect(pages, `2 ids on 5 workers came back as ${show(pages)}`).toEqual(["page 7", "page 8"]);
      const empty = await fetchAllLimited([], fakeFetch(synctest.gauge()), 3);
      expect(empty, "no ids: no pages and no error").toEqual([[], null]);
    });
  });
});
