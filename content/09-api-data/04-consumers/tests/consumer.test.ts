import { describe, expect, it } from "vitest";
import { go, makeChan } from "go";
import * as context from "go/context";
import * as errors from "go/errors";
import { explore, gauge, run } from "go/testing/synctest";
import * as time from "go/time";
import { Broker } from "./broker";
import type { Message } from "./broker";
import { backoff, consume } from "./consumer";
import type { Handler, Options } from "./consumer";

/** opts: 2 workers, 4 attempts, backoff 100ms doubling up to 1s, unless given. */
const opts = (o: Partial<Options> = {}): Options => ({
  workers: 2,
  maxAttempts: 4,
  baseBackoff: 100 * time.Millisecond,
  maxBackoff: time.Second,
  ...o,
});

/**
 * Ledger is the service the consumer feeds: it credits each message's
 * amount, and counts how often each message was applied.
 */
class Ledger {
  balance = 0;
  readonly applied = new Map<string, number>();
  /** calls counts every handler call per id, failed ones included. */
  readonly calls = new Map<string, number>();

  constructor(
    /** How long a message takes to handle. */
    private readonly took: (m: Message) => time.Duration = () => 10 * time.Millisecond,
    /** The error (or thrown value) of the n-th call (1-based) for m, or null to apply it. */
    private readonly fails: (m: Message, n: number) => Error | null = () => null,
  ) {}

  readonly handle: Handler = async (m) => {
    const n = (this.calls.get(m.id) ?? 0) + 1;
    this.calls.set(m.id, n);
    await time.sleep(this.took(m));
    const err = this.fails(m, n);
    if (err) return err;
    this.balance += m.amount;
    this.applied.set(m.id, (this.applied.get(m.id) ?? 0) + 1);
    return null;
  };
}

/** start runs consume in a goroutine; stop cancels it and waits for it to return. */
function start(broker: Broker, handle: Handler, o: Options = opts()) {
  const [ctx, cancel] = context.withCancel(context.background());
  const returned = makeChan<time.Duration>(1);
  const t0 = time.now();
  go(async () => {
    await consume(ctx, broker, handle, o);
    await returned.send(time.since(t0));
  }, "consume");
  return {
    /** stop cancels the consumer and returns how long after start consume returned. */
    async stop(): Promise<time.Duration> {
      cancel();
      return (await returned.recv()) ?? -1;
    },
  };
}

const m1 = { id: "m1", amount: 500 };
const m2 = { id: "m2", amount: 700 };
const m3 = { id: "m3", amount: 1100 };
const m4 = { id: "m4", amount: 1300 };

/** only keeps the events about one message id, without their times. */
const about = (events: string[], verb: string) => events.filter((e) => e.split(" ")[1] === verb);

describe("Task 1: workers that ack", () => {
  it("handles every message once and acks it", async () => {
    await run(async () => {
      const broker = new Broker();
      const ledger = new Ledger();
      const c = start(broker, ledger.handle);
      for (const m of [m1, m2, m3, m4]) await broker.publish(m);
      await time.sleep(time.Second);
      await c.stop();
      expect(ledger.balance, "every message's amount is credited once").toBe(3600);
      expect(about(broker.events, "ack").length, "four deliveries, four acks").toBe(4);
      expect(broker.unsettled, `${broker.unsettled} deliveries were never acked or nacked`).toBe(0);
    });
  });

  it("runs `workers` handlers at once, no more", async () => {
    await explore(async () => {
      const broker = new Broker();
      const g = gauge();
      const took: Record<string, number> = { m1: 30, m2: 10, m3: 20, m4: 10 };
      const ledger = new Ledger((m) => took[m.id] * time.Millisecond);
      const c = start(broker, (m) => g.track(() => ledger.handle(m)));
      for (const m of [m1, m2, m3, m4]) await broker.publish(m);
      await time.sleep(time.Second);
      await c.stop();
      expect(g.peak, `${g.peak} handlers ran at once; workers is 2`).toBe(2);
      const last = broker.events.at(-1) ?? "";
      expect(
        last.split(" ")[0],
        "2 workers take 30ms+10ms and 10ms+20ms...: the last ack is at 40ms (70ms one at a time)",
      ).toBe("40ms");
    });
  });

  it("returns once cancelled, after finishing the delivery in hand", async () => {
    await run(async () => {
      const broker = new Broker();
      const ledger = new Ledger(() => 50 * time.Millisecond);
      const c = start(broker, ledger.handle);
      await broker.publish(m1);
      await time.sleep(20 * time.Millisecond);
      const returned = await c.stop();
      expect(returned, "consume returns when its last handler is done (50ms), not before").toBe(50 * time.Millisecond);
      expect([ledger.balance, broker.unsettled], "the message in hand is applied and acked").toEqual([500, 0]);
    });
  });
});

describe("Task 2: retries with backoff, then the dead-letter queue", () => {
  it("a message that fails twice is nacked with 100ms, then 200ms, and then applied", async () => {
    await run(async () => {
      const broker = new Broker();
      const ledger = new Ledger(undefined, (_m, n) => (n <= 2 ? errors.new("payments: timeout") : null));
      const c = start(broker, ledger.handle);
      await broker.publish(m1);
      await time.sleep(time.Second);
      await c.stop();
      expect(broker.events, "nack each failure with an exponential backoff; the broker redelivers").toEqual([
        "0s deliver m1#1",
        "10ms nack m1#1 100ms",
        "110ms deliver m1#2",
        "120ms nack m1#2 200ms",
        "320ms deliver m1#3",
        "330ms ack m1#3",
      ]);
      expect(ledger.balance, "applied once, on the third attempt").toBe(500);
    });
  });

  it("a message that always fails goes to the dead-letter queue after maxAttempts", async () => {
    await run(async () => {
      const broker = new Broker();
      const ledger = new Ledger(undefined, (_m, n) => errors.errorf("card declined (attempt %d)", n));
      const c = start(broker, ledger.handle);
      await broker.publish(m1);
      await time.sleep(10 * time.Second);
      await c.stop();
      expect(
        about(broker.events, "nack").map((e) => e.split(" ").at(-1)),
        "three retries, waiting 100ms, 200ms, 400ms",
      ).toEqual(["100ms", "200ms", "400ms"]);
      expect(broker.dlq, "after 4 attempts the message is dead-lettered with the last error").toEqual([
        { message: m1, attempts: 4, error: "card declined (attempt 4)" },
      ]);
      expect(ledger.calls.get("m1"), "4 attempts, no more").toBe(4);
      expect(broker.unsettled, "the dead-lettered delivery is acked too").toBe(0);
    });
  });

  it("backoff doubles from baseBackoff and stops at maxBackoff", () => {
    const o = opts({ baseBackoff: 100 * time.Millisecond, maxBackoff: 500 * time.Millisecond });
    const waits = [1, 2, 3, 4, 5, 6, 60].map((a) => time.durationString(backoff(a, o)));
    expect(waits, "backoff(attempt) for attempts 1-6 and 60").toEqual([
      "100ms",
      "200ms",
      "400ms",
      "500ms",
      "500ms",
      "500ms",
      "500ms",
    ]);
  });

  it("a failing message does not hold up the others", async () => {
    await run(async () => {
      const broker = new Broker();
      const ledger = new Ledger(undefined, (m, n) => (m.id === "m1" && n === 1 ? errors.new("timeout") : null));
      const c = start(broker, ledger.handle, opts({ workers: 1 }));
      await broker.publish(m1);
      await broker.publish(m2);
      await time.sleep(time.Second);
      await c.stop();
      expect(
        broker.events.filter((e) => !e.includes(" deliver ")),
        "one worker: m1 fails and is nacked, the worker handles m2 at once, and m1 comes back 100ms later",
      ).toEqual(["10ms nack m1#1 100ms", "20ms ack m2#1", "120ms ack m1#2"]);
    });
  });

  it("a handler that throws is a failed attempt, and the consumer keeps going", async () => {
    await run(async () => {
      const broker = new Broker();
      let calls = 0;
      const ledger = new Ledger();
      const c = start(broker, async (m) => {
        if (++calls === 1) throw new Error("nil pointer dereference");
        return ledger.handle(m);
      });
      await broker.publish(m1);
      await time.sleep(time.Second);
      await broker.publish(m2);
      await time.sleep(time.Second);
      await c.stop();
      expect(about(broker.events, "nack").length, "the throw is nacked like an error").toBe(1);
      expect(ledger.balance, "m1 is applied on its retry and m2 after it").toBe(1200);
    });
  });
});

describe("Task 3: each message applied once", () => {
  it("a redelivered copy of a processed message is acked without applying it", async () => {
    await run(async () => {
      const broker = new Broker();
      const ledger = new Ledger();
      const c = start(broker, ledger.handle);
      await broker.publish(m1);
      await time.sleep(time.Second);
      await broker.duplicate(m1); // the broker lost the ack and delivers again
      await time.sleep(time.Second);
      await c.stop();
      expect(ledger.balance, "m1 credited twice: keep the ids of applied messages and skip them").toBe(500);
      expect(about(broker.events, "ack").length, "the duplicate is acked, or it comes back forever").toBe(2);
    });
  });

  it("two copies handled at once apply once", async () => {
    await explore(async () => {
      const broker = new Broker();
      const ledger = new Ledger(() => 20 * time.Millisecond);
      const c = start(broker, ledger.handle);
      await broker.publish(m1);
      await broker.duplicate(m1);
      await broker.publish(m2);
      await time.sleep(time.Second);
      await c.stop();
      expect(
        ledger.applied.get("m1"),
        "two workers got a copy of m1 at the same time: mark it as running before the first await",
      ).toBe(1);
      expect([ledger.balance, broker.unsettled], "m1 and m2 credited once, every delivery settled").toEqual([1200, 0]);
    });
  });

  it("a copy that arrives while the original waits for its retry", async () => {
    await explore(async () => {
      const broker = new Broker();
      const ledger = new Ledger(undefined, (_m, n) => (n === 1 ? errors.new("timeout") : null));
      const c = start(broker, ledger.handle);
      await broker.publish(m1); // fails at 10ms, comes back at 110ms
      await time.sleep(50 * time.Millisecond);
      await broker.duplicate(m1); // applied at 60ms
      await time.sleep(time.Second);
      await c.stop();
      expect(ledger.calls.get("m1"), "the failed attempt, then the copy; the retry finds m1 applied").toBe(2);
      expect(ledger.balance, "m1 is credited exactly once: a failed attempt must not mark it done").toBe(500);
      expect(broker.unsettled, "every delivery settled").toBe(0);
    });
  });
});
