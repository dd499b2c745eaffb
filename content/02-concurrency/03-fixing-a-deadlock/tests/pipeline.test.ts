import { describe, it, expect } from "vitest";
import * as synctest from "go/testing/synctest";
import * as time from "go/time";
import { WaitGroup } from "go/sync";
import { Inventory, firstAnswer, sumSquares } from "./pipeline";

describe("Task 1: sumSquares does not deadlock", () => {
  it("sums the squares of 1..5", async () => {
    await synctest.run(async () => {
      expect(await sumSquares([1, 2, 3, 4, 5])).toBe(55);
    });
  });

  it("works for a single number and for none", async () => {
    await synctest.run(async () => {
      expect(await sumSquares([7])).toBe(49);
      expect(await sumSquares([])).toBe(0);
    });
  });
});

describe("Task 2: firstAnswer leaves no goroutine blocked", () => {
  const mirror = (name: string, d: time.Duration) => async () => {
    await time.sleep(d);
    return name;
  };

  it("returns the fastest mirror's answer as soon as it arrives", async () => {
    await synctest.run(async () => {
      const start = time.now();
      const ms = time.Millisecond;
      expect(await firstAnswer([mirror("eu", 300 * ms), mirror("us", 100 * ms), mirror("asia", 200 * ms)])).toBe("us");
      expect(time.since(start)).toBe(100 * time.Millisecond);
      await time.sleep(300 * time.Millisecond); // let the slower mirrors answer
    });
  });

  it("lets the slower mirrors finish instead of blocking them forever", async () => {
    // synctest.run fails with "main bubble goroutine has exited but blocked
    // goroutines remain" if a mirror is stuck on its send. As in Go 1.25 the
    // clock stops when the function returns, so wait for the mirrors first.
    await synctest.run(async () => {
      const ms = time.Millisecond;
      await firstAnswer([mirror("a", 10 * ms), mirror("b", 20 * ms), mirror("c", 30 * ms)]);
      await time.sleep(30 * time.Millisecond);
    });
  });
});

describe("Task 3: Inventory never stays locked", () => {
  it("refuses to go below zero", async () => {
    await synctest.run(async () => {
      const inv = new Inventory();
      expect(await inv.add("apple", 3)).toBe(true);
      expect(await inv.add("apple", -5)).toBe(false);
      expect(await inv.count("apple")).toBe(3);
    });
  });

  it("keeps working for concurrent callers after a refusal", async () => {
    await synctest.run(async () => {
      const inv = new Inventory();
      const wg = new WaitGroup();
      for (let i = 0; i < 5; i++) {
        wg.go(async () => {
          await inv.add("pear", -1); // refused: no pears yet
          await inv.add("pear", 2);
        });
      }
      await wg.wait();
      expect(await inv.count("pear")).toBeGreaterThanOrEqual(6);
    });
  });
});
