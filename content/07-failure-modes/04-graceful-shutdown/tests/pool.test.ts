import { describe, it, expect } from "vitest";
import { go, select } from "go";
import * as synctest from "go/testing/synctest";
import * as time from "go/time";
import * as context from "go/context";
import type { Context } from "go/context";
import { ErrClosed, Pool } from "./pool";
import type { Job } from "./pool";

const ms = (d: time.Duration) => `${d / time.Millisecond}ms`;
const show = (v: unknown) => (v instanceof Error ? `Error(${JSON.stringify(v.message)})` : JSON.stringify(v));
const sorted = (xs: string[]) => [...xs].sort();

/** What the test's jobs did: ids that finished, and how each one ended. */
class Log {
  finished: string[] = [];
  cancelled: string[] = [];
  /** A job that works for d, honouring ctx; fails with its own error if failWith is set. */
  job(id: string, d: time.Duration, failWith: Error | null = null): Job {
    return {
      id,
      run: (ctx: Context) =>
        select(
          time.after(d).recvCase((): Error | null => {
            this.finished.push(id);
            return failWith;
          }),
          ctx.done().recvCase((): Error | null => {
            this.cancelled.push(id);
            return ctx.err();
          }),
        ),
    };
  }
}

describe("Task 1: shutdown stops accepting new work", () => {
  it("refuses jobs submitted after shutdown began with ErrClosed", async () => {
    // Without a check, submit sends on the closed queue: "panic: send on closed channel".
    await synctest.run(async () => {
      const log = new Log();
      const pool = new Pool(2, 10);
      expect(await pool.submit(log.job("before", 100 * time.Millisecond)), "a job submitted before shutdown").toBe(
        null,
      );
      const report = await pool.shutdown(context.background());
      const err = await pool.submit(log.job("after", 100 * time.Millisecond));
      expect(err, `got ${show(err)}; a job submitted after shutdown is refused with ErrClosed`).toBe(ErrClosed);
      expect(report.err, `got ${show(report.err)}; the pool drained without a deadline`).toBe(null);
      expect(log.finished, "the job submitted before shutdown ran; the one after never did").toEqual(["before"]);
    });
  });

  it("refuses new jobs while it is still draining", async () => {
    await synctest.run(async () => {
      const log = new Log();
      const pool = new Pool(1, 10);
      await pool.submit(log.job("long", time.Second));
      go(async () => void (await pool.shutdown(context.background())), "shutdown");
      await time.sleep(100 * time.Millisecond); // shutdown is now waiting for "long"
      const err = await pool.submit(log.job("late", time.Millisecond));
      expect(err, `got ${show(err)}; shutdown has begun, so the pool takes no more work`).toBe(ErrClosed);
      await time.sleep(2 * time.Second);
      expect(log.finished, "the job in flight finished; the late one never ran").toEqual(["long"]);
    });
  });
});

describe("Task 2: shutdown lets queued and running jobs finish", () => {
  it("runs every accepted job to the end, then returns", async () => {
    await synctest.run(async () => {
      const log = new Log();
      const pool = new Pool(2, 10);
      // Two workers: one takes a (300ms); the other b (100), c (50), d (200): done at 350ms.
      for (const [id, d] of [
        ["a", 300],
        ["b", 100],
        ["c", 50],
        ["d", 200],
      ] as const) {
        expect(await pool.submit(log.job(id, d * time.Millisecond)), `submit ${id}`).toBe(null);
      }
      await time.sleep(10 * time.Millisecond);
      const [ctx, cancel] = context.withTimeout(context.background(), 5 * time.Second);
      const start = time.now();
      const report = await pool.shutdown(ctx);
      const took = time.since(start);
      cancel();
      expect(sorted(log.finished), "every job, queued or running, finishes: shutdown drains, it does not drop").toEqual(
        ["a", "b", "c", "d"],
      );
      expect(log.cancelled, "no job is cancelled when the deadline is far away").toEqual([]);
      expect(report, `got ${show(report)}`).toEqual({ dropped: [], err: null });
      expect(took, `shutdown took ${ms(took)}; the last job ends 340ms after it began`).toBe(340 * time.Millisecond);
    });
  });

  it("returns at once when there is nothing to do", async () => {
    await synctest.run(async () => {
      const pool = new Pool(3, 5);
      const start = time.now();
      const report = await pool.shutdown(context.background());
      expect(report, "an idle pool shuts down cleanly").toEqual({ dropped: [], err: null });
      expect(time.since(start), "an idle pool shuts down without waiting").toBe(0);
    });
  });
});

describe("Task 3: at the deadline, shutdown cancels the rest and reports it", () => {
  it("cancels running jobs, drops queued ones, and names them all", async () => {
    await synctest.run(async () => {
      const log = new Log();
      const pool = new Pool(2, 10);
      // One worker takes a (300ms) then c (fails by itself at 400ms) then d (1s);
      // the other takes b (2s). At the 500ms deadline b and d are running and e is queued.
      const jobs: [string, number, Error | null][] = [
        ["a", 300, null],
        ["b", 2000, null],
        ["c", 100, new Error("bad input")],
        ["d", 1000, null],
        ["e", 50, null],
      ];
      for (const [id, d, fail] of jobs) await pool.submit(log.job(id, d * time.Millisecond, fail));
      const [ctx, cancel] = context.withTimeout(context.background(), 500 * time.Millisecond);
      const start = time.now();
      const report = await pool.shutdown(ctx);
      const took = time.since(start);
      cancel();
      expect(took, `shutdown took ${ms(took)}; its deadline is 500ms`).toBe(500 * time.Millisecond);
      expect(report.err, `got ${show(report.err)}; the deadline passed, so report ctx.err()`).toBe(
        context.DeadlineExceeded,
      );
      expect(sorted(log.cancelled), "b and d were running at the deadline: cancel them").toEqual(["b", "d"]);
      expect(sorted(log.finished), "a finished, and c failed by itself, before the deadline").toEqual(["a", "c"]);
      expect(
        sorted(report.dropped),
        "dropped: b and d (cancelled) and e (never started); c failed on its own and is not dropped",
      ).toEqual(["b", "d", "e"]);
    });
  });

  it("accounts for every accepted job while submits race the shutdown, under 30 schedules", async () => {
    await synctest.explore(
      async () => {
        const log = new Log();
        const pool = new Pool(2, 4);
        const accepted: string[] = [];
        let refused = 0;
        let submitting = true;
        go(async () => {
          for (let i = 0; i < 12; i++) {
            const id = `j${i}`;
            const err = await pool.submit(log.job(id, ((i % 3) + 1) * 40 * time.Millisecond));
            if (err === null) accepted.push(id);
            else refused++;
            await time.sleep(20 * time.Millisecond);
          }
          submitting = false;
        }, "client");
        await time.sleep(100 * time.Millisecond);
        const [ctx, cancel] = context.withTimeout(context.background(), 70 * time.Millisecond);
        const report = await pool.shutdown(ctx);
        cancel();
        while (submitting) await time.sleep(20 * time.Millisecond);
        const s = synctest.seed();
        expect(
          sorted([...log.finished, ...report.dropped]),
          `seed ${s}: every accepted job either finished or is reported dropped, exactly once`,
        ).toEqual(sorted(accepted));
        expect(accepted.length + refused, `seed ${s}: every submit was either accepted or refused`).toBe(12);
      },
      { seeds: 30 },
    );
  });
});
