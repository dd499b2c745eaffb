import { describe, expect, it } from "vitest";
import type { RunResult, TestFailure } from "./protocol";
import { isPlatformText, isRunResult, readRunResult } from "./protocol-check";
import { PLATFORM_MESSAGES, platformParams, platformText, type PlatformCode } from "./platform-text";

const tests = (failure: unknown): unknown => ({
  kind: "tests",
  tasks: [
    {
      title: "Task 1",
      file: "a.test.ts",
      done: false,
      tests: [{ name: "t", state: "fail", durationMs: 0, logs: [], failure }],
    },
  ],
  passed: 0,
  failed: 1,
  complete: false,
  learnerTests: [],
  loadErrors: [],
  traces: [],
  durationMs: 1,
  explorer: false,
});

describe("platformText", () => {
  it("gives the English text and the code with exactly the parameters the message names", () => {
    expect(platformText("unhandledError", { message: "boom", extra: "dropped" })).toEqual({
      message: "Unhandled error: boom",
      platform: { code: "unhandledError", params: { message: "boom" } },
    });
    expect(platformText("lessonTestNotRun")).toEqual({
      message: "This lesson test did not run.",
      platform: { code: "lessonTestNotRun" },
    });
  });

  it("does not expand placeholders inside a parameter's value", () => {
    expect(platformText("unhandledError", { message: "{message} {test}" }).message).toBe(
      "Unhandled error: {message} {test}",
    );
  });

  it("is well formed for every code", () => {
    for (const code of Object.keys(PLATFORM_MESSAGES) as PlatformCode[]) {
      const params = Object.fromEntries(platformParams(code).map((n) => [n, "x"]));
      expect(isPlatformText(platformText(code, params).platform), code).toBe(true);
    }
  });
});

describe("isRunResult and platform messages", () => {
  const failure = (platform: unknown): TestFailure => ({ message: "m", platform }) as TestFailure;

  it("accepts a failure with a known code and its parameters", () => {
    expect(isRunResult(tests(failure({ code: "lessonTestNotRun" }))), "no parameters").toBe(true);
    expect(isRunResult(tests(failure({ code: "unhandledError", params: { message: "x" } }))), "one").toBe(true);
    expect(isRunResult(tests({ message: "plain" })), "no code at all").toBe(true);
  });

  const forged: [string, unknown][] = [
    ["an unknown code", { code: "youPassed" }],
    ["a prototype key as code", { code: "__proto__" }],
    ["another prototype key", { code: "toString" }],
    ["a code that is not a string", { code: 7 }],
    ["a string instead of an object", "lessonTestNotRun"],
    ["null", null],
    ["a missing parameter", { code: "unhandledError" }],
    ["an empty parameter record", { code: "unhandledError", params: {} }],
    ["an extra parameter", { code: "unhandledError", params: { message: "x", test: "y" } }],
    ["parameters on a message without any", { code: "lessonTestNotRun", params: { message: "x" } }],
    ["an object parameter", { code: "unhandledError", params: { message: { toString: "x" } } }],
    ["a non-finite number", { code: "explorerTimeout", params: { ms: Infinity } }],
    ["parameters that are an array", { code: "unhandledError", params: ["x"] }],
  ];
  for (const [what, platform] of forged) {
    it(`rejects a failure with ${what}`, () => {
      expect(isRunResult(tests(failure(platform)))).toBe(false);
    });
  }

  it("requires a crash to carry a well-formed platform message", () => {
    const crash = (value: object): unknown => ({ kind: "crash", message: "m", ...value });
    expect(isRunResult(crash({ platform: { code: "sandboxNotStarted" } })), "well formed").toBe(true);
    expect(isRunResult(crash({})), "missing").toBe(false);
    expect(isRunResult(crash({ platform: { code: "nope" } })), "unknown code").toBe(false);
    expect(isRunResult(crash({ platform: { code: "sandboxNotStarted" }, test: 5 })), "test not a string").toBe(false);
    const oom: RunResult = {
      kind: "crash",
      outOfMemory: true,
      test: "T",
      ...platformText("outOfMemoryIn", { test: "T" }),
    };
    expect(isRunResult(oom), "out of memory").toBe(true);
  });
});

describe("readRunResult", () => {
  const passed: RunResult = {
    kind: "tests",
    tasks: [],
    learnerTests: [],
    passed: 1,
    failed: 0,
    complete: true,
    loadErrors: [],
    traces: [],
    durationMs: 2,
    explorer: false,
  };

  it("reads a result sent as JSON", () => {
    expect(readRunResult(JSON.stringify(passed))).toEqual(passed);
  });

  it("refuses anything else: an object, text that is not JSON, JSON of another shape", () => {
    expect(readRunResult(passed)).toBeUndefined();
    expect(readRunResult("{")).toBeUndefined();
    expect(readRunResult(JSON.stringify({ ...passed, passed: "1" }))).toBeUndefined();
    expect(readRunResult(JSON.stringify(null))).toBeUndefined();
  });
});
