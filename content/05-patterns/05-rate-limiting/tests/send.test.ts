import { describe, it, expect } from "vitest";
import * as synctest from "go/testing/synctest";
import * as time from "go/time";
import * as context from "go/context";
import * as rate from "go/x/time/rate";
import { sendAll } from "./send";

/** d in milliseconds, for messages. */
const ms = (d: time.Duration) => `${d / time.Millisecond}ms`;
const list = (ds: time.Duration[]) => `[${ds.map(ms).join(", ")}]`;
const show = (v: unknown) => (v instanceof Error ? `Error(${JSON.stringify(v.message)})` : JSON.stringify(v));

/** A fake mail server: sending takes took(msg); it records when each send started. */
function server(took: (msg: string) => time.Duration) {
  const starts: time.Duration[] = [];
  const seen: string[] = [];
  const gauge = synctest.gauge();
  const send = (msg: string) =>
    gauge.track(async () => {
      starts.push(synctest.elapsed());
      seen.push(msg);
      await time.sleep(took(msg));
    });
  return { send, starts, seen, gauge };
}

const msgs = (n: number) => Array.from({ length: n }, (_, i) => `m${i}`);
const opts = { r: rate.every(100 * time.Millisecond), burst: 3, workers: 4 };

describe("Task 3: sendAll shares one limiter between its workers", () => {
  it("sends a burst, then one message per interval, across all workers", async () => {
    await synctest.explore(
      async () => {
        // One slow message among fast ones: the workers are never what limits.
        const s = server((m) => (m === "m0" ? 250 * time.Millisecond : 50 * time.Millisecond));
        const [sent, err] = await sendAll(context.background(), msgs(10), opts, s.send);
        expect(err, `got ${show(err)}; nothing failed`).toBeNull();
        expect(sent, `reported ${sent} sent out of 10`).toBe(10);
        expect([...s.seen].sort(), "every message is sent exactly once").toEqual(msgs(10).sort());
        const want = [0, 0, 0, 100, 200, 300, 400, 500, 600, 700].map((n) => n * time.Millisecond);
        expect(
          list([...s.starts].sort((a, b) => a - b)),
          `sends started at ${list(s.starts)} (seed ${synctest.seed()}); burst 3 at once, then one every 100ms in total, not per worker`,
        ).toBe(list(want));
      },
      { seeds: 20 },
    );
  });

  it("never has more than workers sends in flight", async () => {
    await synctest.run(async () => {
      const s = server(() => 300 * time.Millisecond);
      const [sent] = await sendAll(context.background(), msgs(6), { ...opts, workers: 2 }, s.send);
      expect(sent, `reported ${sent} sent out of 6`).toBe(6);
      expect(s.gauge.peak, `${s.gauge.peak} sends were in flight at once; workers is 2`).toBeLessThanOrEqual(2);
      expect(s.gauge.peak, `only ${s.gauge.peak} send at a time; use the 2 workers`).toBe(2);
    });
  });

  it("stops sending when the deadline would pass before the next token", async () => {
    await synctest.run(async () => {
      const s = server(() => 50 * time.Millisecond);
      const [ctx, cancel] = context.withTimeout(context.background(), 450 * time.Millisecond);
      const [sent, err] = await sendAll(ctx, msgs(10), opts, s.send);
      cancel();
      expect(
        list(s.starts),
        `sends started at ${list(s.starts)}; tokens come at 0, 0, 0, 100, 200, 300 and 400ms before the 450ms deadline, and none after`,
      ).toBe(list([0, 0, 0, 100, 200, 300, 400].map((n) => n * time.Millisecond)));
      expect(sent, `reported ${sent} sent; 7 went out`).toBe(7);
      expect(err, "the deadline stopped sendAll: return lim.wait's error").not.toBeNull();
      expect(synctest.elapsed(), "sendAll returns when the last send (started at 400ms) has ended").toBe(
        450 * time.Millisecond,
      );
    });
  });
});
