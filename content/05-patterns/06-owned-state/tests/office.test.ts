import { describe, it, expect } from "vitest";
import { go } from "go";
import { WaitGroup } from "go/sync";
import * as synctest from "go/testing/synctest";
import * as time from "go/time";
import * as context from "go/context";
import { ErrClosed, ErrSoldOut, newBoxOffice } from "./office";

/** d in milliseconds, for messages. */
const ms = (d: time.Duration) => `${d / time.Millisecond}ms`;
const show = (v: unknown) => (v instanceof Error ? `Error(${JSON.stringify(v.message)})` : JSON.stringify(v));
const bg = () => context.background();

/**
 * journal is a fake durable store: save(n) takes d of virtual time and
 * records n when it returns. gauge counts the saves in flight.
 */
function journal(d: time.Duration = 10 * time.Millisecond) {
  const saved: number[] = [];
  const gauge = synctest.gauge();
  const save = (n: number) =>
    gauge.track(async () => {
      await time.sleep(d);
      saved.push(n);
    });
  return { save, saved, gauge };
}

describe("Task 1: one goroutine owns the seats", () => {
  it("sells what fits and refuses what does not", async () => {
    await synctest.run(async () => {
      const j = journal();
      const office = newBoxOffice(20, j.save);
      expect(await office.book(bg(), 18), "18 of 20 seats fit").toBeNull();
      expect(await office.book(bg(), 3), "3 seats asked, 2 left: ErrSoldOut").toBe(ErrSoldOut);
      expect(await office.book(bg(), 2), "2 seats asked, 2 left: sold").toBeNull();
      const [left, err] = await office.available(bg());
      expect([left, err], "every seat is sold").toEqual([0, null]);
      expect(j.saved, "each sale is saved with the seats left after it; a refusal saves nothing").toEqual([2, 0]);
      await office.stop();
    });
  });

  it("never oversells and loses no update, under every schedule", async () => {
    await synctest.explore(
      async () => {
        const j = journal();
        const office = newBoxOffice(20, j.save);
        const results: (Error | null)[] = [];
        const wg = new WaitGroup();
        for (let i = 0; i < 10; i++) {
          wg.add(1);
          go(async () => {
            results.push(await office.book(bg(), 3));
            wg.done();
          });
        }
        await wg.wait();
        const sold = results.filter((r) => r === null).length;
        const refused = results.filter((r) => r === ErrSoldOut).length;
        const [left] = await office.available(bg());
        await office.stop();
        const seed = synctest.seed();
        expect(sold, `${sold} bookings of 3 seats out of 20 succeeded (seed ${seed}); exactly 6 fit`).toBe(6);
        expect(refused, `${refused} bookings got ErrSoldOut (seed ${seed}); the other 4 must`).toBe(4);
        expect(left, `${left} seats left after 6 bookings of 3 out of 20 (seed ${seed})`).toBe(2);
        expect(
          j.saved,
          `journal ${JSON.stringify(j.saved)} (seed ${seed}): the owner saves one change at a time, in order`,
        ).toEqual([17, 14, 11, 8, 5, 2]);
        expect(j.gauge.peak, `${j.gauge.peak} saves ran at once (seed ${seed}); only the owner may save`).toBe(1);
      },
      { seeds: 30 },
    );
  });
});

describe("Task 2: the owner replies when the change is done", () => {
  it("answers a booking only after it is saved", async () => {
    await synctest.explore(
      async () => {
        const j = journal();
        const office = newBoxOffice(10, j.save);
        const wg = new WaitGroup();
        let sold = 0;
        const early: string[] = [];
        for (let i = 0; i < 4; i++) {
          wg.add(1);
          go(async () => {
            if ((await office.book(bg(), 2)) === null) {
              sold++;
              // Every confirmed sale must already be in the journal.
              if (j.saved.length < sold) early.push(`sale ${sold} confirmed with ${j.saved.length} save(s) done`);
            }
            wg.done();
          });
        }
        await wg.wait();
        await office.stop();
        expect(sold, "4 bookings of 2 out of 10 seats all fit").toBe(4);
        expect(
          early,
          `bookings were confirmed before they were saved (seed ${synctest.seed()}): reply after save returns, not before`,
        ).toEqual([]);
      },
      { seeds: 20 },
    );
  });

  it("reports the seats left as saved", async () => {
    await synctest.run(async () => {
      const j = journal(50 * time.Millisecond);
      const office = newBoxOffice(5, j.save);
      go(async () => {
        await office.book(bg(), 2);
      });
      await time.sleep(time.Millisecond); // the booking is being saved
      const [left, err] = await office.available(bg());
      expect(err, `got ${show(err)}`).toBeNull();
      expect(left, `available said ${left}; the booking of 2 was in progress, so the owner answers after it: 3`).toBe(
        3,
      );
      expect(synctest.elapsed(), `available answered at ${ms(synctest.elapsed())}, after the 50ms save`).toBe(
        50 * time.Millisecond,
      );
      await office.stop();
    });
  });
});

describe("Task 3: callers may give up, and stop ends the owner", () => {
  it("lets a caller give up without blocking the owner", async () => {
    await synctest.run(async () => {
      const j = journal(100 * time.Millisecond);
      const office = newBoxOffice(10, j.save);
      const [ctx, cancel] = context.withTimeout(bg(), 30 * time.Millisecond);
      const gaveUp = await office.book(ctx, 2);
      cancel();
      expect(gaveUp, `got ${show(gaveUp)}; the caller's deadline passed during the 100ms save`).toBe(
        context.DeadlineExceeded,
      );
      expect(synctest.elapsed(), `book returned at ${ms(synctest.elapsed())}; the caller's deadline was 30ms`).toBe(
        30 * time.Millisecond,
      );
      const [next, cancelNext] = context.withTimeout(bg(), time.Second);
      const err = await office.book(next, 1);
      cancelNext();
      expect(
        err,
        `the next booking got ${show(err)}; the owner is stuck handing its answer to the caller who left: give every reply channel room for one value`,
      ).toBeNull();
      await office.stop();
    });
  });

  it("stop makes the owner goroutine return", async () => {
    await synctest.run(async () => {
      const office = newBoxOffice(10, journal().save);
      await office.book(bg(), 1);
      await office.stop();
      await synctest.wait();
      const alive = synctest.goroutines() - 1;
      expect(alive, `${alive} goroutine(s) still alive after stop(); the owner must select on quit and return`).toBe(0);
    });
  });

  it("refuses requests after stop with ErrClosed", async () => {
    await synctest.run(async () => {
      const office = newBoxOffice(10, journal().save);
      await office.stop();
      expect(await office.book(bg(), 1), "book after stop").toBe(ErrClosed);
      const [, err] = await office.available(bg());
      expect(err, "available after stop").toBe(ErrClosed);
      expect(synctest.elapsed(), "calls after stop return at once").toBe(0);
    });
  });
});
