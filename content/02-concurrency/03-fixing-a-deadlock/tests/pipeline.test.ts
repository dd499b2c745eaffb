import { describe, it, expect } from "vitest";
import * as synctest from "go/testing/synctest";
import * as time from "go/time";
import { WaitGroup } from "go/sync";
import { Inventory, firstAnswer, sumSquares } from "./pipeline";
import type { Store } from "./pipeline";

describe("Task 1: sumSquares does not deadlock", () => {
  it("sums the squares of 1..5", async () => {
    await synctest.run(async () => {
      const sum = await sumSquares([1, 2, 3, 4, 5]);
      expect(sum, "1 + 4 + 9 + 16 + 25").toBe(55);
    });
  });

  it("works for a single number and for none", async () => {
    await synctest.run(async () => {
      expect(await sumSquares([7]), "sumSquares([7])").toBe(49);
      expect(await sumSquares([]), "sumSquares([]): nothing to sum").toBe(0);
    });
  });

  it("closes the channel only after every square was sent, in every interleaving", async () => {
    // A close that can overtake a send panics ("send on closed channel") or
    // ends the sum early under some schedule: try 100 of them.
    await synctest.explore(async () => {
      const sum = await sumSquares([1, 2, 3, 4, 5, 6]);
      expect(sum, `sumSquares([1..6]) gave ${sum} under seed ${synctest.seed()}; every square must be counted`).toBe(
        91,
      );
    });
  });
});

describe("Task 2: firstAnswer leaves no goroutine blocked", () => {
  const mirror = (name: string, d: number) => async () => {
    await time.sleep(d);
    return name;
  };

  it("returns the fastest mirror's answer as soon as it arrives", async () => {
    await synctest.run(async () => {
      const start = time.now();
      const answer = await firstAnswer([
        mirror("eu", 300 * time.Millisecond),
        mirror("us", 100 * time.Millisecond),
        mirror("asia", 200 * time.Millisecond),
      ]);
      const took = time.since(start);
      expect(answer, "us answers first, after 100ms").toBe("us");
      expect(
        took,
        `firstAnswer returned after ${took / time.Millisecond}ms; the first answer came at 100ms - do not wait for the slower mirrors`,
      ).toBe(100 * time.Millisecond);
      // As in Go 1.25, the bubble's clock stops when this function returns and
      // goroutines still blocked then fail the test: let the slower mirrors answer.
      await time.sleep(time.Second);
    });
  });

  it("lets the slower mirrors finish instead of blocking them forever", async () => {
    // synctest.run fails with "leaked goroutines" if a mirror is stuck on its send.
    await synctest.run(async () => {
      const answer = await firstAnswer([
        mirror("a", 10 * time.Millisecond),
        mirror("b", 20 * time.Millisecond),
        mirror("c", 30 * time.Millisecond),
        mirror("d", 40 * time.Millisecond),
      ]);
      expect(answer, "a answers first").toBe("a");
      // As in Go 1.25, the bubble's clock stops when this function returns and
      // goroutines still blocked then fail the test: let the slower mirrors answer.
      await time.sleep(time.Second);
    });
  });

  it("leaves no mirror blocked when they answer at the same moment", async () => {
    await synctest.explore(async () => {
      const answer = await firstAnswer([
        mirror("a", 50 * time.Millisecond),
        mirror("b", 50 * time.Millisecond),
        mirror("c", 50 * time.Millisecond),
      ]);
      expect(["a", "b", "c"], `${answer} is not one of the mirrors; any of the three may win a tie`).toContain(answer);
    });
  });
});

/** A Store that takes 10ms per call; `failures` makes the next set() calls reject. */
class SlowStore implements Store {
  private stock = new Map<string, number>();
  failures = 0;
  async get(item: string): Promise<number> {
    await time.sleep(10 * time.Millisecond);
    return this.stock.get(item) ?? 0;
  }
  async set(item: string, n: number): Promise<void> {
    await time.sleep(10 * time.Millisecond);
    if (this.failures > 0) {
      this.failures--;
      throw new Error("store unavailable");
    }
    this.stock.set(item, n);
  }
}

describe("Task 3: Inventory locks the whole change and always unlocks", () => {
  it("refuses to go below zero", async () => {
    await synctest.run(async () => {
      const inv = new Inventory(new SlowStore());
      expect(await inv.add("apple", 3), "add 3 apples to none").toBe(true);
      expect(await inv.add("apple", -5), "take 5 of 3 apples: refuse").toBe(false);
      expect(await inv.count("apple"), "a refused change leaves the stock as it was").toBe(3);
    });
  });

  it("keeps working after a refusal", async () => {
    // If add returns with the mutex still locked, the next add blocks forever:
    // synctest.run reports "all goroutines are asleep - deadlock!".
    await synctest.run(async () => {
      const inv = new Inventory(new SlowStore());
      expect(await inv.add("pear", -1), "take a pear from none: refuse").toBe(false);
      expect(await inv.add("pear", 2), "add 2 pears after the refusal").toBe(true);
      expect(await inv.count("pear"), "2 pears").toBe(2);
    });
  });

  it("keeps working after the store fails", async () => {
    await synctest.run(async () => {
      const store = new SlowStore();
      const inv = new Inventory(store);
      store.failures = 1;
      const failed = await inv.add("plum", 4).then(
        () => "resolved",
        (e: unknown) => (e instanceof Error ? e.message : String(e)),
      );
      expect(failed, "add rejects with the store's error").toBe("store unavailable");
      expect(await inv.add("plum", 4), "add 4 plums once the store is back").toBe(true);
      expect(await inv.count("plum"), "4 plums: the failed add changed nothing").toBe(4);
    });
  });

  it("loses no change when callers run at once, in every interleaving", async () => {
    // The store takes time, so two adds without the lock can both read 3 and
    // both write their own result: one change is lost.
    await synctest.explore(async () => {
      const inv = new Inventory(new SlowStore());
      await inv.add("fig", 3);
      const deltas = [-2, -2, +1, +2, -1, -3];
      let accepted = 0;
      const wg = new WaitGroup();
      for (const n of deltas) {
        wg.go(async () => {
          if (await inv.add("fig", n)) accepted += n;
        });
      }
      await wg.wait();
      const count = await inv.count("fig");
      expect(
        count,
        `3 figs plus the accepted changes (${accepted}) should leave ${3 + accepted}, found ${count} under seed ${synctest.seed()}: an add read the stock while another was changing it`,
      ).toBe(3 + accepted);
      expect(count, "the stock never goes below zero").toBeGreaterThanOrEqual(0);
    });
  });
});
