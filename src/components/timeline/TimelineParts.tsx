// The timeline's hover tooltip and its legend, in the page's language.

import type { Hit, TimelineLayout } from "./layout";
import { formatDuration } from "./layout";
import messages from "../../i18n/messages/timeline";
import { useMessages } from "../exercise/language";

/** What is under the pointer: a goroutine's event or a stretch of its run. */
export function Tooltip({
  layout,
  hit,
  x,
  y,
  width,
  height,
}: {
  layout: TimelineLayout;
  hit: Hit;
  x: number;
  y: number;
  width: number;
  height: number;
}) {
  const t = useMessages(messages);
  const lane = layout.lanes[hit.lane]!;
  const rows: [string, string][] = [[t("rowGoroutine"), lane.label]];
  if (hit.type === "event") {
    const ev = layout.trace.events[hit.index]!;
    // The event's kind ("send", "recv") is the runtime's name for it, as in the trace.
    rows.push([t("rowEvent"), `${ev.kind} (#${hit.index})`]);
    rows.push([t("rowTime"), formatDuration(ev.t)]);
    if (ev.block) rows.push([t("rowBlock"), ev.block]);
    if (ev.chan !== undefined) rows.push([t("rowChannel"), `#${ev.chan}`]);
    if (ev.value !== undefined) rows.push([t("rowValue"), ev.value]);
    if (ev.peer !== undefined) {
      const pl = layout.laneOf.get(ev.peer);
      rows.push([
        t(ev.kind === "send" ? "rowTo" : ev.kind === "recv" ? "rowFrom" : "rowPeer"),
        pl !== undefined ? layout.lanes[pl]!.label : `#${ev.peer}`,
      ]);
    }
    if (ev.detail) rows.push([t("rowDetail"), ev.detail]);
  } else {
    const s = hit.segment;
    rows.push([
      t("rowState"),
      s.state === "blocked" ? t("stateBlocked", { block: s.block ?? "other" }) : t("stateRunning"),
    ]);
    rows.push([
      t("rowTime"),
      `${formatDuration(s.t0)} – ${s.endEvent < 0 ? `${formatDuration(s.t1)} ${t("endOfTrace")}` : formatDuration(s.t1)}`,
    ]);
    rows.push([t("rowEvents"), `#${s.i0} – ${s.endEvent < 0 ? t("end") : `#${s.i1}`}`]);
    if (s.startEvent >= 0) {
      const ev = layout.trace.events[s.startEvent]!;
      if (ev.chan !== undefined) rows.push([t("rowChannel"), `#${ev.chan}`]);
      if (ev.detail) rows.push([t("rowDetail"), ev.detail]);
    }
  }
  const left = Math.min(Math.max(0, x + 14), Math.max(0, width - 280));
  // Below the pointer in the upper half, above it in the lower half.
  const style = y < height / 2 ? { left, top: y + 16 } : { left, bottom: height - y + 12 };
  return (
    <div className="tl-tooltip" role="tooltip" style={style}>
      <dl>
        {rows.map(([k, val]) => (
          <div key={k} className="tl-tooltip-row">
            <dt>{k}</dt>
            <dd>{val}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

/** What the colours and glyphs mean. */
export function Legend() {
  const t = useMessages(messages);
  return (
    <ul className="tl-legend" aria-label={t("legend")}>
      <li>
        <span className="tl-swatch tl-swatch-running" aria-hidden="true" /> {t("legendRunning")}
      </li>
      <li>
        <span className="tl-swatch tl-swatch-blocked" aria-hidden="true" /> {t("legendBlocked")}
      </li>
      <li>
        <span className="tl-swatch tl-swatch-stuck" aria-hidden="true" /> {t("legendStuck")}
      </li>
      <li>
        <span className="tl-glyph" aria-hidden="true">
          ▲
        </span>{" "}
        {t("send")}{" "}
        <span className="tl-glyph" aria-hidden="true">
          ○
        </span>{" "}
        {t("receive")}{" "}
        <span className="tl-glyph" aria-hidden="true">
          ×
        </span>{" "}
        {t("close")}{" "}
        <span className="tl-glyph tl-glyph-panic" aria-hidden="true">
          ◆
        </span>{" "}
        {t("panic")}
      </li>
      <li>
        <span className="tl-glyph" aria-hidden="true">
          ↘
        </span>{" "}
        {t("handOff")}
      </li>
      <li>
        <span className="tl-dot tl-dot-ended" aria-hidden="true" /> {t("legendReturned")}{" "}
        <span className="tl-dot tl-dot-stuck" aria-hidden="true" /> {t("legendPanicked")}
      </li>
    </ul>
  );
}
