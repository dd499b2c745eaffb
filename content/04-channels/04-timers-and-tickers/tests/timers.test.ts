import { describe, it, expect } from "vitest";
import { go, makeChan } from "go";
import type { Chan } from "go";
import * as synctest from "go/testing/synctest";
import * as time from "go/time";
import { collect, debounce, heartbeat } from "./timers";

/** d in milliseconds, for messages. */
const ms = (d: time.Duration) => `${d / time.Millisecond}ms`;

/** A channel that sends each [at, value] at its time since the start, then closes at closeAt. */
function timed<T>(events: Array<[time.Duration, T]>, closeAt: time.Duration | null): Chan<T> {
  const ch = makeChan<T>();
  const start = time.now();
  go(async () => {
    for (const [at, v] of events) {
      await time.sleep(at - time.since(start));
      await ch.send(v);
    }
    if (closeAt !== null) {
      await time.sleep(closeAt - time.since(start));
      ch.close();
    }
  }, "events");
  return ch;
}

describe("Task 1: heartbeat beats on time and drops unheard beats", () => {
  it("beats every interval, carrying the time of the tick", async () => {
    await synctest.run(async () => {
      const start = time.now();
      const done = makeChan<void>();
      const beats = heartbeat(done, 100 * time.Millisecond);
      const at: string[] = [];
      const stamps: string[] = [];
      for (let i = 0; i < 3; i++) {
        const t = await beats.recv();
        at.push(ms(time.since(start)));
        stamps.push(t ? ms(t.sub(start)) : "no beat");
      }
      expect(at, "a beat every 100ms, on the dot").toEqual(["100ms", "200ms", "300ms"]);
      expect(stamps, "each beat carries the time of its tick").toEqual(["100ms", "200ms", "300ms"]);
      done.close();
    });
  });

  it("drops the beats nobody was waiting for", async () => {
    await synctest.run(async () => {
      const start = time.now();
      const done = makeChan<void>();
      const beats = heartbeat(done, 100 * time.Millisecond);
      await time.sleep(350 * time.Millisecond); // busy: misses the beats at 100, 200 and 300ms
      const t = await beats.recv();
      const got = t ? ms(t.sub(start)) : "no beat";
      expect(got, "a receiver arriving at 350ms gets the next beat (400ms), not a stale one kept for it").toBe("400ms");
      expect(ms(time.since(start)), "it waits for the next tick, at 400ms").toBe("400ms");
      done.close();
    });
  });
});

describe("Task 2: heartbeat stops its ticker and closes when done is closed", () => {
  it("closes beats the moment done is closed, and no ticker fires after that", async () => {
    const report = await synctest.run(async () => {
      const start = time.now();
      const done = makeChan<void>();
      time.afterFunc(350 * time.Millisecond, () => done.close());
      let n = 0;
      for await (const _ of heartbeat(done, 100 * time.Millisecond)) n++;
      expect(n, "beats at 100, 200 and 300ms before done was closed").toBe(3);
      expect(ms(time.since(start)), "beats is closed as soon as done is (350ms), not at the next tick").toBe("350ms");
      await time.sleep(time.Second); // a ticker left running would fire in here
    });
    const late = report.trace.events.filter(
      (e) => e.kind === "timer" && e.detail?.startsWith("ticker") && e.t > 350 * time.Millisecond,
    );
    expect(
      late.map((e) => ms(e.t)),
      "a ticker kept firing after heartbeat ended: it was never stopped (call ticker.stop(); time.tick cannot be stopped)",
    ).toEqual([]);
  });
});

describe("Task 3: debounce sends the last event of each burst", () => {
  it("waits for quiet after the last event, every burst", async () => {
    await synctest.run(async () => {
      const start = time.now();
      const input = timed<string>(
        [
          [0, "a"],
          [100 * time.Millisecond, "b"],
          [250 * time.Millisecond, "c"],
          [time.Second, "d"],
        ],
        1300 * time.Millisecond,
      );
      const got: string[] = [];
      for await (const v of debounce(input, 200 * time.Millisecond)) got.push(`${v}@${ms(time.since(start))}`);
      expect(got, "one event per burst: the last one, 200ms after it (every new event restarts the wait)").toEqual([
        "c@450ms",
        "d@1200ms",
      ]);
      expect(ms(time.since(start)), "out is closed when input is (1300ms)").toBe("1300ms");
    });
  });

  it("sends the pending event at once when input closes", async () => {
    await synctest.run(async () => {
      const start = time.now();
      const input = timed<string>(
        [
          [0, "x"],
          [50 * time.Millisecond, "y"],
        ],
        80 * time.Millisecond,
      );
      const got: string[] = [];
      for await (const v of debounce(input, 200 * time.Millisecond)) got.push(`${v}@${ms(time.since(start))}`);
      expect(got, "input closed at 80ms with y pending: send it then, do not drop it or wait for quiet").toEqual([
        "y@80ms",
      ]);
    });
  });
});

describe("Task 4: collect gives up after a deadline for the whole call", () => {
  it("stops at `within` even while values keep coming", async () => {
    await synctest.run(async () => {
      const events: Array<[time.Duration, number]> = [];
      for (let i = 1; i <= 10; i++) events.push([i * 100 * time.Millisecond, i]);
      const input = timed(events, 1050 * time.Millisecond);
      const start = time.now();
      const got = await collect(input, 350 * time.Millisecond);
      const took = time.since(start);
      expect(got, "the values sent at 100, 200 and 300ms").toEqual([1, 2, 3]);
      expect(
        ms(took),
        "350ms is a deadline for the whole call: a time.after made inside the loop restarts with every value",
      ).toBe("350ms");
      for await (const _ of input); // let the sender finish
    });
  });

  it("returns early when input closes first", async () => {
    await synctest.run(async () => {
      const input = timed(
        [
          [50 * time.Millisecond, 1],
          [60 * time.Millisecond, 2],
        ],
        70 * time.Millisecond,
      );
      const start = time.now();
      const got = await collect(input, time.Second);
      expect(got, "both values sent before the close").toEqual([1, 2]);
      expect(ms(time.since(start)), "input closed at 70ms: no reason to wait for the deadline").toBe("70ms");
    });
  });

  it("returns nothing at the deadline when nothing comes", async () => {
    await synctest.run(async () => {
      const start = time.now();
      const got = await collect(makeChan<number>(), 250 * time.Millisecond);
      expect(got, "no values were sent").toEqual([]);
      expect(ms(time.since(start)), "gives up at the deadline").toBe("250ms");
    });
  });
});
