// Results renders any task title, however it collides with Object.prototype.
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { RunResult } from "../../../sandbox/protocol";
import { Results, announcement, hintFor } from "./Results";

const failing = (title: string) => ({
  title,
  file: "limit.ts",
  done: false,
  tests: [{ name: "fails", state: "fail" as const, durationMs: 0, logs: [], failure: { message: "no" } }],
});

describe("Results", () => {
  it("renders failing tasks titled like Object.prototype members, with no hint found through the prototype", () => {
    const titles = ["__proto__", "constructor", "toString", "hasOwnProperty", "Task 1: real"];
    const result: RunResult = {
      kind: "tests",
      tasks: titles.map(failing),
      passed: 0,
      failed: titles.length,
      complete: false,
      learnerTests: [],
      loadErrors: [],
      traces: [],
      durationMs: 1,
      explorer: false,
    };
    const html = renderToString(
      createElement(Results, {
        result,
        running: false,
        hints: { "Task 1: real": "the real hint" },
        onLocate: () => {},
        runCount: 1,
      }),
    );
    for (const title of titles.slice(0, 4)) expect(html).toContain(title);
    expect(html.match(/class="ex-hint"/g)).toHaveLength(1);
    expect(html).toContain("the real hint");
  });

  it("renders ANSI colours in logs as classes", () => {
    const result: RunResult = {
      kind: "tests",
      tasks: [
        {
          title: "T",
          file: "f",
          done: true,
          tests: [{ name: "t", state: "pass", durationMs: 0, logs: ["\u001b[32mgreen\u001b[0m ok"] }],
        },
      ],
      passed: 1,
      failed: 0,
      complete: true,
      learnerTests: [],
      loadErrors: [],
      traces: [],
      durationMs: 1,
      explorer: false,
    };
    const html = renderToString(
      createElement(Results, { result, running: false, hints: {}, onLocate: () => {}, runCount: 1 }),
    );
    expect(html).toContain('<span class="ansi-fg-2">green</span> ok');
    expect(html).not.toContain("\u001b");
  });
});

describe("hintFor", () => {
  it("finds own hints only", () => {
    const hints = { a: "hint a" };
    expect(hintFor(hints, "a")).toBe("hint a");
    expect(hintFor(hints, "__proto__")).toBeUndefined();
    expect(hintFor(hints, "constructor")).toBeUndefined();
    expect(hintFor(JSON.parse('{"__proto__": 5}') as Record<string, string>, "__proto__")).toBeUndefined();
  });
});

describe("announcement", () => {
  const tests = (passed: number, failed: number, complete: boolean): RunResult => ({
    kind: "tests",
    tasks: [],
    passed,
    failed,
    complete,
    learnerTests: [],
    loadErrors: [],
    traces: [],
    durationMs: 1,
    explorer: false,
  });

  it("is one short line per outcome", () => {
    expect(announcement(undefined)).toBe("");
    expect(announcement(tests(3, 2, false))).toBe("3 passed, 2 failed.");
    expect(announcement(tests(5, 0, true))).toBe("5 passed, 0 failed. Every task is done.");
    expect(announcement({ kind: "timeout", timeoutMs: 5000 } as RunResult)).toBe("Timed out after 5 s.");
    expect(announcement({ kind: "cancelled" } as RunResult)).toBe("Run cancelled.");
  });
});
