import { describe, it, expect } from "vitest";
import { makeChan, panic } from "go";
import { WaitGroup } from "go/sync";
import * as synctest from "go/testing/synctest";
import * as time from "go/time";
import * as errors from "go/errors";
import { PanicError } from "./panics";
import { runAll, safeCall, safeGo } from "./workers";
import type { Job } from "./workers";

const ms = (d: time.Duration) => `${d / time.Millisecond}ms`;
const show = (v: unknown) => (v instanceof Error ? `${v.name}(${JSON.stringify(v.message)})` : JSON.stringify(v));

/** A job that sleeps d, then returns err (null: success). */
const job =
  (d: time.Duration, err: Error | null = null): Job =>
  async () => {
    await time.sleep(d);
    return err;
  };

/** A job that sleeps d, then panics with v. */
const panicking =
  (d: time.Duration, v: unknown): Job =>
  async () => {
    await time.sleep(d);
    panic(v);
  };

describe("Task 1: safeCall turns a panic into an error", () => {
  it("returns the job's own result unchanged", async () => {
    await synctest.run(async () => {
      const failed = new Error("disk full");
      expect(await safeCall(job(10 * time.Millisecond)), "a job that succeeded: null").toBe(null);
      expect(await safeCall(job(10 * time.Millisecond, failed)), "a job's own error passes through as it is").toBe(
        failed,
      );
    });
  });

  it("returns a PanicError holding the value passed to panic", async () => {
    // Without a recover, the panic ends the whole bubble: "panic: boom".
    await synctest.run(async () => {
      const err = await safeCall(panicking(10 * time.Millisecond, "boom"));
      expect(err instanceof PanicError, `got ${show(err)}; a recovered panic becomes a PanicError`).toBe(true);
      expect((err as PanicError).value, "PanicError.value is what recover() returns: the value given to panic").toBe(
        "boom",
      );
      expect(err?.message, "the error reads like Go's panic line").toBe("panic: boom");
    });
  });

  it("recovers runtime panics and thrown exceptions too", async () => {
    await synctest.run(async () => {
      const sendOnClosed = await safeCall(async () => {
        const ch = makeChan<number>(1);
        ch.close();
        await ch.send(1);
        return null;
      });
      expect(sendOnClosed?.message, `got ${show(sendOnClosed)}; a send on a closed channel is a runtime panic`).toBe(
        "panic: send on closed channel",
      );
      const bug = new TypeError("Cannot read properties of undefined (reading 'id')");
      const thrown = await safeCall(async () => {
        await time.sleep(time.Millisecond);
        throw bug;
      });
      expect(
        errors.is(thrown, bug),
        `got ${show(thrown)}; a thrown TypeError is this program's nil dereference: recover it as a panic`,
      ).toBe(true);
    });
  });
});

describe("Task 2: safeGo recovers in the goroutine and keeps the WaitGroup count", () => {
  it("makes wg.wait() wait for the goroutine", async () => {
    await synctest.run(async () => {
      const wg = new WaitGroup();
      const start = time.now();
      safeGo(wg, job(100 * time.Millisecond), () => {});
      await wg.wait();
      const took = time.since(start);
      expect(
        took,
        `wg.wait() returned after ${ms(took)}; the job takes 100ms: call wg.add(1) before go, not inside the goroutine`,
      ).toBe(100 * time.Millisecond);
    });
  });

  it("reports a panic as an error and still calls wg.done()", async () => {
    // A done() skipped by the panic leaves wg.wait() blocked forever:
    // "all goroutines are asleep - deadlock!".
    await synctest.run(async () => {
      const wg = new WaitGroup();
      const reported: Error[] = [];
      const start = time.now();
      safeGo(wg, panicking(50 * time.Millisecond, "worker crashed"), (err) => reported.push(err));
      safeGo(wg, job(80 * time.Millisecond, new Error("timeout")), (err) => reported.push(err));
      safeGo(wg, job(30 * time.Millisecond), (err) => reported.push(err));
      await wg.wait();
      const took = time.since(start);
      expect(
        reported.map((e) => e.message),
        "one panic and one error reported, in the order they happened",
      ).toEqual(["panic: worker crashed", "timeout"]);
      expect(took, `wg.wait() returned after ${ms(took)}; the slowest job ends at 80ms`).toBe(80 * time.Millisecond);
    });
  });

  it("keeps the count exact when jobs end at once, under 30 schedules", async () => {
    await synctest.explore(
      async () => {
        const wg = new WaitGroup();
        let reports = 0;
        for (let i = 0; i < 6; i++) {
          safeGo(wg, i % 2 === 0 ? panicking(0, `job ${i}`) : job(0), () => reports++);
        }
        await wg.wait();
        expect(reports, `seed ${synctest.seed()}: three of the six jobs panic`).toBe(3);
      },
      { seeds: 30 },
    );
  });
});

describe("Task 3: runAll runs every job and returns their errors in order", () => {
  it("runs the jobs at once and returns errors in job order", async () => {
    await synctest.run(async () => {
      const failed = new Error("bad input");
      const start = time.now();
      const results = await runAll([
        job(300 * time.Millisecond),
        panicking(20 * time.Millisecond, "index out of range [5] with length 3"),
        job(50 * time.Millisecond, failed),
        job(120 * time.Millisecond),
      ]);
      const took = time.since(start);
      expect(results.map(show), "job 2's panic and job 3's error, each at its job's index").toEqual([
        "null",
        show(new PanicError("index out of range [5] with length 3")),
        show(failed),
        "null",
      ]);
      expect(results[2], "a job's own error is returned as it is").toBe(failed);
      expect(took, `took ${ms(took)}; the jobs run at once, so the slowest (300ms) sets the time`).toBe(
        300 * time.Millisecond,
      );
    });
  });

  it("returns an empty list for no jobs", async () => {
    await synctest.run(async () => {
      expect(await runAll([]), "no jobs, no results").toEqual([]);
    });
  });

  it("collects every result when jobs end at once, under 30 schedules", async () => {
    await synctest.explore(
      async () => {
        const results = await runAll([job(0), panicking(0, "a"), panicking(0, "b"), job(0, new Error("c"))]);
        expect(
          results.map((e) => e?.message ?? null),
          `seed ${synctest.seed()}`,
        ).toEqual([null, "panic: a", "panic: b", "c"]);
      },
      { seeds: 30 },
    );
  });
});
