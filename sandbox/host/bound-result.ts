// Caps what arrived from the sandbox before the page renders it. The runner
// caps its own output, but a message learner code posted itself never went
// through the runner; strings are cut with a "N more bytes" line and long
// lists keep a count of what was left out.

import type {
  ExplorerResponse,
  PlatformText,
  RunResult,
  TaskOutcome,
  TestFailure,
  TestOutcome,
  Trace,
} from "../protocol";
import { isPlatformText } from "../protocol-check";
import {
  MAX_BODY_CHARS,
  MAX_DIFF_CHARS,
  MAX_HEADERS,
  MAX_HEADER_CHARS,
  MAX_LOG_LINES,
  MAX_MESSAGE_CHARS,
  MAX_NAME_CHARS,
  capText,
} from "../output-limits";

/** Most tasks, tests per task, load errors and traces the page renders. */
export const MAX_TASKS = 100;
export const MAX_TESTS_PER_TASK = 300;
export const MAX_LOAD_ERRORS = 20;
export const MAX_TRACES = 30;
export const MAX_TRACE_EVENTS = 20_000;
export const MAX_TRACE_GOROUTINES = 2_000;

function list<T>(value: unknown, max: number): T[] {
  return Array.isArray(value) ? (value.slice(0, max) as T[]) : [];
}

function count(value: unknown): number {
  return typeof value === "number" && Number.isFinite(value) ? value : 0;
}

/** boundPlatform caps a platform message's string parameters (a learner's error can be any size). */
export function boundPlatform(text: PlatformText): PlatformText {
  if (!text.params) return { code: text.code };
  const params = Object.fromEntries(
    Object.entries(text.params).map(([k, v]) => [k, typeof v === "string" ? capText(v, MAX_MESSAGE_CHARS) : v]),
  );
  return { code: text.code, params };
}

/** boundFailure caps a failure's message, diff and location. */
export function boundFailure(failure: TestFailure): TestFailure {
  const out: TestFailure = { message: capText(failure.message, MAX_MESSAGE_CHARS) };
  if (failure.platform) out.platform = boundPlatform(failure.platform);
  if (failure.diff) out.diff = capText(failure.diff, MAX_DIFF_CHARS);
  if (failure.location) out.location = capText(failure.location, MAX_NAME_CHARS);
  return out;
}

function boundTest(test: TestOutcome): TestOutcome {
  const logs = list<unknown>(test.logs, MAX_LOG_LINES).map((line) => capText(line, MAX_MESSAGE_CHARS));
  const out: TestOutcome = {
    ...test,
    name: capText(test.name, MAX_NAME_CHARS),
    durationMs: count(test.durationMs),
    logs,
  };
  if (Array.isArray(test.logs) && test.logs.length > MAX_LOG_LINES) out.logsTruncated = true;
  if (test.failure) out.failure = boundFailure(test.failure);
  return out;
}

function boundTask(task: TaskOutcome): TaskOutcome {
  const tests = Array.isArray(task.tests) ? task.tests : [];
  const out: TaskOutcome = {
    ...task,
    title: capText(task.title, MAX_NAME_CHARS),
    file: capText(task.file, MAX_NAME_CHARS),
    tests: tests.slice(0, MAX_TESTS_PER_TASK).map(boundTest),
  };
  if (tests.length > MAX_TESTS_PER_TASK) out.hiddenTests = tests.length - MAX_TESTS_PER_TASK;
  if (task.failure) out.failure = boundFailure(task.failure);
  return out;
}

function boundTrace(trace: Trace): Trace {
  return {
    ...trace,
    goroutines: list(trace.goroutines, MAX_TRACE_GOROUTINES),
    events: list(trace.events, MAX_TRACE_EVENTS),
  };
}

/** boundResult returns result with every string and list cut to what the page renders quickly. */
export function boundResult(result: RunResult): RunResult {
  switch (result.kind) {
    case "tests": {
      const tasks = Array.isArray(result.tasks) ? result.tasks : [];
      const out: RunResult = {
        ...result,
        tasks: tasks.slice(0, MAX_TASKS).map(boundTask),
        loadErrors: list<TestFailure>(result.loadErrors, MAX_LOAD_ERRORS).map(boundFailure),
        traces: list<Trace>(result.traces, MAX_TRACES).map(boundTrace),
        learnerTests: list<TestOutcome>(result.learnerTests, MAX_TESTS_PER_TASK).map(boundTest),
        passed: count(result.passed),
        failed: count(result.failed),
        durationMs: count(result.durationMs),
      };
      if (tasks.length > MAX_TASKS) out.hiddenTasks = tasks.length - MAX_TASKS;
      return out;
    }
    case "crash":
      return {
        ...result,
        message: capText(result.message, MAX_MESSAGE_CHARS),
        platform: boundPlatform(result.platform),
        ...(result.test === undefined ? {} : { test: capText(result.test, MAX_NAME_CHARS) }),
      };
    case "compile-error":
      return {
        kind: "compile-error",
        errors: list<(typeof result.errors)[number]>(result.errors, MAX_LOAD_ERRORS).map((e) => ({
          ...e,
          message: capText(e.message, MAX_MESSAGE_CHARS),
          lineText: capText(e.lineText, MAX_NAME_CHARS),
        })),
      };
    default:
      return result;
  }
}

/** boundExplorerResponse caps a response's body, headers and error text. */
export function boundExplorerResponse(response: Omit<ExplorerResponse, "wallMs">): Omit<ExplorerResponse, "wallMs"> {
  const headers = list<[unknown, unknown]>(response?.headers, MAX_HEADERS)
    .filter((h) => Array.isArray(h))
    .map(([name, value]): [string, string] => [capText(name, MAX_HEADER_CHARS), capText(value, MAX_HEADER_CHARS)]);
  const out: Omit<ExplorerResponse, "wallMs"> = {
    status: count(response?.status),
    statusText: capText(response?.statusText, MAX_NAME_CHARS),
    headers,
    body: capText(response?.body, MAX_BODY_CHARS),
  };
  if (typeof response?.virtualMs === "number") out.virtualMs = response.virtualMs;
  if (response?.error !== undefined) out.error = capText(String(response.error), MAX_MESSAGE_CHARS);
  // A platform message that is not well formed is dropped: the page then shows `error` as it is.
  if (isPlatformText(response?.platform)) out.platform = boundPlatform(response.platform!);
  return out;
}
