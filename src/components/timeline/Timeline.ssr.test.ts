// Server-render smoke test: the island must render without touching window
// (Astro renders client:load islands on the server first).
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { Trace } from "../../../sandbox/go/internal/trace-types";
import { Timeline } from "./Timeline";

const ok: Trace = {
  label: "TestOK",
  goroutines: [{ id: 1, name: "main" }],
  events: [
    { t: 0, g: 1, kind: "start" },
    { t: 10e6, g: 1, kind: "end" },
  ],
  endTime: 10e6,
  outcome: "ok",
};
const dead: Trace = {
  label: "TestDeadlock",
  goroutines: [
    { id: 1, name: "main" },
    { id: 2, name: "worker", parent: 1 },
  ],
  events: [
    { t: 0, g: 1, kind: "start" },
    { t: 0, g: 2, kind: "start" },
    { t: 0, g: 2, kind: "block", block: "chan send", chan: 1 },
    { t: 0, g: 1, kind: "block", block: "waitgroup" },
  ],
  endTime: 1500e6,
  outcome: "deadlock",
  truncated: true,
};

describe("Timeline (SSR)", () => {
  it("renders the failing trace by default with an accessible summary", () => {
    const html = renderToString(createElement(Timeline, { traces: [ok, dead] }));
    expect(html).toContain('role="img"');
    expect(html).toContain("Timeline of 2 goroutines over 1.5 s virtual time; outcome deadlock");
    expect(html).toContain("Timeline as text");
    expect(html).toContain("worker #2");
    expect(html).toContain("blocked (chan send)");
    expect(html).toContain("Truncated");
    expect(html).toMatch(/<option value="1" selected="">TestDeadlock \(deadlock\)/);
  });

  it("renders an empty state", () => {
    expect(renderToString(createElement(Timeline, { traces: [] }))).toContain("No goroutine trace");
  });
});
