import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from "react";
import type { KeyboardEvent as ReactKeyboardEvent, PointerEvent as ReactPointerEvent } from "react";
import type { Trace } from "../../../sandbox/go/internal/trace-types";
import type { AxisMode, Hit, Scale, View } from "./layout";
import {
  buildLayout,
  chooseDefaultTrace,
  clampView,
  defaultAxisMode,
  describeFinal,
  domainEnd,
  hitTest,
  laneAt,
  minSpan,
  outcomeWord,
  panView,
  summarize,
  toDomain,
  zoomView,
} from "./layout";
import type { Palette } from "./draw";
import { AXIS_H, GUTTER, LANE_H, drawTimeline, readPalette } from "./draw";
import messages from "../../i18n/messages/timeline";
import { useMessages, useTestText } from "../exercise/language";
import { Legend, Tooltip } from "./TimelineParts";
import "./timeline.css";

const MAX_VIEWPORT_H = 480;
/** Infinite span: clampView turns it into the whole domain. */
const FULL: View = { start: 0, span: Infinity };
const FONT = "12px system-ui, -apple-system, 'Segoe UI', sans-serif";

export function Timeline(props: { traces: Trace[] }) {
  const t = useMessages(messages);
  const text = useTestText();
  const traces = Array.isArray(props.traces) ? props.traces : [];
  const [selected, setSelected] = useState(() => chooseDefaultTrace(traces));
  // Re-pick the default when a new run delivers different traces (a new array
  // holding the same Trace objects, e.g. from a parent re-render, keeps the choice).
  const [seenTraces, setSeenTraces] = useState(traces);
  if (seenTraces !== traces && !sameItems(seenTraces, traces)) {
    setSeenTraces(traces);
    setSelected(chooseDefaultTrace(traces));
  }
  const idx = selected >= 0 && selected < traces.length ? selected : chooseDefaultTrace(traces);
  const trace = idx >= 0 ? traces[idx] : undefined;
  const selectId = useId();

  if (!trace) {
    return (
      <div className="tl-root">
        <p className="tl-empty">{t("noTrace")}</p>
      </div>
    );
  }

  return (
    <div className="tl-root">
      <div className="tl-header">
        {traces.length > 1 ? (
          <label className="tl-field" htmlFor={selectId}>
            <span>{t("test")}</span>
            <select id={selectId} value={idx} onChange={(e) => setSelected(Number(e.target.value))}>
              {traces.map((tr, i) => (
                <option key={i} value={i}>
                  {(tr.label ? text.name(tr.label) : t("traceN", { n: i + 1 })) +
                    (tr.outcome !== "ok" ? ` (${outcomeWord(tr.outcome, t)})` : "")}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <span className="tl-title">{text.name(trace.label)}</span>
        )}
        <span className={`tl-outcome tl-outcome-${trace.outcome}`}>
          {t("outcome", { outcome: outcomeWord(trace.outcome, t) })}
        </span>
        {trace.truncated ? (
          <span className="tl-truncated" title={t("truncatedTitle")}>
            {t("truncated")}
          </span>
        ) : null}
      </div>
      <TraceView key={idx} trace={trace} />
    </div>
  );
}

function TraceView({ trace }: { trace: Trace }) {
  const t = useMessages(messages);
  const layout = useMemo(() => buildLayout(trace), [trace]);
  const [mode, setMode] = useState<AxisMode>(() => defaultAxisMode(trace));
  const [view, setView] = useState<View>(FULL);
  const [hover, setHover] = useState<{ hit: Hit; x: number; y: number } | null>(null);
  const [width, setWidth] = useState(800);
  const [scrollTop, setScrollTop] = useState(0);
  const [palette, setPalette] = useState<Palette | null>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const dragRef = useRef<{ x: number; start: number; moved: boolean } | null>(null);
  const radioName = useId();

  // A new trace object (e.g. after another Run) resets the axis mode and zoom.
  const [seenTrace, setSeenTrace] = useState(trace);
  if (seenTrace !== trace) {
    setSeenTrace(trace);
    setMode(defaultAxisMode(trace));
    setView(FULL);
    setHover(null);
  }

  const full = domainEnd(layout, mode);
  const min = minSpan(layout, mode);
  const v = clampView(view, full, min);
  const plotW = Math.max(50, width - GUTTER - 12);
  const scale: Scale = useMemo(() => ({ x0: GUTTER, width: plotW, view: v }), [plotW, v.start, v.span]);
  const lanesH = layout.lanes.length * LANE_H;
  const height = Math.min(MAX_VIEWPORT_H, AXIS_H + lanesH + 2);

  // Keep the latest values for event handlers registered once.
  const live = useRef({ v, full, min, scale });
  live.current = { v, full, min, scale };

  const changeMode = (m: AxisMode) => {
    setMode(m);
    setView(FULL);
    setHover(null);
  };

  // Width tracking
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const update = () => setWidth(Math.max(200, Math.floor(el.clientWidth)));
    update();
    if (typeof ResizeObserver === "undefined") return;
    const ro = new ResizeObserver(update);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // Colours follow the site's theme variables and prefers-color-scheme changes.
  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const update = () => setPalette(readPalette(el));
    update();
    let mq: MediaQueryList | null = null;
    try {
      mq = window.matchMedia("(prefers-color-scheme: dark)");
      mq.addEventListener("change", update);
    } catch {
      mq = null;
    }
    return () => mq?.removeEventListener("change", update);
  }, []);

  // Draw (coalesced into one animation frame)
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || !palette) return;
    const id = requestAnimationFrame(() => {
      const dpr = Math.max(1, Math.min(4, window.devicePixelRatio || 1));
      const pw = Math.round(width * dpr);
      const ph = Math.round(height * dpr);
      if (canvas.width !== pw) canvas.width = pw;
      if (canvas.height !== ph) canvas.height = ph;
      const ctx = canvas.getContext("2d");
      if (!ctx) return;
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      drawTimeline({
        ctx,
        layout,
        mode,
        scale,
        width,
        height,
        scrollTop,
        palette,
        hover: hover?.hit ?? null,
        font: FONT,
        axisLabel: t(mode === "order" ? "axisOrder" : "axisTime"),
      });
    });
    return () => cancelAnimationFrame(id);
  }, [layout, mode, scale, width, height, scrollTop, palette, hover, t]);

  // Wheel: ctrl/cmd+wheel zooms around the cursor, horizontal / shift+wheel pans.
  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      const { v, full, min, scale } = live.current;
      const rect = el.getBoundingClientRect();
      const px = e.clientX - rect.left;
      if (e.ctrlKey || e.metaKey) {
        e.preventDefault();
        const factor = Math.exp(-e.deltaY * (e.deltaMode === 1 ? 0.05 : 0.002));
        const anchor = px >= scale.x0 ? toDomain(scale, px) : v.start + v.span / 2;
        setView(zoomView(v, factor, anchor, full, min));
      } else if (e.shiftKey || Math.abs(e.deltaX) > Math.abs(e.deltaY)) {
        const d = e.shiftKey && e.deltaX === 0 ? e.deltaY : e.deltaX;
        if (v.span >= full) return;
        e.preventDefault();
        setView(panView(v, (d / scale.width) * v.span, full, min));
      }
    };
    el.addEventListener("wheel", onWheel, { passive: false });
    return () => el.removeEventListener("wheel", onWheel);
  }, []);

  const zoomBy = useCallback(
    (f: number) => setView((cur) => zoomView(clampView(cur, full, min), f, v.start + v.span / 2, full, min)),
    [full, min, v.start, v.span],
  );

  const pointerPos = (e: ReactPointerEvent) => {
    const rect = canvasRef.current!.getBoundingClientRect();
    return { x: e.clientX - rect.left, y: e.clientY - rect.top };
  };

  const onPointerMove = (e: ReactPointerEvent<HTMLCanvasElement>) => {
    const { x, y } = pointerPos(e);
    const drag = dragRef.current;
    if (drag) {
      const dx = x - drag.x;
      if (Math.abs(dx) > 2) drag.moved = true;
      if (drag.moved) {
        setView(clampView({ start: drag.start - (dx / scale.width) * v.span, span: v.span }, full, min));
        setHover(null);
        return;
      }
    }
    let hit: Hit | null = null;
    if (x >= GUTTER && y >= AXIS_H) {
      const l = laneAt(y - AXIS_H + scrollTop, LANE_H, layout.lanes.length);
      if (l >= 0) hit = hitTest(layout, mode, scale, l, x);
    }
    if (!hit) {
      if (hover) setHover(null);
      return;
    }
    if (!hover || !sameHit(hover.hit, hit) || Math.abs(hover.x - x) > 8 || Math.abs(hover.y - y) > 8) {
      setHover({ hit, x, y });
    }
  };

  const onPointerDown = (e: ReactPointerEvent<HTMLCanvasElement>) => {
    if (e.button !== 0) return;
    const { x } = pointerPos(e);
    if (x < GUTTER) return;
    dragRef.current = { x, start: v.start, moved: false };
    try {
      e.currentTarget.setPointerCapture(e.pointerId);
    } catch {
      /* ignore */
    }
  };
  const endDrag = () => {
    dragRef.current = null;
  };

  const onKeyDown = (e: ReactKeyboardEvent) => {
    if (e.key === "ArrowLeft" || e.key === "ArrowRight") {
      e.preventDefault();
      const d = (e.key === "ArrowLeft" ? -0.1 : 0.1) * v.span;
      setView(panView(v, d, full, min));
    } else if (e.key === "+" || e.key === "=") {
      e.preventDefault();
      zoomBy(1.5);
    } else if (e.key === "-" || e.key === "_") {
      e.preventDefault();
      zoomBy(1 / 1.5);
    } else if (e.key === "0") {
      e.preventDefault();
      setView(FULL);
    }
  };

  const summary = summarize(layout, t);
  const zoomPct = Math.round((full / v.span) * 100);

  return (
    <div className="tl-body">
      <div className="tl-controls">
        <fieldset className="tl-axis">
          <legend>{t("axis")}</legend>
          <label>
            <input type="radio" name={radioName} checked={mode === "time"} onChange={() => changeMode("time")} />{" "}
            {t("virtualTime")}
          </label>
          <label>
            <input type="radio" name={radioName} checked={mode === "order"} onChange={() => changeMode("order")} />{" "}
            {t("eventOrder")}
          </label>
        </fieldset>
        <div className="tl-zoom" role="group" aria-label={t("zoom")}>
          <button type="button" onClick={() => zoomBy(1 / 1.5)} disabled={v.span >= full} aria-label={t("zoomOut")}>
            −
          </button>
          <span className="tl-zoom-level" aria-live="polite">
            {zoomPct}%
          </span>
          <button type="button" onClick={() => zoomBy(1.5)} disabled={v.span <= min * 1.0001} aria-label={t("zoomIn")}>
            +
          </button>
          <button type="button" onClick={() => setView(FULL)} disabled={v.span >= full}>
            {t("reset")}
          </button>
        </div>
        <span className="tl-hint">{t("hint")}</span>
      </div>
      <div className="tl-stage">
        <div
          ref={scrollRef}
          className="tl-scroll"
          style={{ height }}
          tabIndex={0}
          aria-label={t("viewport")}
          onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
          onKeyDown={onKeyDown}
        >
          <div className="tl-spacer" style={{ height: Math.max(height, AXIS_H + lanesH) }}>
            <canvas
              ref={canvasRef}
              className="tl-canvas"
              role="img"
              aria-label={summary}
              style={{ width, height }}
              onPointerMove={onPointerMove}
              onPointerDown={onPointerDown}
              onPointerUp={endDrag}
              onPointerCancel={endDrag}
              onPointerLeave={() => {
                if (!dragRef.current) setHover(null);
              }}
            />
          </div>
        </div>
        {hover ? (
          <Tooltip layout={layout} hit={hover.hit} x={hover.x} y={hover.y} width={width} height={height} />
        ) : null}
      </div>
      <Legend />
      <details className="tl-text">
        <summary>{t("asText")}</summary>
        <p>{t("sentence", { text: summary })}</p>
        <ul>
          {layout.lanes.map((lane) => {
            const blocked = lane.segments.filter((s) => s.state === "blocked").length;
            const events = lane.events.length;
            return (
              <li key={lane.g}>
                {t("lane", {
                  label: lane.label,
                  started: lane.location ? t("startedAt", { location: lane.location }) : "",
                  final: describeFinal(lane.finalState, t),
                  blocked: t(blocked === 1 ? "blockedOne" : "blockedMany", { n: blocked }),
                  events: t(events === 1 ? "eventsOne" : "eventsMany", { n: events }),
                })}
              </li>
            );
          })}
        </ul>
      </details>
    </div>
  );
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function sameHit(a: Hit, b: Hit): boolean {
  if (a.type !== b.type || a.lane !== b.lane) return false;
  return a.type === "event" ? a.index === (b as typeof a).index : a.segment === (b as typeof a).segment;
}
