// The results in Chinese: the UI's words from the message table, the lesson's
// test names and expect() messages through the page's test-text translation,
// platform messages by their code, vitest's assertion sentences by shape;
// the learner's own tests' names and messages and Go's text stay as they are.
import { createElement, type ReactNode } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { RunResult } from "../../../sandbox/protocol";
import { platformText } from "../../../sandbox/platform-text";
import type { TestTranslation } from "../../i18n/test-text";
import { LanguageProvider } from "./language";
import { Results, announcement } from "./Results";

const testText: TestTranslation = {
  names: {
    "Task 1: adds": "任务 1：加法",
    "adds small numbers": "小数相加",
    "Task 2: limits": "任务 2：限制并发",
    "keeps at most limit in flight": "同时进行的不超过上限",
    nested: "嵌套",
    "is never registered": "从未注册",
    TestDeadlock: "死锁测试",
  },
  messages: { "${n} tasks ran at once; the limit is ${limit}": "同时运行了 ${n} 个任务；上限是 ${limit}" },
};

const VITEST_TIMEOUT =
  'Test timed out in 5000ms.\nIf this is a long-running test, pass a timeout value as the last argument or configure it globally with "testTimeout".';

const tests: RunResult = {
  kind: "tests",
  tasks: [
    {
      title: "Task 1: adds",
      file: "add.test.ts",
      done: true,
      tests: [{ name: "adds small numbers", state: "pass", durationMs: 1, logs: [] }],
    },
    {
      title: "Task 2: limits",
      file: "add.test.ts",
      done: false,
      tests: [
        {
          name: "keeps at most limit in flight",
          state: "fail",
          durationMs: 1,
          logs: ["hello from the learner"],
          failure: {
            message: "12 tasks ran at once; the limit is 3: expected 12 to be 3 // Object.is equality",
            diff: "- Expected\n+ Received\n\n- 3\n+ 12",
            location: "limit.ts:3:5",
          },
        },
        {
          name: "is never registered",
          state: "fail",
          durationMs: 0,
          logs: [],
          failure: platformText("lessonTestNotRun"),
        },
        {
          name: "nested > keeps at most limit in flight",
          state: "fail",
          durationMs: 0,
          logs: [],
          failure: { message: VITEST_TIMEOUT },
        },
        {
          name: "deadlocks",
          state: "fail",
          durationMs: 0,
          logs: [],
          failure: { message: "fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [chan receive]:" },
        },
      ],
    },
  ],
  passed: 1,
  failed: 5,
  complete: false,
  // The learner named a test like a lesson test: theirs is shown as written.
  learnerTests: [
    {
      name: "adds small numbers",
      state: "fail",
      durationMs: 0,
      logs: [],
      failure: { message: "12 tasks ran at once; the limit is 3: expected [ 1 ] to deeply equal [ 2 ]" },
    },
  ],
  loadErrors: [platformText("unhandledError", { message: "late rejection" })],
  traces: [],
  durationMs: 3,
  explorer: false,
};

function render(result: RunResult | undefined, extra: { hints?: Record<string, string>; running?: boolean } = {}) {
  const results = createElement(Results, {
    result,
    running: extra.running ?? false,
    hints: extra.hints ?? {},
    onLocate: () => {},
    runCount: 1,
  });
  const tree: ReactNode = createElement(LanguageProvider, { locale: "zh-cn", testText, children: results });
  return renderToString(tree);
}

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, "")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

describe("Results in Chinese", () => {
  const html = render(tests, { hints: { "Task 2: limits": "想想信号量。", "任务 2：限制并发": "wrong key" } });
  const shown = text(html);

  it("speaks Chinese in its own words", () => {
    expect(html, "region name").toContain('aria-label="测试结果"');
    expect(shown, "summary").toContain("1 个通过，5 个失败");
    expect(shown, "task numbers and states").toContain("任务 1. 加法 已完成");
    expect(shown, "not done").toContain("任务 2. 限制并发 尚未完成");
    expect(shown, "test states").toMatch(/小数相加 通过/);
    expect(shown, "console").toContain("控制台输出");
    expect(shown, "location").toContain("位置 limit.ts:3:5");
    expect(shown, "own tests").toContain("你自己的测试（只显示，不计入结果）");
  });

  it("translates the lesson's test names (paths part by part) and expect() messages, keeping the assertion's suffix", () => {
    expect(shown).toContain("同时进行的不超过上限 失败");
    expect(shown, "nested path").toContain("嵌套 > 同时进行的不超过上限");
    expect(shown, "message by template, vitest's sentence by shape").toContain(
      "同时运行了 12 个任务；上限是 3：期望 12 为 3 // Object.is 相等",
    );
    expect(shown, "the diff's header").toContain("- 期望\n+ 实际\n\n- 3\n+ 12");
  });

  it("shows platform messages by their code, and vitest's timeout in Chinese", () => {
    expect(shown).toContain("这个课程测试没有运行。");
    expect(shown, "unhandled, the learner's text kept").toContain("未处理的错误：late rejection");
    expect(shown, "vitest").toContain("测试在 5000ms 后超时。");
    expect(shown).not.toContain("did not run");
  });

  it("keeps Go's runtime text, the learner's own tests and their output as they are", () => {
    expect(shown).toContain("fatal error: all goroutines are asleep - deadlock!");
    expect(shown, "learner test name").toMatch(/adds small numbers 失败/);
    expect(shown, "learner test message, vitest's sentence translated").toContain(
      "12 tasks ran at once; the limit is 3：期望 [ 1 ] 深度等于 [ 2 ]",
    );
    expect(shown).toContain("hello from the learner");
  });

  it("finds hints by the English task name", () => {
    expect(shown).toContain("提示");
    expect(shown).toContain("想想信号量。");
    expect(shown).not.toContain("wrong key");
  });

  it("leaves no English word of its own", () => {
    const english = /\b(passed|failed|skipped|done|Task|Hint|Test results|Console output|Your own tests|at limit)\b/;
    // The learner's own test ("adds small numbers") and Go's text are not the UI's words.
    expect(shown.replace(/adds small numbers|12 tasks ran at once; the limit is 3/g, "")).not.toMatch(english);
    expect(shown, "vitest's words").not.toMatch(/\bexpected\b|Object\.is equality|deeply equal|Expected|Received/);
  });

  it("frames timeouts, crashes, compile errors and cancellation in Chinese", () => {
    const timeout = text(render({ kind: "timeout", timeoutMs: 5000, test: "Task 1: adds > adds small numbers" }));
    expect(timeout).toContain("运行“任务 1：加法 > 小数相加”时，5 秒后超时");
    const oom = text(
      render({
        kind: "crash",
        outOfMemory: true,
        test: "Task 1: adds > adds small numbers",
        ...platformText("outOfMemoryIn", { test: "Task 1: adds > adds small numbers" }),
      }),
    );
    expect(oom).toContain("你的代码在运行“任务 1：加法 > 小数相加”时耗尽了内存");
    const crash = text(render({ kind: "crash", ...platformText("harnessFailed", { error: "TypeError: x" }) }));
    expect(crash).toContain("运行在报告结果之前就失败了：测试框架出错了：TypeError: x");
    const compile = text(
      render({
        kind: "compile-error",
        errors: [
          {
            file: "main.ts",
            line: 1,
            column: 1,
            message: 'Cannot import "fs": only these modules are available: go, go/sync',
            lineText: 'import fs from "fs";',
          },
          { file: "", line: 0, column: 0, lineText: "", ...platformText("compilerFailed", { error: "no wasm" }) },
          { file: "main.ts", line: 2, column: 11, message: 'Expected ";" but found "x"', lineText: "let a = 1 x" },
          { file: "main.ts", line: 3, column: 1, message: "Some sentence esbuild may write one day", lineText: "" },
        ],
      }),
    );
    expect(compile).toContain("你的代码没有通过编译");
    expect(compile).toContain("不能导入 “fs”：只有这些模块可用：go, go/sync");
    expect(compile, "the compiler's own failure, by code").toContain("编译器启动失败：no wasm");
    expect(compile, "esbuild's sentence by its shape").toContain('此处应为 ";"，却遇到了 "x"');
    expect(compile, "a sentence of no known shape stays English").toContain("Some sentence esbuild may write one day");
    expect(text(render({ kind: "cancelled" }))).toContain("运行已取消。");
    expect(text(render(undefined))).toContain("按“运行”（Ctrl+Enter）测试你的代码。");
    expect(text(render(undefined, { running: true }))).toContain("正在运行…");
  });
});

describe("announcement in Chinese", () => {
  it("is one short Chinese line per outcome", () => {
    expect(announcement(tests, "zh-cn")).toBe("1 个通过，5 个失败。");
    expect(announcement({ ...tests, passed: 5, failed: 0, complete: true } as RunResult, "zh-cn")).toBe(
      "5 个通过，0 个失败。所有任务都已完成。",
    );
    expect(announcement({ kind: "timeout", timeoutMs: 5000 }, "zh-cn")).toBe("5 秒后超时。");
    expect(announcement({ kind: "cancelled" }, "zh-cn")).toBe("运行已取消。");
    expect(announcement({ kind: "compile-error", errors: [] }, "zh-cn")).toBe("你的代码没有通过编译：0 个错误。");
    expect(announcement({ kind: "crash", outOfMemory: true, ...platformText("outOfMemory") }, "zh-cn")).toBe(
      "运行耗尽了内存。",
    );
    expect(announcement({ kind: "crash", ...platformText("sandboxNotStarted") }, "zh-cn")).toBe(
      "运行在报告结果之前就失败了。",
    );
  });

  it("stays English without a locale", () => {
    expect(announcement({ kind: "timeout", timeoutMs: 5000 })).toBe("Timed out after 5 s.");
  });
});
