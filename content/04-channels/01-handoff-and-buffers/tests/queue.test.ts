import { describe, it, expect } from "vitest";
import * as synctest from "go/testing/synctest";
import * as time from "go/time";
import { firstError, prefetch } from "./queue";

/** d in milliseconds, for messages. */
const ms = (d: time.Duration) => `${d / time.Millisecond}ms`;
const list = (ds: time.Duration[]) => `[${ds.map(ms).join(", ")}]`;

/** A prefetch run watched from the outside: what was fetched when, what was received when. */
interface Watch {
  started: time.Duration[];
  received: time.Duration[];
  values: (string | undefined)[];
}

/**
 * peak is the most pages fetched (or being fetched) but not yet received at
 * any moment. It is counted from the timestamps: a page received at the very
 * instant a fetch starts counts as received (the producer may only start
 * because the consumer took a page; a counter bumped after recv returns
 * would see both at once).
 */
function peak(w: Watch): number {
  let most = 0;
  w.started.forEach((s, k) => {
    const received = w.received.filter((r) => r <= s).length;
    most = Math.max(most, k + 1 - received);
  });
  return most;
}

/**
 * consume runs prefetch(n, ahead) with fetches lasting fetchDur[i] and a
 * consumer that works consumeDur after each page, and records what happened.
 */
async function consume(
  n: number,
  ahead: number,
  fetchDur: (i: number) => time.Duration,
  consumeDur: time.Duration,
): Promise<Watch> {
  const start = time.now();
  const w: Watch = { started: [], received: [], values: [] };
  const pages = prefetch(n, ahead, async (i) => {
    w.started.push(time.since(start));
    await time.sleep(fetchDur(i));
    return `page ${i}`;
  });
  for (let i = 0; i < n; i++) {
    w.values.push(await pages.recv());
    w.received.push(time.since(start));
    await time.sleep(consumeDur);
  }
  return w;
}

describe("Task 1: prefetch delivers every page in order", () => {
  it("delivers pages 0..n-1 in order", async () => {
    await synctest.run(async () => {
      const slow = [100, 300, 50, 200, 100].map((d) => d * time.Millisecond);
      const w = await consume(5, 2, (i) => slow[i]!, 10 * time.Millisecond);
      expect(w.values, "the consumer must get every page, in the order they were fetched").toEqual([
        "page 0",
        "page 1",
        "page 2",
        "page 3",
        "page 4",
      ]);
    });
  });

  it("delivers instant pages in order under every schedule", async () => {
    await synctest.explore(async () => {
      const w = await consume(6, 3, () => 0, 0);
      expect(
        w.values,
        `pages arrived out of order under seed ${synctest.seed()}: send them from one goroutine`,
      ).toEqual(["page 0", "page 1", "page 2", "page 3", "page 4", "page 5"]);
    });
  });
});

describe("Task 2: prefetch stays at most ahead pages in front", () => {
  for (const ahead of [1, 2, 3]) {
    it(`keeps exactly ${ahead} page(s) in hand when the consumer is slow (ahead = ${ahead})`, async () => {
      await synctest.run(async () => {
        const w = await consume(8, ahead, () => 100 * time.Millisecond, 300 * time.Millisecond);
        const most = peak(w);
        expect(
          most,
          `${most} pages were fetched but not yet received at once; ahead is ${ahead}. The page the producer holds while its send waits counts too`,
        ).toBeLessThanOrEqual(ahead);
        expect(
          most,
          `only ${most} page(s) were ever fetched ahead of a slow consumer; ahead ${ahead} allows ${ahead}`,
        ).toBe(ahead);
      });
    });
  }

  it("waits for a slow consumer: backpressure at the exact times", async () => {
    await synctest.run(async () => {
      // Fetches take 100ms, the consumer 300ms per page, ahead 2: the
      // producer runs two pages ahead, then fetches one page per 300ms.
      const w = await consume(5, 2, () => 100 * time.Millisecond, 300 * time.Millisecond);
      const want = [0, 100, 200, 400, 700].map((d) => d * time.Millisecond);
      expect(
        w.started,
        `fetches started at ${list(w.started)}; with ahead 2 they start at ${list(want)}: the third waits for the consumer`,
      ).toEqual(want);
    });
  });
});

describe("Task 3: prefetch fetches while the consumer works", () => {
  it("hands over each page the moment a fast consumer can take it", async () => {
    await synctest.run(async () => {
      const slow = [100, 300, 50, 200].map((d) => d * time.Millisecond);
      const w = await consume(4, 1, (i) => slow[i]!, 0);
      const want = [100, 400, 450, 650].map((d) => d * time.Millisecond);
      expect(
        w.received,
        `pages arrived at ${list(w.received)}; fetched back to back they arrive at ${list(want)}`,
      ).toEqual(want);
    });
  });

  it("fetches the next page while a slow consumer works on this one (ahead = 1)", async () => {
    await synctest.run(async () => {
      // 100ms fetches, 200ms of work per page: page i+1 is fetched during
      // the work on page i and waits, in the producer's hand, for the consumer.
      const w = await consume(4, 1, () => 100 * time.Millisecond, 200 * time.Millisecond);
      const want = [100, 300, 500, 700].map((d) => d * time.Millisecond);
      expect(
        w.received,
        `pages arrived at ${list(w.received)}; fetching ahead, each page is ready when the consumer asks: ${list(want)}`,
      ).toEqual(want);
    });
  });
});

/** A task that reports err after d. */
const task = (d: time.Duration, err: Error | null) => async () => {
  await time.sleep(d);
  return err;
};

describe("Task 4: firstError returns at the first error and leaves no goroutine blocked", () => {
  it("returns null once every task has succeeded, when the slowest finishes", async () => {
    await synctest.run(async () => {
      const tasks = [];
      for (let i = 0; i < 16; i++) tasks.push(task(((i * 7) % 16) * 50 * time.Millisecond + time.Millisecond, null));
      const start = time.now();
      const err = await firstError(tasks);
      const took = time.since(start);
      expect(err, `got ${String(err)}; every task succeeded`).toBeNull();
      expect(took, `returned after ${ms(took)}; the tasks run at once, so it takes as long as the slowest: 751ms`).toBe(
        751 * time.Millisecond,
      );
    });
  });

  it("returns the earliest error as soon as it happens", async () => {
    await synctest.run(async () => {
      const late = new Error("disk full");
      const early = new Error("connection refused");
      const start = time.now();
      const err = await firstError([
        task(time.Second, null),
        task(500 * time.Millisecond, late),
        task(200 * time.Millisecond, early),
        task(300 * time.Millisecond, null),
      ]);
      const took = time.since(start);
      expect(err, `got ${String(err)}; the first error to happen is "connection refused", at 200ms`).toBe(early);
      expect(took, `returned after ${ms(took)}; the first error came at 200ms`).toBe(200 * time.Millisecond);
      await time.sleep(time.Second); // let the other tasks finish before the bubble's clock stops
    });
  });

  it("leaves no goroutine blocked when many tasks finish after the first error", async () => {
    // synctest.run reports the goroutines still blocked when the test ends:
    // a task that finished after firstError returned, with nowhere to put its result.
    await synctest.run(async () => {
      const boom = new Error("boom");
      const tasks = [task(100 * time.Millisecond, boom)];
      for (let i = 0; i < 15; i++) tasks.push(task((i + 2) * 100 * time.Millisecond, i % 4 === 0 ? boom : null));
      const err = await firstError(tasks);
      expect(err, `got ${String(err)}; the first task fails at 100ms`).toBe(boom);
      await time.sleep(2 * time.Second); // every task has finished by now, or is stuck for good
    });
  });
});
