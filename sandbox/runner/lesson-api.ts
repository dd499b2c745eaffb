// The two "vitest" modules of a Run. The lesson's test files get the lesson
// API: each test it registers gets a private record, and the runner's verdict
// comes from those records only (the test body resolved, no lesson hook
// failed, vitest agreed), never from task objects learner code can reach.
// Learner files get the learner API: their tests are run and shown apart,
// their hooks never run for lesson tests, and `.only` in them never skips a
// lesson test. The compiler decides which file gets which module.

import {
  afterAll as realAfterAll,
  afterEach as realAfterEach,
  beforeAll as realBeforeAll,
  beforeEach as realBeforeEach,
  describe as realDescribe,
  getCurrentTest,
  it as realIt,
  onTestFailed as realOnTestFailed,
  onTestFinished as realOnTestFinished,
  type Task,
} from "@vitest/runner";
import { expect } from "./expect";
import { reportable } from "./thrown";
import { platformError } from "../platform-text";

const { apply } = Reflect;
const { getOwnPropertySymbols } = Object;
const resolve = Promise.resolve.bind(Promise) as <T>(value: T) => Promise<Awaited<T>>;
const then = Promise.prototype.then;
const push = Array.prototype.push;
const pop = Array.prototype.pop;
const slice = Array.prototype.slice;

/** Marks a task's meta as registered by the lesson (display only: the verdict uses records). */
const LESSON = Symbol("lesson test");

/** One lesson test as registered: its file, path of names and, once run, whether it passed. */
export interface LessonRecord {
  file: string;
  path: string[];
  outcome?: { passed: boolean; test: Task; error?: Error };
}

/** A failing lesson beforeAll/afterAll, under the describe path it was registered in. */
export interface HookFailure {
  file: string;
  path: string[];
  error: Error;
}

interface Attempt {
  test: Task;
  record?: LessonRecord;
  fnOk: boolean;
  hookFailed: boolean;
  error?: Error;
  finished: boolean;
}

const records: LessonRecord[] = [];
const hookFailures: HookFailure[] = [];
const describePath: string[] = [];
const attempts = new WeakMap<Task, Attempt>();
let current: Attempt | undefined;
let collecting = "";

/** Runner callback: the test file whose registrations follow. */
export function setCollectingFile(name: string): void {
  collecting = name;
}

function thenCall<T>(value: unknown, ok: (v: unknown) => T, fail: (e: unknown) => never): Promise<T> {
  return apply(then, resolve(value), [ok, fail]) as Promise<T>;
}

function isThenable(value: unknown): boolean {
  try {
    return (
      (typeof value === "object" || typeof value === "function") &&
      value !== null &&
      typeof (value as { then?: unknown }).then === "function"
    );
  } catch {
    return false;
  }
}

/** Calls `fn`; `done(error?)` runs once it returned or threw, sync or async. Thrown values become reportable Errors. */
function guarded(fn: (...args: unknown[]) => unknown, self: unknown, args: unknown[], done: (error?: Error) => void) {
  let result: unknown;
  try {
    result = apply(fn, self, args);
  } catch (error) {
    const safe = reportable(error);
    done(safe);
    throw safe;
  }
  if (!isThenable(result)) {
    done();
    return result;
  }
  return thenCall(
    result,
    (value) => {
      done();
      return value;
    },
    (error) => {
      const safe = reportable(error);
      done(safe);
      throw safe;
    },
  );
}

type Fn = (...args: unknown[]) => unknown;

function lessonTest(name: string, a?: unknown, b?: unknown): void {
  const fn = (typeof a === "function" ? a : b) as Fn | undefined;
  const given = typeof a === "object" && a !== null ? (a as { meta?: object }) : {};
  const options: Record<PropertyKey, unknown> = { ...given, meta: { ...given.meta, [LESSON]: true } };
  if (typeof a === "function" && typeof b === "number") options.timeout = b;
  const record: LessonRecord = { file: collecting, path: [...describePath, name] };
  apply(push, records, [record]);
  const body =
    fn &&
    function lessonBody(this: unknown, ...args: unknown[]) {
      const attempt = current;
      if (attempt) attempt.record = record;
      return guarded(fn, this, args, (error) => {
        if (!attempt || attempt.finished) return;
        if (error) attempt.error = error;
        else attempt.fnOk = true;
      });
    };
  realIt(name, options, body);
}

function lessonDescribe(name: string, a?: unknown, b?: unknown): void {
  const factory = (typeof a === "function" ? a : b) as Fn | undefined;
  realDescribe(name, function lessonFactory(this: unknown, ...args: unknown[]) {
    apply(push, describePath, [name]);
    return guarded(factory ?? (() => {}), this, args, () => apply(pop, describePath, [])) as void;
  });
}

function lessonEachHook(register: (fn: Fn) => void) {
  return (fn: Fn) =>
    register(function lessonHook(this: unknown, ...args: unknown[]) {
      const attempt = current;
      return guarded(fn, this, args, (error) => {
        if (error && attempt) attempt.hookFailed = true;
      });
    });
}

function lessonAllHook(register: (fn: Fn) => void) {
  return (fn: Fn) => {
    const path = apply(slice, describePath, []) as string[];
    const file = collecting;
    register(function lessonHook(this: unknown, ...args: unknown[]) {
      return guarded(fn, this, args, (error) => {
        if (error) apply(push, hookFailures, [{ file, path, error }]);
      });
    });
  };
}

/** The "vitest" module lesson test files import. */
export const lessonVitest = {
  describe: lessonDescribe,
  suite: lessonDescribe,
  it: lessonTest,
  test: lessonTest,
  beforeEach: lessonEachHook(realBeforeEach as (fn: Fn) => void),
  afterEach: lessonEachHook(realAfterEach as (fn: Fn) => void),
  beforeAll: lessonAllHook(realBeforeAll as (fn: Fn) => void),
  afterAll: lessonAllHook(realAfterAll as (fn: Fn) => void),
  onTestFinished: realOnTestFinished,
  onTestFailed: realOnTestFailed,
  expect,
};

/** True when `task` was registered by a lesson test file (for display; the verdict uses records). */
export function isLessonTask(task: Task): boolean {
  try {
    const meta = task.meta as Record<PropertyKey, unknown> | undefined;
    return Boolean(meta && getOwnPropertySymbols(meta).includes(LESSON) && meta[LESSON] === true);
  } catch {
    return false;
  }
}

function wrapFn(fn: Fn): Fn {
  return function learnerFn(this: unknown, ...args: unknown[]) {
    return guarded(fn, this, args, () => {});
  };
}

/** Wraps a vitest API (and every chain: .skip, .each(...), .only, ...) so thrown values stay reportable. */
function learnerApi<T extends object>(target: T): T {
  return new Proxy(target, {
    apply(fn, self, args: unknown[]) {
      const mapped = args.map((arg) => (typeof arg === "function" ? wrapFn(arg as Fn) : arg));
      const result = apply(fn as Fn, self, mapped);
      return typeof result === "function" ? learnerApi(result as object) : result;
    },
    get(obj, key) {
      const value = (obj as Record<PropertyKey, unknown>)[key];
      return typeof value === "function" ? learnerApi(value as object) : value;
    },
  });
}

function notForLessonTests<F extends Fn>(name: string, register: F): F {
  return ((fn: Fn, ...rest: unknown[]) => {
    const test = getCurrentTest();
    if (test && isLessonTask(test)) throw platformError("learnerOnly", { name });
    return register(wrapFn(fn), ...rest);
  }) as F;
}

function learnerEachHook(register: Fn) {
  return (fn: Fn, ...rest: unknown[]) =>
    register(
      function learnerHook(this: unknown, ...args: unknown[]) {
        const context = args[0] as { task?: Task } | undefined;
        if (context?.task && isLessonTask(context.task)) return undefined;
        return guarded(fn, this, args, () => {});
      },
      ...rest,
    );
}

/** The "vitest" module learner files import. */
export const learnerVitest = {
  describe: learnerApi(realDescribe),
  suite: learnerApi(realDescribe),
  it: learnerApi(realIt),
  test: learnerApi(realIt),
  beforeEach: learnerEachHook(realBeforeEach as Fn),
  afterEach: learnerEachHook(realAfterEach as Fn),
  beforeAll: learnerApi(realBeforeAll),
  afterAll: learnerApi(realAfterAll),
  onTestFinished: notForLessonTests("onTestFinished", realOnTestFinished as Fn),
  onTestFailed: notForLessonTests("onTestFailed", realOnTestFailed as Fn),
  expect,
};

/** Runner callback: a test's attempt starts (before its beforeEach hooks). */
export function beginAttempt(test: Task): void {
  current = { test, fnOk: false, hookFailed: false, finished: false };
  attempts.set(test, current);
}

/** Runner callback: a test is over (after afterEach and onTestFinished). Settles its lesson record. */
export function endAttempt(test: Task, vitestState: string | undefined): void {
  const attempt = attempts.get(test);
  if (!attempt || attempt.finished) return;
  attempt.finished = true;
  if (current === attempt) current = undefined;
  const record = attempt.record;
  if (!record || record.outcome) return;
  const passed = attempt.fnOk && !attempt.hookFailed && vitestState === "pass";
  record.outcome = { passed, test, ...(attempt.error ? { error: attempt.error } : {}) };
}

/** The lesson tests registered so far, in registration order. */
export function lessonRecords(): readonly LessonRecord[] {
  return records;
}

/** Failing lesson beforeAll/afterAll hooks. */
export function lessonHookFailures(): readonly HookFailure[] {
  return hookFailures;
}
