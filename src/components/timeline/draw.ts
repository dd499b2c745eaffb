// Canvas renderer for the timeline. Draws only what is visible: lanes are
// culled by scroll position, segments/events/arrows by binary search on x.

import type { AxisMode, Hit, Scale, TimelineLayout } from "./layout";
import { eventX, formatTick, lowerBound, segX0, segX1, ticks, toPx } from "./layout";

export interface Palette {
  bg: string;
  fg: string;
  muted: string;
  border: string;
  surface: string;
  accent: string;
  pass: string;
  fail: string;
  warn: string;
}

const LIGHT: Palette = {
  bg: "#ffffff",
  fg: "#1a1a1a",
  muted: "#666666",
  border: "#d0d0d0",
  surface: "#f6f6f6",
  accent: "#2f6fde",
  pass: "#1f883d",
  fail: "#cf222e",
  warn: "#b58100",
};
const DARK: Palette = {
  bg: "#0f1115",
  fg: "#e6e6e6",
  muted: "#9aa0a6",
  border: "#3a3f47",
  surface: "#171a20",
  accent: "#6ea2ff",
  pass: "#3fb950",
  fail: "#f85149",
  warn: "#d29922",
};

/** Reads the site's CSS custom properties, with theme-appropriate fallbacks. */
export function readPalette(el: Element): Palette {
  let dark = false;
  try {
    dark = window.matchMedia?.("(prefers-color-scheme: dark)").matches ?? false;
  } catch {
    /* ignore */
  }
  const base = dark ? DARK : LIGHT;
  let cs: CSSStyleDeclaration | null = null;
  try {
    cs = getComputedStyle(el);
  } catch {
    /* ignore */
  }
  const out = { ...base };
  for (const k of Object.keys(base) as (keyof Palette)[]) {
    const v = cs?.getPropertyValue(`--${k}`).trim();
    if (v) out[k] = v;
  }
  return out;
}

export const LANE_H = 24;
export const BAR_H = 16;
export const AXIS_H = 26;
export const GUTTER = 150;

export interface DrawParams {
  ctx: CanvasRenderingContext2D;
  layout: TimelineLayout;
  mode: AxisMode;
  scale: Scale;
  /** CSS pixels. */
  width: number;
  height: number;
  scrollTop: number;
  palette: Palette;
  hover: Hit | null;
  font: string;
  /** The axis's name in the page's language ("virtual time", "event #"). */
  axisLabel: string;
}

const MARKER_KINDS = new Set(["send", "recv", "close", "panic", "timer"]);

export function drawTimeline(p: DrawParams): void {
  const { ctx, layout, mode, scale, width, height, scrollTop, palette: c, hover } = p;
  const events = layout.trace.events;
  const outcome = layout.trace.outcome;
  const view = scale.view;
  const vEnd = view.start + view.span;
  const plotRight = scale.x0 + scale.width;

  ctx.save();
  ctx.clearRect(0, 0, width, height);
  ctx.fillStyle = c.bg;
  ctx.fillRect(0, 0, width, height);
  ctx.font = p.font;
  ctx.textBaseline = "middle";

  const laneCount = layout.lanes.length;
  const firstLane = Math.max(0, Math.floor(scrollTop / LANE_H));
  const lastLane = Math.min(laneCount - 1, Math.floor((scrollTop + height - AXIS_H) / LANE_H));
  const laneY = (l: number) => AXIS_H + l * LANE_H - scrollTop;
  const laneMid = (l: number) => laneY(l) + LANE_H / 2;

  // Plot area clip
  ctx.save();
  ctx.beginPath();
  ctx.rect(scale.x0, AXIS_H, scale.width, height - AXIS_H);
  ctx.clip();

  // Zebra rows
  for (let l = firstLane; l <= lastLane; l++) {
    if (l % 2 === 1) {
      ctx.globalAlpha = 0.5;
      ctx.fillStyle = c.surface;
      ctx.fillRect(scale.x0, laneY(l), scale.width, LANE_H);
      ctx.globalAlpha = 1;
    }
  }

  // Grid lines
  const integer = mode === "order";
  const tk = ticks(view.start, vEnd, Math.max(2, Math.floor(scale.width / 90)), integer);
  ctx.strokeStyle = c.border;
  ctx.lineWidth = 1;
  ctx.globalAlpha = 0.6;
  ctx.beginPath();
  for (const v of tk.values) {
    const x = Math.round(toPx(scale, v)) + 0.5;
    ctx.moveTo(x, AXIS_H);
    ctx.lineTo(x, height);
  }
  ctx.stroke();
  ctx.globalAlpha = 1;

  const labelWidths = new Map<string, number>();
  const measure = (s: string) => {
    let w = labelWidths.get(s);
    if (w === undefined) {
      w = ctx.measureText(s).width;
      labelWidths.set(s, w);
    }
    return w;
  };

  const barTop = (l: number) => laneY(l) + (LANE_H - BAR_H) / 2;

  // Segments
  for (let l = firstLane; l <= lastLane; l++) {
    const lane = layout.lanes[l]!;
    const segs = lane.segments;
    const y = barTop(l);
    let k = lowerBound(segs.length, (j) => segX1(segs[j]!, mode), view.start);
    let lastPx = -Infinity; // skip sub-pixel slivers that would overdraw
    for (; k < segs.length; k++) {
      const seg = segs[k]!;
      const x0 = segX0(seg, mode);
      if (x0 > vEnd) break;
      let a = Math.max(scale.x0 - 2, toPx(scale, x0));
      const b = Math.min(plotRight + 2, toPx(scale, segX1(seg, mode)));
      let w = b - a;
      // A goroutine stuck at the end must stay visible even when it has no width in time mode.
      if (seg.endEvent < 0 && seg.state === "blocked" && w < 4) {
        w = 4;
        a = b - 4;
      } else if (w < 0.5) {
        if (a - lastPx < 1) continue;
        w = 1;
      }
      lastPx = a + w;
      if (seg.state === "running") {
        ctx.globalAlpha = 0.85;
        ctx.fillStyle = c.accent;
        ctx.fillRect(a, y + 3, w, BAR_H - 6);
        ctx.globalAlpha = 1;
      } else {
        const stuck = seg.endEvent < 0 && (outcome === "deadlock" || outcome === "leak");
        const col = stuck ? c.fail : c.warn;
        ctx.globalAlpha = 0.25;
        ctx.fillStyle = col;
        ctx.fillRect(a, y, w, BAR_H);
        ctx.globalAlpha = 1;
        if (w >= 3) {
          ctx.strokeStyle = col;
          ctx.lineWidth = 1;
          ctx.strokeRect(a + 0.5, y + 0.5, w - 1, BAR_H - 1);
        } else {
          ctx.fillStyle = col;
          ctx.fillRect(a, y, w, BAR_H);
        }
        const label = seg.block ?? "blocked";
        const lw = measure(label);
        if (w >= lw + 12) {
          ctx.fillStyle = c.fg;
          const visA = Math.max(a, scale.x0);
          const visB = Math.min(a + w, plotRight);
          const tx = visB - visA >= lw + 12 ? visA + 7 : a + 7;
          ctx.fillText(label, tx, y + BAR_H / 2 + 0.5);
        }
      }
    }
  }

  // Event markers (skip when too dense to be legible; panics always shown)
  for (let l = firstLane; l <= lastLane; l++) {
    const evs = layout.lanes[l]!.events;
    const k0 = lowerBound(evs.length, (j) => eventX(layout, mode, evs[j]!), view.start);
    const k1 = lowerBound(evs.length, (j) => eventX(layout, mode, evs[j]!), vEnd + 1e-9);
    const dense = k1 - k0 > scale.width / 4;
    const cy = laneMid(l);
    let lastX = -Infinity;
    for (let k = k0; k < k1; k++) {
      const i = evs[k]!;
      const ev = events[i]!;
      if (!MARKER_KINDS.has(ev.kind)) continue;
      if (dense && ev.kind !== "panic") continue;
      const x = toPx(scale, eventX(layout, mode, i));
      if (ev.kind !== "panic" && x - lastX < 7) continue; // avoid overlapping glyphs
      lastX = x;
      drawMarker(ctx, ev.kind, x, cy, c);
    }
  }

  // Hand-off arrows
  const arrows = layout.arrows;
  if (arrows.length) {
    ctx.strokeStyle = c.fg;
    ctx.fillStyle = c.fg;
    ctx.lineWidth = 1;
    ctx.globalAlpha = 0.55;
    const ax = (a: (typeof arrows)[number], end: 0 | 1) => (mode === "order" ? (end ? a.i1 : a.i0) : end ? a.t1 : a.t0);
    // Skip arrows that end before the view: arrowReach is a monotonic prefix max.
    const reach = layout.arrowReach;
    let k = lowerBound(arrows.length, (j) => eventX(layout, mode, reach[j]!), view.start);
    let drawn = 0;
    for (; k < arrows.length && drawn < 4000; k++) {
      const a = arrows[k]!;
      const xa = ax(a, 0);
      const xb = ax(a, 1);
      if (Math.min(xa, xb) > vEnd) break;
      if (Math.max(xa, xb) < view.start) continue;
      if (
        (a.fromLane < firstLane && a.toLane < firstLane) ||
        (a.fromLane > lastLane && a.toLane > lastLane) ||
        a.fromLane === a.toLane
      )
        continue;
      const x1 = toPx(scale, xa);
      const x2 = toPx(scale, xb);
      const dir = a.toLane > a.fromLane ? 1 : -1;
      const y1 = laneMid(a.fromLane) + (dir * BAR_H) / 2;
      const y2 = laneMid(a.toLane) - (dir * BAR_H) / 2;
      ctx.beginPath();
      ctx.moveTo(x1, y1);
      ctx.lineTo(x2, y2);
      ctx.stroke();
      arrowHead(ctx, x1, y1, x2, y2);
      drawn++;
    }
    ctx.globalAlpha = 1;
  }

  // Hover highlight
  if (hover) {
    ctx.strokeStyle = c.fg;
    ctx.lineWidth = 2;
    if (hover.type === "segment") {
      const s = hover.segment;
      const a = toPx(scale, segX0(s, mode));
      const b = toPx(scale, segX1(s, mode));
      ctx.strokeRect(a - 1, barTop(hover.lane) - 1, Math.max(2, b - a) + 2, BAR_H + 2);
    } else {
      const x = toPx(scale, eventX(layout, mode, hover.index));
      ctx.beginPath();
      ctx.arc(x, laneMid(hover.lane), 6, 0, Math.PI * 2);
      ctx.stroke();
    }
  }
  ctx.restore(); // plot clip

  // Gutter with labels
  ctx.fillStyle = c.bg;
  ctx.fillRect(0, AXIS_H, scale.x0, height - AXIS_H);
  ctx.strokeStyle = c.border;
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(scale.x0 - 0.5, AXIS_H);
  ctx.lineTo(scale.x0 - 0.5, height);
  ctx.stroke();
  ctx.save();
  ctx.beginPath();
  ctx.rect(0, AXIS_H, scale.x0 - 1, height - AXIS_H);
  ctx.clip();
  for (let l = firstLane; l <= lastLane; l++) {
    const lane = layout.lanes[l]!;
    const cy = laneMid(l);
    const fs = lane.finalState;
    const dot =
      fs.kind === "ended"
        ? c.pass
        : fs.kind === "panicked"
          ? c.fail
          : fs.kind === "blocked"
            ? outcome === "ok"
              ? c.warn
              : c.fail
            : c.muted;
    ctx.fillStyle = dot;
    ctx.beginPath();
    ctx.arc(10, cy, 4, 0, Math.PI * 2);
    ctx.fill();
    ctx.fillStyle = c.fg;
    ctx.fillText(ellipsize(ctx, lane.name, scale.x0 - 60), 20, cy);
    ctx.fillStyle = c.muted;
    const idText = `#${lane.g}`;
    ctx.fillText(idText, scale.x0 - 8 - ctx.measureText(idText).width, cy);
  }
  ctx.restore();

  // Axis
  ctx.fillStyle = c.bg;
  ctx.fillRect(0, 0, width, AXIS_H);
  ctx.strokeStyle = c.border;
  ctx.beginPath();
  ctx.moveTo(0, AXIS_H - 0.5);
  ctx.lineTo(width, AXIS_H - 0.5);
  ctx.stroke();
  ctx.fillStyle = c.muted;
  ctx.fillText(p.axisLabel, 8, AXIS_H / 2);
  ctx.save();
  ctx.beginPath();
  ctx.rect(scale.x0 - 30, 0, width - scale.x0 + 30, AXIS_H);
  ctx.clip();
  let lastRight = -Infinity;
  for (const v of tk.values) {
    const x = Math.round(toPx(scale, v)) + 0.5;
    ctx.strokeStyle = c.muted;
    ctx.beginPath();
    ctx.moveTo(x, AXIS_H - 6);
    ctx.lineTo(x, AXIS_H);
    ctx.stroke();
    const label = formatTick(v, tk.step, mode);
    const lw = ctx.measureText(label).width;
    const lx = Math.min(Math.max(x - lw / 2, scale.x0 - 20), width - lw - 2);
    if (lx > lastRight + 6) {
      ctx.fillStyle = c.fg;
      ctx.fillText(label, lx, AXIS_H / 2 - 2);
      lastRight = lx + lw;
    }
  }
  ctx.restore();
  ctx.restore();
}

function ellipsize(ctx: CanvasRenderingContext2D, s: string, max: number): string {
  if (ctx.measureText(s).width <= max) return s;
  let lo = 0;
  let hi = s.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (ctx.measureText(s.slice(0, mid) + "…").width <= max) lo = mid;
    else hi = mid - 1;
  }
  return s.slice(0, lo) + "…";
}

function arrowHead(ctx: CanvasRenderingContext2D, x1: number, y1: number, x2: number, y2: number) {
  const ang = Math.atan2(y2 - y1, x2 - x1);
  const len = 6;
  ctx.beginPath();
  ctx.moveTo(x2, y2);
  ctx.lineTo(x2 - len * Math.cos(ang - 0.45), y2 - len * Math.sin(ang - 0.45));
  ctx.lineTo(x2 - len * Math.cos(ang + 0.45), y2 - len * Math.sin(ang + 0.45));
  ctx.closePath();
  ctx.fill();
}

export function drawMarker(ctx: CanvasRenderingContext2D, kind: string, x: number, y: number, c: Palette): void {
  ctx.lineWidth = 1.5;
  switch (kind) {
    case "send":
      ctx.fillStyle = c.fg;
      ctx.beginPath();
      ctx.moveTo(x, y - 4);
      ctx.lineTo(x + 4, y + 3);
      ctx.lineTo(x - 4, y + 3);
      ctx.closePath();
      ctx.fill();
      break;
    case "recv":
      ctx.fillStyle = c.bg;
      ctx.strokeStyle = c.fg;
      ctx.beginPath();
      ctx.arc(x, y, 3.5, 0, Math.PI * 2);
      ctx.fill();
      ctx.stroke();
      break;
    case "close":
      ctx.strokeStyle = c.fg;
      ctx.beginPath();
      ctx.moveTo(x - 3.5, y - 3.5);
      ctx.lineTo(x + 3.5, y + 3.5);
      ctx.moveTo(x + 3.5, y - 3.5);
      ctx.lineTo(x - 3.5, y + 3.5);
      ctx.stroke();
      break;
    case "timer":
      ctx.strokeStyle = c.muted;
      ctx.beginPath();
      ctx.moveTo(x, y - 6);
      ctx.lineTo(x, y + 6);
      ctx.stroke();
      break;
    case "panic":
      ctx.fillStyle = c.fail;
      ctx.beginPath();
      ctx.moveTo(x, y - 6);
      ctx.lineTo(x + 6, y);
      ctx.lineTo(x, y + 6);
      ctx.lineTo(x - 6, y);
      ctx.closePath();
      ctx.fill();
      break;
  }
}
