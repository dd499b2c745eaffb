import { describe, it, expect } from "vitest";
import { makeChan, select } from "go";
import * as synctest from "go/testing/synctest";
import * as time from "go/time";
import * as context from "go/context";
import type { Context } from "go/context";
import { ErrTimeout, fetchWithContext, fetchWithTimeout } from "./fetch";

/** A fake fetch answering "page" after d of virtual time. */
const slow = (d: time.Duration) => async () => {
  await time.sleep(d);
  return "page";
};

describe("Task 1: fetchWithTimeout returns fast answers", () => {
  it("returns the page when fetch answers in time", async () => {
    await synctest.run(async () => {
      const start = time.now();
      expect(await fetchWithTimeout(slow(300 * time.Millisecond), time.Second)).toEqual(["page", null]);
      expect(time.since(start)).toBe(300 * time.Millisecond);
    });
  });
});

describe("Task 2: fetchWithTimeout gives up after d", () => {
  it("returns ErrTimeout after exactly d", async () => {
    await synctest.run(async () => {
      const start = time.now();
      const [page, err] = await fetchWithTimeout(slow(time.Minute), 2 * time.Second);
      expect(err).toBe(ErrTimeout);
      expect(page).toBe("");
      expect(time.since(start)).toBe(2 * time.Second);
      await time.sleep(time.Minute); // the clock stops when this function returns: let the fetch finish
    });
  });

  it("times out even if fetch never answers, without leaking a goroutine", async () => {
    await synctest.run(async () => {
      const never = makeChan<string>();
      const [, err] = await fetchWithTimeout(async () => {
        // Answers an hour later: the fetch goroutine must still be able to finish.
        await select(
          never.recvCase(() => undefined),
          time.after(time.Hour).recvCase(() => undefined),
        );
        return "late";
      }, time.Second);
      expect(err).toBe(ErrTimeout);
      // As in Go 1.25, the clock stops when the test's function returns: wait
      // until the fetch answers, so a goroutine stuck on its send shows up.
      await time.sleep(time.Hour);
    });
  });
});

describe("Task 3: fetchWithContext cancels the request", () => {
  /** A fetch that honours its context: it answers after d unless ctx ends first. */
  const ctxFetch =
    (d: time.Duration, seen: Context[]) =>
    async (ctx: Context): Promise<[string, Error | null]> => {
      seen.push(ctx);
      return select(
        time.after(d).recvCase((): [string, Error | null] => ["page", null]),
        ctx.done().recvCase((): [string, Error | null] => ["", ctx.err()]),
      );
    };

  it("passes a context with a deadline and returns DeadlineExceeded when it passes", async () => {
    await synctest.run(async () => {
      const seen: Context[] = [];
      const start = time.now();
      const [page, err] = await fetchWithContext(
        context.background(),
        ctxFetch(time.Minute, seen),
        500 * time.Millisecond,
      );
      expect(seen.length).toBe(1);
      const [deadline, ok] = seen[0]!.deadline();
      expect(ok).toBe(true);
      expect(deadline.sub(start)).toBe(500 * time.Millisecond);
      expect(err).toBe(context.DeadlineExceeded);
      expect(page).toBe("");
      expect(time.since(start)).toBe(500 * time.Millisecond);
    });
  });

  it("cancels the context when fetch returns early", async () => {
    await synctest.run(async () => {
      const seen: Context[] = [];
      expect(await fetchWithContext(context.background(), ctxFetch(100 * time.Millisecond, seen), time.Second)).toEqual(
        ["page", null],
      );
      expect(seen[0]!.err()).toBe(context.Canceled);
    });
  });

  it("stops when the parent is cancelled", async () => {
    await synctest.run(async () => {
      const start = time.now();
      const [parent, cancel] = context.withTimeout(context.background(), 50 * time.Millisecond);
      const [, err] = await fetchWithContext(parent, ctxFetch(time.Minute, []), time.Second);
      expect(err).toBe(context.DeadlineExceeded);
      expect(time.since(start)).toBe(50 * time.Millisecond);
      cancel();
    });
  });
});
