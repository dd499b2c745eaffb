// The trace recorder: it stores events in columns and builds the TraceEvent
// objects when the trace is read, deferring the preview of values that
// cannot change meanwhile.
import { describe, it, expect } from "vitest";
import { makeChan } from "go";
import * as time from "go/time";
import * as synctest from "go/testing/synctest";

describe("trace recorder", () => {
  it("records each value as it was when sent", async () => {
    const rep = await synctest.run(async () => {
      const ch = makeChan<unknown>(4);
      const obj = { n: 1 };
      await ch.send(obj);
      obj.n = 2; // the trace keeps the value sent, not the object's later state
      await ch.send(time.now().add(1500 * time.Millisecond));
      await ch.send(7n);
      await ch.send("s");
      for (let i = 0; i < 4; i++) await ch.recv();
    });
    const values = rep.trace.events
      .filter((e) => e.kind === "send" || e.kind === "recv")
      .map((e) => `${e.kind} ${e.value}`);
    expect(values).toEqual([
      'send {"n":1}',
      "send 2000-01-01 00:00:01.5 +0000 UTC",
      "send 7n",
      'send "s"',
      'recv {"n":2}',
      "recv 2000-01-01 00:00:01.5 +0000 UTC",
      "recv 7n",
      'recv "s"',
    ]);
  });

  it("builds the events once: every read returns the same array", async () => {
    const rep = await synctest.run(async () => {
      await time.sleep(time.Millisecond);
    });
    const events = rep.trace.events;
    expect(rep.trace.events).toBe(events);
    expect(events.map((e) => e.kind)).toEqual(["start", "block", "timer", "unblock", "end"]);
    expect(events[1]).toEqual({ t: 0, g: 1, kind: "block", block: "sleep" });
    expect(events[2]).toEqual({ t: time.Millisecond, g: 0, kind: "timer", detail: "sleep g1" });
    expect({ ...rep.trace }.events).toBe(events);
  });
});
