import { describe, expect, it } from "vitest";
import type { Trace, TraceEvent } from "../../../sandbox/go/internal/trace-types";
import {
  buildLayout,
  chooseDefaultTrace,
  clampView,
  defaultAxisMode,
  describeFinal,
  formatDuration,
  formatTick,
  hitTest,
  laneAt,
  panView,
  summarize,
  tickStep,
  ticks,
  toDomain,
  toPx,
  zoomView,
} from "./layout";
import type { Scale } from "./layout";

/** main starts a producer and a consumer; producer sends 2 values then sleeps; consumer deadlocks. */
function smallTrace(): Trace {
  const events: TraceEvent[] = [
    { t: 0, g: 1, kind: "start" },
    { t: 0, g: 2, kind: "start" },
    { t: 0, g: 3, kind: "start" },
    { t: 0, g: 3, kind: "block", block: "chan receive", chan: 7 },
    { t: 0, g: 2, kind: "send", chan: 7, value: "1", peer: 3 },
    { t: 0, g: 3, kind: "unblock" },
    { t: 0, g: 3, kind: "recv", chan: 7, value: "1", peer: 2 },
    { t: 0, g: 2, kind: "block", block: "sleep" },
    { t: 0, g: 3, kind: "block", block: "chan receive", chan: 7 },
    { t: 0, g: 1, kind: "block", block: "waitgroup" },
    { t: 1500e6, g: 2, kind: "unblock" },
    { t: 1500e6, g: 2, kind: "send", chan: 7, value: "2", peer: 3 },
    { t: 1500e6, g: 3, kind: "unblock" },
    { t: 1500e6, g: 3, kind: "recv", chan: 7, value: "2", peer: 2 },
    { t: 1500e6, g: 2, kind: "end" },
    { t: 1500e6, g: 3, kind: "block", block: "chan receive", chan: 7 },
  ];
  return {
    label: "TestPipeline",
    goroutines: [
      { id: 1, name: "main" },
      { id: 2, name: "producer", parent: 1, location: "main.ts:10" },
      { id: 3, name: "consumer", parent: 1 },
    ],
    events,
    endTime: 1500e6,
    outcome: "deadlock",
  };
}

describe("buildLayout", () => {
  it("derives running and blocked segments per goroutine", () => {
    const l = buildLayout(smallTrace());
    expect(l.lanes.map((x) => x.label)).toEqual(["main #1", "producer #2", "consumer #3"]);
    const main = l.lanes[0]!;
    expect(main.segments.map((s) => [s.state, s.block ?? "", s.i0, s.i1])).toEqual([
      ["running", "", 0, 9],
      ["blocked", "waitgroup", 9, 16],
    ]);
    expect(main.finalState).toEqual({ kind: "blocked", block: "waitgroup" });
    const prod = l.lanes[1]!;
    expect(prod.segments.map((s) => s.state)).toEqual(["running", "blocked", "running"]);
    expect(prod.segments[1]!.block).toBe("sleep");
    expect(prod.segments[1]!.t0).toBe(0);
    expect(prod.segments[1]!.t1).toBe(1500e6);
    expect(prod.finalState.kind).toBe("ended");
    const cons = l.lanes[2]!;
    expect(cons.segments.map((s) => s.state)).toEqual([
      "running",
      "blocked",
      "running",
      "blocked",
      "running",
      "blocked",
    ]);
    const last = cons.segments[cons.segments.length - 1]!;
    expect(last.endEvent).toBe(-1);
    expect(last.i1).toBe(16);
    expect(describeFinal(cons.finalState)).toBe("blocked (chan receive)");
    expect(l.segmentCount).toBe(2 + 3 + 6);
  });

  it("pairs send/recv hand-offs into arrows", () => {
    const l = buildLayout(smallTrace());
    expect(l.arrows).toHaveLength(2);
    expect(l.arrows[0]).toMatchObject({ from: 4, to: 6, fromLane: 1, toLane: 2, value: "1", chan: 7 });
    expect(l.arrows[1]).toMatchObject({ from: 11, to: 13, t0: 1500e6, t1: 1500e6 });
    expect(Array.from(l.arrowReach)).toEqual([6, 13]);
  });

  it("keeps one-sided hand-offs and ignores unknown peers", () => {
    const l = buildLayout({
      label: "x",
      goroutines: [
        { id: 1, name: "main" },
        { id: 2, name: "w", parent: 1 },
      ],
      events: [
        { t: 0, g: 1, kind: "send", chan: 1, peer: 2 },
        { t: 0, g: 2, kind: "recv", chan: 4, peer: 1 },
      ],
      endTime: 0,
      outcome: "ok",
    });
    expect(l.arrows).toHaveLength(2);
    expect(l.arrows[0]).toMatchObject({ from: 0, to: -1, fromLane: 0, toLane: 1 });
    expect(l.arrows[1]).toMatchObject({ from: -1, to: 1, fromLane: 0, toLane: 1 });
  });

  it("handles goroutines missing from the list, panics and implicit starts", () => {
    const l = buildLayout({
      label: "x",
      goroutines: [{ id: 1, name: "main" }],
      events: [
        { t: 0, g: 1, kind: "block", block: "sleep" },
        { t: 5, g: 9, kind: "send", chan: 1 },
        { t: 5, g: 9, kind: "panic", detail: "boom" },
        { t: 5, g: 1, kind: "unblock" },
        { t: 5, g: 1, kind: "timer", detail: "fired" },
        { t: 4, g: 1, kind: "end" }, // time going backwards is clamped
      ],
      endTime: 5,
      outcome: "panic",
    });
    expect(l.lanes.map((x) => x.label)).toEqual(["main #1", "goroutine 9 #9"]);
    expect(l.lanes[0]!.segments.map((s) => s.state)).toEqual(["blocked", "running"]);
    expect(l.lanes[1]!.segments).toHaveLength(1);
    expect(l.lanes[1]!.finalState).toEqual({ kind: "panicked", detail: "boom" });
    expect(l.tx[5]).toBe(5);
  });

  it("treats the root as running from 0 before its first event", () => {
    const l = buildLayout({
      label: "x",
      goroutines: [{ id: 1, name: "main" }],
      events: [
        { t: 0, g: 1, kind: "send", chan: 1 },
        { t: 0, g: 1, kind: "block", block: "select" },
      ],
      endTime: 0,
      outcome: "deadlock",
    });
    expect(l.lanes[0]!.segments.map((s) => [s.state, s.i0, s.i1])).toEqual([
      ["running", 0, 1],
      ["blocked", 1, 2],
    ]);
  });

  it("copes with an empty trace", () => {
    const l = buildLayout({ label: "x", goroutines: [], events: [], endTime: 0, outcome: "ok" });
    expect(l.lanes).toHaveLength(0);
    expect(summarize(l)).toBe("Timeline of 0 goroutines over 0 s virtual time; outcome ok; 0 events");
  });

  it("lays out 50 goroutines and 10,000 events", () => {
    const G = 50;
    const events: TraceEvent[] = [];
    for (let g = 1; g <= G; g++) events.push({ t: 0, g, kind: "start" });
    // Each round: odd goroutines hand a value to the next one and sleep; 5 ms later they wake.
    let round = 0;
    while (events.length < 10_000 - G) {
      const t = round * 10;
      for (let g = 1; g <= G && events.length < 10_000 - G; g += 2) {
        const peer = g + 1;
        events.push({ t, g, kind: "send", chan: g, value: String(round), peer });
        events.push({ t, g: peer, kind: "recv", chan: g, value: String(round), peer: g });
        events.push({ t, g, kind: "block", block: "sleep" });
      }
      for (let g = 1; g <= G && events.length < 10_000 - G; g += 2) events.push({ t: t + 5, g, kind: "unblock" });
      round++;
    }
    for (let g = 1; g <= G; g++) events.push({ t: round * 10, g, kind: "end" });
    expect(events.length).toBe(10_000);
    const goroutines = Array.from({ length: G }, (_, i) => ({ id: i + 1, name: i === 0 ? "main" : `worker-${i}` }));
    const l = buildLayout({ label: "big", goroutines, events, endTime: round * 10, outcome: "ok" });

    expect(l.lanes).toHaveLength(G);
    const totalEvents = l.lanes.reduce((a, x) => a + x.events.length, 0);
    expect(totalEvents).toBe(10_000);
    const blocks = events.filter((e) => e.kind === "block").length;
    const sends = events.filter((e) => e.kind === "send").length;
    const unblocks = events.filter((e) => e.kind === "unblock").length;
    // one running segment per goroutine, plus a blocked segment per block and a running one per unblock
    expect(l.segmentCount).toBe(G + blocks + unblocks);
    expect(l.lanes.reduce((a, x) => a + x.segments.length, 0)).toBe(l.segmentCount);
    expect(l.arrows).toHaveLength(sends);
    expect(l.lanes.every((x) => x.finalState.kind === "ended")).toBe(true);
    // segments in each lane are contiguous and ordered
    for (const lane of l.lanes) {
      for (let k = 1; k < lane.segments.length; k++) {
        expect(lane.segments[k]!.i0).toBe(lane.segments[k - 1]!.i1);
      }
    }
    // hit-testing works on the big layout
    const scale: Scale = { x0: 0, width: 1000, view: { start: 0, span: l.endI } };
    expect(hitTest(l, "order", scale, 0, 500)).not.toBeNull();
  });
});

describe("scales, views and ticks", () => {
  it("maps between pixels and domain", () => {
    const s: Scale = { x0: 100, width: 500, view: { start: 10, span: 50 } };
    expect(toPx(s, 10)).toBe(100);
    expect(toPx(s, 60)).toBe(600);
    expect(toDomain(s, 350)).toBe(35);
  });

  it("zooms around an anchor and clamps pans", () => {
    const v = zoomView({ start: 0, span: 100 }, 2, 50, 100, 1);
    expect(v).toEqual({ start: 25, span: 50 });
    expect(zoomView(v, 0.1, 50, 100, 1)).toEqual({ start: 0, span: 100 });
    expect(zoomView({ start: 0, span: 100 }, 1000, 0, 100, 5)).toEqual({ start: 0, span: 5 });
    expect(panView(v, 1000, 100, 1)).toEqual({ start: 50, span: 50 });
    expect(panView(v, -1000, 100, 1)).toEqual({ start: 0, span: 50 });
    expect(clampView({ start: 0, span: Infinity }, 42, 1)).toEqual({ start: 0, span: 42 });
    expect(clampView({ start: NaN, span: NaN }, 42, 1)).toEqual({ start: 0, span: 42 });
  });

  it("picks 1/2/5 steps", () => {
    expect(tickStep(100, 10)).toBe(10);
    expect(tickStep(1500, 8)).toBe(200);
    expect(tickStep(1, 4)).toBe(0.5);
    expect(tickStep(7, 10, true)).toBe(1);
    expect(ticks(0, 100, 5).values).toEqual([0, 20, 40, 60, 80, 100]);
    expect(ticks(13, 47, 4).values).toEqual([20, 30, 40]);
    expect(ticks(0, 0.3, 3).values).toEqual([0, 0.1, 0.2, 0.3]);
  });

  it("formats ticks (ns in) in s, ms, µs, ns or event numbers", () => {
    // Times are nanoseconds (Go's time.Duration).
    const ms = 1e6;
    expect(formatTick(500 * ms, 100 * ms, "time")).toBe("500 ms");
    expect(formatTick(1500 * ms, 500 * ms, "time")).toBe("1.5 s");
    expect(formatTick(2000 * ms, 1000 * ms, "time")).toBe("2 s");
    expect(formatTick(0.5 * ms, 0.1 * ms, "time")).toBe("500 µs");
    expect(formatTick(1001 * ms, 1 * ms, "time")).toBe("1001 ms");
    expect(formatTick(1500, 500, "time")).toBe("1500 ns");
    expect(formatTick(2000, 1000, "time")).toBe("2 µs");
    expect(formatTick(40, 10, "time")).toBe("40 ns");
    expect(formatTick(120, 20, "order")).toBe("#120");
    expect(formatDuration(1500 * ms)).toBe("1.5 s");
    expect(formatDuration(0)).toBe("0 s");
    expect(formatDuration(250 * ms)).toBe("250 ms");
    expect(formatDuration(1500)).toBe("1.5 µs");
    expect(formatDuration(7)).toBe("7 ns");
    expect(formatDuration(125_000 * ms)).toBe("2 min 5 s");
  });
});

describe("defaults", () => {
  it("chooses the first failing trace with events", () => {
    const ok = { ...smallTrace(), outcome: "ok" as const };
    const failEmpty = { ...smallTrace(), outcome: "panic" as const, events: [] };
    const fail = smallTrace();
    expect(chooseDefaultTrace([])).toBe(-1);
    expect(chooseDefaultTrace([ok, failEmpty, fail])).toBe(2);
    expect(chooseDefaultTrace([ok, failEmpty])).toBe(0);
  });

  it("defaults to event order when time does not spread events", () => {
    expect(
      defaultAxisMode({ ...smallTrace(), endTime: 0, events: smallTrace().events.map((e) => ({ ...e, t: 0 })) }),
    ).toBe("order");
    // 10 of 16 events at t=0, 6 at 1500: two timestamps hold everything
    expect(defaultAxisMode(smallTrace())).toBe("order");
    const spread: TraceEvent[] = Array.from({ length: 20 }, (_, i) => ({ t: i * 10, g: 1, kind: "timer" }));
    expect(defaultAxisMode({ ...smallTrace(), events: spread, endTime: 200 })).toBe("time");
  });

  it("summarises for the aria-label", () => {
    expect(summarize(buildLayout(smallTrace()))).toBe(
      "Timeline of 3 goroutines over 1.5 s virtual time; outcome deadlock; 16 events",
    );
    expect(summarize(buildLayout({ ...smallTrace(), truncated: true }))).toMatch(/\(truncated\)$/);
  });
});

describe("hit-testing", () => {
  const l = buildLayout(smallTrace());
  const scale: Scale = { x0: 0, width: 160, view: { start: 0, span: 16 } }; // 10 px per event

  it("finds events near the pointer, preferring informative ones", () => {
    expect(hitTest(l, "order", scale, 1, 41)).toEqual({ type: "event", lane: 1, index: 4 });
    // consumer has unblock (5) and recv (6); at px 60 the recv is nearest
    expect(hitTest(l, "order", scale, 2, 60)).toEqual({ type: "event", lane: 2, index: 6 });
  });

  it("falls back to the segment under the pointer", () => {
    const h = hitTest(l, "order", scale, 0, 125);
    expect(h?.type).toBe("segment");
    if (h?.type === "segment") expect(h.segment.block).toBe("waitgroup");
    expect(hitTest(l, "order", scale, 7, 10)).toBeNull();
  });

  it("works in time mode where many events share a timestamp", () => {
    const ts: Scale = { x0: 0, width: 300, view: { start: 0, span: 1500 } };
    const h = hitTest(l, "time", ts, 1, 150);
    expect(h?.type).toBe("segment");
    if (h?.type === "segment") expect(h.segment.block).toBe("sleep");
    const e = hitTest(l, "time", ts, 2, 1);
    expect(e?.type).toBe("event");
  });

  it("maps y to lanes", () => {
    expect(laneAt(-1, 24, 3)).toBe(-1);
    expect(laneAt(0, 24, 3)).toBe(0);
    expect(laneAt(71, 24, 3)).toBe(2);
    expect(laneAt(72, 24, 3)).toBe(-1);
  });
});
