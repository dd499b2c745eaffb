import { describe, it, expect } from "vitest";
import { select } from "go";
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

/** d in milliseconds, for messages. */
const ms = (d: time.Duration) => `${d / time.Millisecond}ms`;
const show = (v: unknown) => (v instanceof Error ? `Error(${JSON.stringify(v.message)})` : JSON.stringify(v));

describe("Task 1: fetchWithTimeout returns fast answers", () => {
  it("returns the page as soon as fetch answers", async () => {
    await synctest.run(async () => {
      const start = time.now();
      const result = await fetchWithTimeout(slow(300 * time.Millisecond), time.Second);
      const took = time.since(start);
      expect(result, `got ${show(result)}; fetch answered in time`).toEqual(["page", null]);
      expect(took, `took ${ms(took)}; fetch answered after 300ms, so fetchWithTimeout returns then, not at d`).toBe(
        300 * time.Millisecond,
      );
    });
  });

  it("returns an instant answer at once, under every schedule", async () => {
    await synctest.explore(async () => {
      const start = time.now();
      const result = await fetchWithTimeout(async () => "page", time.Second);
      const took = time.since(start);
      expect(result, `got ${show(result)} under seed ${synctest.seed()}`).toEqual(["page", null]);
      expect(took, `took ${ms(took)} for an answer that took no time`).toBe(0);
    });
  });
});

describe("Task 2: fetchWithTimeout gives up after d", () => {
  it("returns ErrTimeout after exactly d", async () => {
    await synctest.run(async () => {
      const start = time.now();
      const [page, err] = await fetchWithTimeout(slow(time.Minute), 2 * time.Second);
      const took = time.since(start);
      expect(err, `got ${show(err)}; return the ErrTimeout sentinel itself so callers can compare with ===`).toBe(
        ErrTimeout,
      );
      expect(page, "a timed-out fetch returns an empty page").toBe("");
      expect(took, `gave up after ${ms(took)}; d is 2000ms (fetch would take a minute)`).toBe(2 * time.Second);
      // As in Go 1.25, the bubble's clock stops when this function returns and
      // goroutines still blocked then fail the test: let the slow fetch answer.
      await time.sleep(time.Minute);
    });
  });

  it("leaves no goroutine behind when fetch answers after the timeout", async () => {
    // synctest.run fails with "leaked goroutines" if the fetch goroutine is
    // still blocked when the test ends: nobody receives its late answer.
    await synctest.run(async () => {
      const [, err] = await fetchWithTimeout(slow(time.Hour), time.Second);
      expect(err, `got ${show(err)}; fetch answers an hour late`).toBe(ErrTimeout);
      // As in Go 1.25, the bubble's clock stops when this function returns and
      // goroutines still blocked then fail the test: let the slow fetch answer.
      await time.sleep(time.Hour);
    });
  });
});

/** What a context-aware fake fetch saw when it was called. */
interface Seen {
  ctx?: Context;
  /** How far away the deadline was at the call, or null when there was none. */
  deadlineIn?: time.Duration | null;
}

/** How far away a deadline is, for messages. */
const inText = (d: time.Duration | null | undefined) => (d === null || d === undefined ? "never (no deadline)" : ms(d));

/** A fetch that honours its context: it answers after d unless ctx ends first. */
const ctxFetch =
  (d: time.Duration, seen: Seen = {}) =>
  async (ctx: Context): Promise<[string, Error | null]> => {
    const [deadline, ok] = ctx.deadline();
    seen.ctx = ctx;
    seen.deadlineIn = ok ? time.until(deadline) : null;
    return select(
      time.after(d).recvCase((): [string, Error | null] => ["page", null]),
      ctx.done().recvCase((): [string, Error | null] => ["", ctx.err()]),
    );
  };

describe("Task 3: fetchWithContext cancels the request", () => {
  it("hands fetch a context whose deadline is d from now, and returns DeadlineExceeded when it passes", async () => {
    await synctest.run(async () => {
      await time.sleep(time.Second); // so "d from now" and "at time d" differ
      const seen: Seen = {};
      const start = time.now();
      const [page, err] = await fetchWithContext(
        context.background(),
        ctxFetch(time.Minute, seen),
        500 * time.Millisecond,
      );
      const took = time.since(start);
      expect(seen.ctx, "fetch was never called").toBeDefined();
      expect(
        seen.deadlineIn,
        `fetch's context ends in ${inText(seen.deadlineIn)}; derive it with context.withTimeout(parent, d) so it ends in d = 500ms`,
      ).toBe(500 * time.Millisecond);
      expect(err, `got ${show(err)}; the context's deadline passed first`).toBe(context.DeadlineExceeded);
      expect(page, "a timed-out fetch returns an empty page").toBe("");
      expect(took, `returned after ${ms(took)}; d is 500ms`).toBe(500 * time.Millisecond);
    });
  });

  it("cancels the context when fetch returns early", async () => {
    await synctest.run(async () => {
      const seen: Seen = {};
      const result = await fetchWithContext(context.background(), ctxFetch(100 * time.Millisecond, seen), time.Second);
      expect(result, `got ${show(result)}; fetch answered in 100ms, before d`).toEqual(["page", null]);
      expect(
        seen.ctx?.err(),
        "fetch's context is still live after fetchWithContext returned: call cancel() when you are done",
      ).toBe(context.Canceled);
    });
  });

  it("cancels the context when fetch throws", async () => {
    await synctest.run(async () => {
      const boom = new Error("connection reset");
      let seen: Context | undefined;
      const failing = async (ctx: Context): Promise<[string, Error | null]> => {
        seen = ctx;
        await time.sleep(100 * time.Millisecond);
        throw boom;
      };
      const thrown = await fetchWithContext(context.background(), failing, time.Second).then(
        () => null,
        (e: unknown) => e,
      );
      expect(thrown, `got ${show(thrown)}; fetch's exception passes through to the caller`).toBe(boom);
      expect(seen?.err(), "an exception skipped cancel(): call it in a finally block, like Go's defer").toBe(
        context.Canceled,
      );
    });
  });

  it("stops when the parent is cancelled", async () => {
    await synctest.run(async () => {
      const [parent, cancel] = context.withCancel(context.background());
      time.afterFunc(50 * time.Millisecond, cancel);
      const start = time.now();
      const [, err] = await fetchWithContext(parent, ctxFetch(time.Minute), time.Second);
      const took = time.since(start);
      expect(err, `got ${show(err)}; the parent was cancelled at 50ms: derive the context from parent`).toBe(
        context.Canceled,
      );
      expect(took, `returned after ${ms(took)}; the parent was cancelled after 50ms`).toBe(50 * time.Millisecond);
    });
  });

  it("keeps the parent's deadline when it is earlier than d", async () => {
    await synctest.run(async () => {
      const [parent, cancel] = context.withTimeout(context.background(), 200 * time.Millisecond);
      const seen: Seen = {};
      const [, err] = await fetchWithContext(parent, ctxFetch(time.Minute, seen), time.Second);
      expect(seen.deadlineIn, `fetch's context ends in ${inText(seen.deadlineIn)}; the parent's ends in 200ms`).toBe(
        200 * time.Millisecond,
      );
      expect(err, `got ${show(err)}; the parent's deadline passed first`).toBe(context.DeadlineExceeded);
      cancel();
    });
  });
});
