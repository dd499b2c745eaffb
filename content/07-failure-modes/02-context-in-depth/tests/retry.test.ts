import { describe, it, expect } from "vitest";
import * as synctest from "go/testing/synctest";
import * as time from "go/time";
import * as context from "go/context";
import * as errors from "go/errors";
import { select } from "go";
import type { Context } from "go/context";
import { withRetry } from "./retry";

const ms = (d: time.Duration) => `${d / time.Millisecond}ms`;
const show = (v: unknown) => (v instanceof Error ? `Error(${JSON.stringify(v.message)})` : JSON.stringify(v));

/**
 * A flaky call: attempt i takes takes[i], honouring its context, then fails
 * with "try i" (or succeeds with "ok" on attempt okAt). It records each
 * attempt's context and how far off its deadline was.
 */
function flaky(takes: time.Duration[], okAt = -1) {
  const ctxs: Context[] = [];
  const deadlines: (time.Duration | null)[] = [];
  const fn = async (ctx: Context): Promise<[string, Error | null]> => {
    const i = ctxs.length;
    ctxs.push(ctx);
    const [d, ok] = ctx.deadline();
    deadlines.push(ok ? time.until(d) : null);
    return select(
      time
        .after(takes[i] ?? 0)
        .recvCase((): [string, Error | null] => (i === okAt ? ["ok", null] : ["", new Error(`try ${i + 1}`)])),
      ctx.done().recvCase((): [string, Error | null] => ["", ctx.err()]),
    );
  };
  return { fn, ctxs, deadlines };
}

const policy = { attempts: 4, backoff: 100 * time.Millisecond, perAttempt: time.Second };

describe("Task 2: withRetry honours the caller's deadline", () => {
  it("retries after 100ms, then 200ms, and returns the first success", async () => {
    await synctest.run(async () => {
      const { fn, ctxs } = flaky([30 * time.Millisecond, 50 * time.Millisecond, 10 * time.Millisecond], 2);
      const start = time.now();
      const result = await withRetry(context.background(), policy, fn);
      const took = time.since(start);
      expect(result, `got ${show(result)}; the third attempt succeeds`).toEqual(["ok", null]);
      expect(ctxs.length, "three attempts: two failures, then the success").toBe(3);
      expect(took, `took ${ms(took)}; 30 + 100 (backoff) + 50 + 200 (backoff) + 10 = 390ms`).toBe(
        390 * time.Millisecond,
      );
    });
  });

  it("returns the last error once every attempt failed", async () => {
    await synctest.run(async () => {
      const { fn, ctxs } = flaky([10 * time.Millisecond, 10 * time.Millisecond]);
      const [v, err] = await withRetry(context.background(), { ...policy, attempts: 2 }, fn);
      expect(v, "no value when every attempt failed").toBe(null);
      expect(err?.message, `got ${show(err)}; return the last attempt's error`).toBe("try 2");
      expect(ctxs.length, "two attempts allowed, two made").toBe(2);
    });
  });

  it("returns ctx's error at the deadline, even in the middle of a backoff", async () => {
    await synctest.run(async () => {
      const { fn, ctxs } = flaky([30 * time.Millisecond, 50 * time.Millisecond, 10 * time.Millisecond], 2);
      const [ctx, cancel] = context.withTimeout(context.background(), 250 * time.Millisecond);
      const start = time.now();
      const [v, err] = await withRetry(ctx, policy, fn);
      const took = time.since(start);
      cancel();
      expect(
        took,
        `returned after ${ms(took)}; the deadline (250ms) passed during the 200ms backoff that began at 180ms: a sleep that ignores ctx runs past it`,
      ).toBe(250 * time.Millisecond);
      expect(
        errors.is(err, context.DeadlineExceeded),
        `got ${show(err)}; the caller's deadline passed, so return ctx.err() (context.DeadlineExceeded)`,
      ).toBe(true);
      expect(v, "no value after the deadline").toBe(null);
      expect(ctxs.length, "no attempt starts after the deadline").toBe(2);
    });
  });

  it("gives each attempt a context bounded by perAttempt and the caller's deadline, cancelled when it returns", async () => {
    await synctest.run(async () => {
      // The first attempt hangs for a minute: only its own timeout stops it.
      const { fn, ctxs, deadlines } = flaky([time.Minute, 10 * time.Millisecond], 1);
      const [ctx, cancel] = context.withTimeout(context.background(), 1500 * time.Millisecond);
      const start = time.now();
      const result = await withRetry(ctx, policy, fn);
      const took = time.since(start);
      expect(result, `got ${show(result)}; the second attempt succeeds`).toEqual(["ok", null]);
      expect(
        deadlines[0],
        deadlines[0] === null
          ? "the first attempt's context has no deadline; perAttempt is 1000ms"
          : `the first attempt's context ends in ${ms(deadlines[0] ?? 0)}; perAttempt is 1000ms`,
      ).toBe(time.Second);
      expect(
        deadlines[1],
        deadlines[1] === null
          ? "the second attempt's context has no deadline; derive it from ctx, whose deadline is then 400ms away"
          : `the second attempt's context ends in ${ms(deadlines[1] ?? 0)}; derive it from ctx, whose deadline is then 400ms away`,
      ).toBe(400 * time.Millisecond);
      expect(took, `took ${ms(took)}; 1000 (attempt cut off) + 100 (backoff) + 10 = 1110ms`).toBe(
        1110 * time.Millisecond,
      );
      for (const [i, c] of ctxs.entries()) {
        expect(c.err(), `attempt ${i + 1}'s context is still live after withRetry returned: call its cancel`).not.toBe(
          null,
        );
      }
      cancel();
    });
  });

  it("makes no attempt when ctx has already ended", async () => {
    await synctest.run(async () => {
      const { fn, ctxs } = flaky([10 * time.Millisecond], 0);
      const [ctx, cancel] = context.withCancel(context.background());
      cancel();
      const [, err] = await withRetry(ctx, policy, fn);
      expect(errors.is(err, context.Canceled), `got ${show(err)}; ctx was cancelled before the call`).toBe(true);
      expect(ctxs.length, "no attempt once the caller has given up").toBe(0);
    });
  });
});
