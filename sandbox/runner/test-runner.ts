// Runs exercise test files with @vitest/runner inside the sandbox worker and
// turns the result into the RunResult the exercise UI shows. The verdict
// (which lesson test passed, whether the lesson is complete) comes from the
// lesson API's private records checked against the build-time list of lesson
// tests; vitest's task tree, which learner code can reach, only supplies
// failure messages, diffs and console output.

import { startTests, type File, type Suite, type Task, type Test, type VitestRunner } from "@vitest/runner";
import type { LessonTests, TaskOutcome, TestFailure, TestOutcome, Trace } from "../protocol";
import type { ConsoleCapture } from "./console-capture";
import {
  beginAttempt,
  endAttempt,
  isLessonTask,
  lessonHookFailures,
  lessonRecords,
  setCollectingFile,
} from "./lesson-api";
import type { StackMapper } from "./stack-mapper";
import { toFailure, type SerializedError } from "./failure";
import { reportable } from "./thrown";
import { platformText } from "../platform-text";

export interface TestRunOptions {
  /** Test file name to a function that loads (and so registers) it. */
  files: Record<string, () => Promise<unknown>>;
  /** The lesson's tests per file, from the build. */
  lessonTests: LessonTests;
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
  learnerTests: TestOutcome[];
  passed: number;
  failed: number;
  loadErrors: TestFailure[];
  /** Every lesson test ran and passed and no test file or lesson hook failed. */
  complete: boolean;
}

const SEP = "\u0000";

type LessonRecord = ReturnType<typeof lessonRecords>[number];

/** Every test under `task` with its path of names (describe titles, then the test's). */
function testsOf(task: Task, prefix: string[], out: [Test, string[]][]): void {
  const path = [...prefix, task.name];
  if (task.type === "test") out.push([task, path]);
  else for (const child of (task as Suite).tasks ?? []) testsOf(child, path, out);
}

function fileTests(file: File): [Test, string[]][] {
  const out: [Test, string[]][] = [];
  for (const task of file.tasks) testsOf(task, [], out);
  return out;
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

/** `.only` in learner code never skips a lesson test: lesson tests (and their suites) run regardless. */
function runLessonTests(files: File[]): void {
  for (const file of files) {
    for (const [test] of fileTests(file)) {
      if (!isLessonTask(test) || test.mode !== "skip") continue;
      test.mode = "run";
      for (let suite: Suite | undefined = test.suite; suite; suite = suite.suite)
        if (suite.mode === "skip") suite.mode = "run";
      if (file.mode === "skip") file.mode = "run";
    }
  }
}

function display(test: Test | undefined, name: string, options: TestRunOptions): TestOutcome {
  const { logs, truncated } = test ? options.capture.take(test.id) : { logs: [], truncated: false };
  const state = test?.result?.state;
  const outcome: TestOutcome = {
    name,
    state: state === "pass" ? "pass" : state === "fail" ? "fail" : "skip",
    durationMs: typeof test?.result?.duration === "number" ? test.result.duration : 0,
    logs,
  };
  if (truncated) outcome.logsTruncated = true;
  if (state === "fail") outcome.failure = toFailure(test?.result?.errors?.[0] as SerializedError, options.mapper);
  return outcome;
}

function notRun(test: Test | undefined): TestFailure {
  const state = test?.result?.state;
  if (state === "skip" || test?.mode === "skip" || test?.mode === "todo") return platformText("lessonTestSkipped");
  return platformText("lessonTestNotRun");
}

/** One lesson test as shown: the record's verdict decides the state; vitest's task only adds detail. */
function lessonOutcome(
  record: LessonRecord | undefined,
  test: Test | undefined,
  name: string,
  options: TestRunOptions,
) {
  const shown = display(test, name, options);
  if (record?.outcome?.passed) {
    const passed: TestOutcome = { ...shown, state: "pass" };
    delete passed.failure;
    return passed;
  }
  let failure = shown.failure;
  if (!failure && record?.outcome?.error) failure = toFailure(record.outcome.error as SerializedError, options.mapper);
  if (!failure) failure = record?.outcome ? platformText("lessonTestNotPassed") : notRun(test);
  const outcome: TestOutcome = { ...shown, state: "fail", failure };
  return outcome;
}

function summarize(files: File[], options: TestRunOptions): TestRunSummary {
  const loadErrors: TestFailure[] = [];
  const tasks: TaskOutcome[] = [];
  const taskByKey = new Map<string, TaskOutcome>();
  const taskFor = (file: string, path: string[]): TaskOutcome => {
    const title = path.length > 1 ? path[0]! : file;
    const key = file + SEP + title;
    let task = taskByKey.get(key);
    if (!task) {
      task = { title, file, tests: [], done: true };
      taskByKey.set(key, task);
      tasks.push(task);
    }
    return task;
  };

  // Vitest's tasks: lesson ones by file and path (for detail), the rest are the learner's.
  const treeTests = new Map<string, Test[]>();
  const learnerTests: TestOutcome[] = [];
  for (const file of files) {
    for (const error of file.result?.errors ?? []) loadErrors.push(toFailure(error as SerializedError, options.mapper));
    for (const [test, path] of fileTests(file)) {
      if (!isLessonTask(test)) {
        learnerTests.push(display(test, path.join(" > "), options));
        continue;
      }
      const key = file.filepath + SEP + path.join(SEP);
      treeTests.set(key, [...(treeTests.get(key) ?? []), test]);
    }
  }

  const records = new Map<string, LessonRecord[]>();
  for (const record of lessonRecords()) {
    const key = record.file + SEP + record.path.join(SEP);
    records.set(key, [...(records.get(key) ?? []), record]);
  }

  let passed = 0;
  let failed = 0;
  const show = (file: string, path: string[], record: LessonRecord | undefined) => {
    const key = file + SEP + path.join(SEP);
    const test = record?.outcome?.test ?? treeTests.get(key)?.shift();
    const name = path.length > 1 ? path.slice(1).join(" > ") : (path[0] ?? "");
    const outcome = lessonOutcome(record, test as Test | undefined, name, options);
    const task = taskFor(file, path);
    task.tests.push(outcome);
    if (outcome.state === "pass") passed++;
    else {
      failed++;
      task.done = false;
    }
  };
  // Each lesson test the build listed must have a record that passed.
  for (const file of Object.keys(options.lessonTests)) {
    for (const path of options.lessonTests[file]!) {
      show(file, path, records.get(file + SEP + path.join(SEP))?.shift());
    }
  }
  // Lesson tests the build did not list count too.
  for (const rest of records.values()) for (const record of rest) show(record.file, record.path, record);

  for (const file of files) {
    for (const task of file.tasks) {
      const error = task.type === "suite" ? task.result?.errors?.[0] : undefined;
      if (!error) continue;
      const failure = toFailure(error as SerializedError, options.mapper);
      const lesson = taskByKey.get(file.filepath + SEP + task.name);
      if (lesson) {
        lesson.failure = failure;
        lesson.done = false;
      } else learnerTests.push({ name: task.name, state: "fail", durationMs: 0, logs: [], failure });
    }
  }
  for (const { file, path, error } of lessonHookFailures()) {
    const task = taskFor(file, path.length > 0 ? [path[0]!, ""] : [file]);
    task.failure ??= toFailure(error as SerializedError, options.mapper);
    task.done = false;
    failed++;
  }
  for (const task of tasks) if (task.tests.length === 0) task.done = false;

  failed += loadErrors.length;
  const complete = passed > 0 && failed === 0 && tasks.length > 0 && tasks.every((t) => t.done);
  return { tasks, learnerTests, passed, failed, loadErrors, complete };
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
    onCollectStart(file) {
      setCollectingFile(file.filepath);
    },
    async importFile(filepath) {
      const load = options.files[filepath];
      if (!load) throw new Error(`No test file named ${filepath}`);
      options.capture.select("");
      try {
        await load();
      } catch (error) {
        throw reportable(error);
      }
    },
    onCollected(files) {
      runLessonTests(files);
    },
    onBeforeTryTask(test) {
      beginAttempt(test);
      options.capture.select(test.id);
      options.onTestStart?.(test.name, testPath(test));
    },
    onAfterTryTask() {
      options.capture.select("");
    },
    onAfterRunTask(test) {
      endAttempt(test, test.result?.state);
    },
  };
  const files = await startTests(Object.keys(options.files), runner);
  return summarize(files, options);
}
