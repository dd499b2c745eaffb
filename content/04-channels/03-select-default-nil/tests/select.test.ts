import { describe, it, expect } from "vitest";
import { go, makeChan } from "go";
import type { Chan, RecvChan } from "go";
import * as synctest from "go/testing/synctest";
import * as time from "go/time";
import { latest, merge, offer } from "./select";

/** d in milliseconds, for messages. */
const ms = (d: time.Duration) => `${d / time.Millisecond}ms`;

describe("Task 1: offer never blocks and drops when full", () => {
  it("fills free buffer space, then drops at once", async () => {
    await synctest.run(async () => {
      const q = makeChan<string>(2);
      const start = time.now();
      const got = [await offer(q, "a"), await offer(q, "b"), await offer(q, "c")];
      const took = time.since(start);
      expect(got, "a 2-slot queue takes two events and drops the third").toEqual([true, true, false]);
      expect(ms(took), "offer must not wait, not even a little: a select with a default case").toBe("0ms");
      expect([await q.recv(), await q.recv()], "the two accepted events are in the queue, in order").toEqual([
        "a",
        "b",
      ]);
      expect(await offer(q, "d"), "once the consumer made room, offer accepts again").toBe(true);
    });
  });

  it("hands off to a receiver already waiting on an unbuffered channel", async () => {
    await synctest.run(async () => {
      const q = makeChan<string>();
      let got: string | undefined;
      go(async () => {
        got = await q.recv();
      }, "receiver");
      await synctest.wait(); // the receiver is now blocked in recv
      expect(
        await offer(q, "ping"),
        "a receiver is waiting, so the send can happen now; len and cap are both 0, yet the send is ready",
      ).toBe(true);
      await synctest.wait();
      expect(got, "the waiting receiver got the value").toBe("ping");
      expect(await offer(q, "pong"), "nobody is waiting any more: an unbuffered send would block, so drop").toBe(false);
    });
  });
});

describe("Task 2: latest takes the newest waiting value without blocking", () => {
  it("returns the newest value and empties the channel", async () => {
    await synctest.run(async () => {
      const ch = makeChan<number>(4);
      for (const v of [3, 1, 4]) await ch.send(v);
      const start = time.now();
      const got = await latest(ch, 0);
      expect(got, "3, 1 and 4 were waiting: the newest is 4").toBe(4);
      expect(ch.len(), "the older values are received (and dropped) on the way").toBe(0);
      expect(ms(time.since(start)), "latest never waits").toBe("0ms");
    });
  });

  it("takes a value from a sender already waiting on an unbuffered channel", async () => {
    await synctest.run(async () => {
      const ch = makeChan<number>();
      go(async () => {
        await ch.send(42);
      }, "sender");
      await synctest.wait(); // the sender is now blocked in send
      expect(
        await latest(ch, 0),
        "a sender is waiting, so a receive is ready; len is 0 on an unbuffered channel, yet the value is there",
      ).toBe(42);
    });
  });

  it("keeps the current value when nothing is waiting", async () => {
    await synctest.run(async () => {
      const ch = makeChan<number>(4);
      const start = time.now();
      expect(await latest(ch, 7), "nothing waiting: keep the current value").toBe(7);
      expect(ms(time.since(start)), "an empty channel must not block latest").toBe("0ms");
    });
  });
});

/** A source that sends each [delay, value] in turn (waiting delay first), then closes. */
function source(steps: Array<[time.Duration, string]>): Chan<string> {
  const ch = makeChan<string>();
  go(async () => {
    for (const [d, v] of steps) {
      if (d > 0) await time.sleep(d);
      await ch.send(v);
    }
    ch.close();
  }, "source");
  return ch;
}

/** drain ranges over ch and records each value with its arrival time. */
async function drain(ch: RecvChan<string>): Promise<{ values: string[]; at: string[]; ended: string }> {
  const start = time.now();
  const values: string[] = [];
  const at: string[] = [];
  for await (const v of ch) {
    values.push(v);
    at.push(ms(time.since(start)));
  }
  return { values, at, ended: ms(time.since(start)) };
}

describe("Task 3: merge forwards both channels until both are closed", () => {
  it("forwards values as they arrive, and keeps going after the first channel closes", async () => {
    await synctest.run(async () => {
      // a closes at 300ms, as b sends its last four values.
      const a = source([
        [100 * time.Millisecond, "a1"],
        [200 * time.Millisecond, "a2"],
      ]);
      const b = source([
        [250 * time.Millisecond, "b1"],
        [50 * time.Millisecond, "b2"],
        [0, "b3"],
        [0, "b4"],
        [0, "b5"],
      ]);
      const got = await drain(merge(a, b));
      expect(
        got.values.filter((v) => v.startsWith("b")),
        "b's values after a closed must still come through",
      ).toEqual(["b1", "b2", "b3", "b4", "b5"]);
      expect(
        got.values.filter((v) => v.startsWith("a")),
        "every value of a, in order",
      ).toEqual(["a1", "a2"]);
      expect(got.at.slice(0, 2), "a1 and b1 are forwarded the moment they are sent").toEqual(["100ms", "250ms"]);
      expect(got.ended, "out closes once both inputs are closed, at 300ms").toBe("300ms");
    });
  });

  it("delivers every value exactly once under every schedule", async () => {
    await synctest.explore(async () => {
      const a = source([0, 1, 2].map((i): [time.Duration, string] => [0, `a${i}`]));
      const b = source([0, 1, 2, 3].map((i): [time.Duration, string] => [0, `b${i}`]));
      const got = await drain(merge(a, b));
      expect(
        [...got.values].sort(),
        `every value of both inputs once, and then out is closed (seed ${synctest.seed()})`,
      ).toEqual(["a0", "a1", "a2", "b0", "b1", "b2", "b3"]);
    });
  });
});

/** counted wraps ch and counts the receives started on it (recv, recvOk, recvCase, range steps). */
function counted<T>(ch: Chan<T>): { ch: RecvChan<T>; receives: () => number } {
  let n = 0;
  const wrapped: RecvChan<T> = {
    recv: () => (n++, ch.recv()),
    recvOk: () => (n++, ch.recvOk()),
    recvCase: (fn) => (n++, ch.recvCase(fn)),
    len: () => ch.len(),
    cap: () => ch.cap(),
    [Symbol.asyncIterator]: () => {
      const it = ch[Symbol.asyncIterator]();
      return { next: () => (n++, it.next()) };
    },
  };
  return { ch: wrapped, receives: () => n };
}

describe("Task 4: merge switches a closed channel off instead of spinning on it", () => {
  it("stops selecting on a channel once it is closed", async () => {
    await synctest.run(async () => {
      const closed = makeChan<string>();
      closed.close();
      const a = counted(closed);
      const b = source(Array.from({ length: 20 }, (_, i): [time.Duration, string] => [0, `b${i}`]));
      const got = await drain(merge(a.ch, b));
      expect(got.values.length, "all 20 values of b come through").toBe(20);
      expect(
        a.receives(),
        `merge received from the closed channel ${a.receives()} times: a closed channel is always ready, so once you have seen it closed, set its case to a nil channel`,
      ).toBeLessThanOrEqual(2);
    });
  });

  it("closes out when both inputs were closed from the start", async () => {
    await synctest.run(async () => {
      const a = makeChan<string>();
      const b = makeChan<string>();
      a.close();
      b.close();
      const got = await drain(merge(a, b));
      expect(got.values, "nothing to forward").toEqual([]);
      expect(got.ended, "out is closed at once").toBe("0ms");
    });
  });
});
