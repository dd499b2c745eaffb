// Pure layout logic for the goroutine timeline: segments, hand-off arrows,
// scales, ticks, hit-testing and defaults. No DOM access here so it can be
// unit-tested in Node and reused by the canvas renderer.

import type { BlockKind, Trace, TraceEvent, TraceGoroutine } from "../../../sandbox/go/internal/trace-types";
import { translator } from "../../i18n/messages/define";
import messages from "../../i18n/messages/timeline";

/** The timeline's message function in one language (English unless the view passes its own). */
export type TimelineText = ReturnType<typeof translator<keyof (typeof messages)["en"]>>;

const ENGLISH: TimelineText = translator(messages, "en");

const OUTCOMES = ["ok", "deadlock", "leak", "panic", "error"] as const;

/** A trace's outcome in words; an outcome the runtime never reports is shown as it came. */
export function outcomeWord(outcome: unknown, t: TimelineText = ENGLISH): string {
  return (OUTCOMES as readonly unknown[]).includes(outcome) ? t(outcome as (typeof OUTCOMES)[number]) : String(outcome);
}

/** "time": x = virtual time (ns, a Go time.Duration). "order": x = event sequence index. */
export type AxisMode = "time" | "order";

export type SegmentState = "running" | "blocked";

export interface Segment {
  lane: number;
  g: number;
  state: SegmentState;
  /** For blocked segments. */
  block?: BlockKind;
  /** Event index where the segment starts / ends (end may be events.length). */
  i0: number;
  i1: number;
  /** Monotonic virtual time at start / end (ns). */
  t0: number;
  t1: number;
  /** Event that opened the segment, or -1 when implicit. */
  startEvent: number;
  /** Event that closed the segment, or -1 when still open when the trace ended. */
  endEvent: number;
}

export type FinalState =
  | { kind: "ended" }
  | { kind: "panicked"; detail?: string }
  | { kind: "blocked"; block: BlockKind }
  | { kind: "running" }
  | { kind: "not started" };

export interface Lane {
  g: number;
  name: string;
  /** "name #id" */
  label: string;
  location?: string;
  parent?: number;
  /** Sorted by position (i0). */
  segments: Segment[];
  /** Indices (into trace.events) of this goroutine's events, ascending. */
  events: number[];
  finalState: FinalState;
}

export interface Arrow {
  /** Event index of the send (or -1 when only the receive was recorded). */
  from: number;
  /** Event index of the receive (or -1 when only the send was recorded). */
  to: number;
  fromLane: number;
  toLane: number;
  /** Positions of both ends (index and monotonic time). */
  i0: number;
  i1: number;
  t0: number;
  t1: number;
  chan?: number;
  value?: string;
}

export interface TimelineLayout {
  trace: Trace;
  lanes: Lane[];
  laneOf: Map<number, number>;
  /** Sorted by min(i0, i1); the same order holds in time mode since tx is monotonic. */
  arrows: Arrow[];
  /** Prefix maximum of max(i0, i1) over `arrows`, for culling by binary search. */
  arrowReach: Int32Array;
  segmentCount: number;
  /** Monotonic time of each event (running max of t), used for positioning. */
  tx: Float64Array;
  /** Domain end in time mode (ns): max(endTime, last event time). */
  endT: number;
  /** Domain end in order mode: events.length. */
  endI: number;
}

const BLOCK_KINDS: readonly BlockKind[] = [
  "chan send",
  "chan receive",
  "select",
  "select (no cases)",
  "mutex",
  "rwmutex",
  "waitgroup",
  "cond",
  "sleep",
  "semaphore",
  "nil chan",
  "other",
];

function asBlockKind(b: unknown): BlockKind {
  return typeof b === "string" && (BLOCK_KINDS as readonly string[]).includes(b) ? (b as BlockKind) : "other";
}

function finite(n: unknown, fallback = 0): number {
  return typeof n === "number" && Number.isFinite(n) ? n : fallback;
}

/** Builds lanes, segments and arrows from a trace. O(events + goroutines). */
export function buildLayout(trace: Trace): TimelineLayout {
  const events: TraceEvent[] = Array.isArray(trace.events) ? trace.events : [];
  const goroutines: TraceGoroutine[] = Array.isArray(trace.goroutines) ? trace.goroutines : [];
  const n = events.length;

  const tx = new Float64Array(n);
  let maxT = 0;
  for (let i = 0; i < n; i++) {
    const t = Math.max(0, finite(events[i]!.t));
    if (t > maxT) maxT = t;
    tx[i] = maxT;
  }
  const endT = Math.max(finite(trace.endTime), maxT);

  const lanes: Lane[] = [];
  const laneOf = new Map<number, number>();
  const addLane = (g: number, info?: TraceGoroutine): number => {
    const existing = laneOf.get(g);
    if (existing !== undefined) return existing;
    const name = info?.name || (g === 0 ? "main" : `goroutine ${g}`);
    const lane: Lane = {
      g,
      name,
      label: `${name} #${g}`,
      location: info?.location,
      parent: info?.parent,
      segments: [],
      events: [],
      finalState: { kind: "not started" },
    };
    lanes.push(lane);
    laneOf.set(g, lanes.length - 1);
    return lanes.length - 1;
  };
  for (const info of goroutines) {
    if (info && typeof info.id === "number") addLane(info.id, info);
  }
  // The bubble's root is running from t=0 even without a "start" event.
  const rootG = goroutines.find((x) => x && x.parent === undefined)?.id ?? goroutines[0]?.id;

  interface Open {
    state: SegmentState;
    block?: BlockKind;
    i0: number;
    t0: number;
    startEvent: number;
  }
  const open = new Map<number, Open | null>();
  const done = new Set<number>();
  let segmentCount = 0;

  const close = (laneIdx: number, g: number, i: number, t: number, endEvent: number) => {
    const o = open.get(g);
    if (!o) return;
    open.set(g, null);
    if (o.startEvent < 0 && o.i0 === i) return; // empty implicit segment
    lanes[laneIdx]!.segments.push({
      lane: laneIdx,
      g,
      state: o.state,
      block: o.block,
      i0: o.i0,
      i1: i,
      t0: o.t0,
      t1: t,
      startEvent: o.startEvent,
      endEvent,
    });
    segmentCount++;
  };

  for (let i = 0; i < n; i++) {
    const ev = events[i]!;
    const g = ev.g;
    if (typeof g !== "number") continue;
    if (!laneOf.has(g) && ev.kind === "timer") continue; // timer pseudo-events without a goroutine
    const laneIdx = addLane(g);
    const lane = lanes[laneIdx]!;
    lane.events.push(i);
    const t = tx[i]!;
    const cur = open.get(g);
    if (cur === undefined && ev.kind !== "start" && g === rootG && !done.has(g)) {
      // implicit start of the root at 0
      open.set(g, { state: "running", i0: 0, t0: 0, startEvent: -1 });
    }
    switch (ev.kind) {
      case "start":
        close(laneIdx, g, i, t, i);
        done.delete(g);
        open.set(g, { state: "running", i0: i, t0: t, startEvent: i });
        lane.finalState = { kind: "running" };
        break;
      case "block":
        close(laneIdx, g, i, t, i);
        open.set(g, { state: "blocked", block: asBlockKind(ev.block), i0: i, t0: t, startEvent: i });
        break;
      case "unblock":
        close(laneIdx, g, i, t, i);
        open.set(g, { state: "running", i0: i, t0: t, startEvent: i });
        break;
      case "end":
        close(laneIdx, g, i, t, i);
        done.add(g);
        lane.finalState = { kind: "ended" };
        break;
      case "panic":
        close(laneIdx, g, i, t, i);
        done.add(g);
        lane.finalState = { kind: "panicked", detail: ev.detail };
        break;
      default:
        // send / recv / close / timer: implicitly running if we have not seen a start.
        if (!open.get(g) && !done.has(g)) {
          open.set(g, { state: "running", i0: i, t0: t, startEvent: -1 });
        }
    }
  }

  for (let l = 0; l < lanes.length; l++) {
    const lane = lanes[l]!;
    const o = open.get(lane.g);
    if (o) {
      lane.finalState = o.state === "blocked" ? { kind: "blocked", block: o.block ?? "other" } : { kind: "running" };
      close(l, lane.g, n, endT, -1);
    }
  }

  const arrows = buildArrows(events, laneOf, tx);
  const arrowReach = new Int32Array(arrows.length);
  let reach = -1;
  for (let k = 0; k < arrows.length; k++) {
    reach = Math.max(reach, arrows[k]!.i0, arrows[k]!.i1);
    arrowReach[k] = reach;
  }
  return { trace, lanes, laneOf, arrows, arrowReach, segmentCount, tx, endT, endI: n };
}

/** Pairs send/recv events that name each other as `peer` (FIFO per sender, receiver, channel). */
function buildArrows(events: TraceEvent[], laneOf: Map<number, number>, tx: Float64Array): Arrow[] {
  const sends = new Map<string, number[]>();
  const recvs = new Map<string, number[]>();
  for (let i = 0; i < events.length; i++) {
    const ev = events[i]!;
    if (typeof ev.peer !== "number") continue;
    if (ev.kind === "send") {
      const k = `${ev.g}>${ev.peer}:${ev.chan ?? ""}`;
      (sends.get(k) ?? sends.set(k, []).get(k)!).push(i);
    } else if (ev.kind === "recv") {
      const k = `${ev.peer}>${ev.g}:${ev.chan ?? ""}`;
      (recvs.get(k) ?? recvs.set(k, []).get(k)!).push(i);
    }
  }
  const arrows: Arrow[] = [];
  const mk = (from: number, to: number, fromG: number, toG: number) => {
    const fromLane = laneOf.get(fromG);
    const toLane = laneOf.get(toG);
    if (fromLane === undefined || toLane === undefined) return;
    const a = from >= 0 ? from : to;
    const b = to >= 0 ? to : from;
    const ev = events[from >= 0 ? from : to]!;
    arrows.push({
      from,
      to,
      fromLane,
      toLane,
      i0: a,
      i1: b,
      t0: tx[a]!,
      t1: tx[b]!,
      chan: ev.chan,
      value: ev.value,
    });
  };
  for (const [k, s] of sends) {
    const r = recvs.get(k) ?? [];
    for (let j = 0; j < s.length; j++) {
      const ev = events[s[j]!]!;
      mk(s[j]!, j < r.length ? r[j]! : -1, ev.g, ev.peer!);
    }
    for (let j = s.length; j < r.length; j++) {
      const ev = events[r[j]!]!;
      mk(-1, r[j]!, ev.peer!, ev.g);
    }
  }
  for (const [k, r] of recvs) {
    if (sends.has(k)) continue;
    for (const idx of r) {
      const ev = events[idx]!;
      mk(-1, idx, ev.peer!, ev.g);
    }
  }
  arrows.sort((a, b) => Math.min(a.i0, a.i1) - Math.min(b.i0, b.i1));
  return arrows;
}

// ---------------------------------------------------------------------------
// Positions and view

export function domainEnd(layout: TimelineLayout, mode: AxisMode): number {
  if (mode === "order") return Math.max(1, layout.endI);
  return layout.endT > 0 ? layout.endT : 1;
}

export function eventX(layout: TimelineLayout, mode: AxisMode, i: number): number {
  if (mode === "order") return i;
  return i >= layout.endI ? layout.endT : (layout.tx[i] ?? layout.endT);
}

export function segX0(seg: Segment, mode: AxisMode): number {
  return mode === "order" ? seg.i0 : seg.t0;
}
export function segX1(seg: Segment, mode: AxisMode): number {
  return mode === "order" ? seg.i1 : seg.t1;
}

/** The visible domain window. */
export interface View {
  start: number;
  span: number;
}

export function fullView(layout: TimelineLayout, mode: AxisMode): View {
  return { start: 0, span: domainEnd(layout, mode) };
}

export function minSpan(layout: TimelineLayout, mode: AxisMode): number {
  const full = domainEnd(layout, mode);
  return mode === "order" ? Math.min(full, 5) : Math.max(full / 1e6, 1); // 1 ns
}

export function clampView(view: View, full: number, min: number): View {
  let span = Math.min(full, Math.max(min, finite(view.span, full)));
  if (!(span > 0)) span = full;
  let start = finite(view.start, 0);
  start = Math.max(0, Math.min(full - span, start));
  return { start, span };
}

/** Zoom by `factor` (>1 zooms in) keeping domain point `anchor` fixed on screen. */
export function zoomView(view: View, factor: number, anchor: number, full: number, min: number): View {
  const span = view.span / factor;
  const ratio = view.span > 0 ? (anchor - view.start) / view.span : 0.5;
  return clampView({ start: anchor - ratio * span, span }, full, min);
}

export function panView(view: View, delta: number, full: number, min: number): View {
  return clampView({ start: view.start + delta, span: view.span }, full, min);
}

/** Linear scale from domain to pixels over a plot area starting at x0 with width w. */
export interface Scale {
  x0: number;
  width: number;
  view: View;
}
export function toPx(s: Scale, x: number): number {
  return s.x0 + ((x - s.view.start) / s.view.span) * s.width;
}
export function toDomain(s: Scale, px: number): number {
  return s.view.start + ((px - s.x0) / s.width) * s.view.span;
}

// ---------------------------------------------------------------------------
// Ticks

/** A "nice" step (1, 2, 5 x 10^k) so that span/step is at most maxTicks. */
export function tickStep(span: number, maxTicks: number, integer = false): number {
  if (!(span > 0) || !(maxTicks >= 1)) return 1;
  const raw = span / maxTicks;
  const pow = Math.pow(10, Math.floor(Math.log10(raw)));
  let step = pow * 10;
  for (const m of [1, 2, 5, 10]) {
    if (pow * m >= raw) {
      step = pow * m;
      break;
    }
  }
  if (integer) step = Math.max(1, Math.round(step));
  return step;
}

export function ticks(
  start: number,
  end: number,
  maxTicks: number,
  integer = false,
): { step: number; values: number[] } {
  const step = tickStep(end - start, maxTicks, integer);
  const values: number[] = [];
  const first = Math.ceil(start / step - 1e-9) * step;
  for (let v = first, k = 0; v <= end + step * 1e-9 && k < 1000; k++, v = first + k * step) {
    values.push(Number(v.toPrecision(12)));
  }
  return { step, values };
}

function trimNum(v: number, decimals: number): string {
  const str = v.toFixed(Math.max(0, Math.min(6, decimals)));
  return str.includes(".") ? str.replace(/\.?0+$/, "") : str;
}

function decimalsFor(step: number): number {
  return step >= 1 ? 0 : Math.ceil(-Math.log10(step) - 1e-9);
}

/** Units for virtual time, which the trace records in nanoseconds. */
const UNITS: ReadonlyArray<readonly [number, string]> = [
  [1e9, "s"],
  [1e6, "ms"],
  [1e3, "µs"],
  [1, "ns"],
];

/** unitFor picks the largest unit not above v. */
function unitFor(v: number): readonly [number, string] {
  return UNITS.find(([u]) => v >= u) ?? UNITS[UNITS.length - 1]!;
}

/** Formats a tick value (ns) in the unit of the step: s, ms, µs or ns (s for large values with steps of 100 ms or more). */
export function formatTick(value: number, step: number, mode: AxisMode): string {
  if (mode === "order") return `#${Math.round(value)}`;
  let [u, name] = unitFor(step);
  if (u === 1e6 && value >= 1e9 && step >= 1e8) [u, name] = [1e9, "s"];
  return `${trimNum(value / u, decimalsFor(step / u))} ${name}`;
}

/** Human duration (ns in) for labels: "0 s", "250 ns", "1.5 µs", "250 ms", "1.5 s", "2 min 5 s". */
export function formatDuration(ns: number): string {
  if (!Number.isFinite(ns) || ns <= 0) return "0 s";
  if (ns < 60e9) {
    const [u, name] = unitFor(ns);
    const v = ns / u;
    return `${trimNum(v, v < 10 ? 2 : v < 100 ? 1 : 0)} ${name}`;
  }
  const min = Math.floor(ns / 60e9);
  const s = Math.round((ns - min * 60e9) / 1e9);
  return s ? `${min} min ${s} s` : `${min} min`;
}

// ---------------------------------------------------------------------------
// Defaults and summaries

/** First failing trace that has events, else the first trace; -1 when none. */
export function chooseDefaultTrace(traces: readonly Trace[]): number {
  if (!traces.length) return -1;
  const i = traces.findIndex((t) => t && t.outcome !== "ok" && Array.isArray(t.events) && t.events.length > 0);
  return i >= 0 ? i : 0;
}

/**
 * Event order when virtual time does not spread events out: endTime is 0, or
 * at least 80% of events share the 3 most common timestamps.
 */
export function defaultAxisMode(trace: Trace): AxisMode {
  const events = Array.isArray(trace.events) ? trace.events : [];
  if (!(finite(trace.endTime) > 0) && !events.some((e) => finite(e.t) > 0)) return "order";
  if (events.length === 0) return "time";
  const counts = new Map<number, number>();
  for (const e of events) counts.set(e.t, (counts.get(e.t) ?? 0) + 1);
  const top = [...counts.values()].sort((a, b) => b - a).slice(0, 3);
  const share = top.reduce((a, b) => a + b, 0) / events.length;
  return share >= 0.8 ? "order" : "time";
}

/** A goroutine's final state in words; Go's blocking kinds and panic text stay as Go prints them. */
export function describeFinal(s: FinalState, t: TimelineText = ENGLISH): string {
  switch (s.kind) {
    case "ended":
      return t("returned");
    case "panicked":
      return s.detail ? t("panickedWith", { detail: s.detail }) : t("panicked");
    case "blocked":
      return t("blockedOn", { block: s.block });
    case "running":
      return t("stillRunning");
    case "not started":
      return t("noEvents");
  }
}

/** e.g. "Timeline of 3 goroutines over 1.5 s virtual time; outcome deadlock; 12 events" */
export function summarize(layout: TimelineLayout, t: TimelineText = ENGLISH): string {
  const n = layout.lanes.length;
  const tr = layout.trace;
  const outcome = outcomeWord(tr.outcome, t);
  const events = t(layout.endI === 1 ? "eventsOne" : "eventsMany", { n: layout.endI });
  const s = t(n === 1 ? "summaryOne" : "summaryMany", { n, duration: formatDuration(layout.endT), outcome, events });
  return tr.truncated ? s + t("summaryTruncated") : s;
}

// ---------------------------------------------------------------------------
// Hit-testing

export type Hit = { type: "event"; lane: number; index: number } | { type: "segment"; lane: number; segment: Segment };

/** Index of the first element whose key is >= x (keys ascending). */
export function lowerBound(n: number, key: (i: number) => number, x: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(mid) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * What is under pixel x in lane `laneIdx`: the nearest event within `tolPx`
 * pixels, else the segment covering x (or a sliver within tolPx).
 */
export function hitTest(
  layout: TimelineLayout,
  mode: AxisMode,
  scale: Scale,
  laneIdx: number,
  px: number,
  tolPx = 5,
): Hit | null {
  const lane = layout.lanes[laneIdx];
  if (!lane) return null;
  const x = toDomain(scale, px);
  const evs = lane.events;
  if (evs.length) {
    const k = lowerBound(evs.length, (j) => eventX(layout, mode, evs[j]!), x);
    let best = -1;
    let bestD = Infinity;
    for (const j of [k - 1, k]) {
      if (j < 0 || j >= evs.length) continue;
      const d = Math.abs(toPx(scale, eventX(layout, mode, evs[j]!)) - px);
      if (d < bestD) {
        bestD = d;
        best = evs[j]!;
      }
    }
    // Prefer informative events (send/recv/close/panic/timer) among equal positions.
    if (best >= 0 && bestD <= tolPx) {
      const ev = layout.trace.events[best]!;
      if (ev.kind === "block" || ev.kind === "unblock" || ev.kind === "start") {
        const bx = eventX(layout, mode, best);
        const k2 = lowerBound(evs.length, (j) => eventX(layout, mode, evs[j]!), bx);
        for (let j = k2; j < evs.length && eventX(layout, mode, evs[j]!) === bx; j++) {
          const kind = layout.trace.events[evs[j]!]!.kind;
          if (kind === "send" || kind === "recv" || kind === "panic" || kind === "close") {
            best = evs[j]!;
            break;
          }
        }
      }
      return { type: "event", lane: laneIdx, index: best };
    }
  }
  const segs = lane.segments;
  const k = lowerBound(segs.length, (j) => segX1(segs[j]!, mode), x);
  for (const j of [k, k - 1, k + 1]) {
    const seg = segs[j];
    if (!seg) continue;
    const a = toPx(scale, segX0(seg, mode));
    const b = toPx(scale, segX1(seg, mode));
    if (px >= a - (b - a < 2 ? tolPx : 0) && px <= b + (b - a < 2 ? tolPx : 0)) {
      return { type: "segment", lane: laneIdx, segment: seg };
    }
  }
  return null;
}

/** Lane under a y coordinate (relative to the top of the lane area, already scrolled). */
export function laneAt(y: number, laneHeight: number, laneCount: number): number {
  if (y < 0) return -1;
  const l = Math.floor(y / laneHeight);
  return l < laneCount ? l : -1;
}
