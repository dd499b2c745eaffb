// Runs exercise test files with @vitest/runner inside the sandbox worker and
// turns Vitest's task tree into the RunResult the exercise UI shows.

import { startTests, type File, type Suite, type Task, type Test, type VitestRunner } from "@vitest/runner";
import type { TaskOutcome, TestFailure, TestOutcome, Trace } from "../protocol";
import type { ConsoleCapture } from "./console-capture";
import type { StackMapper } from "./stack-mapper";
import { MAX_DIFF_CHARS, MAX_MESSAGE_CHARS, capText } from "../output-limits";

export interface TestRunOptions {
  /** Test file name to a function that loads (and so registers) it. */
  files: Record<string, () => Promise<unknown>>;
  capture: ConsoleCapture;
  mapper: StackMapper;
  /** Per-test timeout for hung async tests; the host's wall clock covers sync loops. */
  testTimeoutMs: number;
  /** Traces recorded by the Go runtime, appended as each test's bubbles end. */
  traces: Trace[];
  /** Called when a test starts, so traces can carry the test's name; `path` adds its describe blocks. */
  onTestStart?: (name: string, path: string) => void;
}

export interface TestRunSummary {
  tasks: TaskOutcome[];
  passed: number;
  failed: number;
  loadErrors: TestFailure[];
}

// eslint-disable-next-line no-control-regex -- ANSI colour codes start with ESC
const ANSI = /\u001b\[[0-9;]*m/g;

function stripAnsi(text: string): string {
  return text.replace(ANSI, "");
}

interface SerializedError {
  message?: string;
  name?: string;
  diff?: string;
  stack?: string;
  stacks?: unknown;
}

function toFailure(error: SerializedError | undefined, mapper: StackMapper): TestFailure {
  // Go runtime reports (GoDeadlock, GoLeak, GoPanic, ...) already start with Go's own headline.
  const plain =
    !error?.name || error.name === "Error" || error.name === "AssertionError" || error.name.startsWith("Go");
  const name = plain ? "" : `${error!.name}: `;
  // Cap before stripping: a regex over megabytes would cost more than the cut.
  const failure: TestFailure = {
    message: stripAnsi(capText(`${name}${error?.message ?? "unknown error"}`, MAX_MESSAGE_CHARS)),
  };
  if (error?.diff) failure.diff = stripAnsi(capText(error.diff, MAX_DIFF_CHARS));
  const location = mapper.locate(error?.stack);
  if (location) failure.location = location;
  return failure;
}

/** "Task 2 > keeps at most limit tasks in flight": the test's name under its describe blocks. */
function testPath(test: Test): string {
  const names = [test.name];
  // The file is a suite too (the only one with a filepath); it is not part of the name.
  for (let suite = test.suite; suite && !("filepath" in suite); suite = suite.suite) {
    names.unshift(suite.name);
  }
  return names.join(" > ");
}

function collectTests(task: Task, prefix: string, out: Test[], names: Map<Test, string>): void {
  if (task.type === "test") {
    out.push(task);
    names.set(task, prefix + task.name);
    return;
  }
  for (const child of (task as Suite).tasks) collectTests(child, `${prefix}${task.name} > `, out, names);
}

function outcome(test: Test, name: string, options: TestRunOptions): TestOutcome {
  const state = test.result?.state;
  const { logs, truncated } = options.capture.take(test.id);
  const result: TestOutcome = {
    name,
    state: state === "pass" ? "pass" : state === "fail" ? "fail" : "skip",
    durationMs: test.result?.duration ?? 0,
    logs,
  };
  if (truncated) result.logsTruncated = true;
  if (state === "fail") result.failure = toFailure(test.result?.errors?.[0] as SerializedError, options.mapper);
  return result;
}

function summarize(files: File[], options: TestRunOptions): TestRunSummary {
  const tasks: TaskOutcome[] = [];
  const loadErrors: TestFailure[] = [];
  let passed = 0;
  let failed = 0;
  for (const file of files) {
    const loose: TestOutcome[] = [];
    for (const error of file.result?.errors ?? []) loadErrors.push(toFailure(error as SerializedError, options.mapper));
    for (const task of file.tasks) {
      const tests: Test[] = [];
      const names = new Map<Test, string>();
      if (task.type === "test") {
        collectTests(task, "", tests, names);
        loose.push(...tests.map((t) => outcome(t, names.get(t) ?? t.name, options)));
        continue;
      }
      for (const child of (task as Suite).tasks) collectTests(child, "", tests, names);
      const entry: TaskOutcome = {
        title: task.name,
        file: file.name,
        tests: tests.map((t) => outcome(t, names.get(t) ?? t.name, options)),
      };
      const suiteError = task.result?.errors?.[0];
      if (suiteError) entry.failure = toFailure(suiteError as SerializedError, options.mapper);
      tasks.push(entry);
    }
    if (loose.length > 0) tasks.push({ title: file.name, file: file.name, tests: loose });
  }
  for (const task of tasks) {
    for (const test of task.tests) {
      if (test.state === "pass") passed++;
      else if (test.state === "fail") failed++;
    }
    // A failing hook with no failing test still counts as a failure.
    if (task.failure && task.tests.every((t) => t.state !== "fail")) failed++;
  }
  failed += loadErrors.length;
  return { tasks, passed, failed, loadErrors };
}

/** Runs every test file in order and summarises the results. */
export async function runTestFiles(options: TestRunOptions): Promise<TestRunSummary> {
  const runner: VitestRunner = {
    config: {
      root: "/",
      setupFiles: [],
      name: "sandbox",
      passWithNoTests: false,
      testNamePattern: undefined,
      allowOnly: true,
      sequence: { seed: 0, hooks: "stack", setupFiles: "list" },
      chaiConfig: undefined,
      maxConcurrency: 5,
      testTimeout: options.testTimeoutMs,
      hookTimeout: options.testTimeoutMs,
      retry: 0,
      includeTaskLocation: false,
      tags: [],
      tagsFilter: undefined,
      strictTags: false,
    },
    async importFile(filepath) {
      const load = options.files[filepath];
      if (!load) throw new Error(`No test file named ${filepath}`);
      options.capture.select("");
      await load();
    },
    onBeforeTryTask(test) {
      options.capture.select(test.id);
      options.onTestStart?.(test.name, testPath(test));
    },
    onAfterTryTask() {
      options.capture.select("");
    },
  };
  const files = await startTests(Object.keys(options.files), runner);
  return summarize(files, options);
}
