// Ported from golang.org/x/time/rate/rate_test.go. Go's fake clock (testTime)
// is the bubble's virtual clock here.
import { describe, it, expect } from "vitest";
import { go } from "go";
import { WaitGroup } from "go/sync";
import * as time from "go/time";
import * as context from "go/context";
import * as rate from "go/x/time/rate";
import * as synctest from "go/testing/synctest";

const closeEnough = (a: rate.Limit, b: rate.Limit) => Math.abs(a / b - 1) < 1e-9;

describe("rate.every (TestLimit, TestEvery)", () => {
  it("Inf is not a finite limit", () => {
    expect(10 === rate.Inf).toBe(false);
  });
  const cases: [number, rate.Limit][] = [
    [0, rate.Inf],
    [-time.Nanosecond, rate.Inf],
    [time.Nanosecond, 1e9],
    [time.Microsecond, 1e6],
    [time.Millisecond, 1e3],
    [10 * time.Millisecond, 100],
    [100 * time.Millisecond, 10],
    [time.Second, 1],
    [2 * time.Second, 0.5],
    [2.5 * time.Second, 0.4],
    [4 * time.Second, 0.25],
    [10 * time.Second, 0.1],
    [(2 ** 63 - 1) * time.Nanosecond, 1e9 / (2 ** 63 - 1)],
  ];
  for (const [interval, lim] of cases)
    it(`every(${interval / time.Nanosecond}ns)`, () => {
      const got = rate.every(interval);
      expect(got === lim || closeEnough(got, lim)).toBe(true);
    });
});

const d = 100 * time.Millisecond;
const t0 = 0;
const [t1, t2, t3, t4, t5, t9] = [1, 2, 3, 4, 5, 9].map((k) => t0 + k * d) as [
  number,
  number,
  number,
  number,
  number,
  number,
];

/** A fixed instant plus t nanoseconds: Go's test uses t0 := time.Now(). */
const base = time.unix(1_000_000_000, 0);
const at = (t: number) => base.add(t);

type Allow = [t: number, toks: number, n: number, ok: boolean];

function run(lim: rate.Limiter, allows: Allow[]) {
  allows.forEach(([t, toks, n, ok], i) => {
    expect([i, lim.tokensAt(at(t))]).toEqual([i, toks]);
    expect([i, lim.allowN(at(t), n)]).toEqual([i, ok]);
  });
}

describe("Limiter.allowN", () => {
  it("burst 1 (TestLimiterBurst1)", () => {
    run(rate.newLimiter(10, 1), [
      [t0, 1, 1, true],
      [t0, 0, 1, false],
      [t0, 0, 1, false],
      [t1, 1, 1, true],
      [t1, 0, 1, false],
      [t1, 0, 1, false],
      [t2, 1, 2, false], // burst size is 1, so n=2 always fails
      [t2, 1, 1, true],
      [t2, 0, 1, false],
    ]);
  });

  it("burst 3 (TestLimiterBurst3)", () => {
    run(rate.newLimiter(10, 3), [
      [t0, 3, 2, true],
      [t0, 1, 2, false],
      [t0, 1, 1, true],
      [t0, 0, 1, false],
      [t1, 1, 4, false],
      [t2, 2, 1, true],
      [t3, 2, 1, true],
      [t4, 2, 1, true],
      [t4, 1, 1, true],
      [t4, 0, 1, false],
      [t4, 0, 1, false],
      [t9, 3, 3, true],
      [t9, 0, 0, true],
    ]);
  });

  it("time going backwards (TestLimiterJumpBackwards)", () => {
    run(rate.newLimiter(10, 3), [
      [t1, 3, 1, true], // start at t1
      [t0, 2, 1, true], // jump back to t0, two tokens remain
      [t0, 1, 1, true],
      [t0, 0, 1, false],
      [t0, 0, 1, false],
      [t1, 1, 1, true], // got a token
      [t1, 0, 1, false],
      [t1, 0, 1, false],
      [t2, 1, 1, true], // got another token
      [t2, 0, 1, false],
      [t2, 0, 1, false],
    ]);
  });

  it("no truncation errors; zero and tiny limits (TestLimiter_noTruncationErrors, TestZeroLimit, TestTinyLimit)", async () => {
    await synctest.run(() => {
      expect(rate.newLimiter(0.7692307692307693, 1).allow()).toBe(true);
      for (const r of [0, 1e-10]) {
        const lim = rate.newLimiter(r, 1);
        expect(lim.allow()).toBe(true);
        expect(lim.allow()).toBe(false);
      }
    });
  });

  it("concurrent requests get exactly the burst (TestSimultaneousRequests)", async () => {
    await synctest.run(async () => {
      const lim = rate.newLimiter(1, 5);
      let numOK = 0;
      const wg = new WaitGroup();
      for (let i = 0; i < 15; i++) wg.go(() => void (lim.allow() && numOK++));
      await wg.wait();
      expect(numOK).toBe(5);
    });
  });

  it("holds the rate over a long run (TestLongRunningQPS)", async () => {
    await synctest.run(async () => {
      const limit = 100;
      const burst = 100;
      const lim = rate.newLimiter(limit, burst);
      let numOK = 0;
      const start = time.now();
      const end = start.add(5 * time.Second);
      while (time.now().before(end)) {
        if (lim.allow()) numOK++;
        await time.sleep(2 * time.Millisecond);
      }
      const ideal = burst + (limit * time.since(start)) / time.Second;
      expect(numOK).toBeLessThanOrEqual(Math.trunc(ideal + 1));
      expect(numOK).toBeGreaterThanOrEqual(Math.trunc(0.999 * ideal));
    });
  });
});

/** dSince returns multiples of d since t0, rounded. */
const dSince = (t: number) => Math.floor((t - t0 + d / 2) / d);

type Req = [t: number, n: number, act: number, ok: boolean];

function runReserve(lim: rate.Limiter, [t, n, act, ok]: Req, maxReserve = rate.InfDuration): rate.Reservation {
  lim._ns(at(t0)); // the limiter counts from t0, as the numbers in these tables do
  const r = lim._reserveN(t, n, maxReserve);
  expect([r.ok(), r.ok() ? dSince(r.delayFrom(at(t0)) + t0) : 0]).toEqual([ok, ok ? dSince(act) : 0]);
  return r;
}

describe("Limiter.reserveN and Reservation.cancelAt", () => {
  const cases: [string, (lim: rate.Limiter) => void, rate.Limit, number][] = [
    [
      "TestSimpleReserve",
      (lim) =>
        [
          [t0, 2, t0, true],
          [t0, 2, t2, true],
          [t3, 2, t4, true],
        ].forEach((q) => runReserve(lim, q as Req)),
      10,
      2,
    ],
    [
      "TestMix",
      (lim) => {
        runReserve(lim, [t0, 3, t1, false]); // n > burst
        runReserve(lim, [t0, 2, t0, true]);
        run(lim, [[t1, 1, 2, false]]); // not enough tokens
        runReserve(lim, [t1, 2, t2, true]);
        run(lim, [[t1, -1, 1, false]]); // negative tokens
        run(lim, [[t3, 1, 1, true]]);
      },
      10,
      2,
    ],
    [
      "TestCancelInvalid",
      (lim) => {
        runReserve(lim, [t0, 2, t0, true]);
        runReserve(lim, [t0, 3, t3, false]).cancelAt(at(t0)); // no effect
        runReserve(lim, [t0, 2, t2, true]); // did not get extra tokens
      },
      10,
      2,
    ],
    [
      "TestCancelLast",
      (lim) => {
        runReserve(lim, [t0, 2, t0, true]);
        runReserve(lim, [t0, 2, t2, true]).cancelAt(at(t1)); // got 2 tokens back
        runReserve(lim, [t1, 2, t2, true]);
      },
      10,
      2,
    ],
    [
      "TestCancelTooLate",
      (lim) => {
        runReserve(lim, [t0, 2, t0, true]);
        runReserve(lim, [t0, 2, t2, true]).cancelAt(at(t3)); // too late: no effect
        runReserve(lim, [t3, 2, t4, true]);
      },
      10,
      2,
    ],
    [
      "TestCancel0Tokens",
      (lim) => {
        runReserve(lim, [t0, 2, t0, true]);
        const r = runReserve(lim, [t0, 1, t1, true]);
        runReserve(lim, [t0, 1, t2, true]);
        r.cancelAt(at(t0)); // got 0 tokens back
        runReserve(lim, [t0, 1, t3, true]);
      },
      10,
      2,
    ],
    [
      "TestCancel1Token",
      (lim) => {
        runReserve(lim, [t0, 2, t0, true]);
        const r = runReserve(lim, [t0, 2, t2, true]);
        runReserve(lim, [t0, 1, t3, true]);
        r.cancelAt(at(t2)); // got 1 token back
        runReserve(lim, [t2, 2, t4, true]);
      },
      10,
      2,
    ],
    [
      "TestCancelMulti",
      (lim) => {
        runReserve(lim, [t0, 4, t0, true]);
        const rA = runReserve(lim, [t0, 3, t3, true]);
        runReserve(lim, [t0, 1, t4, true]);
        const rC = runReserve(lim, [t0, 1, t5, true]);
        rC.cancelAt(at(t1)); // get 1 token back
        rA.cancelAt(at(t1)); // get 2 tokens back, as if C was never reserved
        runReserve(lim, [t1, 3, t5, true]);
      },
      10,
      4,
    ],
    [
      "TestReserveJumpBack",
      (lim) => {
        runReserve(lim, [t1, 2, t1, true]); // start at t1
        runReserve(lim, [t0, 1, t1, true]); // should violate Limit,Burst
        runReserve(lim, [t2, 2, t3, true]);
        runReserve(lim, [t0, 3, 0, false]); // n > burst: state unchanged
        runReserve(lim, [t2, 1, t4, true]);
        runReserve(lim, [t0, 2, 0, false], d); // maxReserve too short: state unchanged
        runReserve(lim, [t2, 1, t5, true]);
      },
      10,
      2,
    ],
    [
      "TestReserveJumpBackCancel",
      (lim) => {
        runReserve(lim, [t1, 2, t1, true]); // start at t1
        const r = runReserve(lim, [t1, 2, t3, true]);
        runReserve(lim, [t1, 1, t4, true]);
        r.cancelAt(at(t0)); // cancel at t0, get 1 token back
        runReserve(lim, [t1, 2, t4, true]); // should violate Limit,Burst
      },
      10,
      2,
    ],
    [
      "TestReserveSetLimit",
      (lim) => {
        runReserve(lim, [t0, 2, t0, true]);
        runReserve(lim, [t0, 2, t4, true]);
        lim.setLimitAt(at(t2), 10);
        runReserve(lim, [t2, 1, t4, true]); // violates Limit and Burst
      },
      5,
      2,
    ],
    [
      "TestReserveSetBurst",
      (lim) => {
        runReserve(lim, [t0, 2, t0, true]);
        runReserve(lim, [t0, 2, t4, true]);
        lim.setBurstAt(at(t3), 4);
        runReserve(lim, [t0, 4, t9, true]); // violates Limit and Burst
      },
      5,
      2,
    ],
    [
      "TestReserveSetLimitCancel",
      (lim) => {
        runReserve(lim, [t0, 2, t0, true]);
        const r = runReserve(lim, [t0, 2, t4, true]);
        lim.setLimitAt(at(t2), 10);
        r.cancelAt(at(t2)); // 2 tokens back
        runReserve(lim, [t2, 2, t3, true]);
      },
      5,
      2,
    ],
    [
      "TestReserveMax",
      (lim) => {
        runReserve(lim, [t0, 2, t0, true], d);
        runReserve(lim, [t0, 1, t1, true], d); // reserve for close future
        runReserve(lim, [t0, 1, t2, false], d); // time to act too far in the future
      },
      10,
      2,
    ],
  ];
  for (const [name, body, r, b] of cases) it(name, () => body(rate.newLimiter(r, b)));

  it("a reservation that is not ok never acts", () => {
    const r = rate.newLimiter(10, 1).reserveN(at(t0), 2);
    expect([r.ok(), r.delayFrom(at(t0))]).toEqual([false, rate.InfDuration]);
  });
});

/** runWait checks lim.waitN's error and the virtual time it took, in multiples of d. */
async function runWait(lim: rate.Limiter, ctx: context.Context, n: number, delay: number, nilErr: boolean) {
  const start = time.now();
  const err = await lim.waitN(ctx, n);
  expect([err === null, time.since(start) / d]).toEqual([nilErr, delay]);
  return err;
}

describe("Limiter.waitN on the virtual clock", () => {
  it("already cancelled, over burst, now and later (TestWaitSimple)", async () => {
    await synctest.run(async () => {
      const lim = rate.newLimiter(10, 3);
      const [ctx, cancel] = context.withCancel(context.background());
      cancel();
      expect(await runWait(lim, ctx, 1, 0, false)).toBe(context.Canceled);
      const err = await runWait(lim, context.background(), 4, 0, false);
      expect(err?.message).toBe("rate: Wait(n=4) exceeds limiter's burst 3");
      await runWait(lim, context.background(), 2, 0, true);
      await runWait(lim, context.background(), 3, 2, true);
    });
  });

  it("cancelled while waiting gives the tokens back (TestWaitCancel)", async () => {
    await synctest.run(async () => {
      const lim = rate.newLimiter(10, 3);
      const [ctx, cancel] = context.withCancel(context.background());
      await runWait(lim, ctx, 2, 0, true); // after this lim.tokens = 1
      go(async () => {
        await time.sleep(d);
        cancel();
      });
      expect(await runWait(lim, ctx, 3, 1, false)).toBe(context.Canceled);
      // should get 3 tokens back, and have lim.tokens = 2
      await runWait(lim, context.background(), 2, 0, true);
    });
  });

  it("a wait longer than the deadline fails at once (TestWaitTimeout)", async () => {
    await synctest.run(async () => {
      const lim = rate.newLimiter(10, 3);
      const [ctx, cancel] = context.withTimeout(context.background(), d);
      await runWait(lim, ctx, 2, 0, true);
      const err = await runWait(lim, ctx, 3, 0, false);
      expect(err?.message).toBe("rate: Wait(n=3) would exceed context deadline");
      cancel();
    });
  });

  it("Inf allows anything (TestWaitInf)", async () => {
    await synctest.run(async () => {
      await runWait(rate.newLimiter(rate.Inf, 0), context.background(), 3, 0, true);
    });
  });

  it("setLimit after a zero limit (TestSetAfterZeroLimit)", async () => {
    await synctest.run(async () => {
      const lim = rate.newLimiter(0, 1);
      expect(lim.allow()).toBe(true); // starts full
      expect(lim.allow()).toBe(false); // and is not refilled
      lim.setLimit(10);
      await runWait(lim, context.background(), 1, 1, true); // a token in 100ms
      expect([lim.limit(), lim.burst()]).toEqual([10, 1]);
    });
  });

  it("reserve, delay and tokens read the virtual clock", async () => {
    await synctest.run(async () => {
      const lim = rate.newLimiter(rate.every(50 * time.Millisecond), 2);
      expect(lim.tokens()).toBe(2);
      expect(lim.reserve().delay()).toBe(0);
      expect(lim.reserve().delay()).toBe(0);
      const r = lim.reserve();
      expect(r.delay()).toBe(50 * time.Millisecond);
      await time.sleep(r.delay());
      expect(lim.tokens()).toBe(0);
      lim.setBurst(5);
      await time.sleep(time.Second);
      expect(lim.tokens()).toBe(5);
      expect(await lim.wait(context.background())).toBeNull();
    });
  });
});
