// The timeline in Chinese: its words from the message table, the test a
// trace belongs to by the lesson's translation; Go's blocking kinds
// ("chan send") and goroutine names stay as Go's dump prints them.
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { Trace } from "../../../sandbox/go/internal/trace-types";
import { LanguageProvider } from "../exercise/language";
import { Timeline } from "./Timeline";

const ok: Trace = {
  label: "adds small numbers",
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
    { id: 2, name: "worker", parent: 1, location: "main.ts:4" },
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

const render = (traces: Trace[]) =>
  renderToString(
    createElement(LanguageProvider, {
      locale: "zh-cn",
      testText: { names: { TestDeadlock: "死锁测试", "adds small numbers": "小数相加" }, messages: {} },
      children: createElement(Timeline, { traces }),
    }),
  );

describe("Timeline in Chinese (SSR)", () => {
  const html = render([ok, dead]);

  it("summarises the trace in Chinese, Go's blocking kinds kept", () => {
    expect(html).toContain("2 个 goroutine 的时间线，虚拟时间共 1.5 s；结果：死锁；4 个事件（已截断）");
    expect(html).toContain("时间线的文字版");
    expect(html).toContain("worker #2（启动于 main.ts:4）：阻塞（chan send）；1 段阻塞，2 个事件");
    expect(html).toContain("（已截断）。</p>");
    expect(html).toContain("1 段阻塞");
  });

  it("names tests by the lesson's translation and outcomes in Chinese", () => {
    expect(html).toMatch(/<option value="1" selected="">死锁测试 \(死锁\)/);
    expect(html).toMatch(/<option value="0">小数相加</);
    expect(html).toContain("结果：死锁");
    expect(html).toContain("已截断：后面的事件被丢弃了");
  });

  it("labels its controls in Chinese, aria-labels and titles included", () => {
    for (const s of [
      'aria-label="缩放"',
      'aria-label="缩小"',
      'aria-label="放大"',
      'aria-label="图例"',
      'title="为了不超过追踪大小的上限，丢弃了部分事件"',
    ])
      expect(html, s).toContain(s);
    expect(html).toContain("时间线视口。方向键平移，加号和减号缩放，0 复位。");
    expect(html).toContain("虚拟时间");
    expect(html).toContain("channel 交接");
    expect(html).not.toMatch(/Timeline of|Outcome:|Legend|Zoom|virtual time|event order/);
  });

  it("renders an empty state in Chinese", () => {
    expect(render([])).toContain("这次运行没有记录 goroutine 追踪。");
  });
});
