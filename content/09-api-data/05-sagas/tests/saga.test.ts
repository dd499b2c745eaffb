import { describe, expect, it } from "vitest";
import { go } from "go";
import * as context from "go/context";
import * as errors from "go/errors";
import { WaitGroup } from "go/sync";
import { explore, run } from "go/testing/synctest";
import * as time from "go/time";
import { fulfil, runSaga } from "./saga";
import type { Step } from "./saga";
import { ErrDeclined, Shop } from "./shop";

const o1 = { id: "o1", amount: 2500 };
const o2 = { id: "o2", amount: 900 };
const bg = () => context.background();
const show = (v: unknown) => (v instanceof Error ? `Error(${JSON.stringify(v.message)})` : JSON.stringify(v));

describe("Task 1: compensate in reverse", () => {
  it("runs every step when nothing fails", async () => {
    await run(async () => {
      const shop = new Shop();
      const err = await fulfil(bg(), shop, o1);
      expect(err, `got ${show(err)}`).toBe(null);
      expect(shop.log, "reserve, charge, ship, confirm, in that order").toEqual([
        "reserve o1",
        "charge o1 2500",
        "ship o1",
        "confirm o1",
      ]);
    });
  });

  it("a declined card releases the stock", async () => {
    await run(async () => {
      const shop = new Shop();
      shop.fail("charge", "o1", ErrDeclined);
      const err = await fulfil(bg(), shop, o1);
      expect(errors.is(err, ErrDeclined), `got ${show(err)}; the step's error must be wrapped (%w), not replaced`).toBe(
        true,
      );
      expect(err?.message, "the error names the step that failed").toBe("saga: charge: card declined");
      expect(shop.log, "only the reservation succeeded, so only it is undone").toEqual(["reserve o1", "release o1"]);
    });
  });

  it("a failed shipment refunds, then releases: the reverse order", async () => {
    await run(async () => {
      const shop = new Shop();
      shop.fail("ship", "o1", errors.new("no courier available"));
      const err = await fulfil(bg(), shop, o1);
      expect(err?.message, "the shipping step's error").toBe("saga: ship: no courier available");
      expect(shop.log, "compensations run last-done-first: refund before release").toEqual([
        "reserve o1",
        "charge o1 2500",
        "refund o1 2500",
        "release o1",
      ]);
    });
  });

  it("a failing first step has nothing to compensate, and later steps never run", async () => {
    await run(async () => {
      const shop = new Shop();
      shop.fail("reserve", "o1", errors.new("out of stock"));
      const err = await fulfil(bg(), shop, o1);
      expect(err?.message, "the first step's error").toBe("saga: reserve: out of stock");
      expect(shop.calls, "nothing after the failed step is called, not even its own compensation").toEqual([
        "reserve o1: out of stock",
      ]);
    });
  });

  it("a step that throws is a failed step", async () => {
    await run(async () => {
      const shop = new Shop();
      shop.fail("ship", "o1", errors.new("nil map write"), 1, true);
      const err = await fulfil(bg(), shop, o1);
      expect(err?.message, "the throw becomes the saga's error, after compensating").toBe("saga: ship: nil map write");
      expect(shop.log, "compensated like any failure").toEqual([
        "reserve o1",
        "charge o1 2500",
        "refund o1 2500",
        "release o1",
      ]);
    });
  });
});

describe("Task 2: compensations that fail", () => {
  it("a failing compensation is retried after 50ms, then 100ms", async () => {
    await run(async () => {
      const shop = new Shop();
      shop.fail("ship", "o1", errors.new("no courier available"));
      shop.fail("refund", "o1", errors.new("payments: 503"), 2);
      const start = time.now();
      const err = await fulfil(bg(), shop, o1);
      const took = time.since(start);
      expect(err?.message, "the refund succeeded on its third try: only the step's error remains").toBe(
        "saga: ship: no courier available",
      );
      expect(shop.log, "the refund went through, then the release").toEqual([
        "reserve o1",
        "charge o1 2500",
        "refund o1 2500",
        "release o1",
      ]);
      expect(
        time.durationString(took),
        "3 steps (30ms), 3 refund tries (30ms) with waits of 50ms and 100ms, 1 release (10ms)",
      ).toBe("220ms");
    });
  });

  it("a compensation that keeps failing is reported, and the others still run", async () => {
    await run(async () => {
      const shop = new Shop();
      const down = errors.new("payments: 503");
      shop.fail("ship", "o1", errors.new("no courier available"));
      shop.fail("refund", "o1", down, 10);
      const err = await fulfil(bg(), shop, o1);
      expect(
        shop.calls.filter((c) => c.startsWith("refund")).length,
        "the refund is tried CompensationAttempts (3) times",
      ).toBe(3);
      expect(shop.log.at(-1), "the release still runs after the refund gave up").toBe("release o1");
      expect(errors.is(err, down), `got ${show(err)}; report the failed refund with the step's error`).toBe(true);
      expect(err?.message, "errors.join of the step's error and the compensation's").toBe(
        "saga: ship: no courier available\nsaga: compensate charge: payments: 503",
      );
    });
  });

  it("runSaga skips steps without a compensation", async () => {
    await run(async () => {
      const did: string[] = [];
      const step = (name: string, undo: boolean): Step => ({
        name,
        action: async () => {
          did.push(name);
          return name === "c" ? errors.new("boom") : null;
        },
        ...(undo ? { compensate: async () => (did.push(`undo ${name}`), null) } : {}),
      });
      const err = await runSaga(bg(), [step("a", true), step("b", false), step("c", true)]);
      expect(err?.message, "the failed step's error").toBe("saga: c: boom");
      expect(did, "b has nothing to undo; a is undone").toEqual(["a", "b", "c", "undo a"]);
    });
  });
});

describe("Task 3: the caller's context", () => {
  it("a cancelled request stops the saga, and its compensations still run", async () => {
    await run(async () => {
      const shop = new Shop();
      const [ctx, cancel] = context.withCancel(bg());
      time.afterFunc(25 * time.Millisecond, cancel); // the client disconnects during "ship"
      const err = await fulfil(ctx, shop, o1);
      expect(errors.is(err, context.Canceled), `got ${show(err)}; the ship step saw the cancellation`).toBe(true);
      expect(
        shop.calls,
        "compensate with context.withoutCancel(ctx): a refund with the cancelled context fails at once and the customer keeps paying",
      ).toEqual(["reserve o1", "charge o1 2500", "ship o1: context canceled", "refund o1 2500", "release o1"]);
    });
  });

  it("concurrent sagas compensate only their own order", async () => {
    await explore(async () => {
      const shop = new Shop();
      shop.fail("ship", "o2", errors.new("no courier available"));
      const results: Record<string, string> = {};
      const wg = new WaitGroup();
      for (const o of [o1, o2]) {
        wg.add(1);
        go(async () => {
          try {
            results[o.id] = (await fulfil(bg(), shop, o))?.message ?? "ok";
          } finally {
            wg.done();
          }
        });
      }
      await wg.wait();
      expect(results, "o1 is fulfilled, o2 fails at shipping").toEqual({
        o1: "ok",
        o2: "saga: ship: no courier available",
      });
      expect(
        [shop.log.filter((l) => l.includes(" o1")), shop.log.filter((l) => l.includes(" o2"))],
        "each saga keeps its own list of completed steps",
      ).toEqual([
        ["reserve o1", "charge o1 2500", "ship o1", "confirm o1"],
        ["reserve o2", "charge o2 900", "refund o2 900", "release o2"],
      ]);
    });
  });
});
