import { describe, expect, it } from "vitest";
import type { RunResult, TaskOutcome } from "../protocol";
import { MAX_BODY_CHARS, MAX_MESSAGE_CHARS } from "../output-limits";
import { MAX_TASKS, MAX_TESTS_PER_TASK, boundExplorerResponse, boundResult } from "./bound-result";

const huge = "m".repeat(10 * 1024 * 1024);

function tests(tasks: TaskOutcome[]): RunResult {
  return {
    kind: "tests",
    tasks,
    passed: 0,
    failed: 1,
    complete: false,
    learnerTests: [],
    loadErrors: [],
    traces: [],
    durationMs: 1,
    explorer: false,
  };
}

describe("boundResult", () => {
  it("caps failure messages, diffs, logs and load errors", () => {
    const result = boundResult({
      ...(tests([
        {
          title: "Task 1",
          done: false,
          file: "a.test.ts",
          tests: [
            {
              name: "t",
              state: "fail",
              durationMs: 1,
              logs: [huge, ...Array.from({ length: 500 }, () => "line")],
              failure: { message: huge, diff: huge, location: "a.ts:1:1" },
            },
          ],
        },
      ]) as Extract<RunResult, { kind: "tests" }>),
      loadErrors: [{ message: huge }],
    });
    if (result.kind !== "tests") throw new Error(result.kind);
    const test = result.tasks[0]!.tests[0]!;
    expect(test.failure!.message.length).toBeLessThan(MAX_MESSAGE_CHARS + 100);
    expect(test.failure!.message).toMatch(/more bytes \(10\.0 MB in all\)$/);
    expect(test.failure!.diff!.length).toBeLessThan(MAX_MESSAGE_CHARS + 100);
    expect(test.failure!.location).toBe("a.ts:1:1");
    expect(test.logs.length).toBe(100);
    expect(test.logs[0]!.length).toBeLessThan(MAX_MESSAGE_CHARS + 100);
    expect(test.logsTruncated).toBe(true);
    expect(result.loadErrors[0]!.message.length).toBeLessThan(MAX_MESSAGE_CHARS + 100);
  });

  it("keeps a count of tasks and tests it leaves out", () => {
    const many = Array.from({ length: MAX_TESTS_PER_TASK + 5 }, (_, i) => ({
      name: `t${i}`,
      state: "pass" as const,
      durationMs: 0,
      logs: [],
    }));
    const result = boundResult(
      tests(Array.from({ length: MAX_TASKS + 2 }, (_, i) => ({ title: `T${i}`, file: "f", done: true, tests: many }))),
    );
    if (result.kind !== "tests") throw new Error(result.kind);
    expect(result.tasks).toHaveLength(MAX_TASKS);
    expect(result.hiddenTasks).toBe(2);
    expect(result.tasks[0]!.tests).toHaveLength(MAX_TESTS_PER_TASK);
    expect(result.tasks[0]!.hiddenTests).toBe(5);
  });

  it("leaves small results as they were", () => {
    const small = tests([
      { title: "Task 1", file: "f", done: true, tests: [{ name: "t", state: "pass", durationMs: 2, logs: ["hi"] }] },
    ]);
    expect(boundResult(small)).toEqual(small);
    expect(boundResult({ kind: "timeout", timeoutMs: 5000, test: "x" })).toEqual({
      kind: "timeout",
      timeoutMs: 5000,
      test: "x",
    });
  });

  it("caps crash messages, the platform message's parameters and the test name", () => {
    const result = boundResult({
      kind: "crash",
      message: huge,
      platform: { code: "harnessFailed", params: { error: huge } },
      test: huge,
    });
    if (result.kind !== "crash") throw new Error(`kind ${result.kind}`);
    expect(result.message.length, "message").toBeLessThan(MAX_MESSAGE_CHARS + 100);
    expect(String(result.platform.params!.error).length, "parameter").toBeLessThan(MAX_MESSAGE_CHARS + 100);
    expect(result.platform.code, "code kept").toBe("harnessFailed");
    expect(result.test!.length, "test").toBeLessThan(MAX_MESSAGE_CHARS + 100);
  });
});

describe("boundExplorerResponse", () => {
  it("caps the body and headers, keeping the status", () => {
    const response = boundExplorerResponse({
      status: 200,
      statusText: "OK",
      headers: Array.from({ length: 1000 }, (_, i): [string, string] => [`X-${i}`, "v".repeat(i === 0 ? 1e6 : 3000)]),
      body: "b".repeat(20 * 1024 * 1024),
      virtualMs: 3,
    });
    expect(response.status).toBe(200);
    expect(response.body.length).toBeLessThan(MAX_BODY_CHARS + 100);
    expect(response.body).toMatch(/more bytes \(20\.0 MB in all\)$/);
    expect(response.headers.length).toBe(200);
    expect(response.headers[0]![1].length).toBeLessThan(2100);
    expect(response.virtualMs).toBe(3);
  });

  it("keeps a well-formed platform message and drops a forged one", () => {
    const base = { status: 0, statusText: "", headers: [], body: "", error: "e" };
    const good = boundExplorerResponse({ ...base, platform: { code: "explorerTimeout", params: { ms: 5000 } } });
    expect(good.platform, "well formed").toEqual({ code: "explorerTimeout", params: { ms: 5000 } });
    for (const platform of [
      { code: "__proto__" },
      { code: "explorerTimeout" },
      { code: "explorerTimeout", params: { ms: {} } },
      { code: "explorerStopped", params: { extra: "x" } },
      "explorerStopped",
    ]) {
      const answer = boundExplorerResponse({ ...base, platform } as never);
      expect(answer.platform, JSON.stringify(platform)).toBeUndefined();
      expect(answer.error, "the raw text stays").toBe("e");
    }
  });

  it("survives a response that is not shaped like one", () => {
    const response = boundExplorerResponse({ status: "x", headers: "no", body: 5 } as never);
    expect(response).toEqual({ status: 0, statusText: "", headers: [], body: "" });
  });
});
